"""Reminders as a feature: the message for a due session and its check-in."""

from __future__ import annotations

from bot.core.kit import Kit
from bot.features.reminders.checkin import DIALOGUE, TYPED_FOR, Reminders
from bot.features.reminders.feelings import Feelings
from bot.features.reminders.mid_workout import MidWorkout
from bot.features.reminders.told_done import REPORT_WORDS, DoneTold
from bot.features.screening.flow import ScreeningFlow
from knowledge.safety import Safety


def install(kit: Kit) -> None:
    """Compose reminders (held while the safety check is not valid) and run their check-in dialogue."""
    reminders = Reminders(kit.kb, kit.plans, kit.need(ScreeningFlow), kit.dialogues, kit.words, kit.clock)
    kit.dialogues.register(reminders)
    kit.readers.insert(0, reminders.delay)  # "push it 20 min" at a check-in, before planning reads "push it"
    kit.readers.insert(1, reminders.numbers)  # "ok and how many reps" at a check-in: the session's goal's numbers
    kit.readers.insert(1, reminders.proposed)  # "so sore from legs day, tomorrow?" at a check-in, before planning's "skip tomorrow"
    kit.reminder = reminders.compose
    told = DoneTold(kit.plans, kit.dialogues, kit.words, kit.clock, kit.plain_request, DIALOGUE,
                    lambda: kit.clock() - TYPED_FOR, lambda text: says_more(kit, text), kit.planner)
    kit.dialogues.register(told.early, on_top=True)  # "just finished" before today's session's reminder: mark it done?
    kit.readers.insert(1, told.on_text)  # "did my workout this morning" outside a check-in, before the plans readers
    mid = MidWorkout(kit.plans, kit.kb.prescriptions, kit.clock, lambda user_id: kit.dialogues.current(user_id) is not None,
                     lambda text: kit.understanding.read(text).safety is not Safety.NONE)
    kit.readers.insert(0, mid.on_text)  # "done w set 2", "1 more set or stop": before a check-in or a report takes "done"
    feelings = Feelings(kit.planner, kit.clock, lambda user_id: kit.plans.load_profile(user_id).zone or "UTC",
                        lambda user_id: kit.dialogues.current(user_id) is not None or kit.dialogues.current(user_id, DIALOGUE) is not None)
    kit.readers.insert(0, feelings.on_text)  # "i'm so tired today": before the plans readers take "today" for a skip
    kit.not_told.append(reminders.not_told)  # "hammies are sore af" after a session done: no concern
    kit.readers.append(reminders.soreness)  # and said to be expected


def says_more(kit: Kit, text: str) -> bool:
    """Whether a message says more than a report: a health concern, or more words than a report takes ("did 3 sets
    today and i only feel it in my hamstrings, my butt feels like it did nothing" is answered)."""
    return len(text.split()) > REPORT_WORDS or kit.understanding.read(text).safety is not Safety.NONE
