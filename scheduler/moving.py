"""Where one session of a plan is moved to ("push friday's to next week", "move tomorrow's session to
saturday", "... to 8pm"): a new day, a new time or both, read against the session moved (its time
kept when none is said; a week, a day or a time alone moves it by that). Pure: takes 'now'."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from scheduler.clock import find_time
from scheduler.model import Question, ScheduleError
from scheduler.parsing import read_schedule
from scheduler.timezones import zone_info
from scheduler.words import normalise

_NEXT_WEEK = re.compile(r"\b(?:ne?xt|following)\s+w(?:ee)?k\b|\ba week later\b")
_DAY_AFTER = re.compile(r"\b(?:the )?day after\b")
# "to 8pm": a time alone, said without a day
_A_LETTER = re.compile(r"[a-z]")
_TIME_WORDS = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]m)?\b|\b(?:at|am|pm|o'?clock|the|to|for|instead|same time)\b")


def moved_to(said: str, session: datetime, zone: str, now: datetime) -> datetime | None:
    """The instant the session at `session` moves to, as `said`; None when it names no day or time
    we can read, or a moment that has passed."""
    local = session.astimezone(zone_info(zone))
    words = normalise(said)
    shift = 7 if _NEXT_WEEK.search(words) else 1 if _DAY_AFTER.search(words) else 0
    rest = _DAY_AFTER.sub(" ", _NEXT_WEEK.sub(" ", words)).strip()
    try:
        clock = find_time(rest)
        at = _side_of(clock.at, local.time()) if clock and clock.open_meridiem else clock.at if clock else local.time()
        moved = _on_day(rest, local, at, now, zone, shift)
    except ScheduleError:
        return None
    return moved if moved is not None and moved > now and moved != session else None


def _on_day(rest: str, local: datetime, at: time, now: datetime, zone: str, shift: int) -> datetime | None:
    """The new instant: the session's day moved by `shift` days, or the day `rest` names (the
    session's own day when it names only a time)."""
    tz = zone_info(zone)
    if shift or not _A_LETTER.search(_TIME_WORDS.sub(" ", rest)):
        return datetime.combine(local.date() + timedelta(days=shift), at, tz).astimezone(now.tzinfo)
    reading = read_schedule(rest if find_time(rest) else f"{rest} at {at:%H:%M}", now, tz)
    if isinstance(reading, Question):  # "saturday at 8": the reading on the session's side of noon
        return next((o.once_at for _, o in reading.options if o.once_at and o.once_at.astimezone(tz).time() == at), None)
    return reading.once_at


def _side_of(said: time, session: time) -> time:
    """An hour said without am/pm ("to 8") on the session's side of noon."""
    return said.replace(hour=said.hour + 12) if session.hour >= 12 and said.hour < 12 else said
