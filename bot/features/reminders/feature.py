"""Reminders as a feature: the message for a due session and its check-in."""

from __future__ import annotations

from bot.core.kit import Kit
from bot.features.reminders.checkin import DIALOGUE, TYPED_FOR, Reminders
from bot.features.reminders.told_done import DoneTold
from bot.features.screening.flow import ScreeningFlow


def install(kit: Kit) -> None:
    """Compose reminders (held while the safety check is not valid) and run their check-in dialogue."""
    reminders = Reminders(kit.kb, kit.plans, kit.need(ScreeningFlow), kit.dialogues, kit.words, kit.clock)
    kit.dialogues.register(reminders)
    kit.readers.insert(0, reminders.delay)  # "push it 20 min" at a check-in, before planning reads "push it"
    kit.reminder = reminders.compose
    told = DoneTold(kit.plans, kit.dialogues, kit.words, kit.clock, kit.plain_request, DIALOGUE,
                    lambda: kit.clock() - TYPED_FOR)
    kit.readers.insert(1, told.on_text)  # "did my workout this morning" outside a check-in, before the plans readers
