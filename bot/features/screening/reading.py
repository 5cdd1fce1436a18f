"""Reading a typed reply to one safety-check question.

The understanding layer reads the words (knowledge.screening: the screening talk reader and the
curated topic words); this module keeps the check's rules for what is recorded. A health answer is
recorded only when the message answers THIS question: a yes / no / not sure, a stated age at the
age question, or a statement naming this question's topic ("arthritis in both knees"). Never
recorded: thanks or an acknowledgement ("ok", "cool"), a sentence about another question's topic
("I had surgery 2 years ago" at the medication question), small talk, or a reply read as nothing:
those are asked again with a hint, never taken for a silent No.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.features.screening.questions import BY_ID, Question
from knowledge.screening import TypedReply

CODES = {"yes": "y", "no": "n", "unsure": "u", "back": "b", "cancel": "c"}
ANSWERED = ("yes", "no", "unsure")


@dataclass(frozen=True)
class Reading:
    """What a typed reply is: an answer code (y, n, u, b, c), or none with the reason shown."""

    code: str | None = None
    other: Question | None = None  # the question whose topic the message is about instead
    acknowledged: bool = False  # "ok", "cool": not an answer, so the question is asked again


def read_reply(text: str, question: Question | None, read: Callable[[str, str], TypedReply],
               small_talk: Callable[[str], bool]) -> Reading:
    """How a typed reply answers `question` (None: the consent step, no topic to check)."""
    reply = read(text, question.id if question else "")
    if reply.acknowledgement:
        return Reading(acknowledged=True)
    if reply.label in ("back", "cancel"):
        return Reading(CODES[reply.label])
    if reply.by_age is not None:  # "im 16", "34" at the age question
        return Reading(CODES[reply.by_age])
    if reply.label not in ANSWERED and small_talk(text):  # "thanks", "good morning"
        return Reading()
    if reply.lead is not None and reply.label in (reply.lead, None):  # "yes, for my blood pressure"
        return Reading(CODES[reply.lead])
    if reply.other_topic is not None and not reply.this_topic:
        return Reading(other=BY_ID[reply.other_topic])
    if reply.question:  # "does that count?" reads as not sure; "how heavy should it be?" answers nothing
        return Reading(CODES.get(reply.label or ""))
    if reply.label in ANSWERED:
        return Reading(CODES[reply.label])
    return Reading("y" if reply.this_topic else None)  # "herniated disc L5 S1"
