"""Plans, occurrences and planning settings in SQLite, the source of truth for reminders.

Times are stored as UTC epoch seconds. A plan row carries its next session (`next_at`) and when
to remind about it (`remind_at`, indexed), so start-up and each tick only ask "what is due?".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import cast

from sqlite_utils import Database

from bot.storage.backend import SqlDatabase
from bot.storage.sql import save_row
from bot.storage.transaction import transaction
from scheduler.model import Repeat, Schedule


@dataclass(frozen=True)
class Profile:
    """A user's planning settings."""

    user_id: int
    zone: str | None = None
    goal: str | None = None
    lead_minutes: int = 30


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


def _recurrence_columns(schedule: Schedule) -> dict[str, object]:
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


class SchedulerStore:
    """Every read and write of planning data; each write is one transaction."""

    def __init__(self, db: SqlDatabase) -> None:
        self.db = db

    def load_profile(self, user_id: int) -> Profile:
        """The user's settings (defaults when none are stored)."""
        row = self.db.execute("SELECT zone, goal, lead_minutes FROM profiles WHERE user_id = ?", [user_id]).fetchone()
        return Profile(user_id, *row) if row else Profile(user_id)

    def save_profile(self, profile: Profile) -> None:
        """Store the user's settings."""
        with transaction(self.db):
            save_row(self.db, "profiles", {"user_id": profile.user_id, "zone": profile.zone, "goal": profile.goal,
                                           "lead_minutes": profile.lead_minutes}, "user_id")

    def add_plan(self, user_id: int, schedule: Schedule, zone: str, goal: str, now: datetime,
                 next_at: datetime | None, remind_at: datetime | None) -> int:
        """Save a confirmed plan with its first session."""
        row = {
            "user_id": user_id, "weekdays": sum(1 << d for d in schedule.weekdays),
            "local_time": schedule.local_time.strftime("%H:%M") if schedule.local_time else None,
            "once_at": epoch(schedule.once_at) if schedule.once_at else None, "zone": zone, "goal": goal,
            "created_at": epoch(now), "active": 1, "paused": None,
            "next_at": epoch(next_at) if next_at else None, "remind_at": epoch(remind_at) if remind_at else None,
            **_recurrence_columns(schedule),
        }
        with transaction(self.db):
            return int(self.db.execute(
                f"INSERT INTO plans ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)}) RETURNING id",
                list(row.values())).fetchone()[0])

    def load_plans(self, user_id: int) -> list[Plan]:
        """The user's active plans."""
        return [_plan(r) for r in self.db.query(
            "SELECT * FROM plans WHERE user_id = ? AND active = 1 ORDER BY id", [user_id])]

    def load_plan(self, plan_id: int) -> Plan | None:
        """One plan by id."""
        row = next(self.db.query("SELECT * FROM plans WHERE id = ?", [plan_id]), None)
        return _plan(row) if row else None

    def load_due_plans(self, now: datetime, limit: int, user_id: int | None = None) -> list[Plan]:
        """Active plans whose reminder time has come, earliest first (only `user_id`'s when given)."""
        mine, params = _only(user_id)
        return [_plan(r) for r in self.db.query(
            f"SELECT * FROM plans WHERE active = 1 AND remind_at <= ?{mine} ORDER BY remind_at LIMIT ?",
            [epoch(now), *params, limit])]

    def advance(self, plan: Plan, status: str, late: bool, next_at: datetime | None,
                remind_at: datetime | None) -> int | None:
        """Record what happened to the plan's current session and move it to the next, atomically.

        A compare-and-set: the plan moves only if it still is where `plan` was read (active, same
        session and reminder time); otherwise another sender claimed it first and this returns None."""
        assert plan.next_at is not None and plan.remind_at is not None
        with transaction(self.db):
            moved = self.db.execute(
                "UPDATE plans SET next_at = ?, remind_at = ?, active = ? "
                "WHERE id = ? AND active = 1 AND next_at = ? AND remind_at = ?",
                [epoch(next_at) if next_at else None, epoch(remind_at) if remind_at else None,
                 int(next_at is not None), plan.id, epoch(plan.next_at), epoch(plan.remind_at)]).rowcount
            if moved != 1:
                return None
            return self._save_occurrence(plan, plan.next_at, status, late)

    def _save_occurrence(self, plan: Plan, at: datetime, status: str, late: bool) -> int:
        """Insert (or reset) the occurrence of `plan` at `at`; its id."""
        return int(self.db.execute(
            "INSERT INTO occurrences (plan_id, user_id, at, status, late) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (plan_id, at) DO UPDATE SET status = excluded.status, late = excluded.late, "
            "reminded_at = NULL, snooze_until = NULL RETURNING id",
            [plan.id, plan.user_id, epoch(at), status, int(late)]).fetchall()[0][0])

    def reschedule(self, plan_id: int, next_at: datetime | None, remind_at: datetime | None) -> None:
        """Set a plan's next session and reminder (after a setting changed or a session was cancelled)."""
        with transaction(self.db):
            self.db.execute("UPDATE plans SET next_at = ?, remind_at = ?, active = ? WHERE id = ?", [
                epoch(next_at) if next_at else None, epoch(remind_at) if remind_at else None,
                int(next_at is not None), plan_id])

    def set_zone(self, plan_id: int, zone: str) -> None:
        """Move a weekly plan to another time zone (its wall-clock time stays)."""
        with transaction(self.db):
            self.db.execute("UPDATE plans SET zone = ? WHERE id = ?", [zone, plan_id])

    def load_occurrence(self, occurrence_id: int) -> Occurrence | None:
        """One occurrence by id."""
        row = next(self.db.query("SELECT * FROM occurrences WHERE id = ?", [occurrence_id]), None)
        return _occurrence(row) if row else None

    def load_sending(self, user_id: int | None = None) -> list[Occurrence]:
        """Reminders claimed but not confirmed sent (the process stopped in between); only
        `user_id`'s when given."""
        mine, params = _only(user_id)
        return [_occurrence(r) for r in self.db.query(
            f"SELECT * FROM occurrences WHERE status = 'sending'{mine} ORDER BY at", params)]

    def claim_due_snoozes(self, now: datetime, user_id: int | None = None) -> list[Occurrence]:
        """Snoozed reminders whose time has come, marked as being sent (only `user_id`'s when given)."""
        mine, params = _only(user_id)
        with transaction(self.db):
            rows = list(self.db.query(
                f"SELECT * FROM occurrences WHERE status = 'snoozed' AND snooze_until <= ?{mine}", [epoch(now), *params]))
            claimed = [row for row in rows if self.db.execute(  # compare-and-set: one claimer wins
                "UPDATE occurrences SET status = 'sending' WHERE id = ? AND status = 'snoozed'", [row["id"]]).rowcount]
        return [_occurrence(r) for r in claimed]

    def set_status(self, occurrence_id: int, status: str, now: datetime, snooze_until: datetime | None = None) -> None:
        """Record sent / done / skipped / snoozed / failed for an occurrence."""
        with transaction(self.db):
            self.db.execute(
                "UPDATE occurrences SET status = ?, snooze_until = ?, "
                "reminded_at = CASE WHEN ? = 'sent' THEN ? ELSE reminded_at END WHERE id = ?",
                [status, epoch(snooze_until) if snooze_until else None, status, epoch(now), occurrence_id])

    def cancel_occurrence(self, plan: Plan, at: datetime) -> None:
        """Mark one upcoming session as cancelled."""
        with transaction(self.db):
            self._save_occurrence(plan, at, "cancelled", False)

    def move_cancelled(self, plan_id: int, at: datetime, moved: datetime) -> None:
        """Move a session cancelled in advance to `moved` (its plan changed zone), unless another
        record of the plan is already there."""
        with transaction(self.db):
            self.db.execute(
                "UPDATE occurrences SET at = ? WHERE plan_id = ? AND at = ? AND status = 'cancelled' "
                "AND NOT EXISTS (SELECT 1 FROM occurrences WHERE plan_id = ? AND at = ?)",
                [epoch(moved), plan_id, epoch(at), plan_id, epoch(moved)])

    def cancelled_at(self, plan_id: int) -> set[datetime]:
        """Sessions of a plan that were cancelled one by one."""
        return {instant(r[0]) for r in self.db.execute(  # type: ignore[misc]
            "SELECT at FROM occurrences WHERE plan_id = ? AND status = 'cancelled'", [plan_id]).fetchall()}

    def deactivate(self, user_id: int, plan_id: int | None, reason: str) -> int:
        """Stop one plan of a user (or all of them); returns how many were active."""
        with transaction(self.db):
            query = "UPDATE plans SET active = 0, paused = ? WHERE user_id = ? AND active = 1"
            params: list[object] = [reason, user_id]
            if plan_id is not None:
                query += " AND id = ?"
                params.append(plan_id)
            return self.db.execute(query, params).rowcount

    def load_reminded_sessions(self, user_id: int, now: datetime) -> list[datetime]:
        """Sessions still to come whose reminder already went out (a one-off's plan has ended by then)."""
        return [instant(r[0]) for r in self.db.execute(  # type: ignore[misc]
            "SELECT at FROM occurrences WHERE user_id = ? AND at > ? AND status IN ('sending', 'sent', 'snoozed') "
            "ORDER BY at", [user_id, epoch(now)]).fetchall()]

    def count_plans(self, user_id: int) -> int:
        """How many active plans the user has."""
        return int(self.db.execute("SELECT count(*) FROM plans WHERE user_id = ? AND active = 1", [user_id]).fetchone()[0])

    def forget(self, user_id: int) -> None:
        """Erase every planning record of a user."""
        with transaction(self.db):
            for table in ("occurrences", "plans", "profiles"):
                self.db.execute(f"DELETE FROM {table} WHERE user_id = ?", [user_id])


def schedule_to_json(schedule: Schedule) -> str:
    """A schedule as JSON, for a plan awaiting confirmation."""
    return json.dumps({"weekdays": sorted(schedule.weekdays),
                       "local_time": schedule.local_time.strftime("%H:%M") if schedule.local_time else None,
                       "once_at": epoch(schedule.once_at) if schedule.once_at else None,
                       **_recurrence_columns(schedule)})


def schedule_from_json(data: dict[str, object]) -> Schedule:
    """The schedule stored by schedule_to_json."""
    local = data.get("local_time")
    return Schedule(weekdays=frozenset(cast("list[int]", data.get("weekdays") or ())),
                    local_time=time.fromisoformat(str(local)) if local else None,
                    once_at=instant(data.get("once_at")), **_recurrence_from(data))  # type: ignore[arg-type]


def _only(user_id: int | None) -> tuple[str, list[object]]:
    """A WHERE clause's tail and parameters keeping one user's rows (nothing when `user_id` is None)."""
    return ("", []) if user_id is None else (" AND user_id = ?", [user_id])


def _plan(row: dict[str, object]) -> Plan:
    """A Plan from a row."""
    mask = int(row["weekdays"] or 0)  # type: ignore[call-overload]
    local = time.fromisoformat(str(row["local_time"])) if row["local_time"] else None
    schedule = Schedule(weekdays=frozenset(d for d in range(7) if mask >> d & 1), local_time=local,
                        once_at=instant(row["once_at"]), **_recurrence_from(row))  # type: ignore[arg-type]
    return Plan(int(row["id"]), int(row["user_id"]), schedule, str(row["zone"]), str(row["goal"]),  # type: ignore[call-overload]
                bool(row["active"]), instant(row["next_at"]), instant(row["remind_at"]))  # type: ignore[arg-type]


def _occurrence(row: dict[str, object]) -> Occurrence:
    """An Occurrence from a row."""
    return Occurrence(int(row["id"]), int(row["plan_id"]), int(row["user_id"]),  # type: ignore[call-overload]
                      instant(row["at"]), str(row["status"]), bool(row["late"]))  # type: ignore[arg-type]
