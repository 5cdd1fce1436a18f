"""/forget as a confirmation of the core's one mechanism, opened on top of whatever the user is in:
confirmed by button or by typing; "keep" leaves every dialogue as it was (the safety check or the
plan being made is asked again)."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.confirmation import Confirmation
from bot.core.dialogue import Dialogues
from bot.core.messages import Reply
from bot.features.privacy.records import FORGOTTEN, KEPT
from bot.storage.dialogues import State

DIALOGUE = "forget"
PROMPT = ("This erases everything I store about you: your safety check, your plans and your "
          "unanswered questions. It can't be undone. Erase it?")


def forget_confirmation(dialogues: Dialogues, erase: Callable[[int], None],
                        answer: Callable[[str], str | None], asks: Callable[[str], bool]) -> Confirmation:
    """Erase everything about a user once they confirm."""

    def decide(state: State, yes: bool) -> Reply:
        """Erase (every dialogue's row with everything else), or keep."""
        if yes:
            erase(state.user_id)
        return FORGOTTEN if yes else KEPT

    return Confirmation(DIALOGUE, dialogues, answer, lambda _state: PROMPT,
                        ("🗑 Yes, erase everything", "Keep my data"), decide, asks)
