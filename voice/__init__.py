"""Voice notes: decode and encode audio, speech to text with a domain language model, and text to
speech. Everything runs offline on packages from PyPI; nothing here knows about Telegram."""
