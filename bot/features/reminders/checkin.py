"""Reminder messages and their check-in buttons: Done, Snooze 15 min, Skip today, Not feeling well."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from bot.core.callbacks import Tap, format_tap, parse_number
from bot.core.messages import Button, Reply
from bot.features.planning import texts as t
from bot.features.screening.flow import START, ScreeningFlow
from knowledge.model import KnowledgeBase
from scheduler.dispatcher import Due
from scheduler.store import SchedulerStore

SNOOZE = timedelta(minutes=15)
DIALOGUE, OPEN, UNWELL_STEP = "rem", "open", "unwell"  # the check-in's name and steps in its buttons
OPEN_STATUSES = ("sending", "sent", "snoozed")
UNWELL = ("Okay, today is a rest day (recorded as skipped). Rest, and if you feel unwell for more "
          "than a few days, or it gets worse, see a doctor.\n\nIs it new or worse back or leg pain?")
PAIN = ("Then please don't train until it is checked: see a doctor or physiotherapist, and redo the "
        "safety check before your next session. I'll hold your plan's sessions until then.")
NO_PAIN = "Thanks. Rest up; your plan continues as usual."
ON_HOLD = ("Your session at {when} is on hold: your safety check has expired or needs redoing after a "
           "health change. Take it again to continue.")


class Reminders:
    """Builds reminder messages and records what the user answers to them."""

    def __init__(self, kb: KnowledgeBase, store: SchedulerStore, screening: ScreeningFlow,
                 clock: Callable[[], datetime]) -> None:
        self.kb = kb
        self.store = store
        self.screening = screening
        self.clock = clock

    def compose(self, due: Due) -> Reply:
        """The message for a due reminder (or a hold notice when the safety check is not valid)."""
        plan = due.plan
        zone = plan.zone if plan else "UTC"
        if not self.screening.status(due.user_id).allows_planning:
            return Reply(ON_HOLD.format(when=t.format_when(due.at, zone)), buttons=((START,),))
        goal = plan.goal if plan else "strength"
        text = t.format_reminder(due.at, zone, goal, self.kb.prescriptions.get(goal), self.kb.warm_up_cue,
                                 due.late, due.snoozed)
        key = partial(_button, due.occurrence_id, OPEN)
        buttons = ((key("✅ Done", "done"), key("😴 Snooze 15 min", "snooze")),
                   (key("⏭ Skip today", "skip"), key("🤒 Not feeling well", "unwell")))
        return Reply(text, buttons=buttons)

    def on_tap(self, user_id: int, tap: Tap) -> list[Reply]:
        """rem:OCCURRENCE:STEP:ACTION from the reminder's buttons: the occurrence is the run (its
        row holds the check-in's state), the step "open" or "unwell"."""
        number = parse_number(tap.nonce)
        occurrence = self.store.load_occurrence(number) if number is not None else None
        if occurrence is None or occurrence.user_id != user_id or tap.step not in (OPEN, UNWELL_STEP):
            return [Reply("That reminder is no longer open, so nothing changed.")]
        now, action = self.clock(), tap.action
        if tap.step == UNWELL_STEP and action in ("pain", "nopain") and occurrence.status == "skipped":
            if action == "pain":
                self.screening.request_redo(user_id)
                return [Reply(PAIN, buttons=((START,),), edit=True)]
            return [Reply(NO_PAIN, edit=True)]
        if occurrence.status not in OPEN_STATUSES or tap.step != OPEN:
            return [Reply(f"Already recorded as {occurrence.status}. Nothing changed.")]
        if action == "done":
            self.store.set_status(occurrence.id, "done", now)
            return [Reply("💪 Nice work! Session recorded as done.", edit=True)]
        if action == "skip":
            self.store.set_status(occurrence.id, "skipped", now)
            return [Reply("Skipped today. See you next session.", edit=True)]
        if action == "snooze":
            self.store.set_status(occurrence.id, "snoozed", now, snooze_until=now + SNOOZE)
            return [Reply("😴 Okay, I'll remind you again in 15 minutes.", edit=True)]
        if action == "unwell":
            self.store.set_status(occurrence.id, "skipped", now)
            key = partial(_button, occurrence.id, UNWELL_STEP)
            return [Reply(UNWELL, buttons=((key("Yes, back or leg pain", "pain"), key("No", "nopain")),), edit=True)]
        return [Reply("That reminder is no longer open, so nothing changed.")]


def _button(occurrence_id: int, step: str, label: str, action: str) -> Button:
    """A check-in button of one reminded session at one step."""
    return Button(label, format_tap(Tap(DIALOGUE, str(occurrence_id), step, action)))
