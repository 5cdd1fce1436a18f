"""Safety-check results: a user's status, what /mydata says of it, a result marked for a redo when
the user tells a health change, and a professional's review recorded."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.core.dialogue import entry_button
from bot.core.messages import Reply
from bot.features.screening import texts
from bot.features.screening.questions import VALIDITY, VERSION, Outcome, Status
from bot.features.screening.store import Result, ScreeningStore
from knowledge.safety import Safety, told_of_oneself

START = entry_button("cmd", "🩺 Take the safety check", "retake")
REVIEWED = entry_button("cmd", "✅ A health professional has reviewed these", "reviewed")
RED_WAIT = timedelta(days=14)  # without a recorded review, a red result stands this long
AMBER_WAIT = timedelta(days=7)  # ... and an amber one is not replaced by an all-"no" retake this long
VALID = (Status.GREEN, Status.AMBER, Status.AMBER_REVIEWED, Status.RED)
REDO_ON_CONCERN = (Status.GREEN, Status.AMBER, Status.AMBER_REVIEWED)  # a health concern told makes these redo

Clock = Callable[[], datetime]
FLAGGED = (Status.AMBER, Status.RED)  # results a professional's review would change
# A professional's review told in words ("my doctor saw the list and said its fine", "done, physio checked it",
# "cleared by my gp"): no new concern, and only the ✅ button records it (the user's own attestation, tapped).
_PRO = (r"(?:doctor|doc|dr|gp|physio\w*|physical therapist|cardiolog\w*|specialist|nurse|surgeon|consultant|midwi(?:fe|ves)"
        r"|ob-?gyn|obstetrician|gyn(?:a|ae)?ecologist|osteopath|chiropractor|(?:health )?professional)s?")
_REVIEW_SAID = re.compile(
    rf"\b{_PRO}\b.*\b(?:saw|seen|checked|reviewed|looked (?:at|over)|went (?:through|over)|gone (?:through|over)|cleared|"
    rf"approved|signed (?:it )?off|ok'?d|okayed|said\b(?!.*\b(?:not|no|never|isn'?t|shouldn'?t|can'?t|don'?t|wait)\b)"
    rf"(?:\s+\S+){{0,3}}?\s+(?:fine|ok|okay|good|safe|alright)|"
    rf"gave me the (?:ok|okay|all clear|green light|go ahead))\b|\b(?:checked|reviewed|cleared|seen|approved) by "
    rf"(?:my |a |the )?{_PRO}\b", re.IGNORECASE)
_PRO_NAMED = re.compile(rf"\b(?:my|the|a|your|our|her|his)?\s*{_PRO}\b", re.IGNORECASE)
# what to show a professional asked about ("what should I show my physiotherapist?", "which points do i tell my gp")
_POINTS_ASKED = re.compile(rf"\b(?:what|which)\b.*\b(?:show|tell|ask|bring|give|take)\b.*\b{_PRO}\b", re.IGNORECASE)


def tells_review(text: str) -> bool:
    """Whether a message says a health professional went through the user's flagged points."""
    return _REVIEW_SAID.search(text) is not None


def without_professionals(text: str) -> str:
    """A message without the health professionals it names ("my midwife said exercise is fine": "said exercise is
    fine"): what is left says whether it tells anything of the user's health besides having seen one."""
    return _PRO_NAMED.sub(" ", text)


class Results:
    """A user's latest result and what it allows; all state is in the store."""

    def __init__(self, store: ScreeningStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def status(self, user_id: int) -> Status:
        """Not screened / in progress / green / amber / amber reviewed / red / expired."""
        result = self.store.load_result(user_id)
        expired = result is not None and (result.version != VERSION or result.redo_at is not None
                                          or self.clock() >= result.completed_at + VALIDITY)
        if result is None or expired:  # an unfinished retake keeps a valid result
            if self.store.load_progress(user_id):
                return Status.IN_PROGRESS
            return Status.EXPIRED if result else Status.NOT_SCREENED
        assert result is not None
        if result.outcome is Outcome.AMBER:
            return Status.AMBER_REVIEWED if result.reviewed_at else Status.AMBER
        return Status(result.outcome.value)

    def describe(self, user_id: int) -> str:
        """The status with dates and flagged points, for /mydata (why a result no longer counts)."""
        result = self.store.load_result(user_id)
        expires = result.completed_at + VALIDITY if result else None
        status, progress = self.status(user_id), self.store.load_progress(user_id)
        if status is Status.IN_PROGRESS and progress is not None and not progress.consented:
            return texts.CONSENT_OPEN  # only the consent question was shown: nothing of the check is stored yet
        return texts.format_status(status, result, expires, self.clock())

    def request_redo(self, user_id: int) -> None:
        """The user's health changed: their result no longer counts until they redo the check."""
        self.store.save_redo(user_id, self.clock())

    def on_health_change(self, user_id: int, level: Safety, text: str) -> list[Reply]:
        """A health concern told outside the check (an emergency, or one for a doctor first that
        the user tells about themselves): a result that still counts (green or amber) is marked for
        a redo, and the user told so once. A red result stands as it is; mid-check the questions
        themselves ask about it."""
        told = told_of_oneself(level, text)
        if not told or self.store.load_progress(user_id) is not None or self.status(user_id) not in REDO_ON_CONCERN:
            return []
        if tells_review(text) and self.status(user_id) in FLAGGED:  # "my doctor saw the list": see review_told
            return []
        self.request_redo(user_id)
        return [Reply(texts.REDO_AFTER_CONCERN, buttons=((START,),))]

    def _standing_amber(self, user_id: int) -> Result | None:
        """An amber result an all-"no" retake may not replace yet: not reviewed, and recent."""
        result = self.store.load_result(user_id)
        if result is None or result.outcome is not Outcome.AMBER or result.reviewed_at or result.version != VERSION:
            return None
        return result if self.clock() < result.completed_at + AMBER_WAIT else None

    def points_asked(self, user_id: int, text: str) -> list[Reply] | None:
        """What to show a health professional asked while a flagged result waits for their review ("what should I show
        my physiotherapist?"): the flagged points; None otherwise."""
        result = self.store.load_result(user_id)
        if not _POINTS_ASKED.search(text) or result is None or self.status(user_id) not in FLAGGED:
            return None
        return [Reply(texts.format_points(result.flagged), buttons=((REVIEWED,),), safety=Safety.DOCTOR.label)]

    def review_told(self, user_id: int, text: str) -> list[Reply] | None:
        """A professional's review told in words while a flagged result waits for one: the ✅ button to record it
        (tapped, as the gate asks), never a new concern that voids the result; None otherwise."""
        if not tells_review(text) or self.store.load_progress(user_id) is not None or self.status(user_id) not in FLAGGED:
            return None
        return [Reply(texts.REVIEW_TOLD, buttons=((REVIEWED,),), safety=Safety.DOCTOR.label)]

    def reviewed(self, user_id: int) -> list[Reply]:
        """Record that a professional reviewed a flagged (amber or red) result."""
        if self.status(user_id) not in (Status.AMBER, Status.AMBER_REVIEWED, Status.RED):
            return [Reply(texts.STALE)]
        self.store.save_reviewed(user_id, self.clock())
        return [Reply(texts.REVIEWED)]
