"""Changes said in words that are asked first, each a yes / no confirmation opened on top of whatever
the user is in: a skip read less surely ("mon is a no go this week": skip that session?), one session
moved to another day or time ("push friday's to next week": that session skipped and a one-off
session at the new time, the plan kept, one change in one transaction), and a new goal for every
plan offered ("switch it to endurance" with two plans, then "all of them")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from bot.core.callbacks import Tap
from bot.core.confirmation import Confirmation
from bot.core.dialogue import Dialogues, entry_button
from bot.core.messages import Button, Reply
from bot.features.planning import texts as t
from bot.features.planning.sessions import Sessions
from bot.storage.dialogues import State
from bot.storage.transaction import transaction
from scheduler.moving import moved_to
from scheduler.rows import epoch, instant
from scheduler.store import Plan

OFFERS = "chg"  # the "all of them" button's entry
SKIP_ONE = "skip1"
MOVE_ONE = "move1"
GOAL_ALL = "goalall"


class Offers:
    """The three confirmations, and what each does on a yes."""

    def __init__(self, sessions: Sessions, dialogues: Dialogues, answer: Callable[[str], str | None],
                 clock: Callable[[], datetime], asks: Callable[[str], bool]) -> None:
        self.sessions = sessions
        self.clock = clock
        self.skipping = Confirmation(SKIP_ONE, dialogues, answer, self._skip_prompt, ("✖️ Yes, skip it", "Keep it"),
                                     self._skip_decided, asks)
        self.moving = Confirmation(MOVE_ONE, dialogues, answer, self._move_prompt, ("✅ Yes, move it", "Keep it"),
                                   self._move_decided, asks)
        self.regoaling = Confirmation(GOAL_ALL, dialogues, answer, self._goal_prompt, ("✅ Yes, all of them", "No"),
                                      self._goal_decided, asks)

    @property
    def confirmations(self) -> tuple[Confirmation, ...]:
        """The dialogues to register (on top of whatever the user is in)."""
        return self.skipping, self.moving, self.regoaling

    def skip(self, user_id: int, plan: Plan, at: datetime) -> list[Reply]:
        """Ask whether to skip the session at `at`."""
        return self.skipping.start(user_id, {"plan": plan.id, "at": epoch(at)})

    def move(self, user_id: int, plan: Plan, at: datetime, said: str) -> list[Reply]:
        """Ask whether to move the session at `at` where `said` puts it, or say it names no time to move it to."""
        to = moved_to(said, at, plan.zone, self.clock())
        if to is None:
            return [Reply(t.MOVE_UNREAD)]
        return self.moving.start(user_id, {"plan": plan.id, "at": epoch(at), "to": epoch(to)})

    def goal_for_all(self, user_id: int, plan_ids: list[int], goal: str) -> list[Reply]:
        """Ask whether every plan offered gets the goal."""
        return self.regoaling.start(user_id, {"plans": plan_ids, "goal": goal})

    def on_tap(self, user_id: int, tap: Tap) -> list[Reply]:
        """"All of them" under "Which plan do you want to edit?": the goal said, for every plan offered."""
        offered = self.sessions.view.offered(user_id)
        if tap.action != "goal" or tap.arg not in t.GOALS or offered is None:
            return [Reply(t.STALE)]
        return self.goal_for_all(user_id, [int(k) for k in offered[1]], tap.arg)

    @staticmethod
    def all_button(goal: str) -> tuple[Button, ...]:
        """The "all of them" choice for a goal change."""
        return (entry_button(OFFERS, "✏️ All of them", "goal", goal),)

    def _session(self, state: State) -> tuple[Plan, datetime] | None:
        """The plan and session a confirmation is about, while still the user's and to come."""
        at = instant(int(state.data.get("at") or 0))
        plan = self.sessions.planner.session_of(state.user_id, int(state.data.get("plan") or 0), at) if at else None
        return (plan, at) if plan and at else None

    def _skip_prompt(self, state: State) -> str:
        """"Skip Thu 03 Dec 18:00 (Mon Thu 18:00)?"."""
        found = self._session(state)
        return f"Skip {self._named(*found)}?" if found else t.STALE

    def _skip_decided(self, state: State, yes: bool) -> Reply:
        """Skip it on a yes."""
        found = self._session(state)
        if not yes:
            return Reply("Okay, that session stays.", edit=True)
        return replace(self.sessions.skip(state.user_id, found[0], epoch(found[1]))[0], edit=True) if found else Reply(t.STALE)

    def _move_prompt(self, state: State) -> str:
        """"Move Fri 04 Dec 18:00 (...) to Fri 11 Dec 18:00? ..."."""
        found, zone = self._session(state), self.sessions.zone(state.user_id)
        to = instant(int(state.data.get("to") or 0))
        return f"Move {self._named(*found)} to {t.format_when(to, zone)}? {t.MOVE_KEEPS}" if found and to else t.STALE

    def _move_decided(self, state: State, yes: bool) -> Reply:
        """Move it on a yes: skipped, and a one-off session at the new time, together."""
        if not yes:
            return Reply("Okay, that session stays where it was.", edit=True)
        found, to = self._session(state), instant(int(state.data.get("to") or 0))
        if not found or not to or not self.sessions.planner.move_session(state.user_id, found[0].id, found[1], to):
            return Reply(t.STALE)
        zone = self.sessions.zone(state.user_id)
        return Reply(f"Moved: {t.format_when(found[1], zone)} is now {t.format_when(to, zone)} (one session; "
                     "the plan stays as it was). /sessions shows it.", edit=True)

    def _named(self, plan: Plan, at: datetime) -> str:
        """A session and its plan, as /sessions words them."""
        zone = self.sessions.zone(plan.user_id)
        return f"{t.format_when(at, zone)} ({t.format_schedule(plan.schedule, zone)})"

    def _plans(self, state: State) -> list[Plan]:
        """The user's active plans a goal confirmation is about."""
        plans = [self.sessions.store.load_plan(int(i)) for i in state.data.get("plans") or []]
        return [p for p in plans if p and p.active and p.user_id == state.user_id]

    def _goal_prompt(self, state: State) -> str:
        """"Make all 2 plans (...) endurance plans?"."""
        plans, zone = self._plans(state), self.sessions.zone(state.user_id)
        shown = "; ".join(t.format_schedule(p.schedule, zone) for p in plans) or "(no longer active)"
        return f"Change the goal of all {len(plans)} plans ({shown}) to {t.format_goal(str(state.data.get('goal')))}?"

    def _goal_decided(self, state: State, yes: bool) -> Reply:
        """Give every plan offered the goal on a yes (kept for the plans made next, too), all in one transaction."""
        plans, goal = self._plans(state), str(state.data.get("goal"))
        if not yes:
            return Reply("Okay, the goals stay as they were.", edit=True)
        if not plans or goal not in t.GOALS:
            return Reply(t.STALE)
        store = self.sessions.store
        with transaction(store.db):
            store.save_profile(replace(store.load_profile(state.user_id), goal=goal))
            changed = store.set_goal(state.user_id, [p.id for p in plans], goal)
        return Reply(f"Goal set to {t.format_goal(goal)} for {changed} plans.", edit=True)
