"""Reading a typed reply to one safety-check question.

A health answer is recorded only when the message clearly answers THIS question: a listed answer
("nope", "not sure"), or the understanding layer's yes / no / not sure when the message is neither
thanks or an acknowledgement ("ok", "cool") nor a sentence about another question's topic ("I had
surgery 2 years ago" at the medication question). Anything else is asked again with a hint, never
recorded as a silent No.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.features.screening.questions import QUESTIONS, Question
from knowledge.normalize import clean_text

TYPED = {
    "y": {"yes", "y", "yeah", "yep", "yup", "yes i do", "yes i am", "yes i have", "i do", "i am", "i have", "correct", "true"},
    "n": {"no", "n", "nope", "nah", "never", "not really", "no i dont", "no i am not", "no i havent", "i dont", "im not", "false", "none"},
    "u": {"not sure", "unsure", "dunno", "dont know", "i dont know", "idk", "maybe", "possibly", "perhaps", "no idea", "im not sure"},
    "b": {"back", "go back", "previous", "undo"},
    "c": {"cancel", "stop", "quit", "exit", "cancel check", "stop the check"},
}
LEADING = {"yes": "y", "yeah": "y", "yep": "y", "yup": "y", "no": "n", "nope": "n", "nah": "n", "never": "n"}
# Replies that acknowledge the question without answering it (the classifier reads some as yes or not sure).
ACKNOWLEDGEMENTS = {"ok", "okay", "k", "kk", "cool", "great", "nice", "fine", "alright", "got it", "right", "hmm",
                    "hm", "mm", "lol", "ok cool", "okay then", "i see", "oh", "ah", "sure thing"}
CODES = {"yes": "y", "no": "n", "unsure": "u"}
# Words that name each question's topic: a sentence naming another question's topic and not this
# one's is about that question, not an answer to this one.
TOPICS = {
    "age_minor": r"age|aged|\d+ ?(yo|years? old)|teen\w*|minor|under 18|adult",
    "heart_bp": r"heart|cardi\w*|blood pressure|bp|hypertension|condition",
    "chest_pain": r"chest|angina",
    "dizzy_faint": r"faint\w*|dizz\w*|balance|passed out|black(ed)? out|blackouts?",
    "effort_symptoms": r"breath\w*|heartbeat|palpitations?|ankles?|calf|calves|racing",
    "chronic_condition": r"diabet\w*|osteopor\w*|arthrit\w*|cancer|asthma|chronic|long.term|diagnos\w*|condition",
    "medication": r"medic\w*|meds|pills?|tablets?|drugs?|prescri\w*|take|taking|took|condition",
    "supervised_only": r"supervis\w*|physio\w*|told|avoid",
    "back_pain_now": r"back|lumbar",
    "leg_symptoms": r"legs?|numb\w*|tingl\w*|sciatica|weak\w*",
    "spine_diagnosis": r"disc|discs|vertebra\w*|spin\w*|stenosis|fractur\w*|herniat\w*|slipped",
    "surgery": r"surger\w*|operat\w*|op|surgical",
    "injury_in_care": r"injur\w*|recover\w*|treat\w*|rehab|hips?|knees?",
    "pregnancy": r"pregnan\w*|birth|baby|postpartum|expecting",
    "red_flags": r"groin|bladder|bowels?|fever|fell|fall|incontinen\w*",
}
_TOPIC_WORDS = {qid: re.compile(rf"\b({pattern})\b") for qid, pattern in TOPICS.items()}


@dataclass(frozen=True)
class Reading:
    """What a typed reply is: an answer code (y, n, u, b, c), or none with the reason shown."""

    code: str | None = None
    other: Question | None = None  # the question whose topic the message is about instead
    acknowledged: bool = False  # "ok", "cool": not an answer, so the question is asked again


def typed_answer(text: str) -> str | None:
    """The answer code a listed reply stands for (y, n, u, b, c), or None."""
    cleaned = clean_text(text)
    return next((code for code, words in TYPED.items() if cleaned in words), None)


def read_reply(text: str, question: Question | None, answer: Callable[[str], str | None],
               small_talk: Callable[[str], bool]) -> Reading:
    """How a typed reply answers `question` (None: the consent step, no topic to check)."""
    listed = typed_answer(text)
    if listed is not None:
        return Reading(listed)
    cleaned = clean_text(text)
    if cleaned in ACKNOWLEDGEMENTS:
        return Reading(acknowledged=True)
    found = CODES.get(answer(text) or "")
    lead = LEADING.get(cleaned.split(" ", 1)[0]) if cleaned else None
    if lead is not None:  # "yes, for my blood pressure": this question's answer, unless the words disagree
        return Reading(lead if found in (lead, None) else None)
    other = _other_topic(cleaned, question) if question else None
    if other is not None:
        return Reading(other=other)
    return Reading(None if small_talk(text) else found)


def _other_topic(cleaned: str, question: Question) -> Question | None:
    """The question whose topic the words name, when they do not name this question's."""
    if _TOPIC_WORDS[question.id].search(cleaned):
        return None
    return next((q for q in QUESTIONS if q is not question and _TOPIC_WORDS[q.id].search(cleaned)), None)
