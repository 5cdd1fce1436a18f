"""A training habit said as a statement ("i train sunday", "i usually do mondays", "mondays are my gym days"; tester s31):
its days are the user's every week, so planning reads them as a weekly plan, never a one-off on the next such day. A day
said with a date or "this", "next", "tomorrow" stays the one-off it names; a question tells no habit."""

from __future__ import annotations

import re

from knowledge.day_words import DAY_NAME

_OFTEN = r"(?:usually|normally|always|generally|typically|mostly|mainly|regularly|often|tend\s+to|like\s+to|prefer\s+to)"
_VERB = (r"(?:train|lift|work\s*out|exercise|go\s+to\s+the\s+gym|hit\s+the\s+gym|go|gym|do\s+(?:it|them|this|these|legs"
         r"|my\s+\w+|(?:rev(?:erse)?\s+)?hypers)|do)")
_KIND = r"(?:gym|training|workout|lifting|lift|leg|legs|hypers?|exercise|session)"  # "my gym days", never "my bad day"
_DAYS = rf"{DAY_NAME}s?(?:\s*(?:,|and|&|n)\s*{DAY_NAME}s?)*"
# "i train sunday", "we usually hit the gym on tuesdays", "mondays are my gym days", "my training day is friday"
HABIT = re.compile(rf"^\W*(?:(?:so|well|ok|okay|yeah|and|but|hey|fyi)\W+)*(?:i|we)\s+(?:{_OFTEN}\s+)?{_VERB}\b"
                   rf"|\b{_DAYS}\s+(?:is|are)\s+(?:usually\s+)?(?:my|our)\s+{_KIND}\s+days?\b"
                   rf"|\b(?:my|our)\s+{_KIND}\s+days?\s+(?:is|are)\s+(?:usually\s+)?{_DAYS}\b")
# the words a habit is told in, besides its days and time ("are my gym", "normally"): nothing a plan leaves out
_HABIT_WORDS = frozenset("i we usually normally always generally typically mostly mainly regularly often tend like prefer to "
                         "train training lift lifting work workout workouts out exercise go gym hit the do it them this these "
                         "legs my our reverse rev hypers is are day days session sessions".split())
_ONE_DAY = re.compile(r"\b(?:this|next|coming|tomorrow|tonight|today|every|each)\b|\d{1,2}(?:st|nd|rd|th)\b|\d+/\d+")
_DAY = re.compile(rf"\b{DAY_NAME}(?P<plural>s?)\b")


def says_habit(text: str) -> bool:
    """Whether a message tells the days the user trains as a habit (a statement, naming a day)."""
    lowered = text.lower()
    return "?" not in lowered and HABIT.search(lowered) is not None and _DAY.search(lowered) is not None


def weekly_habit(text: str) -> str:
    """A habit's days said as every week's ("i train sunday" -> "i train every sunday"); any other message as it is."""
    day = _DAY.search(text.lower())
    if day is None or day.group("plural") or _ONE_DAY.search(text.lower()) or not says_habit(text):
        return text
    return f"{text[:day.start()]}every {text[day.start():]}"


def habit_words_only(words: str) -> bool:
    """Whether words left out of a schedule only tell a habit ("are my gym", "normally")."""
    return all(word in _HABIT_WORDS for word in words.lower().split())
