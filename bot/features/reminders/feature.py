"""Reminders as a feature: the message for a due session and its check-in."""

from __future__ import annotations

from bot.core.kit import Kit
from bot.features.reminders.checkin import Reminders
from bot.features.screening.flow import ScreeningFlow


def install(kit: Kit) -> None:
    """Compose reminders (held while the safety check is not valid) and run their check-in dialogue."""
    reminders = Reminders(kit.kb, kit.plans, kit.need(ScreeningFlow), kit.dialogues, kit.words, kit.clock)
    kit.dialogues.register(reminders)
    kit.readers.insert(0, reminders.delay)  # "push it 20 min" at a check-in, before planning reads "push it"
    kit.reminder = reminders.compose
    kit.not_told.append(reminders.not_told)  # "hammies are sore af" after a session done: no concern
    kit.readers.append(reminders.soreness)  # and said to be expected
