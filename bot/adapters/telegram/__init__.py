"""The Telegram transport (the only package that imports telegram)."""
