"""What the bot read from a schedule phrase, as the plain JSON objects `coachbot when` prints."""

from __future__ import annotations

from datetime import datetime, tzinfo

from scheduler.leftovers import unused_parts
from scheduler.model import Question, Schedule, ScheduleError
from scheduler.parsing import read_schedule

DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def read_when(text: str, now: datetime, zone: tzinfo) -> dict[str, object]:
    """The reading of `text` at the aware instant `now` in `zone`, as a JSON-ready dict."""
    try:
        reading = read_schedule(text, now, zone)
    except ScheduleError as hint:
        return {"kind": "error", "hint": str(hint)}
    found = question_json(reading) if isinstance(reading, Question) else schedule_json(reading, zone)
    unused = unused_parts(text)
    return found | {"unused": [{"words": u.words, "reason": u.reason.value} for u in unused]} if unused else found


def question_json(question: Question) -> dict[str, object]:
    """A question in the `when --json` shape, with the days, time or part of the day understood so far."""
    found: dict[str, object] = {"kind": "ask", "question": question.text, "options": [label for label, _ in question.options]}
    if question.weekdays:
        found["days"] = [DAY_CODES[d] for d in sorted(question.weekdays)]
    if question.local_time:
        found["time"] = f"{question.local_time:%H:%M}"
    found |= {"count": question.count} if question.count else {}
    return found | ({"part": question.part} if question.part else {}) | _span_json(question)


def _span_json(said: Schedule | Question) -> dict[str, object]:
    """The first and last day, when said ("start", "until": ISO dates)."""
    found: dict[str, object] = {}
    return found | ({"start": said.start.isoformat()} if said.start else {}) | ({"until": said.until.isoformat()} if said.until else {})


def schedule_json(schedule: Schedule, zone: tzinfo) -> dict[str, object]:
    """A schedule in the `when --json` shape (one-off times in local wall time), with its first and last day."""
    return _repeat_json(schedule, zone) | _span_json(schedule)


def _repeat_json(schedule: Schedule, zone: tzinfo) -> dict[str, object]:
    """How a schedule repeats (or when its one session is)."""
    if schedule.once_at is not None:
        local = schedule.once_at.astimezone(zone)
        return {"kind": "once", "date": local.date().isoformat(), "time": f"{local:%H:%M}"}
    assert schedule.local_time is not None
    days = [DAY_CODES[d] for d in sorted(schedule.weekdays)]
    at = f"{schedule.local_time:%H:%M}"
    kind = schedule.kind
    if kind == "every_n_days":
        return {"kind": kind, "n": schedule.every, "time": at}
    if kind == "every_n_weeks":
        return {"kind": kind, "n": schedule.every, "days": days, "time": at}
    if kind == "monthly" and schedule.month_day is not None:
        return {"kind": kind, "day": schedule.month_day, "time": at}
    if kind == "monthly":
        return {"kind": kind, "nth": schedule.nth, "weekday": days[0], "time": at}
    return {"kind": "weekly", "days": days, "time": at}
