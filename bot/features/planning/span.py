"""What planning does with the rest of a schedule reading: the first and last day said before days
were picked with buttons ("for 6 weeks", then Mon and Wed tapped), and a count of days a week
answered with fewer or more days ("3x a week", then "thursday")."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.features.planning.texts import format_count_note
from scheduler.model import Question, Schedule, ScheduleError
from scheduler.parsing import read_schedule
from scheduler.timezones import zone_info

Reading = Schedule | Question | ScheduleError


def with_kept_span(kept: str, schedule: Schedule, now: datetime, zone: str) -> Schedule:
    """Days and a time picked with buttons, within the first and last day said before ("for 6 weeks")."""
    try:
        said = read_schedule(kept, now, zone_info(zone)) if kept else None
    except ScheduleError:
        return schedule
    if said is None or (isinstance(said, Schedule) and not said.recurring):
        return schedule
    return replace(schedule, start=said.start, until=said.until)


def count_note(kept: str, reading: Reading, now: datetime, zone: str) -> str:
    """A word on the days planned when "3x a week" was answered with fewer or more days ("" otherwise)."""
    if not kept or not isinstance(reading, Schedule) or reading.kind != "weekly":
        return ""
    try:
        asked = read_schedule(kept, now, zone_info(zone))
    except ScheduleError:
        return ""
    if not isinstance(asked, Question) or not asked.count or asked.count == len(reading.weekdays):
        return ""
    return format_count_note(asked.count, reading.weekdays)
