"""Read the calendar day of a one-off session in a normalised phrase: today, tomorrow, the day
after tomorrow, in N days or weeks, 24 dec, dec 24, 24/12 or 12/24, ISO dates, the 15th, holidays."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from scheduler.model import ScheduleError
from scheduler.words import MONTHS

MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
ORD = r"(?:st|nd|rd|th)?"
ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_AT_BEFORE = re.compile(r"(?:\bat|@)\s*$")
_AM_PM_AFTER = re.compile(r"\s*(?:am|pm|a|p)\b")
NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2,4}))?\b")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){ORD}(?: of)? ({MONTH_RE})\b(?: (\d{{4}}))?")
MONTH_DAY = re.compile(rf"\b({MONTH_RE}) (?:the )?(\d{{1,2}}){ORD}\b(?: (\d{{4}}))?")
NTH_DAY = re.compile(r"\b(?:on )?the (\d{1,2})(?:st|nd|rd|th)\b|\bon (\d{1,2})(?:st|nd|rd|th)\b")
IN_DAYS = re.compile(r"\bin (\d+) (day|week)\b")
MAX_DAYS_AHEAD = 366
RELATIVE = {"today": 0, "tonight": 0, "tomorrow": 1, "dayaftertomorrow": 2}
FIXED_HOLIDAYS = {"christmaseve": (12, 24), "christmasday": (12, 25), "boxingday": (12, 26), "newyearseve": (12, 31),
                  "newyearsday": (1, 1), "valentinesday": (2, 14), "halloween": (10, 31), "stpatricksday": (3, 17),
                  "independenceday": (7, 4)}
MOVING_HOLIDAYS = ("thanksgiving", "eastersunday", "laborday", "memorialday")
MONTH_FIRST_ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix",
                     "America/Anchorage", "America/Detroit", "America/Boise", "America/Indiana", "America/Kentucky",
                     "Pacific/Honolulu", "Asia/Manila")


def find_date(words: str, today: date, zone_name: str) -> tuple[list[date], str]:
    """The day(s) the phrase may mean (two when the day/month order is open) and the phrase without
    the date words (so "24.12" is not read as a time)."""
    tokens = words.split()
    for word, days in RELATIVE.items():
        if word in tokens:
            return [today + timedelta(days=days)], words
    match = IN_DAYS.search(words)
    if match:
        ahead = int(match[1]) * (7 if match[2] == "week" else 1)
        if ahead > MAX_DAYS_AHEAD:
            raise ScheduleError("That's more than a year ahead; pick a time within the next year.")
        return [today + timedelta(days=ahead)], _cut(words, match)
    holiday = next((t for t in tokens if t in FIXED_HOLIDAYS or t in MOVING_HOLIDAYS), None)
    if holiday:
        return [_holiday(holiday, today)], words.replace(holiday, " ")
    return _calendar(words, today, zone_name)


def _calendar(words: str, today: date, zone_name: str) -> tuple[list[date], str]:
    """ISO, numeric, named-month and "the 15th" dates."""
    match = ISO.search(words)
    if match:
        return [_valid(int(match[1]), int(match[2]), int(match[3]))], _cut(words, match)
    for pattern, day_group, month_group in ((DAY_MONTH, 1, 2), (MONTH_DAY, 2, 1)):
        match = pattern.search(words)
        if match:
            return [_ahead(today, MONTHS[match[month_group]], int(match[day_group]), match[3])], _cut(words, match)
    match = NUMERIC.search(words)
    if match and not _clock_time(match, words):
        return _numeric(match, today, zone_name), _cut(words, match)
    match = NTH_DAY.search(words)
    if match:
        return [_nth_of_month(today, int(match[1] or match[2]))], _cut(words, match)
    return [], words


def _clock_time(match: re.Match[str], words: str) -> bool:
    """Whether "7.30pm", "19.30" or "at 7.30" is a time, not a date ("19.30" is no date; "7.12" alone is one)."""
    if "." not in match[0] or match[3] or len(match[2]) != 2 or int(match[1]) > 23 or int(match[2]) > 59:
        return False
    said_as_time = _AT_BEFORE.search(words[:match.start()]) or _AM_PM_AFTER.match(words[match.end():])
    return bool(said_as_time) or int(match[1]) > 12 and int(match[2]) > 12 or int(match[2]) > 31


def _numeric(match: re.Match[str], today: date, zone_name: str) -> list[date]:
    """24/12 or 12/24: the one valid order, the user's locale's, or both to ask about."""
    a, b, year = int(match[1]), int(match[2]), match[3]
    readings = []
    for day, month in ((a, b), (b, a)):
        if 1 <= month <= 12 and 1 <= day <= 31:
            try:
                readings.append(_ahead(today, month, day, year))
            except ScheduleError:
                continue
    if not readings and 1 <= b <= 12 < a:  # "31/04": the day is too big for its month
        _valid(today.year, b, a)
    if not readings:
        raise ScheduleError(f"{match[0]} isn't a date I can read. Try \"24 Dec\" or 2026-12-24.")
    if len(set(readings)) == 2 and zone_name != "UTC":
        month_first = zone_name.startswith(MONTH_FIRST_ZONES)
        return [readings[1] if month_first else readings[0]]
    return list(dict.fromkeys(readings))


def _cut(words: str, match: re.Match[str]) -> str:
    """The phrase without a match."""
    return f"{words[:match.start()]} {words[match.end():]}"


def _ahead(today: date, month: int, day: int, year: str | None) -> date:
    """This date this year, or next year once it has passed."""
    if year:
        full = int(year) + (2000 if len(year) == 2 else 0)
        return _valid(full, month, day)
    found = _valid(today.year, month, day)
    return found if found >= today else _valid(today.year + 1, month, day)


def _valid(year: int, month: int, day: int) -> date:
    """A date, or a hint naming what is wrong with it."""
    try:
        return date(year, month, day)
    except ValueError:
        raise ScheduleError(_no_such_day(year, month, day) if 1 <= month <= 12
                            else f"{month} isn't a month. Try a date like \"24 Dec\" or 2026-12-24.") from None


def _no_such_day(year: int, month: int, day: int) -> str:
    """"There is no 31 April: April has 30 days." (February: 28, or 29 in a leap year)."""
    name = f"{date(2000, month, 1):%B}"
    days = "28 days (29 in a leap year)" if month == 2 else f"{calendar.monthrange(year, month)[1]} days"
    return f"There is no {day} {name}: {name} has {days}." if day >= 1 else f"There is no day {day} in {name}."


def _nth_of_month(today: date, day: int) -> date:
    """The next date that is the `day`th of a month (today counts)."""
    for step in range(13):
        month, year = (today.month - 1 + step) % 12 + 1, today.year + (today.month - 1 + step) // 12
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found >= today:
            return found
    raise ScheduleError(f"No month has a {day}th. Pick a day from 1 to 31.")


def _holiday(name: str, today: date) -> date:
    """The next date of a holiday (today counts)."""
    for year in (today.year, today.year + 1):
        if name == "thanksgiving":  # the fourth Thursday of November
            found = _nth_weekday(year, 11, 3, 4)
        elif name == "laborday":  # the first Monday of September
            found = _nth_weekday(year, 9, 0, 1)
        elif name == "memorialday":  # the last Monday of May
            found = _nth_weekday(year, 6, 0, 1) - timedelta(days=7)
        elif name == "eastersunday":
            found = _easter(year)
        else:
            found = date(year, *FIXED_HOLIDAYS[name])
        if found >= today:
            return found
    return found


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth given weekday of a month."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)
