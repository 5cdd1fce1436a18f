"""How long before a session the reminder comes, read from typed words ("remind me 30 min before",
"an hour before", "at the start") for /settings and the planning dialogue."""

from __future__ import annotations

import re

LEADS = (0, 15, 30, 60, 120)  # the choices offered as buttons
MAX_LEAD = 240  # typed leads up to four hours before
_AMOUNT = r"(?P<n>\d{1,3}|an?|one|two|half an?)"
_UNIT = r"(?P<unit>h|hrs?|hours?|m|mins?|minutes?)"
_BEFORE = re.compile(rf"\b{_AMOUNT}\s*{_UNIT}\s*(before|earlier|ahead|in advance|beforehand|prior)\b")
_AT_START = re.compile(r"\b(remind|reminder|reminders|ping|notify)\b.*\b(at|when|as)\b.*\b(start|starts|begin|begins|time)\b"
                       r"|\bat the start\b|\bwhen (it|the session|each session) (starts|begins)\b")
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "half a": 0.5, "half an": 0.5}


def read_lead(text: str) -> int | None:
    """The reminder lead in minutes the message asks for, or None when it names none."""
    return split_lead(text)[0]


def split_lead(text: str) -> tuple[int | None, str]:
    """The lead the message asks for and the rest of the message ("Mon 7am, 1 hour before" ->
    (60, "Mon 7am, ")), or (None, the message)."""
    lowered = text.lower()
    found = _BEFORE.search(lowered)
    if found:
        amount = _WORDS.get(found["n"]) or float(found["n"])
        minutes = round(amount * (60 if found["unit"].startswith("h") else 1))
        return (minutes, text[:found.start()] + text[found.end():]) if minutes <= MAX_LEAD else (None, text)
    start = _AT_START.search(lowered)
    return (0, text[:start.start()] + text[start.end():]) if start else (None, text)
