"""A one-step yes / no dialogue opened on top of whatever the user is in (/forget, cancelling a
plan): answered by button or by typing ("yes", "no", "keep it"); the dialogue below is asked
again once it is answered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from typing import Any

from bot.core.callbacks import Tap
from bot.core.dialogue import Dialogues, button
from bot.core.messages import Reply
from bot.storage.dialogues import State


class Step(Enum):
    """The one step: waiting for a yes or no."""

    CONFIRM = "confirm"


class Confirmation:
    """Ask `prompt` with a yes and a no button; `decide` acts on the answer and says what happened."""

    def __init__(self, name: str, dialogues: Dialogues, answer: Callable[[str], str | None],
                 prompt: Callable[[State], str], labels: tuple[str, str],
                 decide: Callable[[State, bool], Reply]) -> None:
        self.name = name
        self.dialogues = dialogues
        self.answer = answer  # the understanding layer's yes / no / unsure
        self.prompt = prompt
        self.labels = labels
        self.decide = decide

    def start(self, user_id: int, data: dict[str, Any] | None = None) -> list[Reply]:
        """Open the question on top of whatever the user is in."""
        return [self.ask(self.dialogues.begin(user_id, self.name, Step.CONFIRM, data, side=True))]

    def ask(self, state: State) -> Reply:
        """The question with its two buttons."""
        yes, no = self.labels
        return Reply(self.prompt(state), buttons=((button(state, yes, "yes"), button(state, no, "no")),))

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """A typed yes or no; anything else is not an answer."""
        answer = self.answer(text)
        return self._decide(state, answer == "yes", edit=False) if answer in ("yes", "no") else None

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """Yes or no by button."""
        return self._decide(state, tap.action == "yes", edit=True)

    def cancel(self, state: State) -> list[Reply]:
        """Leaving the question is a no."""
        return self._decide(state, False, edit=False)

    def _decide(self, state: State, yes: bool, edit: bool) -> list[Reply]:
        """End the question, then act on the answer."""
        self.dialogues.end(state.user_id, self.name)
        reply = self.decide(state, yes)
        return [reply if edit else replace(reply, edit=False)]
