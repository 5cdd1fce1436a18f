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
# "thats not what i asked", "wrong answer", "this is so dumb": the last answer missed; "no i meant X": X, read afresh.
_COMPLAINT = re.compile(r"^(?:(?:no+|nope|nah|um+|hm+|wait|what|lol|ugh)\W+)*(?:(?:that'?s|this is|that is|it'?s|its)\s+)?"
                        r"(?:not\s+what\s+i\s+(?:asked|meant|said|wanted)(?:\s+for)?|(?:the\s+|a\s+)?wrong(?:\s+answer)?|"
                        r"(?:(?:so|really|pretty|kinda|very|such|just)\s+)*(?:a\s+)?(?:dumb|stupid|useless|rubbish|garbage|trash|"
                        r"unhelpful|nonsense)(?:\s+(?:answer|reply|bot))?|"
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


# an everyday short reply with nothing asked for it ("no, no", "go back", "yes yes"): the yes/no and going-back words and
# the few said around them; "no" or "back" alone are never the knowledge base's "no machine" or lower back here
_YES_NO = frozenset("yes yess yeah yea yep yup ya y no noo nope nah nay n".split())
_GOING_BACK = frozenset("back previous prev undo".split())
_AROUND = frozenset("go take me please pls plz ok okay oh um uh so again just".split())
_WORDS = re.compile(r"[a-z]+")
_MOST_WORDS = 4


def bare_reply(text: str) -> str | None:
    """What an everyday short reply says when it is only that ("no, no": "answer"; "go back": "back"), else None
    (a question, or any word of its own: "no machine", "back pain")."""
    words = set(_WORDS.findall(text.lower()))
    if "?" in text or not words or len(_WORDS.findall(text.lower())) > _MOST_WORDS or not words <= _YES_NO | _GOING_BACK | _AROUND:
        return None
    return "back" if words & _GOING_BACK else "answer" if words & _YES_NO else None


CLOSING = (Intent.THANKS, Intent.GOODBYE, Intent.ACK)  # no question in them: never a knowledge answer


def small_talk_reply(intent: Intent | None, alarmed: bool = False) -> str | None:
    """A friendly reply to a greeting, thanks, goodbye or "ok", else None; after emergency advice a
    thanks or goodbye repeats the one thing that matters ("Train well" would undo it)."""
    if alarmed and intent in CLOSING:
        return AFTER_ALARM
    return REPLIES.get(intent) if intent is not None else None
