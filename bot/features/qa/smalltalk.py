"""Greetings, thanks and goodbyes (recognised by the understanding layer's intent reader):
answered warmly instead of being treated as questions."""

from __future__ import annotations

from knowledge.intents import Intent

REPLIES = {
    Intent.GREETING: "Hi! Ask me anything about reverse hyperextensions, or tap /topics to browse.",
    Intent.THANKS: "You're welcome! Train well, and ask again any time.",
    Intent.GOODBYE: "See you next session! 💪",
    Intent.ACK: "👍 Ask me anything else about reverse hypers whenever you like.",
}
AFTER_ALARM = "Take care, and please don't train again until a doctor has seen you. 🩺"  # thanks after emergency advice
CLOSING = (Intent.THANKS, Intent.GOODBYE, Intent.ACK)  # no question in them: never a knowledge answer


def small_talk_reply(intent: Intent | None, alarmed: bool = False) -> str | None:
    """A friendly reply to a greeting, thanks, goodbye or "ok", else None; after emergency advice a
    thanks or goodbye repeats the one thing that matters ("Train well" would undo it)."""
    if alarmed and intent in CLOSING:
        return AFTER_ALARM
    return REPLIES.get(intent) if intent is not None else None
