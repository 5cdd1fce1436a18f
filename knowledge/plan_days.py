"""The day slot of a request about plans: a weekday, "today" or "tomorrow", so many days on ("in two days"), a date
("the 14th", "december 11", "christmas eve") or this weekend's session, read from the words as typed."""

from __future__ import annotations

import re

from scheduler.dates import FIXED_HOLIDAYS
from scheduler.days import find_days
from scheduler.words import normalise

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TOMORROW = ("tomorrow", "tmrw", "tmr", "tmrow", "tomoz", "tomorow", "tommorow", "tommorrow", "2moro", "2morrow", "2mrw", "2mro")
DAY = re.compile(r"\b(today|tonight|" + "|".join(TOMORROW) + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                 r"|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)(?:'?s)?\b", re.IGNORECASE)
WEEKEND = "weekend"  # a request's day slot naming this weekend's session ("this weekend's endurance session")
_WEEKEND = re.compile(r"\b(?:this|the|my)\s+(?:coming\s+)?weekend'?s?\s+(?:\w+\s+)?(?:session|workout|one|training|class|plan|stretch\w*)\b"
                      r"|^\W*\w+\s+weekend\s+(?:plan|one|session|workout)s?\b",
                      re.IGNORECASE)  # not "this weekend" alone ("busy this weekend, so 7am": a time)
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATES = (re.compile(_MONTH + r"\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?![:.]\d)", re.IGNORECASE),  # "december 11", not
          # "dec 18:00" (the time of "wed 09 dec 18:00", a session's own label)
          re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?![a-z])", re.IGNORECASE),  # "11 dec"
          re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE))  # "the 14th", "mon 14th"
_FIRST_OF_MONTH = re.compile(r"\bfirst\s+(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(?:of|in)\s+" + _MONTH + r"(?![a-z])", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def date_named(words: str) -> str | None:
    """A day of the month named ("the 14th", "december 11", "11 dec", "christmas eve"), as "date:MONTH:DAY" (month 0:
    the first such day to come; "the first monday of january": "date:1:1:o0", see _AROUND_DATE), if any."""
    first = _FIRST_OF_MONTH.search(words)
    if first:
        return f"date:{_MONTHS.index(first.group(2).lower()[:3]) + 1}:1:o{WEEKDAYS.index(first.group(1).lower()[:3])}"
    for pattern in _DATES:
        found = pattern.search(words)
        if found:
            groups = [g.lower() for g in found.groups()]
            month = next((_MONTHS.index(g[:3]) + 1 for g in groups if g[:3] in _MONTHS), 0)
            day = int(next(g for g in groups if g.isdigit()))
            return f"date:{month}:{day}" if 1 <= day <= 31 else None
    said = normalise(words)
    holiday = next((t for t in said.split() if t in FIXED_HOLIDAYS), None)  # a date said wins
    if holiday is None:
        return None
    month, day = FIXED_HOLIDAYS[holiday]
    beside = re.search(rf"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(after|before|of|in)\s+(?:the\s+)?{holiday}\b", said)
    way = f":{_AROUND_DATE[beside.group(2)]}{WEEKDAYS.index(beside.group(1))}" if beside else ""  # "the monday after christmas"
    return f"date:{month}:{day}{way}"


# a weekday named beside a date: the first one after it, the last before it, the first on or after it ("of the new year")
_AROUND_DATE = {"after": "a", "before": "b", "of": "o", "in": "o"}
_SHORTHAND = re.compile(r"\b(?:mwf|mw|wf|mf|tth|tuth)\b|\b[a-z]{1,3}(?:/[a-z]{1,3})+\b")  # days in shorthand: "mwf", "t/th/sat"
IN_DAYS = "in:"  # a request's day slot naming a day so many days from today ("in:2": the day after tomorrow)
_DAYS_AHEAD = re.compile(r"\b(?:(?:the\s+)?day\s+after\s+(?:" + "|".join(TOMORROW) + r")|overmorrow)\b"
                         r"|\bin\s+(\d|two|three|four|five|six)\s+days?(?:'?\s*time)?\b", re.IGNORECASE)
_FEW = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def day_named(words: str) -> str | None:
    """The day named: a date ("the 14th": see date_named), "today", "tomorrow", so many days on ("the day after
    tomorrow", "in two days": "in:2") or a weekday index as text."""
    dated = date_named(words)
    if dated is not None:
        return dated
    ahead = _DAYS_AHEAD.search(words)
    if ahead is not None:
        count = ahead.group(1)
        return f"{IN_DAYS}{_FEW.get(count.lower(), count) if count else 2}"
    found = DAY.search(words) or DAY.search(normalise(words))  # "skip wensday": the weekday meant
    if found is None and _WEEKEND.search(words):
        return WEEKEND
    if found is None:  # "the mwf plan", "my t/th sessions": named by its first day
        days = find_days(" ".join(_SHORTHAND.findall(words.lower()))).days
        return str(min(days)) if days else None
    word = found.group(1).lower()
    if word in ("today", "tonight"):
        return "today"
    if word in TOMORROW:
        return "tomorrow"
    return str(WEEKDAYS.index(word[:3]))
