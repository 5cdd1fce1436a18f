"""Plan bookkeeping over the store: create, list, cancel, and keep next session and reminder right."""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import replace
from datetime import datetime, time, timedelta

from bot.storage.transaction import transaction
from scheduler.model import Schedule
from scheduler.recurrence import occurrences_after
from scheduler.store import Plan, Profile, SchedulerStore
from scheduler.timezones import zone_info

UPCOMING_DAYS = 7


class Planner:
    """Turns user decisions into stored plans with a correct next session and reminder time."""

    def __init__(self, store: SchedulerStore, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.clock = clock

    def next_session(self, schedule: Schedule, zone: str, after: datetime, skip: Set[datetime] = frozenset()) -> datetime | None:
        """The first session after `after` that was not cancelled."""
        for at in occurrences_after(schedule, zone_info(zone), after):
            if at not in skip:
                return at
            if not schedule.recurring:
                return None
        return None

    def reminder_time(self, session: datetime | None, lead_minutes: int) -> datetime | None:
        """When to remind about a session: `lead` before it, never before now."""
        if session is None:
            return None
        return max(session - timedelta(minutes=lead_minutes), min(self.clock(), session))

    def create(self, profile: Profile, schedule: Schedule) -> int:
        """Save a confirmed plan."""
        now = self.clock()
        first = self.next_session(schedule, profile.zone or "UTC", now)
        return self.store.add_plan(profile.user_id, schedule, profile.zone or "UTC", profile.goal or "strength",
                                   now, first, self.reminder_time(first, profile.lead_minutes))

    def upcoming(self, user_id: int, days: int = UPCOMING_DAYS) -> list[tuple[Plan, datetime]]:
        """Sessions of the user's active plans in the next `days` days, in time order."""
        now = self.clock()
        horizon = now + timedelta(days=days)
        found = []
        for plan in self.store.load_plans(user_id):
            cancelled = self.store.cancelled_at(plan.id)
            start = min(plan.next_at, now) if plan.next_at else now
            for at in occurrences_after(plan.schedule, zone_info(plan.zone), start - timedelta(seconds=1)):
                if at > horizon:
                    break
                if at >= (plan.next_at or now) and at not in cancelled:
                    found.append((plan, at))
        return sorted(found, key=lambda pa: pa[1])

    def cancel_session(self, user_id: int, plan_id: int, at: datetime) -> bool:
        """Cancel one upcoming session; False when it is not the user's or not upcoming."""
        plan = self.session_of(user_id, plan_id, at)
        if plan is None:
            return False
        with transaction(self.store.db):
            self._cancel(plan, at)
        return True

    def restore_session(self, user_id: int, plan_id: int, at: datetime) -> bool:
        """Put a session skipped in advance back on (the plan's next one again when it comes first); False when it is
        not the user's active plan's, has passed, or was not skipped."""
        plan = self.store.load_plan(plan_id)
        if plan is None or plan.user_id != user_id or not plan.active or at <= self.clock():
            return False
        with transaction(self.store.db):
            restored = self.store.restore_occurrence(plan, at)
            if restored:
                self._refresh(plan)
        return restored

    def move_session(self, user_id: int, plan_id: int, at: datetime, to: datetime) -> bool:
        """Move one upcoming session to `to`, the plan kept: that session skipped and a one-off
        session (the plan's goal and zone) at `to`, in one transaction; False when it is not the
        user's, not upcoming, or `to` has passed."""
        plan = self.session_of(user_id, plan_id, at)
        if plan is None or to <= self.clock():
            return False
        lead = self.store.load_profile(user_id).lead_minutes
        with transaction(self.store.db):
            self._cancel(plan, at)
            self.store.add_plan(user_id, Schedule(once_at=to), plan.zone, plan.goal, self.clock(), to, self.reminder_time(to, lead))
        return True

    def session_of(self, user_id: int, plan_id: int, at: datetime) -> Plan | None:
        """The user's active plan with an upcoming session at `at`, or None (forged or outdated)."""
        plan = self.store.load_plan(plan_id)
        if plan is None or plan.user_id != user_id or not plan.active or at < (plan.next_at or at):
            return None
        return plan if self.next_session(plan.schedule, plan.zone, at - timedelta(seconds=1)) == at else None

    def _cancel(self, plan: Plan, at: datetime) -> None:
        """Mark one session cancelled and move the plan on when it was the next."""
        self.store.cancel_occurrence(plan, at)
        if at == plan.next_at:
            self._refresh(plan)

    def cancel_plan(self, user_id: int, plan_id: int) -> bool:
        """Stop a whole plan of the user."""
        with transaction(self.store.db):  # the plan stopped and what it no longer needs erased: all or none
            stopped = self.store.deactivate(user_id, plan_id, "cancelled") > 0
            if stopped:
                self.store.erase_unkept(plan_id, self.clock())
        return stopped

    def replace_plan(self, user_id: int, plan_id: int, made: int) -> None:
        """An edited plan replaced by the one `made` from it, its skips carried over (the rest of them dropped), inside
        the caller's transaction; its row stays, marked "edited", with its past sessions."""
        self.store.deactivate(user_id, plan_id, "edited")
        self.carry_skips(plan_id, made)

    def update_profile(self, profile: Profile) -> None:
        """Store new settings and move every plan's reminder (and, for a new zone, its sessions); a new zone keeps the
        one it replaces, to switch back to after a trip, in the same transaction."""
        with transaction(self.store.db):
            stored = self.store.load_profile(profile.user_id).zone
            if stored and profile.zone and stored != profile.zone:
                profile = replace(profile, previous_zone=stored)
            self.store.save_profile(profile)
            for plan in self.store.load_plans(profile.user_id):
                if plan.schedule.recurring and profile.zone and profile.zone != plan.zone:
                    self._move_skips(plan, profile.zone)
                    self.store.set_zone(plan.id, profile.zone)
                    plan = self.store.load_plan(plan.id) or plan
                self._refresh(plan, profile.lead_minutes)

    def _move_skips(self, plan: Plan, zone: str) -> None:
        """Keep the sessions skipped in advance skipped in a new zone: a session keeps its wall-clock
        time, so its instant moves, and the skip must move with it."""
        old, new = zone_info(plan.zone), zone_info(zone)
        for at in self.store.cancelled_at(plan.id):
            if at > self.clock():
                moved = at.astimezone(old).replace(tzinfo=new).astimezone(at.tzinfo)
                self.store.move_cancelled(plan.id, at, moved)

    def carry_skips(self, old_id: int, new_id: int) -> None:
        """Keep the sessions of an edited plan skipped in advance skipped in the plan that replaces it: its session on the
        same local day, at its own time ("move saturday to 10am" after skipping this saturday's 9:00); a skip of a day the
        new plan has no session on is dropped with the old plan, so no skip of a session gone is listed."""
        old, new = self.store.load_plan(old_id), self.store.load_plan(new_id)
        if old is None or new is None:
            return
        now = self.clock()
        for at in sorted(a for a in self.store.cancelled_at(old.id) if a > now):
            day = at.astimezone(zone_info(old.zone)).date()
            start = datetime.combine(day, time.min, zone_info(new.zone)) - timedelta(seconds=1)
            same_day = next(iter(occurrences_after(new.schedule, zone_info(new.zone), max(start, now))), None)
            if same_day is not None and same_day.astimezone(zone_info(new.zone)).date() == day:
                self.store.carry_cancelled(old.id, at, new.id, same_day)
        self.store.drop_cancelled(old.id, now)
        self._refresh(self.store.load_plan(new.id) or new)

    def _refresh(self, plan: Plan, lead_minutes: int | None = None) -> None:
        """Recompute a plan's next session after now and its reminder time."""
        lead = self.store.load_profile(plan.user_id).lead_minutes if lead_minutes is None else lead_minutes
        after = self.clock() if plan.schedule.recurring else self.clock() - timedelta(seconds=1)
        session = self.next_session(plan.schedule, plan.zone, after, self.store.cancelled_at(plan.id))
        self.store.reschedule(plan.id, session, self.reminder_time(session, lead))
