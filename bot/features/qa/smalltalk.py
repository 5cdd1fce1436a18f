"""Greetings, thanks and goodbyes (recognised by the understanding layer's intent reader):
answered warmly instead of being treated as questions."""

from __future__ import annotations

import re

from bot.core.texts import WELCOME_BACK as RETURNED
from knowledge.intents import Intent

REPLIES = {
    Intent.GREETING: "Hi! Ask me anything about reverse hyperextensions, or tap /topics to browse.",
    Intent.THANKS: "You're welcome! Train well, and ask again any time.",
    Intent.GOODBYE: "See you next session! 💪",
    Intent.ACK: "👍 Ask me anything else about reverse hypers whenever you like.",
}
AFTER_ALARM = "Take care, and please don't train again until a doctor has seen you. 🩺"  # thanks after emergency advice
WELCOME_BACK = f"{RETURNED.text} 💪 Ask me anything about reverse hypers, or tap /topics to browse."  # nothing open
SORRY = "Sorry, I got that one wrong. Could you ask it another way? Or pick a topic:"
# "im back", "hey im back from the gym": a return, not the lower back.
_RETURNING = re.compile(r"^(?:(?:hey|hi|hello|ok|okay|right|so|and|ya|yo)\W+)*(?:i'?m|i am|im)\s+back"
                        r"(?:\s+(?:again|now|from\s+(?:the\s+|my\s+)?(?:gym|work|training|workout|break|holiday|vacation)))*"
                        r"(?:\W+(?:lol|haha|coach|again))*\W*$|^back\s+again\W*$", re.IGNORECASE)
# "thats not what i asked", "wrong answer": the last answer missed; "no i meant X": X, read afresh.
_COMPLAINT = re.compile(r"^(?:(?:no+|nope|nah|um+|hm+|wait|what|lol|ugh)\W+)*(?:(?:that'?s|this is|that is|it'?s|its)\s+)?"
                        r"(?:not\s+what\s+i\s+(?:asked|meant|said|wanted)(?:\s+for)?|(?:the\s+|a\s+)?wrong(?:\s+answer)?|"
                        r"not\s+(?:right|it)|(?:you|u)\s+misunderstood(?:\s+me)?|(?:that|it)\s+did(?:n'?t|nt|\s+not)\s+answer"
                        r"\s+(?:my|the)\s+question)(?:\W+(?:lol|sorry|mate|bro|coach))*\W*$", re.IGNORECASE)
_CORRECTION = re.compile(r"^(?:(?:no+|nope|nah|sorry)\W+)*(?:i\s+meant|i\s+mean|what\s+i\s+meant\s+(?:was|is)|i\s+was\s+asking"
                         r"(?:\s+about)?)\W+(.+)$", re.IGNORECASE)


def returning(text: str) -> bool:
    """Whether a message says the user is back ("im back", "hey im back from the gym lol")."""
    return _RETURNING.match(text.strip()) is not None


def said_instead(text: str) -> str | None:
    """What a message says the last answer should have been about: "" for a complaint that it missed ("thats not
    what i asked"), the words meant for a correction ("no i meant how many sets"), None for anything else."""
    text = text.strip()
    if _COMPLAINT.match(text):
        return ""
    correction = _CORRECTION.match(text)
    return correction.group(1).strip() if correction else None


CLOSING = (Intent.THANKS, Intent.GOODBYE, Intent.ACK)  # no question in them: never a knowledge answer


def small_talk_reply(intent: Intent | None, alarmed: bool = False) -> str | None:
    """A friendly reply to a greeting, thanks, goodbye or "ok", else None; after emergency advice a
    thanks or goodbye repeats the one thing that matters ("Train well" would undo it)."""
    if alarmed and intent in CLOSING:
        return AFTER_ALARM
    return REPLIES.get(intent) if intent is not None else None
