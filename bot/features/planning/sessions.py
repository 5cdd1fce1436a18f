"""/sessions: the week ahead with skip and cancel (confirmed) buttons, and /plan's list of plans.
Their buttons start from nothing (entry buttons) and act on stored plans only after checking the
plan is still the user's and active. Cancelling a plan asks first, in a confirmation opened on top
of whatever the user is in, answered by button or by typing "yes" or "no".

The list and its skip buttons are one to one: each session still to skip is one line and one
button, in the same order and labelled alike (two plans at one time are two lines, each naming its
plan). A page holds PAGE sessions, with ◀️ / ▶️ for the rest: Telegram takes 100 buttons, but a
phone shows about eight rows without scrolling, and a button nobody sees is no way to skip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.core.callbacks import Tap, parse_number
from bot.core.confirmation import Choices, Confirmation
from bot.core.dialogue import Dialogues, entry_button
from bot.core.messages import Button, Reply
from bot.features.planning import texts as t
from bot.features.planning.listing import Listed, Mark, Shown, View, format_listed
from bot.storage.dialogues import State
from scheduler.planner import UPCOMING_DAYS, Planner
from scheduler.store import Plan, SchedulerStore

NEXT_WITHIN_DAYS = 366  # how far ahead the next session is looked for when none comes in the days listed
SESSIONS = "ses"
CANCEL_PLAN = "unplan"  # the plan-cancel confirmation's name in the dialogue table and its buttons
# what people type for each button ("kill it", "no more 7am workouts for me", "i don't want it anymore"; "misclicked")
CANCELLING = Choices.listed("🗑, cancel, cancle, delet, remov, kill it, bin it, scrap, drop it, ditch, trash, nuke, get rid, "
                            "dont want it, don't want it, dont need it, don't need it, anymore, no longer, no more, annul, storn",
                            "keep, stay, stays, leave it, misclick, by accident, by mistake, wrong button, oops, "
                            "behalt, garder, mantener, conserv, houden")
# what cancelling does, for a question about it at the prompt ("what happens if i cancel it?")
CANCELLING_DOES = ("Cancelling ends the plan: no more sessions or reminders from it. Your other plans, your safety check "
                   "and your settings stay. \"Keep it\" changes nothing.")
PAGE = 6  # sessions per message (see above)
EDITING = "plan"  # the planning dialogue, whose draft may be a change of a stored plan (data "editing": its id)
EDIT_DROPPED = "The change you were making to it is dropped too."


class Sessions:
    """The user's sessions and plans."""

    def __init__(self, store: SchedulerStore, planner: Planner, clock: Callable[[], datetime],
                 dialogues: Dialogues, answer: Callable[[str], str | None], asks: Callable[[str], bool],
                 instead: Callable[[str], bool] = lambda _text: False, held: Callable[[int], bool] = lambda _user: False) -> None:
        self.store = store
        self.held = held  # whether the user's sessions are on hold (the safety check no longer counts)
        self.planner = planner
        self.clock = clock
        self.dialogues = dialogues
        self.view = View(dialogues, clock)
        self.cancelling = Confirmation(CANCEL_PLAN, dialogues, answer, self._cancel_prompt,
                                       ("🗑 Yes, cancel it", "Keep it"), self._cancel_decided, asks, CANCELLING,
                                       about=CANCELLING_DOES, instead=instead, lasting=True)  # no undo

    def sessions(self, user_id: int, offset: int = 0, edit: bool = False) -> list[Reply]:
        """/sessions: the next 7 days (today's until they have passed), a page at a time, with a
        button to skip each session listed and one to cancel each plan."""
        listed = self.listed(user_id)
        if not listed and not self.store.count_plans(user_id):
            return [Reply("You have no plans yet. Make one with /plan.")]
        zone = self.zone(user_id)
        offset = max(0, min(offset, (len(listed) - 1) // PAGE * PAGE))
        page = listed[offset:offset + PAGE]
        self.view.show(user_id, Shown.SESSIONS, sorted({x.plan.id for x in listed if x.plan}))
        lines = [f"• {format_listed(x, listed, zone)}" for x in page] or ["(nothing in the next 7 days)"]
        lines += self._next_beyond(user_id, listed, zone)
        more = f"\n({offset + 1}–{offset + len(page)} of {len(listed)})" if len(listed) > PAGE else ""
        rows: list[tuple[Button, ...]] = [(self.skip_button(x, listed, zone) if x.mark is Mark.OPEN else self.restore_button(x, zone),)
                                          for x in page if x.mark in (Mark.OPEN, Mark.SKIPPED) and x.plan]
        rows += [row for row in (self._pages(offset, len(listed)),) if row]
        rows += [(entry_button(SESSIONS, f"🗑 Cancel plan: {t.format_schedule(p.schedule, zone)}", "p", str(p.id)),)
                 for p in self.store.load_plans(user_id)]
        hold = t.ON_HOLD_LISTED if self.held(user_id) else ""
        return [Reply(hold + "Your sessions in the next 7 days:\n" + "\n".join(lines) + more, buttons=tuple(rows), edit=edit)]

    def _next_beyond(self, user_id: int, listed: list[Listed], zone: str) -> list[str]:
        """With no session to come in the days listed (all skipped, or none), the next one after them, if any ("what time is
        my next session" after a holiday skipped: the real next one, not only the skipped ones)."""
        if any(x.mark is not Mark.SKIPPED for x in listed):
            return []
        following = self.next_one(user_id)
        return [t.format_next_beyond(following[1], zone)] if following else []

    def next_one(self, user_id: int) -> tuple[Plan, datetime] | None:
        """The user's next session to come (skipped ones passed over) and its plan, if any within a year."""
        return next(iter(self.planner.upcoming(user_id, NEXT_WITHIN_DAYS)), None)

    def listed(self, user_id: int, days: int = UPCOMING_DAYS) -> list[Listed]:
        """The sessions of the next `days` days in time order: to come, reminded already, or skipped."""
        now = self.clock()
        open_ = [Listed(at, plan, Mark.OPEN) for plan, at in self.planner.upcoming(user_id, days)]
        reminded = [Listed(at, None, Mark.REMINDED) for at in self.store.load_reminded_sessions(user_id, now)]
        horizon = now + timedelta(days=days)
        skipped = [Listed(at, plan, Mark.SKIPPED) for plan in self._plans_seen(user_id)
                   for at in self.store.cancelled_at(plan.id) if now < at <= horizon]
        return sorted([*open_, *reminded, *skipped], key=lambda x: (x.at, x.plan.id if x.plan else 0))

    def _plans_seen(self, user_id: int) -> list[Plan]:
        """The active plans, and those listed the last time (a one-off plan skipped has ended)."""
        plans = {p.id: p for p in self.store.load_plans(user_id)}
        for plan_id in self.view.plan_ids(user_id):
            plan = plans.get(plan_id) or self.store.load_plan(plan_id)
            if plan is not None and plan.user_id == user_id:
                plans[plan_id] = plan
        return list(plans.values())

    def skip_button(self, listed: Listed, among: list[Listed], zone: str) -> Button:
        """✖️ Skip and the session as its line shows it."""
        arg = f"{listed.plan.id if listed.plan else 0}:{int(listed.at.timestamp())}"
        return entry_button(SESSIONS, f"✖️ Skip {format_listed(listed, among, zone)}", "c", arg)

    @staticmethod
    def restore_button(listed: Listed, zone: str) -> Button:
        """↩️ Restore and a skipped session."""
        arg = f"{listed.plan.id if listed.plan else 0}:{int(listed.at.timestamp())}"
        return entry_button(SESSIONS, f"↩️ Restore {t.format_when(listed.at, zone)}", "u", arg)

    def _pages(self, offset: int, total: int) -> tuple[Button, ...]:
        """◀️ and ▶️ to the pages before and after this one."""
        back = (entry_button(SESSIONS, "◀️ Earlier", "pg", str(offset - PAGE)),) if offset > 0 else ()
        ahead = (entry_button(SESSIONS, "Later ▶️", "pg", str(offset + PAGE)),) if offset + PAGE < total else ()
        return (*back, *ahead)

    def zone(self, user_id: int) -> str:
        """The user's zone (UTC until one is set)."""
        return self.store.load_profile(user_id).zone or "UTC"

    def on_sessions_tap(self, user_id: int, tap: Tap) -> list[Reply]:
        """A page (pg OFFSET), skip one session (c PLAN:EPOCH) or put a skipped one back on (u PLAN:EPOCH), or cancel a
        whole plan after confirming (p)."""
        numbers = [parse_number(part) for part in tap.arg.split(":")]
        if not numbers or None in numbers:
            return [Reply(t.STALE)]
        if tap.action == "pg" and len(numbers) == 1:
            return self.sessions(user_id, numbers[0] or 0, edit=True)
        plan = self.store.load_plan(numbers[0] or 0)
        if plan is None or plan.user_id != user_id or not plan.active:
            return [Reply(t.STALE)]
        if tap.action == "c" and len(numbers) == 2:
            return self.skip(user_id, plan, numbers[1] or 0)
        if tap.action == "u" and len(numbers) == 2:
            return self.restore(user_id, plan, numbers[1] or 0)
        if tap.action == "p" and len(numbers) == 1:
            return self.cancelling.start(user_id, {"plans": [plan.id]})
        return [Reply(t.STALE)]

    def _cancel_prompt(self, state: State) -> str:
        """Which plans the confirmation would cancel."""
        plans = [p for p in map(self.store.load_plan, self._cancel_ids(state)) if p and p.active]
        zone = self.zone(state.user_id)
        shown = "; ".join(t.format_schedule(p.schedule, zone) for p in plans) or "(no longer active)"
        return f"Cancel the plan {shown}? Its reminders stop." if len(plans) < 2 else \
            f"Cancel all {len(plans)} plans ({shown})? Their reminders stop."

    def _cancel_decided(self, state: State, yes: bool) -> Reply:
        """Cancel the plans on a yes (those still the user's and active); keep them on a no."""
        ids = self._cancel_ids(state)
        if not yes:
            return Reply("Okay, the plan stays." if len(ids) < 2 else "Okay, your plans stay.", edit=True)
        done = sum(self.planner.cancel_plan(state.user_id, plan_id) for plan_id in ids)
        if not done:
            return Reply(t.STALE)
        dropped = f" {EDIT_DROPPED}" if self._drop_edit(state.user_id, ids) else ""
        return Reply(("Plan cancelled; no more reminders for it." if done == 1 else
                      f"{done} plans cancelled; no more reminders for them.") + dropped, edit=True)

    def _drop_edit(self, user_id: int, ids: list[int]) -> bool:
        """End a change of a cancelled plan still waiting for Save ("change my monday plan to 8am", then "cancel all my
        plans"): saving it would bring the plan back."""
        editing = self.dialogues.current(user_id, EDITING)
        if editing is None or editing.data.get("editing") not in ids:
            return False
        self.dialogues.end(user_id, EDITING)
        return True

    @staticmethod
    def _cancel_ids(state: State) -> list[int]:
        """The plans a confirmation is about (older runs stored one as "plan")."""
        ids = state.data.get("plans") or [state.data.get("plan")]
        return [int(i) for i in ids if i is not None]

    def skip(self, user_id: int, plan: Plan, epoch: int) -> list[Reply]:
        """Cancel one upcoming session of a plan."""
        at = self._session_at(epoch)
        if at is None or not self.planner.cancel_session(user_id, plan.id, at):
            return [Reply(t.STALE)]
        zone = self.zone(user_id)
        return [Reply(f"Skipped {t.format_when(at, zone)} ({t.format_schedule(plan.schedule, zone)}). "
                      "/sessions shows the rest.")]

    def restore(self, user_id: int, plan: Plan, epoch: int) -> list[Reply]:
        """Put one skipped session of a plan back on."""
        at = self._session_at(epoch)
        if at is None or not self.planner.restore_session(user_id, plan.id, at):
            return [Reply(t.STALE)]
        zone = self.zone(user_id)
        return [Reply(f"Back on: {t.format_when(at, zone)} ({t.format_schedule(plan.schedule, zone)}). "
                      "You'll be reminded as usual.")]

    def _session_at(self, epoch: int) -> datetime | None:
        """A session's time from a button's epoch seconds; None for one no clock can show."""
        try:
            return datetime.fromtimestamp(epoch, self.clock().tzinfo)
        except (ValueError, OverflowError, OSError):
            return None

    def plan_list(self, user_id: int) -> Reply | None:
        """/plan first shows the plans the user has, each with an edit button."""
        plans = self.store.load_plans(user_id)
        if not plans:
            return None
        self.view.show(user_id, Shown.PLANS, [p.id for p in plans])
        zone = self.zone(user_id)
        lines = [f"• {t.format_schedule(p.schedule, zone)}" for p in plans]
        rows = tuple((entry_button("plan", f"✏️ Edit: {t.format_schedule(p.schedule, zone)}", "edit", str(p.id)),)
                     for p in plans)
        return Reply("Your plans:\n" + "\n".join(lines) + "\n\n" + t.PLAN_LIST_HINT,
                     buttons=(*rows, (entry_button("plan", "➕ New plan", "new"),)))
