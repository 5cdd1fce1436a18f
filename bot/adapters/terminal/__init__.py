"""The terminal transport: chat, ask and the curation commands."""
