"""What the bot read from a schedule phrase, as the plain JSON objects `coachbot when` prints."""

from __future__ import annotations

from datetime import datetime, tzinfo

from scheduler.model import Schedule, ScheduleError
from scheduler.parsing import parse_schedule

DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def read_when(text: str, now: datetime, zone: tzinfo) -> dict[str, object]:
    """The reading of `text` at the aware instant `now` in `zone`, as a JSON-ready dict."""
    try:
        return schedule_json(parse_schedule(text, now, zone), zone)
    except ScheduleError as hint:
        return {"kind": "error", "hint": str(hint)}


def schedule_json(schedule: Schedule, zone: tzinfo) -> dict[str, object]:
    """A schedule in the `when --json` shape (one-off times in local wall time)."""
    if schedule.once_at is not None:
        local = schedule.once_at.astimezone(zone)
        return {"kind": "once", "date": local.date().isoformat(), "time": f"{local:%H:%M}"}
    assert schedule.local_time is not None
    return {"kind": "weekly", "days": [DAY_CODES[d] for d in sorted(schedule.weekdays)],
            "time": f"{schedule.local_time:%H:%M}"}
