"""A reply correcting the answer just given, naming no question ("oops i meant no", "that last one was supposed to be
no", "wait no i pressed yes by mistake"): the answer it means belongs to the previous question. Its words are the grammar
of a correction, not content: what was meant comes after "meant" or after naming the last answer; an answer pressed
"by mistake" means its opposite."""

from __future__ import annotations

import re

from bot.features.screening.questions import QUESTIONS
from bot.features.screening.readers import Readers
from bot.features.screening.said import CODES
from knowledge.normalize import clean_text

_MEANT = re.compile(r"\bmeant\b(?:\s+to\s+(?:say|put|press|tap|click|answer|type))?")
_LAST = re.compile(r"\b(?:(?:last|previous|prev)\s+(?:one|answer|question|q)|(?:the\s+)?one\s+before)\b")
_ACTS = r"(?:pressed|clicked|tapped|hit|typed|put|said|answered|chose|picked)"
_MISTAKE = r"(?:mistake|mistakenly|accident|accidentally|wrong|misclick(?:ed)?)"
_PRESSED = re.compile(rf"\b{_ACTS}\s+(?P<said>yes|no)\b.*\b{_MISTAKE}\b|\b{_MISTAKE}\b.*\b{_ACTS}\s+(?P<said_after>yes|no)\b")
_ANSWER = re.compile(r"\b(?P<unsure>not sure|unsure|dunno|idk)\b|\b(?P<yes>yes|yeah|yep|yup|ya)\b|\b(?P<no>no|nope|nah)\b")
OPPOSITE = {"yes": "no", "no": "yes"}


def corrected_last(text: str) -> str | None:
    """The answer ("yes", "no" or "unsure") a reply means for the question before the one asked, when it corrects
    the last answer in so many words; None for any other reply (and for a question)."""
    if "?" in text:
        return None
    lowered = clean_text(text)
    pressed = _PRESSED.search(lowered)
    if pressed:
        return OPPOSITE[pressed.group("said") or pressed.group("said_after")]
    for signal in (_MEANT, _LAST):
        found = signal.search(lowered)
        answer = _ANSWER.search(lowered, found.end()) if found else None
        if answer:
            return str(answer.lastgroup)
    return None


def corrects_last(readers: Readers, step: int, text: str) -> str | None:
    """The answer code a reply at question `step` (0-based) means for the previous question, when it corrects the last
    answer in so many words and names no question's topic ("oops i meant no"; "i meant no chest pain" answers this one)."""
    meant = corrected_last(text) if step > 0 else None
    if meant is None:
        return None
    reply = readers.reply(text, QUESTIONS[step].id)
    return CODES[meant] if not reply.this_topic and reply.other_topic is None else None
