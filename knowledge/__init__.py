"""Curated reverse-hyperextension knowledge and the matcher that finds the entry for a message."""
