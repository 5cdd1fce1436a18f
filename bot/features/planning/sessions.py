"""/sessions: the week ahead with skip and cancel (confirmed) buttons, and /plan's list of plans.
Their buttons start from nothing (entry buttons) and act on stored plans only after checking the
plan is still the user's and active. Cancelling a plan asks first, in a confirmation opened on top
of whatever the user is in, answered by button or by typing "yes" or "no"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.core.callbacks import Tap, parse_number
from bot.core.confirmation import Confirmation
from bot.core.dialogue import Dialogues, entry_button
from bot.core.messages import Reply
from bot.features.planning import texts as t
from bot.storage.dialogues import State
from scheduler.planner import Planner
from scheduler.store import SchedulerStore

SESSIONS = "ses"
CANCEL_PLAN = "unplan"  # the plan-cancel confirmation's name in the dialogue table and its buttons
MAX_SESSION_BUTTONS = 8


class Sessions:
    """The user's sessions and plans."""

    def __init__(self, store: SchedulerStore, planner: Planner, clock: Callable[[], datetime],
                 dialogues: Dialogues, answer: Callable[[str], str | None]) -> None:
        self.store = store
        self.planner = planner
        self.clock = clock
        self.cancelling = Confirmation(CANCEL_PLAN, dialogues, answer, self._cancel_prompt,
                                       ("🗑 Yes, cancel it", "Keep it"), self._cancel_decided)

    def sessions(self, user_id: int) -> list[Reply]:
        """/sessions: the next 7 days (today's until they have passed), with buttons to skip one
        session or cancel a whole plan."""
        upcoming = self.planner.upcoming(user_id)
        reminded = self.store.load_reminded_sessions(user_id, self.clock())
        if not upcoming and not reminded and not self.store.count_plans(user_id):
            return [Reply("You have no plans yet. Make one with /plan.")]
        zone = self.store.load_profile(user_id).zone or "UTC"
        times = sorted({at for at in reminded} | {at for _, at in upcoming})
        lines = [f"• {t.format_when(at, zone)}" for at in times] or ["(nothing in the next 7 days)"]
        rows = [(entry_button(SESSIONS, f"✖️ Skip {t.format_when(at, zone)}", "c", f"{plan.id}:{int(at.timestamp())}"),)
                for plan, at in upcoming[:MAX_SESSION_BUTTONS]]
        rows += [(entry_button(SESSIONS, f"🗑 Cancel plan: {t.format_schedule(p.schedule, zone)}", "p", str(p.id)),)
                 for p in self.store.load_plans(user_id)]
        return [Reply("Your sessions in the next 7 days:\n" + "\n".join(lines), buttons=tuple(rows))]

    def on_sessions_tap(self, user_id: int, tap: Tap) -> list[Reply]:
        """Skip one session (c PLAN:EPOCH), or cancel a whole plan after confirming (p, then pyes/pno)."""
        numbers = [parse_number(part) for part in tap.arg.split(":")]
        if not numbers or None in numbers:
            return [Reply(t.STALE)]
        plan = self.store.load_plan(numbers[0] or 0)
        if plan is None or plan.user_id != user_id or not plan.active:
            return [Reply(t.STALE)]
        zone = self.store.load_profile(user_id).zone or "UTC"
        if tap.action == "c" and len(numbers) == 2:
            return self._skip(user_id, plan.id, numbers[1] or 0, zone)
        if tap.action == "p" and len(numbers) == 1:
            return self.cancelling.start(user_id, {"plan": plan.id})
        if tap.action == "pyes" and len(numbers) == 1 and self.planner.cancel_plan(user_id, plan.id):
            return [Reply("Plan cancelled; no more reminders for it.", edit=True)]
        if tap.action == "pno" and len(numbers) == 1:
            return [Reply("Okay, the plan stays.", edit=True)]
        return [Reply(t.STALE)]

    def _cancel_prompt(self, state: State) -> str:
        """Which plan the confirmation would cancel."""
        plan = self.store.load_plan(int(state.data["plan"]))
        zone = self.store.load_profile(state.user_id).zone or "UTC"
        shown = t.format_schedule(plan.schedule, zone) if plan else "(no longer active)"
        return f"Cancel the plan {shown}? Its reminders stop."

    def _cancel_decided(self, state: State, yes: bool) -> Reply:
        """Cancel the plan on a yes (if it is still the user's and active); keep it on a no."""
        if not yes:
            return Reply("Okay, the plan stays.", edit=True)
        if self.planner.cancel_plan(state.user_id, int(state.data["plan"])):
            return Reply("Plan cancelled; no more reminders for it.", edit=True)
        return Reply(t.STALE)

    def _skip(self, user_id: int, plan_id: int, epoch: int, zone: str) -> list[Reply]:
        """Cancel one upcoming session."""
        try:
            at = datetime.fromtimestamp(epoch, self.clock().tzinfo)
        except (ValueError, OverflowError, OSError):
            return [Reply(t.STALE)]
        if not self.planner.cancel_session(user_id, plan_id, at):
            return [Reply(t.STALE)]
        return [Reply(f"Skipped {t.format_when(at, zone)}.")]

    def plan_list(self, user_id: int) -> Reply | None:
        """/plan first shows the plans the user has, each with an edit button."""
        plans = self.store.load_plans(user_id)
        if not plans:
            return None
        zone = self.store.load_profile(user_id).zone or "UTC"
        lines = [f"• {t.format_schedule(p.schedule, zone)}" for p in plans]
        rows = tuple((entry_button("plan", f"✏️ Edit: {t.format_schedule(p.schedule, zone)}", "edit", str(p.id)),)
                     for p in plans)
        return Reply("Your plans:\n" + "\n".join(lines) + "\n\n" + t.PLAN_LIST_HINT,
                     buttons=(*rows, (entry_button("plan", "➕ New plan", "new"),)))
