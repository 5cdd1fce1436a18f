"""Understand schedules in plain words: "every Mon Wed Fri at 7am", "tomorrow 18:30",
"next tuesday at 6 pm", "in 2 hours", "weekdays at 6:15". Pure: takes the local 'now'."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from scheduler.model import Schedule, ScheduleError

DAYS = {"mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2, "wednesday": 2,
        "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5,
        "sun": 6, "sunday": 6}
GROUPS = {"weekdays": range(5), "weekday": range(5), "workdays": range(5), "weekends": (5, 6),
          "weekend": (5, 6), "daily": range(7), "everyday": range(7)}
MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                       "oct", "nov", "dec"), start=1)}
SMALL_NUMBERS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
SMALL_NUMBERS |= {"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fortyfive": 45, "an": 1, "a": 1}
UNITS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400}

TIME_RE = re.compile(r"\b(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?=\s|$|,)")
RELATIVE_RE = re.compile(r"\bin\s+(\d+|half an?|an?)\s+(second|sec|minute|min|hour|hr|day)s?\b")
ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
DAY_MONTH_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\b|\b([a-z]{3})[a-z]*\s+(\d{1,2})(?:st|nd|rd|th)?\b")
RANGE_RE = re.compile(r"\b([a-z]+)\s*(?:-|to|through|thru)\s*([a-z]+)\b")

HINT_EXAMPLES = "For example: \"every Mon Wed Fri at 7am\", \"tomorrow 18:30\", \"weekdays at 6:15\" or \"in 2 hours\"."
MAX_AHEAD = timedelta(days=366)


def parse_schedule(text: str, now: datetime, zone: tzinfo) -> Schedule:
    """A Schedule for `text`, relative to `now` (aware) in the user's zone; ScheduleError with a
    specific hint when something is missing, impossible or in the past."""
    words = _normalise(text)
    if not words:
        raise ScheduleError(f"Tell me when you want to train. {HINT_EXAMPLES}")
    local_now = now.astimezone(zone)
    relative = RELATIVE_RE.search(words)
    if relative:
        return Schedule(once_at=_in(relative, now))
    clock = _time(words)
    weekdays, recurring = _weekdays(words)
    day = _date(words, local_now)
    if clock is None:
        raise ScheduleError(f"What time? Add a time like \"at 7am\" or \"18:30\". {HINT_EXAMPLES}")
    if day is not None:
        return Schedule(once_at=_future(datetime.combine(day, clock), zone, now))
    if weekdays and recurring:
        return Schedule(weekdays=frozenset(weekdays), local_time=clock)
    if len(weekdays) == 1:
        return Schedule(once_at=_future(datetime.combine(_next_weekday(local_now, weekdays[0], clock), clock), zone, now))
    raise ScheduleError("Which days? Say \"every day at 7am\", \"tomorrow at 7am\" or \"Mon Wed Fri at 7am\".")


def mentions_time(text: str) -> bool:
    """Whether a message talks about when (a day, a time, "in 2 hours"), to tell it from a question."""
    words = _normalise(text)
    tokens = set(words.split())
    return bool(TIME_RE.search(words) or RELATIVE_RE.search(words) or tokens & (set(DAYS) | set(GROUPS))
                or tokens & {"today", "tonight", "tomorrow", "every", "noon", "midnight", "am", "pm"}
                or any(t.rstrip("s") in DAYS for t in tokens))


def _normalise(text: str) -> str:
    """Lower case, number words as digits, punctuation except : . - as spaces."""
    words = re.sub(r"[^a-z0-9:.\- ]", " ", text.lower().replace("’", "'")).split()
    out = [str(SMALL_NUMBERS[w]) if w in SMALL_NUMBERS and w not in ("a", "an") else w for w in words]
    return " ".join(out).replace(" o clock", "").replace(" oclock", "")


def _in(match: re.Match[str], now: datetime) -> datetime:
    """The instant of "in N units"."""
    amount, unit = match.group(1), match.group(2)
    count = 0.5 if amount.startswith("half") else 1 if amount in ("a", "an") else int(amount)
    seconds = UNITS[unit] * count
    if seconds <= 0:
        raise ScheduleError("That is right now. Give a time a little later, like \"in 2 hours\".")
    if seconds > MAX_AHEAD.total_seconds():
        raise ScheduleError("That's more than a year ahead; pick a time within the next year.")
    return now.astimezone(UTC) + timedelta(seconds=seconds)


def _time(words: str) -> time | None:
    """The time of day in the message (7am, 6 pm, 18:30, 6.15pm, noon), if any."""
    if "noon" in words.split() or "midday" in words.split():
        return time(12, 0)
    if "midnight" in words.split():
        return time(0, 0)
    for match in TIME_RE.finditer(words):
        hour, minute, meridiem = int(match.group(1)), int(match.group(2) or 0), match.group(3)
        if not _is_time_context(words, match) and not meridiem and match.group(2) is None:
            continue
        if meridiem:
            if not 1 <= hour <= 12:
                raise ScheduleError(f"{hour}{meridiem} isn't a time: with am/pm use 1 to 12.")
            hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
        if hour > 23 or minute > 59:
            raise ScheduleError(f"{match.group(0).strip()} isn't a time of day. Use something like 07:30 or 6pm.")
        return time(hour, minute)
    return None


def _is_time_context(words: str, match: re.Match[str]) -> bool:
    """A bare number is a time only after "at" (so "24 dec" is not read as 24:00)."""
    return words[:match.start()].rstrip().endswith("at")


def _weekdays(words: str) -> tuple[list[int], bool]:
    """Weekdays named in the message and whether they repeat (every / plural / several / group)."""
    tokens = words.split()
    days: set[int] = set()
    for group, members in GROUPS.items():
        if group in tokens:
            days.update(members)
    if "every" in tokens and ("day" in tokens or "morning" in tokens or "evening" in tokens):
        days.update(range(7))
    for match in RANGE_RE.finditer(words):
        start, end = DAYS.get(match.group(1)), DAYS.get(match.group(2))
        if start is not None and end is not None:
            days.update(range(start, end + 1) if start <= end else [*range(start, 7), *range(end + 1)])
    plural = False
    for token in tokens:
        base = token[:-1] if token.endswith("s") and token[:-1] in DAYS else token
        if base in DAYS:
            days.add(DAYS[base])
            plural = plural or base != token
    recurring = bool(days) and ("every" in tokens or plural or len(days) > 1 or any(g in tokens for g in GROUPS))
    return sorted(days), recurring


def _date(words: str, local_now: datetime) -> date | None:
    """A calendar day: today, tonight, tomorrow, an ISO date or "24 dec" / "dec 24"."""
    tokens = words.split()
    if "today" in tokens or "tonight" in tokens:
        return local_now.date()
    if "tomorrow" in tokens:
        return local_now.date() + timedelta(days=1)
    iso = ISO_DATE_RE.search(words)
    if iso:
        return _valid_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    for match in DAY_MONTH_RE.finditer(words):
        day, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        if month in MONTHS:
            year = local_now.year
            found = _valid_date(year, MONTHS[month], int(day))
            return found if found >= local_now.date() else _valid_date(year + 1, MONTHS[month], int(day))
    return None


def _valid_date(year: int, month: int, day: int) -> date:
    """A date, or a hint naming what is wrong with it."""
    try:
        return date(year, month, day)
    except ValueError:
        raise ScheduleError(f"There is no {day} {date(2000, month, 1):%B}." if 1 <= month <= 12
                            else f"{month} isn't a month. Try a date like \"24 Dec\" or 2026-12-24.") from None


def _next_weekday(local_now: datetime, weekday: int, clock: time) -> date:
    """The next date with this weekday whose `clock` is still ahead ("next tuesday", "on friday")."""
    ahead = (weekday - local_now.weekday()) % 7
    if ahead == 0 and clock <= local_now.time():
        ahead = 7
    return local_now.date() + timedelta(days=ahead)


def _future(local: datetime, zone: tzinfo, now: datetime) -> datetime:
    """A local wall time as a UTC instant, refused when it has passed or is over a year away."""
    instant = local.replace(tzinfo=zone).astimezone(UTC)
    if instant <= now:
        raise ScheduleError(f"{local:%a %d %b at %H:%M} has already passed. Pick a time in the future, "
                            "for example \"tomorrow at 7am\".")
    if instant - now > MAX_AHEAD:
        raise ScheduleError("That's more than a year ahead; pick a time within the next year.")
    return instant
