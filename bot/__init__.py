"""Coachbot: the conversation core and its Telegram and terminal adapters."""
