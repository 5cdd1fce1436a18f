"""When sessions happen: pure functions of (schedule, zone, instant).

Weekly times are wall-clock times in the user's zone, so 07:00 stays 07:00 across daylight-saving
changes. A time inside the hour skipped in spring happens one hour later that day (02:30 becomes
03:30); a time inside the hour repeated in autumn happens once, at its first occurrence.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, tzinfo

from scheduler.model import Schedule


def local_instant(day: datetime, schedule: Schedule, zone: tzinfo) -> datetime:
    """The UTC instant of the schedule's wall time on `day`'s date in `zone` (fold=0 rules)."""
    assert schedule.local_time is not None
    wall = datetime.combine(day.date(), schedule.local_time, tzinfo=zone)
    return wall.astimezone(UTC)


def occurrences_after(schedule: Schedule, zone: tzinfo, after: datetime) -> Iterator[datetime]:
    """Session instants (UTC) strictly after `after`, in order; a one-off yields at most one."""
    if not schedule.recurring:
        if schedule.once_at and schedule.once_at > after:
            yield schedule.once_at
        return
    if not schedule.weekdays:
        return
    day = after.astimezone(zone) - timedelta(days=1)
    while True:
        if day.weekday() in schedule.weekdays:
            instant = local_instant(day, schedule, zone)
            if instant > after:
                yield instant
        day += timedelta(days=1)


def next_occurrences(schedule: Schedule, zone: tzinfo, after: datetime, count: int) -> list[datetime]:
    """The next `count` session instants after `after`."""
    found = []
    for instant in occurrences_after(schedule, zone, after):
        found.append(instant)
        if len(found) == count:
            break
    return found
