"""A schedule said before planning could read it (at the time-zone or goal question) and then changed there ("can u
remind me tue/thu 6:30pm", then "actually make thursday 7pm instead"): the change is applied to what was kept, as it is at
"Save this plan?", and days given a time of their own become the second plan, instead of both kept side by side as words
that read as two times ("one plan has one time") and lose the schedule."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot.features.planning.draft import Draft
from bot.features.planning.reading import CHANGE_SAID, edited_part, joined
from bot.features.planning.second_plan import Split, own_time, queued
from knowledge.relative_changes import day_change, time_shift
from scheduler.model import WEEKDAY_NAMES, Question, Repeat, Schedule, ScheduleError
from scheduler.parsing import COUNT_EXAMPLES, read_schedule
from scheduler.timezones import zone_info

_CHANGING = re.compile(r"\b(?:actually|wait|no|nah|not|rather|better|make)\b", re.IGNORECASE)  # a change, not more said


def kept_with(draft: Draft, text: str, now: datetime) -> tuple[Draft, Split | None]:
    """The draft with `text` kept: a change of the weekly schedule kept before applied to it (the days given a time of
    their own kept as the second plan, with the split to say), else the words joined to what was kept."""
    weekly = _kept_weekly(draft.kept, now)
    if weekly is None or not text.strip():
        return replace(draft, kept=joined(draft.kept, text)), None
    split = own_time(weekly, text)
    if split is not None and split.second is not None and split.kept:
        return replace(draft, kept=_said(replace(weekly, weekdays=split.kept)), then=queued(draft.then, split)), split
    changing = day_change(text) is not None or time_shift(text) is not None or CHANGE_SAID.search(text) or _CHANGING.search(text)
    found = edited_part(replace(draft, pending=weekly), text, now, "UTC") if changing else None
    if found is None or found[0].repeat is not Repeat.WEEKLY or found[0].local_time is None:
        return replace(draft, kept=joined(draft.kept, text)), None
    return replace(draft, kept=_said(found[0])), None


def _kept_weekly(kept: str, now: datetime) -> Schedule | None:
    """The plain weekly schedule (every week, one time, no start or end) the kept words read as, or None."""
    if not kept.strip():
        return None
    try:
        reading = read_schedule(kept, now, zone_info("UTC"))
    except ScheduleError:
        return None
    if not isinstance(reading, Schedule) or reading.repeat is not Repeat.WEEKLY or reading.every != 1:
        return None
    return reading if reading.local_time is not None and not (reading.start or reading.until or reading.once_at) else None


def _said(schedule: Schedule) -> str:
    """A weekly schedule in words the reader reads back ("every tue thu at 18:30")."""
    days = " ".join(WEEKDAY_NAMES[d].lower() for d in sorted(schedule.weekdays))
    return f"every {days} at {schedule.local_time:%H:%M}"


def suggested_days(kept: str, answer: str | None, now: datetime, zone: str) -> str:
    """The days suggested with "Which 4 days of the week? Mon/Tue/Thu/Fri?" when it was answered "yes" (`answer`), to be
    read as if typed; "" for anything else."""
    if answer != "yes" or not kept.strip():
        return ""
    try:
        asked = read_schedule(kept, now, zone_info(zone))
    except ScheduleError:
        return ""
    if not isinstance(asked, Question) or not asked.count or asked.weekdays or asked.options:
        return ""
    days = COUNT_EXAMPLES.get(asked.count, "")
    return f"{days} at {asked.local_time:%H:%M}" if days and asked.local_time else days  # the time asked with them kept
