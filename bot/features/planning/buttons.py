"""The planning dialogue's button sets: the day and time picker, and the confirmation (save,
change, cancel, and the reminder lead)."""

from __future__ import annotations

from bot.core.dialogue import button
from bot.core.messages import Button, Reply
from bot.features.planning import texts as t
from bot.features.planning.draft import Draft
from bot.storage.dialogues import State
from scheduler.model import WEEKDAY_NAMES

TIMES = ("06:00", "07:00", "12:00", "17:30", "18:30", "20:00")
CONFIRM_LEADS = (15, 30, 60, 0)  # the reminder leads offered under a confirmation


def picker(state: State, draft: Draft, edit: bool) -> Reply:
    """Weekday toggles, time choices and a review button."""
    days = tuple(button(state, ("✅" if d in draft.weekdays else "") + WEEKDAY_NAMES[d], "day", str(d)) for d in range(7))
    times = tuple(button(state, ("✅" if hhmm == draft.local_time else "") + hhmm, "time", hhmm) for hhmm in TIMES)
    review = (button(state, "Review ▶️", "review"), button(state, "✖️ Cancel", "cancel"))
    return Reply(t.ASK_WHEN, buttons=(days[:4], days[4:], times[:3], times[3:], review), edit=edit)


def confirm_buttons(state: State, lead: int) -> tuple[tuple[Button, ...], ...]:
    """Save, change or cancel the plan, and how long before each session the reminder comes."""
    leads = tuple(button(state, t.format_choice("⏰ " + t.format_lead(m), m == lead), "lead", str(m)) for m in CONFIRM_LEADS)
    return ((button(state, "✅ Save", "save"), button(state, "✏️ Change", "change"), button(state, "✖️ Cancel", "cancel")),
            leads)
