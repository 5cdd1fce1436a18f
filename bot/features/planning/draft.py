"""A plan being made: its steps and what the user said so far, kept in the dialogue table's data
(slots in any order: days, time and goal are kept until the dialogue ends)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from bot.core.dialogue import Dialogues
from bot.features.planning.zone import Offered, stored_offers
from bot.storage.dialogues import State
from scheduler.model import Schedule
from scheduler.store import schedule_from_json, schedule_to_json

DIALOGUE = "plan"


class Step(Enum):
    """Where a plan being made stands."""

    ZONE = "zone"
    GOAL = "goal"
    WHEN = "when"
    CONFIRM = "confirm"


@dataclass(frozen=True)
class Draft:
    """The plan being made: button choices, what was typed before a question, a schedule to confirm."""

    user_id: int
    step: Step
    weekdays: frozenset[int] = frozenset()
    local_time: str | None = None
    pending: Schedule | None = None
    kept: str = ""  # what the user typed before a question, read again with the answer
    options: tuple[Schedule, ...] = ()  # readings offered as buttons
    zone_guess: str = ""  # a zone found from a typed place, waiting for "yes"
    editing: int | None = None  # the plan this draft replaces once saved
    lead: int | None = None  # the reminder lead chosen for this plan (None: the profile's), stored at Save
    zone_offered: Offered = ()  # the other places shown with it (or a choice), kept for "no"
    goal: str | None = None  # a goal said at the zone question, before it was asked (None: the profile's), stored at Save
    then: tuple[Schedule, ...] = ()  # days given a time of their own: plans of their own, shown for saving in turn after this one


def load_draft(state: State) -> Draft:
    """The draft a planning state holds."""
    data = state.data
    pending = data.get("pending")
    return Draft(state.user_id, Step(state.step), frozenset(data.get("days") or ()), data.get("time"),
                 schedule_from_json(json.loads(pending)) if pending else None, data.get("kept") or "",
                 tuple(schedule_from_json(json.loads(o)) for o in data.get("options") or ()),
                 data.get("zone_guess") or "", data.get("editing"), data.get("lead"), stored_offers(data.get("zone_offered")),
                 data.get("goal"), _waiting(data.get("then")))


def _waiting(then: Any) -> tuple[Schedule, ...]:
    """The plans waiting after this one (one, as stored before several could wait, or a list)."""
    if not then:
        return ()
    return tuple(schedule_from_json(json.loads(one)) for one in ([then] if isinstance(then, str) else then))


def draft_data(draft: Draft) -> Mapping[str, Any]:
    """The draft as the state's JSON data."""
    return {"days": sorted(draft.weekdays), "time": draft.local_time,
            "pending": schedule_to_json(draft.pending) if draft.pending else None, "kept": draft.kept,
            "options": [schedule_to_json(o) for o in draft.options], "zone_guess": draft.zone_guess,
            "editing": draft.editing, "lead": draft.lead, "zone_offered": list(draft.zone_offered), "goal": draft.goal,
            "then": [schedule_to_json(one) for one in draft.then]}


def save_draft(dialogues: Dialogues, state: State, draft: Draft, renew: bool = False) -> State:
    """Keep the draft at its step (`renew`: buttons shown before no longer act on it)."""
    return dialogues.go(state, draft.step, renew=renew, **draft_data(draft))
