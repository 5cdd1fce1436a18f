"""One folder per feature: its dialogue, its texts and its store."""
