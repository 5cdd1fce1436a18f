"""Reminder messages and their check-in buttons: Done, Snooze 15 min, Skip today, Not feeling well."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.features.planning import texts as t
from bot.core.callbacks import parse_number
from bot.core.messages import Button, Reply
from bot.features.screening.flow import START, ScreeningFlow
from knowledge.model import KnowledgeBase
from scheduler.dispatcher import Due
from scheduler.store import SchedulerStore

SNOOZE = timedelta(minutes=15)
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
        key = f"rem:{due.occurrence_id}"
        buttons = ((Button("✅ Done", f"{key}:done"), Button("😴 Snooze 15 min", f"{key}:snooze")),
                   (Button("⏭ Skip today", f"{key}:skip"), Button("🤒 Not feeling well", f"{key}:unwell")))
        return Reply(text, buttons=buttons)

    def on_button(self, user_id: int, data: str) -> list[Reply]:
        """rem:OCCURRENCE:ACTION from the reminder's buttons."""
        _, occurrence_id, action = (data.split(":") + ["", ""])[:3]
        number = parse_number(occurrence_id)
        occurrence = self.store.load_occurrence(number) if number is not None else None
        if occurrence is None or occurrence.user_id != user_id:
            return [Reply("That reminder is no longer open, so nothing changed.")]
        now = self.clock()
        if action in ("pain", "nopain") and occurrence.status == "skipped":
            if action == "pain":
                self.screening.request_redo(user_id)
                return [Reply(PAIN, buttons=((START,),), edit=True)]
            return [Reply(NO_PAIN, edit=True)]
        if occurrence.status not in OPEN_STATUSES:
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
            key = f"rem:{occurrence.id}"
            return [Reply(UNWELL, buttons=((Button("Yes, back or leg pain", f"{key}:pain"), Button("No", f"{key}:nopain")),), edit=True)]
        return [Reply("That reminder is no longer open, so nothing changed.")]
