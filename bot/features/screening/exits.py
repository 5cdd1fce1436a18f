"""Asking before the safety check is left on an unclear message: "Stop the safety check? Your
answers so far will be deleted." with Yes / No, a confirmation of the core's one mechanism, opened
on top of the check (No, or leaving it, asks the same question again)."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.confirmation import Confirmation
from bot.core.dialogue import Dialogues
from bot.core.messages import Reply
from bot.features.screening import texts
from bot.storage.dialogues import State

DIALOGUE = "scrstop"
LABELS = ("✖️ Yes, stop the check", "No, carry on")


def stop_confirmation(dialogues: Dialogues, answer: Callable[[str], str | None],
                      stop: Callable[[int], str]) -> Confirmation:
    """Stop the check (`stop` drops its answers and says so) once the user confirms."""

    def decide(state: State, yes: bool) -> Reply:
        """Stop, or carry on (the core then asks the pending question again)."""
        return Reply(stop(state.user_id) if yes else texts.CARRY_ON, edit=True)

    return Confirmation(DIALOGUE, dialogues, answer, lambda _state: texts.STOP_PROMPT, LABELS, decide)
