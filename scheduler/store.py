"""Plans, occurrences and planning settings in SQLite, the source of truth for reminders.

Times are stored as UTC epoch seconds. A plan row carries its next session (`next_at`) and when
to remind about it (`remind_at`, indexed), so start-up and each tick only ask "what is due?".
The records, tables and row conversions are in rows.py (named here too, for the store's users).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.storage.backend import SqlDatabase
from bot.storage.sql import save_row
from bot.storage.transaction import transaction
from scheduler.model import Schedule
from scheduler.rows import (
    Occurrence,
    Plan,
    Profile,
    add_plan_span,
    add_previous_zone,
    add_recurrence_kinds,
    create_scheduler_tables,
    epoch,
    instant,
    occurrence_from_row,
    plan_from_row,
    recurrence_columns,
    schedule_from_json,
    schedule_to_json,
)

__all__ = ["CHECK_IN_OPEN", "OPEN_STATUSES", "Occurrence", "Plan", "Profile", "SchedulerStore", "add_plan_span", "add_previous_zone",
           "add_recurrence_kinds", "create_scheduler_tables", "epoch", "instant", "schedule_from_json", "schedule_to_json"]

CHECK_IN_OPEN = timedelta(hours=12)  # after a session's time, its check-in is still answered this long
OPEN_STATUSES = ("sending", "sent", "snoozed")  # a session reminded (or being) and not answered yet
_OPEN = ", ".join(f"'{status}'" for status in OPEN_STATUSES)


class SchedulerStore:
    """Every read and write of planning data; each write is one transaction."""

    def __init__(self, db: SqlDatabase) -> None:
        self.db = db

    def load_profile(self, user_id: int) -> Profile:
        """The user's settings (defaults when none are stored)."""
        row = self.db.execute("SELECT zone, goal, lead_minutes, previous_zone FROM profiles WHERE user_id = ?", [user_id]).fetchone()
        return Profile(user_id, *row) if row else Profile(user_id)

    def save_profile(self, profile: Profile) -> None:
        """Store the user's settings."""
        with transaction(self.db):
            save_row(self.db, "profiles", {"user_id": profile.user_id, "zone": profile.zone, "goal": profile.goal,
                                           "lead_minutes": profile.lead_minutes, "previous_zone": profile.previous_zone},
                     "user_id")

    def add_plan(self, user_id: int, schedule: Schedule, zone: str, goal: str, now: datetime,
                 next_at: datetime | None, remind_at: datetime | None) -> int:
        """Save a confirmed plan with its first session."""
        row = {
            "user_id": user_id, "weekdays": sum(1 << d for d in schedule.weekdays),
            "local_time": schedule.local_time.strftime("%H:%M") if schedule.local_time else None,
            "once_at": epoch(schedule.once_at) if schedule.once_at else None, "zone": zone, "goal": goal,
            "created_at": epoch(now), "active": 1, "paused": None,
            "next_at": epoch(next_at) if next_at else None, "remind_at": epoch(remind_at) if remind_at else None,
            **recurrence_columns(schedule),
        }
        with transaction(self.db):
            return int(self.db.execute(
                f"INSERT INTO plans ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)}) RETURNING id",
                list(row.values())).fetchone()[0])

    def load_plans(self, user_id: int) -> list[Plan]:
        """The user's active plans."""
        return [plan_from_row(r) for r in self.db.query(
            "SELECT * FROM plans WHERE user_id = ? AND active = 1 ORDER BY id", [user_id])]

    def load_plan(self, plan_id: int) -> Plan | None:
        """One plan by id."""
        row = next(self.db.query("SELECT * FROM plans WHERE id = ?", [plan_id]), None)
        return plan_from_row(row) if row else None

    def load_due_plans(self, now: datetime, limit: int, user_id: int | None = None) -> list[Plan]:
        """Active plans whose reminder time has come, earliest first (only `user_id`'s when given)."""
        mine, params = _only(user_id)
        return [plan_from_row(r) for r in self.db.query(
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
        return occurrence_from_row(row) if row else None

    def load_sending(self, user_id: int | None = None) -> list[Occurrence]:
        """Reminders claimed but not confirmed sent (the process stopped in between); only
        `user_id`'s when given."""
        mine, params = _only(user_id)
        return [occurrence_from_row(r) for r in self.db.query(
            f"SELECT * FROM occurrences WHERE status = 'sending'{mine} ORDER BY at", params)]

    def latest_reminded(self, user_id: int, since: datetime) -> Occurrence | None:
        """The user's latest session reminded at or after `since` and not answered yet (sent or snoozed)."""
        row = next(self.db.query("SELECT * FROM occurrences WHERE user_id = ? AND status IN ('sent', 'snoozed') AND at >= ? "
                                 "ORDER BY at DESC LIMIT 1", [user_id, epoch(since)]), None)
        return occurrence_from_row(row) if row else None

    def claim_due_snoozes(self, now: datetime, user_id: int | None = None) -> list[Occurrence]:
        """Snoozed reminders whose time has come, marked as being sent (only `user_id`'s when given)."""
        mine, params = _only(user_id)
        with transaction(self.db):
            rows = list(self.db.query(
                f"SELECT * FROM occurrences WHERE status = 'snoozed' AND snooze_until <= ?{mine}", [epoch(now), *params]))
            claimed = [row for row in rows if self.db.execute(  # compare-and-set: one claimer wins
                "UPDATE occurrences SET status = 'sending' WHERE id = ? AND status = 'snoozed'", [row["id"]]).rowcount]
        return [occurrence_from_row(r) for r in claimed]

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

    def restore_occurrence(self, plan: Plan, at: datetime) -> bool:
        """Put one session skipped in advance back on; False when it was not skipped."""
        with transaction(self.db):
            return bool(self.db.execute("DELETE FROM occurrences WHERE plan_id = ? AND at = ? AND status = 'cancelled'",
                                        [plan.id, epoch(at)]).rowcount)

    def set_goal(self, user_id: int, plan_ids: list[int], goal: str) -> int:
        """Give the user's active plans among `plan_ids` a new goal; how many changed."""
        marks = ", ".join("?" for _ in plan_ids)
        with transaction(self.db):
            return int(self.db.execute(f"UPDATE plans SET goal = ? WHERE user_id = ? AND active = 1 AND id IN ({marks})",
                                       [goal, user_id, *plan_ids]).rowcount)

    def move_cancelled(self, plan_id: int, at: datetime, moved: datetime) -> None:
        """Move a session cancelled in advance to `moved` (its plan changed zone), unless another
        record of the plan is already there."""
        with transaction(self.db):
            self.db.execute(
                "UPDATE occurrences SET at = ? WHERE plan_id = ? AND at = ? AND status = 'cancelled' "
                "AND NOT EXISTS (SELECT 1 FROM occurrences WHERE plan_id = ? AND at = ?)",
                [epoch(moved), plan_id, epoch(at), plan_id, epoch(moved)])

    def carry_cancelled(self, plan_id: int, at: datetime, to_plan: int, moved: datetime) -> None:
        """Give a session cancelled in advance to the plan that replaces its own, at `moved` (the new plan's session that
        day), unless that plan already has a record there."""
        with transaction(self.db):
            self.db.execute(
                "UPDATE occurrences SET plan_id = ?, at = ? WHERE plan_id = ? AND at = ? AND status = 'cancelled' "
                "AND NOT EXISTS (SELECT 1 FROM occurrences WHERE plan_id = ? AND at = ?)",
                [to_plan, epoch(moved), plan_id, epoch(at), to_plan, epoch(moved)])

    def drop_cancelled(self, plan_id: int, after: datetime) -> None:
        """Forget the sessions of a plan cancelled in advance after `after` (the plan was replaced without them)."""
        with transaction(self.db):
            self.db.execute("DELETE FROM occurrences WHERE plan_id = ? AND at > ? AND status = 'cancelled'", [plan_id, epoch(after)])

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

    def erase_unkept(self, plan_id: int, now: datetime) -> None:
        """Erase what an ended plan no longer needs: its sessions skipped in advance that are still to come, and the plan
        itself when no session of its history is left (one cancelled before any came round)."""
        with transaction(self.db):
            self.db.execute("DELETE FROM occurrences WHERE plan_id = ? AND at > ? AND status = 'cancelled'",
                            [plan_id, epoch(now)])
            self.db.execute("DELETE FROM plans WHERE id = ? AND active = 0 AND NOT EXISTS "
                            "(SELECT 1 FROM occurrences WHERE occurrences.plan_id = plans.id)", [plan_id])

    def history(self, user_id: int, since: datetime | None, now: datetime) -> dict[str, int]:
        """How many of the user's sessions up to `now` (from `since`, or ever) were done, skipped or missed (reminded and
        never checked in, CHECK_IN_OPEN after their time: a session snoozed or just reminded is not missed yet), every
        plan's, ended ones' too."""
        rows = self.db.execute("SELECT status, count(*) FROM occurrences WHERE user_id = ? AND at >= ? AND at <= ? "
                               f"AND NOT (status IN ({_OPEN}) AND at > ?) GROUP BY status",
                               [user_id, epoch(since) if since else 0, epoch(now), epoch(now - CHECK_IN_OPEN)]).fetchall()
        counts = {"done": 0, "skipped": 0, "missed": 0}
        for status, n in rows:
            kind = "done" if status == "done" else "skipped" if status in ("skipped", "cancelled") else "missed"
            counts[kind] += int(n)
        return counts

    def count_ended_plans(self, user_id: int) -> int:
        """How many of the user's plans ended (cancelled, replaced by an edit, or over) and are kept for their history."""
        return int(self.db.execute("SELECT count(*) FROM plans WHERE user_id = ? AND active = 0", [user_id]).fetchone()[0])

    def load_reminded_sessions(self, user_id: int, now: datetime) -> list[datetime]:
        """Sessions still to come whose reminder already went out (a one-off's plan has ended by then)."""
        return [instant(r[0]) for r in self.db.execute(  # type: ignore[misc]
            f"SELECT at FROM occurrences WHERE user_id = ? AND at > ? AND status IN ({_OPEN}) "
            "ORDER BY at", [user_id, epoch(now)]).fetchall()]

    def count_plans(self, user_id: int) -> int:
        """How many active plans the user has."""
        return int(self.db.execute("SELECT count(*) FROM plans WHERE user_id = ? AND active = 1", [user_id]).fetchone()[0])

    def past_sessions(self, user_id: int, since: datetime, now: datetime) -> list[tuple[datetime, str]]:
        """The user's sessions between `since` and `now` that were reminded about or skipped, with their status."""
        return [(instant(r[0]), str(r[1])) for r in self.db.execute(  # type: ignore[misc]
            "SELECT at, status FROM occurrences WHERE user_id = ? AND at >= ? AND at <= ? ORDER BY at",
            [user_id, epoch(since), epoch(now)]).fetchall()]

    def count_done(self, user_id: int) -> int:
        """How many of the user's sessions were marked done."""
        return int(self.db.execute("SELECT count(*) FROM occurrences WHERE user_id = ? AND status = 'done'",
                                   [user_id]).fetchone()[0])

    def last_done_at(self, user_id: int) -> datetime | None:
        """When the user's latest session marked done was planned, if any."""
        row = self.db.execute("SELECT max(at) FROM occurrences WHERE user_id = ? AND status = 'done'", [user_id]).fetchone()
        return instant(row[0]) if row and row[0] is not None else None

    def forget(self, user_id: int) -> None:
        """Erase every planning record of a user."""
        with transaction(self.db):
            for table in ("occurrences", "plans", "profiles"):
                self.db.execute(f"DELETE FROM {table} WHERE user_id = ?", [user_id])


def _only(user_id: int | None) -> tuple[str, list[object]]:
    """A WHERE clause's tail and parameters keeping one user's rows (nothing when `user_id` is None)."""
    return ("", []) if user_id is None else (" AND user_id = ?", [user_id])

