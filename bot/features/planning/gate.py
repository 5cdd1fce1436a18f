"""Planning opens only after a safety check that allows it (green, or amber reviewed)."""

from __future__ import annotations

from bot.core.messages import Reply
from bot.features.planning import texts as t
from bot.features.screening.flow import REVIEWED, START, ScreeningFlow
from bot.features.screening.questions import Status


class Gate:
    """Why planning is closed for a user, if it is."""

    def __init__(self, screening: ScreeningFlow) -> None:
        self.screening = screening

    def check(self, user_id: int) -> Reply | None:
        """None when the user may plan; else what to do first."""
        status = self.screening.status(user_id)
        if status.allows_planning:
            return None
        if status is Status.RED:
            return Reply(t.RED_STOP)
        if status is Status.AMBER:
            return Reply(t.NEED_REVIEW, buttons=((REVIEWED,),))
        if status is Status.IN_PROGRESS:
            return Reply(t.FINISH_SCREEN)
        return Reply(t.NEED_REDO if status is Status.EXPIRED else t.NEED_SCREEN, buttons=((START,),))
