"""Read the time of day in a normalised phrase: 7am, 7a, 6 pm, 18:30, 6.15pm, 0630, 19h, noon,
half past five, quarter to 8, 7 o'clock, and the part of the day that says am or pm."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from scheduler.days import find_days
from scheduler.model import WEEKDAY_NAMES, ScheduleError
from scheduler.words import MONTHS

PM_WORDS = {"evening", "tonight", "night", "afternoon", "afternoon_pm", "pm"}
AM_WORDS = {"morning", "am"}
MERIDIEM = r"(?:\s*(am|pm|a|p)\b)?"  # "7 am", "7am", "7a"
# A word a time of day may follow straight after ("tuesdays 6pm", "tomorrow 7"), and a part of the day said after one
DAY_WORD = (r"(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|today|tomorrow|tonight|"
            r"daily|weekdays|weekends|morning|evening|afternoon|night|dayaftertomorrow|[mtwrfsu]{2,7}|day|"
            r"mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)")
PART_SAID = r"(?:in the (?:morning|evening|afternoon|night)|at night|tonight)\b"
NOT_A_YEAR = "|" + "".join(f"(?<!{month} )" for month in MONTHS) + r"(?<!\d )(?<!\d(?:st|nd|rd|th) )"
PATTERNS = (  # (regex, how to read it); tried in order, the first that matches wins
    (re.compile(r"\b(?:from|between) (\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a|p)?\s*(?:to|and|-|till|until|til) "
                r"\d{1,2}(?:[:.]\d{2})?" + MERIDIEM), "window"),  # the session starts at the window's start
    (re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a|p)?\s*-\s*\d{1,2}(?:[:.]\d{2})?\s*(am|pm|a|p)\b"),
     "window"),  # "6-7am", "5:30-6:30pm": a range starts at its start, on the side of noon said after it
    (re.compile(r"\b(half|quarter|5|10|20|25) (past|after|to|til|till) (\d{1,2})(?!\d)" + MERIDIEM), "words"),
    (re.compile(r"\b(\d{1,2})[:.](\d{2})(?!\d)" + MERIDIEM), "colon"),
    (re.compile(r"\b(\d{1,2})h(\d{2})?(?![\da-z])"), "h"),
    (re.compile(r"\b(\d{1,2}) ([0-5]\d)\s*(am|pm|a|p)\b"), "colon"),  # "five thirty pm"
    # an hour and its minutes said as two numbers: "at seven fifteen", "thursdays six thirty", "six, 13 in the evening"
    (re.compile(rf"(?:(?:\bat|@|\baround|\babout)\s*|\b{DAY_WORD}\s+|\b(?=\d{{1,2}} [0-5]\d {PART_SAID}))(\d{{1,2}}) ([0-5]\d)\b"
                r"(?!\s*(?:st|nd|rd|th|minutes|hours|day|week|month|times)\b)" + MERIDIEM), "colon"),
    (re.compile(r"\b(\d{1,2})\s*(am|pm|a|p)\b"), "meridiem"),
    (re.compile(r"(?:\bat|@)\s*([01]\d|2[0-3])([0-5]\d)\b|\b(0\d)([0-5]\d)\b|\b([01]\d|2[0-3])([0-5]\d) ?hours\b"
                + NOT_A_YEAR + r"(?<![-/.:])\b([01]\d|2[0-3])([0-5]\d)\b(?![-/.:])"), "military"),  # "mon 1930", not "24 dec 2026"
    (re.compile(r"\b(\d{1,2})\s*o'clock\b" + MERIDIEM), "bare"),
    (re.compile(r"(?:\bat|@|\baround|\babout|\bby|\bfrom)\s*(\d{1,2})\b(?!\s*(?:st|nd|rd|th|minutes|hours|day|week|month|times)\b)(?![:./\d])"
                + MERIDIEM), "bare"),
    (re.compile(r"\b(\d{1,2}) in the (?:morning|evening|afternoon|night)\b()"), "bare"),  # "6 in the morning"
    (re.compile(r"\b(?:morning|evening|afternoon|night|afternoon_pm)s?\b.*?(?:\b(?:like|say|roughly|approx|maybe|probably)\s*|\s)"
                r"(\d{1,2})(?:\s*ish)?\s*$()"), "bare"),  # "mornings before work, like 7", "after work 6ish": the part says am or pm
    (re.compile(rf"\b{DAY_WORD}\s+(\d{{1,2}})\b"
                r"(?!\s*(?:st|nd|rd|th|minutes|hours|day|week|month|times)\b)(?![:./\d])" + MERIDIEM), "bare"),
)

DIGIT = re.compile(r"\d")
AT_HOUR = re.compile(r"(?:\bat|@)\s*(\d{1,2})\b(?!\s*(?:st|nd|rd|th|minutes|hours|day|week|month|times)\b)(?![:./\d])"
                     + MERIDIEM)  # a second "at 7" beside "10am" is a second time


@dataclass(frozen=True)
class Clock:
    """A time of day, whether am/pm was left open (a bare 1..11), and the part-of-day clue."""

    at: time
    open_meridiem: bool


# weeks that take turns ("on my night weeks 5pm", "rotating shifts", "week on week off", "alternate weeks")
TAKES_TURNS = re.compile(r"\b(?:(?:day|night|late|early|evening|morning|afternoon|odd|even|alternate|alternating|other|off|"
                         r"shift|work|swing)\s+weeks?|rotat\w*|week on\W+week off|fortnights?)\b")


def turns_hint(words: str, today: date) -> str | None:
    """How to plan weeks that take turns at two times ("mon wed fri at 7am but on my night weeks 5pm"; tester s32 #9: a
    rotating shift worker's schedule was dropped without a word): one plan every other week at each time, the second
    starting a week after the first, on the days said; None when the phrase says no such thing."""
    am, pm = _meridiems(words)
    found = _first_time(words, am, pm) if TAKES_TURNS.search(words) else None
    second = _second_time(found[1], found[0], am, pm) if found else None
    if found is None or second is None:
        return None
    days = " ".join(WEEKDAY_NAMES[day] for day in sorted(find_days(words).days)) or "Mon Wed Fri"
    monday = today + timedelta(days=7 - today.weekday())
    return (f"One plan keeps one time, week after week. For weeks that take turns, make two plans: \"every other week "
            f"{days} at {found[0].at:%H:%M} starting {monday:%a %d %b}\", then \"every other week {days} at {second:%H:%M} "
            f"starting {monday + timedelta(days=7):%a %d %b}\".")


def find_time(words: str) -> Clock | None:
    """The time of day in the phrase, if any; ScheduleError for an impossible one ("25:00", "13pm")."""
    am, pm = _meridiems(words)
    if "lunch" in words.split() and not DIGIT.search(words):
        return Clock(time(12, 0), False)
    found = _first_time(words, am, pm)
    if found and _second_time(found[1], found[0], am, pm) is not None:  # "every day at 7am and 7pm": not one dropped
        raise ScheduleError("One plan has one time of day. Make a plan for each time, e.g. \"every day at 7am\", "
                            "then \"every day at 7pm\".")
    return found[0] if found else None


def _meridiems(words: str) -> tuple[bool, bool]:
    """Whether the phrase says am, and pm, anywhere."""
    tokens = set(words.split())
    return bool(tokens & AM_WORDS), bool(tokens & PM_WORDS)


def _first_time(words: str, am: bool, pm: bool) -> tuple[Clock, str] | None:
    """The first time of day the patterns read in the phrase, and the phrase without it."""
    for pattern, how in PATTERNS:
        match = pattern.search(words)
        if match:
            return _read(match, how, am, pm), f"{words[:match.start()]} _ {words[match.end():]}"
    return None


def _second_time(rest: str, first: Clock, am: bool, pm: bool) -> time | None:
    """Another time written in the rest of the phrase ("at 7am, 3 sets": no "at 3"; a bare number may be a date)."""
    for pattern, how in (*PATTERNS[:8], (AT_HOUR, "bare")):
        match = pattern.search(rest)
        if match and (at := _read(match, how, am, pm).at) != first.at:
            return at
    return None


def _read(match: re.Match[str], how: str, am: bool, pm: bool) -> Clock:
    """Hours and minutes from one pattern's match, with am/pm applied."""
    groups = [g for g in match.groups()]
    meridiem = groups[-1] if how in ("words", "colon", "bare", "meridiem") else None
    if how == "window":
        hour, minute, zero_padded = int(groups[0]), int(groups[1] or 0), False
        meridiem = groups[2] or groups[3]
    elif how == "words":
        hour, minute = _spoken(groups[0], groups[1], int(groups[2]))
        zero_padded = False
    elif how == "military":
        pair = [g for g in groups if g is not None]
        hour, minute, zero_padded = int(pair[0]), int(pair[1]), True
    else:
        hour, minute = int(groups[0]), int(groups[1]) if how in ("colon", "h") and groups[1] else 0
        zero_padded = how == "h" or (how == "colon" and groups[0].startswith("0"))
    return _clock(hour, minute, meridiem, zero_padded, am, pm, match[0])


def _spoken(amount: str, relation: str, hour: int) -> tuple[int, int]:
    """"half past 5" -> (5, 30), "quarter to 8" -> (7, 45), "20 past 6" -> (6, 20)."""
    minutes = {"half": 30, "quarter": 15}.get(amount) or int(amount)
    if minutes >= 60:
        raise ScheduleError(f"\"{amount} {relation} {hour}\" isn't a time I can read. Try 6:20 or 18:20.")
    if relation in ("to", "til", "till"):
        return (hour - 1) % 24, 60 - minutes
    return hour, minutes


def _clock(hour: int, minute: int, meridiem: str | None, zero_padded: bool, am: bool, pm: bool, seen: str) -> Clock:
    """The wall time; a bare 1..11 with no am/pm and no part of the day is left open."""
    if meridiem:
        if not 1 <= hour <= 12:
            raise ScheduleError(f"{seen.strip()} isn't a time: with am/pm use 1 to 12.")
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    if hour > 23 or minute > 59:
        raise ScheduleError(f"{seen.strip()} isn't a time of day. Use something like 07:30 or 6pm.")
    open_meridiem = False
    if not meridiem and not zero_padded and 1 <= hour <= 11:
        if pm and not am:
            hour += 12
        elif not am:
            open_meridiem = True
    return Clock(time(hour, minute), open_meridiem)
