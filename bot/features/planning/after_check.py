"""A planning request made before the safety check allowed it ("remind me mon wed 7pm" from a new
user) is remembered beside the check, and planning goes on with it once the check finishes green or
a professional's review is recorded: the user does not have to say it again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from enum import Enum

from bot.core.callbacks import Tap
from bot.core.dialogue import STALE, Dialogues
from bot.core.messages import Inbound, Reply
from bot.features.planning.gate import Gate
from bot.storage.dialogues import State

WAITING = "plan-after-check"
WAIT_LIMIT = timedelta(hours=2)  # a request older than this was given up on: it is not acted on


class Waiting(Enum):
    """The one step: waiting for the safety check to allow planning."""

    CHECK = "check"


class AfterCheck:
    """A side dialogue that holds the planning request while the safety check runs."""

    name = WAITING

    def __init__(self, dialogues: Dialogues, gate: Gate, clock: Callable[[], datetime],
                 start: Callable[[int, str], list[Reply]]) -> None:
        self.dialogues = dialogues
        self.gate = gate
        self.clock = clock
        self.start = start

    def remember(self, user_id: int, text: str) -> None:
        """Keep the request the gate stopped (replacing an older one)."""
        self.dialogues.begin(user_id, WAITING, Waiting.CHECK, {"text": text.strip()}, side=True)

    def resume(self, msg: Inbound, replies: list[Reply]) -> list[Reply]:
        """After any message: once planning is allowed, go on with the request kept (one kept too
        long is dropped, allowed or not: the user's words are not stored longer than needed)."""
        state = self.dialogues.current(msg.user_id, WAITING)
        if state is None:
            return replies
        expired = state.updated_at is None or self.clock() - state.updated_at > WAIT_LIMIT
        if not expired and self.gate.check(msg.user_id) is not None:
            return replies
        self.dialogues.end(msg.user_id, WAITING)
        if expired:
            return replies
        return [*replies, *self.start(msg.user_id, str(state.data.get("text") or ""))]

    def ask(self, state: State) -> Reply:
        """Never asked: it waits without a question."""
        return STALE

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """Takes no typed message."""
        return None

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """Has no buttons."""
        return [STALE]

    def cancel(self, state: State) -> list[Reply]:
        """Forget the request."""
        self.dialogues.end(state.user_id, WAITING)
        return []
