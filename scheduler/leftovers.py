"""The parts of a schedule phrase the reader does not use ("except holidays", "for 45 minutes with my
friend"), so that the bot says what it left out instead of planning part of a phrase silently."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from scheduler.clock import PATTERNS
from scheduler.dates import DAY_MONTH, FIXED_HOLIDAYS, IN_DAYS, ISO, MONTH_DAY, MOVING_HOLIDAYS, NTH_DAY, NUMERIC, RELATIVE
from scheduler.days import SHORT, find_days
from scheduler.one_off import NEXT_DAY, WEEKEND
from scheduler.parsing import DURATION, EVERY_2_DAY, EVERY_N, MONTHLY, NTH_WEEKDAY, TIMES_A_WEEK, UNSUPPORTED
from scheduler.parsing import MONTH_DAY as DAY_OF_MONTH
from scheduler.span import PATTERNS as SPAN
from scheduler.words import KEYWORDS, MONTHS, normalise


class Unused(Enum):
    """Why a part of a phrase was left out."""

    HOLIDAYS = "holidays"  # no holiday calendar: sessions on holidays are skipped by hand
    OTHER = "other"  # a plan is days and a time of day; anything else is not kept


@dataclass(frozen=True)
class Leftover:
    """Words of the phrase (normalised) the reader did not use, and why."""

    words: str
    reason: Unused


HOLIDAYS = re.compile(r"(?:\b(?:except|but not|not|skip(?:ping)?|excluding|apart from|without|besides|other than|minus|"
                      r"unless|no|off)(?: on| during| for| over| in)?(?: the| a| an| any)? )?"
                      r"\b(?:(?:public|bank|national|federal|school|state|religious|jewish|christian|muslim|"
                      r"official|statutory) )?(?:holidays?|hols|vacations?)\b(?: too| as well| off)?")
WRAPPERS = re.compile(r"\bwork(?:ing)? ?out\b|\bset (?:me )?up\b")  # "I want to work out every day at 7"
SESSION_LENGTH = re.compile(r"\bfor (?:about |around |roughly )?(?:\d+(?:\.\d+)?|an?|half an?) ?(?:minutes|hours)\b")
SET_APART = ((HOLIDAYS, Unused.HOLIDAYS), (SESSION_LENGTH, Unused.OTHER))  # left out as a whole, before the words around them
UNDERSTOOD = (*SPAN, *(p for p, _ in PATTERNS), DURATION, EVERY_N, EVERY_2_DAY, TIMES_A_WEEK, NTH_WEEKDAY, MONTHLY, NEXT_DAY,
              WEEKEND, ISO, NUMERIC, DAY_MONTH, MONTH_DAY, NTH_DAY, IN_DAYS, DAY_OF_MONTH)
KNOWN = {*KEYWORDS, *MONTHS, *RELATIVE, *FIXED_HOLIDAYS, *MOVING_HOLIDAYS, "am", "pm", "afternoon_pm", "lunch", "night",
         "weekdays", "weekends", "weekly", "monthly", "daily", "fortnight", "times", "once", "week", "day", "next", "this",
         "coming", "other", "alternate", "starting", "instead", "*"}
OPENERS = {"at", "in", "on", "for", "with", "unless", "if", "when", "whenever", "while", "except", "but", "not", "without",
           "near", "during", "because", "so", "as", "and", "or", "then", "also", "plus"}
FILLERS = {  # words around a schedule that carry nothing to plan ("can you remind me", "apart from")
    *OPENERS, "@", "apart", "excluding", "besides", "minus", "skip", "skipping", "after", "before", "the", "a", "an", "of",
    "to", "from", "by", "around", "about", "every", "each", "until", "till", "til", "through", "thru", "no", "nope", "wait",
    "sorry", "actually", "ok", "okay", "yes", "yeah", "sure", "please", "thanks", "thank", "you", "can", "could", "would",
    "will", "you'd", "i", "i'd", "id", "i'm", "im", "i'll", "me", "my", "we", "us", "our", "let's", "lets", "let", "want",
    "wanna", "like", "love", "need", "do", "go", "be", "is", "it", "its", "it's", "that", "make", "set", "up", "put",
    "down", "book", "schedule", "plan", "remind", "reminder", "reminders", "train", "training", "workout", "workouts",
    "exercise", "session", "sessions", "reverse", "hyper", "hypers", "hyperextension", "hyperextensions", "hey", "hi",
    "hello", "coach", "just", "maybe", "free", "sometime", "some", "time", "too", "well", "again", "start", "begin",
    "usually", "generally", "only", "fine", "good", "great", "cool", "there", "them", "one", "same", "help", "get", "have",
    "change", "move", "rather", "instead",
}


def only_holidays(text: str) -> bool:
    """Whether a message says nothing but holidays to skip ("except public holidays", "and no bank holidays pls")."""
    words = normalise(text)
    return HOLIDAYS.search(words) is not None and all(token in FILLERS for token in HOLIDAYS.sub(" ", words).split())


def unused_parts(text: str) -> tuple[Leftover, ...]:
    """What the reader leaves out of `text`, in the order said: holidays to skip, and any stretch of
    words no reading uses (filler words alone are no leftover)."""
    words = normalise(text)
    found = [Leftover(m[0], reason) for pattern, reason in SET_APART for m in pattern.finditer(words)]
    for pattern in (*(p for p, _ in SET_APART), WRAPPERS, *(p for p, _ in UNSUPPORTED), *UNDERSTOOD):
        words = pattern.sub(" * ", words)
    parts = (*found, *(Leftover(run, Unused.OTHER) for run in _runs(words.split())))
    return tuple(Leftover(_as_typed(text, part.words), part.reason) for part in parts)


def _runs(tokens: list[str]) -> list[str]:
    """Stretches of unknown words (with the filler words between them and the openers before them)."""
    runs: list[list[str]] = []
    current: list[str] = []
    for token in [*tokens, "*"]:
        if _known(token):
            runs.append(current)
            current = []
        else:
            current.append(token)
    return [" ".join(_trimmed(run)) for run in runs if any(t not in FILLERS for t in run)]


def _trimmed(run: list[str]) -> list[str]:
    """A run without filler words at its end, nor at its start before the word that opens its clause
    ("can you book it with my friend" -> "with my friend", "but not when i'm away")."""
    last = max(i for i, t in enumerate(run) if t not in FILLERS)
    first = min(i for i, t in enumerate(run) if t not in FILLERS)
    first = next((i for i, t in enumerate(run[:first]) if t in OPENERS), first)
    return run[first:last + 1]


def _known(token: str) -> bool:
    """Whether a token is a schedule word the reader uses (a day, a month, a keyword, a read stretch)."""
    return token in KNOWN or token in SHORT or token == "t" or bool(find_days(token).days)


def _as_typed(text: str, words: str) -> str:
    """The stretch of the original text that normalises to `words` ("for an hour", not "for an
    hours"), or `words` when none does."""
    typed = text.split()
    keys = [normalise(token) for token in typed]
    for start in range(len(typed)):
        for end in range(start + 1, len(typed) + 1):
            if " ".join(k for k in keys[start:end] if k) == words:
                return " ".join(typed[start:end]).strip(".,;:!?")
    return words
