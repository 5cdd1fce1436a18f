"""A one-step yes / no dialogue opened on top of whatever the user is in (/forget, cancelling a
plan): answered by button or by typing ("yes", "no", "keep it"); the dialogue below is asked
again once it is answered. A question asked there ("is it ok to keep going") is no answer, even
with a button's word in it: it is answered, and the yes / no question asked again."""

from __future__ import annotations

import re
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
                 decide: Callable[[State, bool], Reply], asks: Callable[[str], bool] = lambda _text: False) -> None:
        self.name = name
        self.dialogues = dialogues
        self.answer = answer  # the understanding layer's yes / no / unsure
        self.asks = asks  # whether a message asks the bot something (the understanding layer's reading)
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
        """A typed yes or no, or a button's own word ("keep it", "erase"); anything else, and a
        question, is not an answer."""
        if self.asks(text):
            return None
        answer = by_label(text, self.labels) or self.answer(text)
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


_WORDS = re.compile(r"[a-z']+")
NEGATIONS = frozenset("no not dont don't never nah nope without".split())


def by_label(text: str, labels: tuple[str, str]) -> str | None:
    """"yes" or "no" when the text uses a word only one button's label has ("keep it" for "Keep my
    data", "erase" for "Yes, erase everything"), with no negation ("don't erase" is left to the yes/no
    reader); else None. To "Erase it?", "keep it" is no, whatever a yes/no reader makes of "keep"."""
    if NEGATIONS.intersection(_WORDS.findall(text.lower())):
        return None
    words = set(_words(text))
    yes, no = (set(_words(label)) for label in labels)
    picked = [answer for answer, own in (("yes", yes - no), ("no", no - yes)) if own & words]
    return picked[0] if len(picked) == 1 else None


def _words(text: str) -> list[str]:
    """The lower-case words of at least four letters, and "yes" (what tells two labels apart)."""
    return [w for w in _WORDS.findall(text.lower()) if len(w) >= 4 or w == "yes"]

