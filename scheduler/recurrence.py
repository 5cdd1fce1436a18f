"""When sessions happen: pure functions of (schedule, zone, instant).

Recurring times are wall-clock times in the user's zone, so 07:00 stays 07:00 across daylight-saving
changes. A time inside the hour skipped in spring happens one hour later that day (02:30 becomes
03:30); a time inside the hour repeated in autumn happens once, at its first occurrence.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo

from scheduler.model import Repeat, Schedule

SEARCH_DAYS = 800  # no schedule waits longer than this between sessions (guards a loop)


def local_instant(day: datetime | date, schedule: Schedule, zone: tzinfo) -> datetime:
    """The UTC instant of the schedule's wall time on `day`'s date in `zone` (fold=0 rules)."""
    assert schedule.local_time is not None
    on = day.date() if isinstance(day, datetime) else day
    wall = datetime.combine(on, schedule.local_time, tzinfo=zone)
    return wall.astimezone(UTC)


def falls_on(schedule: Schedule, day: date) -> bool:
    """Whether a recurring schedule has a session on this local date (within its first and last day)."""
    if (schedule.start and day < schedule.start) or (schedule.until and day > schedule.until):
        return False
    anchor = schedule.anchor or day
    if schedule.repeat is Repeat.DAYS:
        return day >= anchor and (day - anchor).days % schedule.every == 0
    if schedule.repeat is Repeat.MONTHLY:
        return _monthly(schedule, day)
    if day.weekday() not in schedule.weekdays:
        return False
    weeks = ((day - timedelta(days=day.weekday())) - (anchor - timedelta(days=anchor.weekday()))).days // 7
    return weeks >= 0 and weeks % schedule.every == 0 if schedule.every > 1 else True


def _monthly(schedule: Schedule, day: date) -> bool:
    """The month's date (its last day when the month is shorter) or its nth weekday."""
    last = calendar.monthrange(day.year, day.month)[1]
    if schedule.month_day is not None:
        return day.day == min(schedule.month_day, last)
    if day.weekday() not in schedule.weekdays or schedule.nth is None:
        return False
    return day.day + 7 > last if schedule.nth < 0 else (day.day - 1) // 7 + 1 == schedule.nth


def occurrences_after(schedule: Schedule, zone: tzinfo, after: datetime) -> Iterator[datetime]:
    """Session instants (UTC) strictly after `after`, in order; a one-off yields at most one."""
    if not schedule.recurring:
        if schedule.once_at and schedule.once_at > after:
            yield schedule.once_at
        return
    if schedule.repeat is Repeat.WEEKLY and not schedule.weekdays:
        return
    day = max(after.astimezone(zone).date() - timedelta(days=1), schedule.start or date.min)
    idle = 0
    while idle < SEARCH_DAYS and (schedule.until is None or day <= schedule.until):
        if falls_on(schedule, day):
            instant = local_instant(day, schedule, zone)
            if instant > after:
                idle = 0
                yield instant
        day += timedelta(days=1)
        idle += 1


def next_occurrences(schedule: Schedule, zone: tzinfo, after: datetime, count: int) -> list[datetime]:
    """The next `count` session instants after `after`."""
    found = []
    for instant in occurrences_after(schedule, zone, after):
        found.append(instant)
        if len(found) == count:
            break
    return found
