"""How long to put something off, in everyday words: "push it 20 min", "in half an hour", "give me an hour"."""

from __future__ import annotations

import re
from datetime import timedelta

from scheduler.words import NUMBERS

MINUTE = r"m|mins?|minutes?|mns?"
HOUR = r"h|hrs?|hours?"
_HOURS = re.compile(HOUR)
_SPAN = re.compile(rf"\b(\d+(?:\.\d+)?|an?)\s*-?\s*(?:more |extra )?({MINUTE}|{HOUR})\b")
_HALVES = ((re.compile(r"\bhalf (?:an? )?hour\b"), "30 min"), (re.compile(r"\b(?:an?|1) hour and a half\b"), "90 min"),
           (re.compile(r"\b(\d+) (?:and a half hours?|hours? and a half)\b"), r"\1.5 hours"))
_BARE_IN = re.compile(r"\bin (?:like |about |around |another )?(\d{1,2})\b(?!\s*(?:am|pm|[:.]\d))")
# a span is a delay only with a word of putting off ("for 20 min" alone says how long something lasts)
_PUT_OFF = re.compile(r"\b(?:in|push(?:ed)?|later|delay|postpone|move|give me|another|more|after|wait|remind|again|snooze"
                      r"|back|hold|need|few|bump)\b")
_SPAN_ALONE = re.compile(rf"^\W*(?:\d+(?:\.\d+)?|an?)\s*-?\s*(?:{MINUTE}|{HOUR})(?:\s+(?:pls|please|plz|thx|thanks))?\W*$")
_NUMBER_WORDS = re.compile(r"\b(" + "|".join(NUMBERS) + r")\b")
_TENS = re.compile(r"\b(twenty|thirty|forty|fifty) ?-?(one|two|three|four|five|six|seven|eight|nine)\b")


def read_delay(text: str) -> timedelta | None:
    """The delay a message asks for ("push it like 20 min": 20 minutes), or None when it names none."""
    words = _with_digits(text.lower())
    for pattern, written in _HALVES:
        words = pattern.sub(written, words)
    if not _PUT_OFF.search(words) and not _SPAN_ALONE.match(words):  # "5 min" alone, at a check-in: that long
        return None
    span = _SPAN.search(words)
    if span:
        return _length(span.group(1), span.group(2))
    bare = _BARE_IN.search(words)
    return timedelta(minutes=int(bare.group(1))) if bare and 5 <= int(bare.group(1)) <= 90 else None


def format_delay(delay: timedelta) -> str:
    """'20 minutes', '1 hour', '1 h 30 min'."""
    minutes = round(delay.total_seconds() / 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} minutes"
    if not rest:
        return "1 hour" if hours == 1 else f"{hours} hours"
    return f"{hours} h {rest} min"


def _with_digits(words: str) -> str:
    """Number words as digits ("twenty five" -> "25")."""
    words = _TENS.sub(lambda m: str(NUMBERS[m.group(1)] + NUMBERS[m.group(2)]), words)
    return _NUMBER_WORDS.sub(lambda m: str(NUMBERS[m.group(1)]), words)


def _length(amount: str, unit: str) -> timedelta:
    """One span's length ("an hour": 60 minutes)."""
    value = 1.0 if amount in ("a", "an") else float(amount)
    return timedelta(hours=value) if _HOURS.fullmatch(unit) else timedelta(minutes=value)
