"""/forget as a dialogue of the core's one mechanism: one step, confirm by button or by typing."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from bot.core.callbacks import Tap
from bot.core.dialogue import Dialogues, button
from bot.core.messages import Reply
from bot.features.privacy.records import FORGOTTEN, KEPT
from bot.storage.dialogues import State

DIALOGUE = "forget"
PROMPT = ("This erases everything I store about you: your safety check, your plans and your "
          "unanswered questions. It can't be undone. Erase it?")


class Step(Enum):
    """The one step: waiting for a yes or no."""

    CONFIRM = "confirm"


class ForgetDialog:
    """Erase everything about a user once they confirm."""

    name = DIALOGUE

    def __init__(self, dialogues: Dialogues, erase: Callable[[int], None],
                 answer: Callable[[str], str | None]) -> None:
        self.dialogues = dialogues
        self.erase = erase
        self.answer = answer

    def start(self, user_id: int) -> list[Reply]:
        """/forget: ask first."""
        return [self.ask(self.dialogues.begin(user_id, DIALOGUE, Step.CONFIRM))]

    def ask(self, state: State) -> Reply:
        """The confirmation with its two buttons."""
        return Reply(PROMPT, buttons=((button(state, "🗑 Yes, erase everything", "yes"),
                                       button(state, "Keep my data", "no")),))

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """A typed yes or no; anything else is not an answer."""
        answer = self.answer(text)
        return self._decide(state, answer == "yes", edit=False) if answer in ("yes", "no") else None

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """Yes or no by button."""
        return self._decide(state, tap.action == "yes", edit=True)

    def cancel(self, state: State) -> list[Reply]:
        """Leaving the confirmation keeps everything."""
        return self._decide(state, False, edit=False)

    def _decide(self, state: State, erase: bool, edit: bool) -> list[Reply]:
        """Erase (the dialogue's own row with everything else), or keep."""
        if erase:
            self.erase(state.user_id)
            reply = FORGOTTEN
        else:
            self.dialogues.end(state.user_id, DIALOGUE)
            reply = KEPT
        return [reply if edit else Reply(reply.text)]
