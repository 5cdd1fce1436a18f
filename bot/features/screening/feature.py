"""The safety check as a feature: its dialogue, /screen, the retake and review buttons."""

from __future__ import annotations

import re

from bot.core.kit import Kit
from bot.core.messages import Reply
from bot.features.screening import texts
from bot.features.screening.flow import RETAKE, START, ScreeningFlow
from bot.features.screening.readers import Readers
from bot.features.screening.store import ScreeningStore
from knowledge.intents import SMALL_TALK, Intent
from knowledge.safety import Safety

# With "stop" or "cancel" in it, a question is answered only on a match this far above the threshold:
# "is it ok if i stop now?" matched leg height weakly (+2), "should i stop if it hurts?" its topic at +10.
EXIT_MARGIN = 8.0
# A question about the check rather than a request to take it: whether it is needed, what it is or is for, how long it
# takes, what it keeps ("is the safety check required", "what is the screening for"; "can i do the check now?" takes it)
ABOUT_THE_CHECK = re.compile(r"\b(?:required|mandatory|compulsory|necessary|optional|needed|have to|has to|need to|must"
                             r"|what(?:'?s| is| does)|why|how long|how many questions|for\W*$)\b", re.IGNORECASE)
# ... asking what is kept ("do u store my health stuff?"): what /mydata shows
ABOUT_KEEPING = re.compile(r"\b(?:stor(?:e|ed|es|ing)|keep(?:s|ing)?|kept|sav(?:e|ed|es|ing)|record(?:s|ed)?|data|privacy"
                           r"|private|shar(?:e|ed|es|ing)|who (?:sees|can see|reads))\b", re.IGNORECASE)


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
    kit.offers.update({START.data, RETAKE.data})  # "ok lets do it" after "please take the short safety check"
    kit.readers.append(screening.review_told)  # "my doctor saw the list and said its fine"
    kit.readers.append(screening.points_asked)  # "what should I show my physiotherapist?"
    kit.commands.add("screen", "Pre-exercise safety check", lambda user_id, _arg: screening.start(user_id))
    kit.commands.add("retake", "Retake the safety check", lambda user_id, _arg: screening.retake(user_id), listed=False)
    kit.commands.add("reviewed", "A professional reviewed my result", lambda user_id, _arg: screening.reviewed(user_id),
                     listed=False)

    def about_request(user_id: int, text: str) -> list[Reply] | None:
        """A question about the check, answered without starting it ("is the safety check required"), and one about what
        it keeps with what /mydata shows ("do u store my health stuff?"; they had opened the check's consent); None for
        a request to take it ("can i do the check now?")."""
        if not kit.words.asks(text):
            return None
        mydata = kit.requests.get(Intent.MY_DATA)
        if ABOUT_KEEPING.search(text) and mydata is not None:
            return [*mydata.run(user_id, text), Reply(texts.KEEPS)]
        return screening.about(user_id) if ABOUT_THE_CHECK.search(text) else None

    def screen_request(user_id: int, text: str) -> list[Reply]:
        """The safety check asked for in words ("delete my check answers" points to /forget), or a question about it."""
        return about_request(user_id, text) or screening.request(user_id, text)

    kit.request(Intent.SCREEN, screen_request, starts_dialogue=True, interrupts=True, about=about_request)
    kit.descriptions.append(screening.describe)
    kit.erasers.append(store.forget)


def clearly_ours(kit: Kit, text: str) -> bool:
    """Whether the knowledge base answers a message on a clear match (EXIT_MARGIN)."""
    match = kit.understanding.read(text).match
    return match.entry_id is not None and match.score >= kit.understanding.threshold + EXIT_MARGIN
