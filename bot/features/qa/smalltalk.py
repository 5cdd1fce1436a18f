"""Greetings, thanks and goodbyes (recognised by the understanding layer's intent reader):
answered warmly instead of being treated as questions."""

from __future__ import annotations

from knowledge.intents import Intent

REPLIES = {
    Intent.GREETING: "Hi! Ask me anything about reverse hyperextensions, or tap /topics to browse.",
    Intent.THANKS: "You're welcome! Train well, and ask again any time.",
    Intent.GOODBYE: "See you next session! 💪",
}


def small_talk_reply(intent: Intent | None) -> str | None:
    """A friendly reply to a greeting, thanks or goodbye, else None."""
    return REPLIES.get(intent) if intent is not None else None
