"""How planning reads a typed schedule: alone or with what was said before, filled in with the
days or time kept from earlier, or as an edit of the plan being confirmed ("no, make it 7pm")."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

from bot.features.planning.draft import Draft
from scheduler.model import Question, Schedule, ScheduleError
from scheduler.parsing import read_schedule
from scheduler.timezones import zone_info

Reading = Schedule | Question | ScheduleError


def carries_schedule(text: str, now: datetime) -> bool:
    """Whether the text carries a day or a time."""
    try:
        return isinstance(read_schedule(text, now, zone_info("UTC")), (Schedule, Question))
    except ScheduleError:
        return False


def filled(question: Question, draft: Draft) -> Schedule | Question:
    """A question the days or time said earlier already answer becomes the schedule."""
    days = question.weekdays or draft.weekdays
    clock = f"{question.local_time:%H:%M}" if question.local_time else draft.local_time
    if question.options or not question.picker or not days or not clock:
        return question
    return Schedule(weekdays=frozenset(days), local_time=time.fromisoformat(clock))


def read_with_kept(text: str, kept: str, now: datetime, zone: str) -> tuple[str, Reading]:
    """The answer alone when it is a whole schedule, else read together with the kept phrase."""
    readings: list[tuple[str, Reading]] = []
    for phrase in (text, f"{kept} {text}") if kept else (text,):
        try:
            readings.append((phrase, read_schedule(phrase, now, zone_info(zone))))
        except ScheduleError as hint:
            readings.append((phrase, hint))
    whole = [r for r in readings if isinstance(r[1], Schedule)]
    return (whole or readings[1:] or readings)[0]


def edited_schedule(draft: Draft, text: str, now: datetime) -> Schedule | None:
    """The pending plan with the days or time the message names ("no, make it 7pm"), or None."""
    assert draft.pending is not None
    try:
        reading = read_schedule(text, now, zone_info("UTC"))
    except ScheduleError:
        return None
    if isinstance(reading, Schedule) and reading.local_time is not None:
        return reading
    if isinstance(reading, Question) and not reading.options and draft.pending.recurring:
        days = reading.weekdays or draft.pending.weekdays
        clock = reading.local_time or draft.pending.local_time
        return replace(draft.pending, weekdays=frozenset(days), local_time=clock)
    return None


def joined(kept: str, text: str) -> str:
    """What the user said so far, in order."""
    return " ".join(part for part in (kept.strip(), text.strip()) if part)
