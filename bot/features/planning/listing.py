"""What /sessions and /plan's list show, and a note of which of them the user is looking at.

The note (a "view" row of the dialogue table, beside the user's dialogue) lets a typed request
about plans ("skip tomorrow", "edit the first one") act while a list is on screen even over a plan
being made: a list is a view, not a dialogue to finish. It counts while nothing moved the dialogue
below since the list was shown, for VIEW_FOR."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from bot.core.dialogue import Dialogues
from bot.features.planning import texts as t
from scheduler.store import Plan

VIEW = "view"
VIEW_FOR = timedelta(minutes=10)


class Mark(Enum):
    """Where a listed session stands."""

    OPEN = "open"  # to come: a skip button
    REMINDED = "reminded"  # its reminder went out: skipped from the reminder
    SKIPPED = "skipped"


class Shown(Enum):
    """Which list the user was shown."""

    SESSIONS = "sessions"
    PLANS = "plans"
    WHICH = "which"  # "Which plan do you want to cancel?": the plans or sessions offered


@dataclass(frozen=True)
class Listed:
    """One session in /sessions."""

    at: datetime
    plan: Plan | None  # None for a session already reminded
    mark: Mark


def format_listed(listed: Listed, among: list[Listed], zone: str) -> str:
    """"Thu 03 Dec 06:15", naming its plan when another plan has a session at the same time, and
    marked when reminded or skipped."""
    when = t.format_when(listed.at, zone)
    shared = listed.plan and any(o.at == listed.at and o.plan and o.plan.id != listed.plan.id for o in among)
    plan = f" ({t.format_schedule(listed.plan.schedule, zone)})" if shared and listed.plan else ""
    mark = {Mark.OPEN: "", Mark.SKIPPED: " · skipped", Mark.REMINDED: " · reminded (skip it from the reminder)"}
    return f"{when}{plan}{mark[listed.mark]}"


class View:
    """The list a user is looking at, kept beside their dialogue."""

    def __init__(self, dialogues: Dialogues, clock: Callable[[], datetime]) -> None:
        self.dialogues = dialogues
        self.clock = clock

    def show(self, user_id: int, shown: Shown, plan_ids: list[int], **extra: object) -> None:
        """Note that the list was shown, over whatever dialogue the user is in."""
        below = self.dialogues.position(user_id)
        self.dialogues.begin(user_id, VIEW, shown, {"below": list(below) if below else None, "plans": plan_ids, **extra},
                             side=True)

    def offer(self, user_id: int, action: str, keys: list[str], plan_ids: list[int], change: str = "") -> None:
        """Note that the user was asked which plan or session to act on, with these offered (and the
        `change` an edit said, for the plan picked)."""
        self.show(user_id, Shown.WHICH, plan_ids, action=action, offered=keys, change=change)

    def offered(self, user_id: int) -> tuple[str, list[str], str] | None:
        """The action the user was asked "which" for, the keys offered and the change said, while
        that question is on screen."""
        state = self.dialogues.current(user_id, VIEW)
        if self.current(user_id) is not Shown.WHICH or state is None:
            return None
        return str(state.data.get("action")), [str(k) for k in state.data.get("offered") or []], str(state.data.get("change") or "")

    def current(self, user_id: int) -> Shown | None:
        """The list the user is looking at, if the dialogue below has not moved since and it is recent."""
        state = self.dialogues.current(user_id, VIEW)
        if state is None or state.updated_at is None or self.clock() > state.updated_at + VIEW_FOR:
            return None
        below = self.dialogues.position(user_id)
        return Shown(state.step) if state.data.get("below") == (list(below) if below else None) else None

    def plan_ids(self, user_id: int) -> list[int]:
        """The plans whose sessions were listed last time."""
        state = self.dialogues.current(user_id, VIEW)
        return [int(i) for i in (state.data.get("plans") or [])] if state else []
