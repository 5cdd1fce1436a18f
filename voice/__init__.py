"""Voice notes: decode and encode audio, speech to text with Whisper (weights checked by sha256),
and text to speech. Everything runs offline on packages from PyPI; nothing here knows about Telegram."""
