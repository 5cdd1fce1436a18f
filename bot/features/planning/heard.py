"""Which reading of a voice note answers "When do you want to train?": the one that names most of a plan.

Whisper's likeliest reading of a spoken schedule sometimes loses its days ("2st and 1st and 6th 30 in the evening"
for "Tuesday and Thursday at six thirty in the evening") where a later one kept them; the schedule reader says how
much of a plan each holds."""

from __future__ import annotations

from datetime import datetime

from bot.features.planning.reading import read_with_kept
from scheduler.model import Schedule, ScheduleError

WHOLE = 3  # a plan to confirm: its days (or date) and its time
SCHEDULE_ASKED = "schedule"  # the recognizer's context for a note answering "When do you want to train?"


def plan_parts(text: str, kept: str, now: datetime, zone: str) -> int:
    """How much of a plan a reading names, with what was said before (`kept`): WHOLE for a plan to confirm, else one
    for days and one for a time (an hour whose side of noon is open counts); 0 for none or what cannot be planned."""
    _, reading = read_with_kept(text, kept, now, zone)
    if isinstance(reading, Schedule):
        return WHOLE
    if isinstance(reading, ScheduleError):
        return 0
    return bool(reading.weekdays) + bool(reading.local_time or reading.options)
