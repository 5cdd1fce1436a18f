"""Greetings, thanks and goodbyes: answered warmly instead of being treated as questions."""

from __future__ import annotations

import re

from knowledge.normalize import clean_text

_KINDS = {
    "greeting": re.compile(r"^(hi+|hello+|hey+|hiya|howdy|yo|sup|good (morning|afternoon|evening)|hey there|hi there|hello there)"
                           r"( coach| bot| coachbot)?$"),
    "thanks": re.compile(r"^(thanks?( you)?( so much| a lot)?|thx|ty|cheers|much appreciated|great thanks|ok thanks|perfect thanks)$"),
    "goodbye": re.compile(r"^(bye+|goodbye|see (you|ya)|later|good night|gn|cya)$"),
}

REPLIES = {
    "greeting": "Hi! Ask me anything about reverse hyperextensions, or tap /topics to browse.",
    "thanks": "You're welcome! Train well, and ask again any time.",
    "goodbye": "See you next session! 💪",
}


def small_talk_reply(text: str) -> str | None:
    """A friendly reply when the whole message is a greeting, thanks or goodbye, else None."""
    cleaned = clean_text(text)
    for kind, pattern in _KINDS.items():
        if pattern.match(cleaned):
            return REPLIES[kind]
    return None
