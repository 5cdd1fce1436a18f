"""The safety check as a feature: its dialogue, /screen, the retake and review buttons."""

from __future__ import annotations

from bot.core.kit import Kit
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.reading import Readers
from bot.features.screening.store import ScreeningStore
from knowledge.intents import SMALL_TALK, Intent
from knowledge.safety import Safety

# With "stop" or "cancel" in it, a question is answered only on a match this far above the threshold:
# "is it ok if i stop now?" matched leg height weakly (+2), "should i stop if it hurts?" its topic at +10.
EXIT_MARGIN = 8.0


def install(kit: Kit) -> None:
    """The pre-exercise safety check, offered to the features that need its result."""
    store = ScreeningStore(kit.db)
    readers = Readers(kit.words.typed_reply, lambda text: kit.words.intent(text) in SMALL_TALK,
                      lambda text: bool(kit.answers and kit.answers.is_question_about_us(text)),
                      lambda text: clearly_ours(kit, text),
                      lambda text: bool(kit.answers and kit.answers.is_question(text)),
                      kit.words.answer, lambda text: kit.words.intent(text) is Intent.CANCEL,
                      kit.understanding.spelt, kit.understanding.screening,
                      concern=lambda text: kit.understanding.read(text).safety is not Safety.NONE,
                      this_year=lambda: kit.clock().year)  # the core's clock: "in 2024" is long ago by its date
    screening = ScreeningFlow(store, kit.clock, kit.dialogues, readers,
                              alarm=lambda user_id: kit.users.load_alarm(user_id, kit.clock()),
                              ask=lambda user_id, text: kit.answers.answer(user_id, text) if kit.answers else None)
    kit.provide(screening)
    kit.dialogues.register(screening)
    kit.dialogues.register(screening.stopping, on_top=True)  # "Stop the safety check?" over its question
    kit.health_changes.append(screening.on_health_change)
    kit.readers.append(screening.review_told)  # "my doctor saw the list and said its fine"
    kit.commands.add("screen", "Pre-exercise safety check", lambda user_id, _arg: screening.start(user_id))
    kit.commands.add("retake", "Retake the safety check", lambda user_id, _arg: screening.retake(user_id), listed=False)
    kit.commands.add("reviewed", "A professional reviewed my result", lambda user_id, _arg: screening.reviewed(user_id),
                     listed=False)
    kit.request(Intent.SCREEN, screening.request, starts_dialogue=True, interrupts=True)  # "delete my check answers": /forget
    kit.descriptions.append(screening.describe)
    kit.erasers.append(store.forget)


def clearly_ours(kit: Kit, text: str) -> bool:
    """Whether the knowledge base answers a message on a clear match (EXIT_MARGIN)."""
    match = kit.understanding.read(text).match
    return match.entry_id is not None and match.score >= kit.understanding.threshold + EXIT_MARGIN
