"""How planning data is kept in SQLite: the records (settings, plans, occurrences), the tables and
their migrations, and the conversion between rows and records. Times are UTC epoch seconds."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import cast

from sqlite_utils import Database

from scheduler.model import Repeat, Schedule


@dataclass(frozen=True)
class Profile:
    """A user's planning settings."""

    user_id: int
    zone: str | None = None
    goal: str | None = None
    lead_minutes: int = 30
    previous_zone: str | None = None  # the zone before the last change, offered back after a trip ("im home again")


@dataclass(frozen=True)
class Plan:
    """A saved plan and its next session."""

    id: int
    user_id: int
    schedule: Schedule
    zone: str
    goal: str
    active: bool
    next_at: datetime | None
    remind_at: datetime | None


@dataclass(frozen=True)
class Occurrence:
    """One session that was reminded about, snoozed, cancelled, done, skipped or missed."""

    id: int
    plan_id: int
    user_id: int
    at: datetime
    status: str
    late: bool = False


def create_scheduler_tables(db: Database) -> None:
    """Migration: profiles, plans, occurrences, and plans being made."""
    db.table("profiles").create({"user_id": int, "zone": str, "goal": str, "lead_minutes": int}, pk="user_id",
                          defaults={"lead_minutes": 30})
    db.table("plans").create({"id": int, "user_id": int, "weekdays": int, "local_time": str, "once_at": int,
                        "zone": str, "goal": str, "created_at": int, "active": int, "paused": str,
                        "next_at": int, "remind_at": int}, pk="id")
    db.table("plans").create_index(["user_id"])
    db.table("plans").create_index(["active", "remind_at"])
    db.table("occurrences").create({"id": int, "plan_id": int, "user_id": int, "at": int, "status": str,
                              "reminded_at": int, "snooze_until": int, "late": int}, pk="id")
    db.table("occurrences").create_index(["plan_id", "at"], unique=True)
    db.table("occurrences").create_index(["status", "snooze_until"])
    db.table("occurrences").create_index(["user_id"])
    db.table("plan_drafts").create({"user_id": int, "stage": str, "weekdays": int, "local_time": str,
                              "pending": str}, pk="user_id")


def add_recurrence_kinds(db: Database) -> None:
    """Migration: every N days or weeks and monthly plans; a plan being made can hold a question."""
    db.table("plans").add_column("repeat", str, not_null_default="weekly")
    db.table("plans").add_column("every", int, not_null_default=1)
    db.table("plans").add_column("anchor", str)
    db.table("plans").add_column("month_day", int)
    db.table("plans").add_column("nth", int)
    db.table("plan_drafts").add_column("asked", str)


def add_plan_span(db: Database) -> None:
    """Migration: a plan's first and last day ("starting next week", "for 6 weeks"); none for old plans."""
    db.table("plans").add_column("first_day", str)
    db.table("plans").add_column("last_day", str)


def add_previous_zone(db: Database) -> None:
    """Migration: the zone a user had before the last change, to switch back to after a trip; none for old profiles."""
    db.table("profiles").add_column("previous_zone", str)


def recurrence_columns(schedule: Schedule) -> dict[str, object]:
    """The columns that say how a plan repeats and between which days."""
    return {"repeat": schedule.repeat.value, "every": schedule.every,
            "anchor": schedule.anchor.isoformat() if schedule.anchor else None,
            "month_day": schedule.month_day, "nth": schedule.nth,
            "first_day": schedule.start.isoformat() if schedule.start else None,
            "last_day": schedule.until.isoformat() if schedule.until else None}


def _recurrence_from(row: dict[str, object]) -> dict[str, object]:
    """Schedule fields from the recurrence columns (or JSON keys); old rows are weekly, with no first or last day."""
    return {"repeat": Repeat(row.get("repeat") or "weekly"), "every": int(row.get("every") or 1),  # type: ignore[call-overload]
            "anchor": _day(row.get("anchor")), "month_day": row.get("month_day"), "nth": row.get("nth"),
            "start": _day(row.get("first_day")), "until": _day(row.get("last_day"))}


def _day(value: object) -> date | None:
    """A stored ISO date (None when absent)."""
    return date.fromisoformat(str(value)) if value else None


def epoch(moment: datetime) -> int:
    """UTC epoch seconds."""
    return int(moment.timestamp())


def instant(seconds: int | None) -> datetime | None:
    """An aware UTC datetime from epoch seconds (None stays None)."""
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


def schedule_to_json(schedule: Schedule) -> str:
    """A schedule as JSON, for a plan awaiting confirmation."""
    return json.dumps({"weekdays": sorted(schedule.weekdays),
                       "local_time": schedule.local_time.strftime("%H:%M") if schedule.local_time else None,
                       "once_at": epoch(schedule.once_at) if schedule.once_at else None,
                       **recurrence_columns(schedule)})


def schedule_from_json(data: dict[str, object]) -> Schedule:
    """The schedule stored by schedule_to_json."""
    local = data.get("local_time")
    return Schedule(weekdays=frozenset(cast("list[int]", data.get("weekdays") or ())),
                    local_time=time.fromisoformat(str(local)) if local else None,
                    once_at=instant(data.get("once_at")), **_recurrence_from(data))  # type: ignore[arg-type]


def plan_from_row(row: dict[str, object]) -> Plan:
    """A Plan from a row."""
    mask = int(row["weekdays"] or 0)  # type: ignore[call-overload]
    local = time.fromisoformat(str(row["local_time"])) if row["local_time"] else None
    schedule = Schedule(weekdays=frozenset(d for d in range(7) if mask >> d & 1), local_time=local,
                        once_at=instant(row["once_at"]), **_recurrence_from(row))  # type: ignore[arg-type]
    return Plan(int(row["id"]), int(row["user_id"]), schedule, str(row["zone"]), str(row["goal"]),  # type: ignore[call-overload]
                bool(row["active"]), instant(row["next_at"]), instant(row["remind_at"]))  # type: ignore[arg-type]


def occurrence_from_row(row: dict[str, object]) -> Occurrence:
    """An Occurrence from a row."""
    return Occurrence(int(row["id"]), int(row["plan_id"]), int(row["user_id"]),  # type: ignore[call-overload]
                      instant(row["at"]), str(row["status"]), bool(row["late"]))  # type: ignore[arg-type]
