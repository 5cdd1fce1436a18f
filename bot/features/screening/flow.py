"""The safety-check dialogue: consent, one question at a time, back, cancel, outcome.

Buttons carry "scr:<nonce>:<step>:<answer>"; the nonce names one run of the questionnaire, so a
button from an old or finished run, another user's, a forged one or a second press of the same
button changes nothing. Progress is saved after every answer, so a restart resumes it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from bot.core.messages import Button, Reply
from bot.features.screening import texts
from bot.features.screening.questions import QUESTIONS, VALIDITY, VERSION, Level, Outcome, Status, outcome_of
from bot.features.screening.store import Progress, Result, ScreeningStore
from knowledge.normalize import clean_text

PREFIX = "scr"
START = Button("🩺 Take the safety check", "scr:go")
REVIEWED = Button("✅ A health professional has reviewed these", "scr:rev")
ANSWERS = {"y": "Yes", "n": "No", "u": "Not sure"}
TYPED = {
    "y": {"yes", "y", "yeah", "yep", "yup", "yes i do", "yes i am", "yes i have", "i do", "i am", "i have", "correct", "true"},
    "n": {"no", "n", "nope", "nah", "never", "not really", "no i dont", "no i am not", "no i havent", "i dont", "im not", "false", "none"},
    "u": {"not sure", "unsure", "dunno", "dont know", "i dont know", "idk", "maybe", "possibly", "perhaps", "no idea", "im not sure"},
    "b": {"back", "go back", "previous", "undo"},
    "c": {"cancel", "stop", "quit", "exit", "cancel check", "stop the check"},
}

CONSENT_WORDS = {"ok", "okay", "sure", "start", "go", "lets go", "ready", "i agree", "agree", "lets start"}

Clock = Callable[[], datetime]


def typed_answer(text: str) -> str | None:
    """The answer code a typed message stands for (y, n, u, b, c), or None."""
    cleaned = clean_text(text)
    return next((code for code, words in TYPED.items() if cleaned in words), None)


class ScreeningFlow:
    """Runs the questionnaire for any number of users; all state is in the store."""

    def __init__(self, store: ScreeningStore, clock: Clock, new_nonce: Callable[[], str] = lambda: secrets.token_hex(4)) -> None:
        self.store = store
        self.clock = clock
        self.new_nonce = new_nonce

    def status(self, user_id: int) -> Status:
        """Not screened / in progress / green / amber / amber reviewed / red / expired."""
        if self.store.load_progress(user_id):
            return Status.IN_PROGRESS
        result = self.store.load_result(user_id)
        if result is None:
            return Status.NOT_SCREENED
        if result.version != VERSION or result.redo_at or self.clock() >= result.completed_at + VALIDITY:
            return Status.EXPIRED
        if result.outcome is Outcome.AMBER:
            return Status.AMBER_REVIEWED if result.reviewed_at else Status.AMBER
        return Status(result.outcome.value)

    def describe(self, user_id: int) -> str:
        """The status with dates and flagged points, for /mydata."""
        result = self.store.load_result(user_id)
        expires = result.completed_at + VALIDITY if result else None
        return texts.format_status(self.status(user_id), result, expires)

    def request_redo(self, user_id: int) -> None:
        """The user's health changed: their result no longer counts until they redo the check."""
        self.store.save_redo(user_id, self.clock())

    def start(self, user_id: int) -> list[Reply]:
        """Begin a new run (replacing any unfinished one) with the consent message."""
        progress = Progress(user_id, VERSION, self.new_nonce(), self.clock(), False, 0, ())
        self.store.save_progress(progress)
        return [self._consent(progress)]

    def waiting_for_answer(self, user_id: int) -> bool:
        """Whether the user is in the middle of the questionnaire (consent included)."""
        return self.store.load_progress(user_id) is not None

    def on_typed(self, user_id: int, text: str) -> list[Reply] | None:
        """A typed yes / no / not sure / back / cancel for the current question, or None."""
        progress = self.store.load_progress(user_id)
        code = typed_answer(text)
        if progress is None:
            return None
        if not progress.consented:
            code = "y" if clean_text(text) in CONSENT_WORDS else code
            choice = {"y": "ok", "n": "decline", "c": "decline"}.get(code or "")
            return self._on_consent(progress, choice, edit=False) if choice else None
        return self._answer(progress, code, edit=False) if code else None

    def current(self, user_id: int) -> Reply | None:
        """The question (or consent) the user is on, as a new message."""
        progress = self.store.load_progress(user_id)
        if progress is None:
            return None
        return self._question(progress, edit=False) if progress.consented else self._consent(progress)

    def on_button(self, user_id: int, data: str) -> list[Reply]:
        """A pressed safety-check button."""
        if data == START.data:
            return self.start(user_id)
        if data == REVIEWED.data:
            return self._reviewed(user_id)
        parts = data.split(":")
        progress = self.store.load_progress(user_id)
        if progress is None or len(parts) < 3 or parts[1] != progress.nonce:
            return [Reply(texts.STALE)]
        if len(parts) == 3:
            return self._on_consent(progress, parts[2], edit=True)
        if len(parts) == 4 and progress.consented and parts[2] == str(progress.step):
            return self._answer(progress, parts[3], edit=True)
        return [Reply(texts.STALE)]

    def _on_consent(self, progress: Progress, choice: str, edit: bool) -> list[Reply]:
        """Accept (go to question 1) or decline (forget the run)."""
        if progress.consented or choice not in ("ok", "decline"):
            return [Reply(texts.STALE)]
        if choice == "decline":
            self.store.drop_progress(progress.user_id)
            return [Reply(texts.DECLINED, edit=edit)]
        progress = replace(progress, consented=True)
        self.store.save_progress(progress)
        return [self._question(progress, edit)]

    def _answer(self, progress: Progress, code: str, edit: bool) -> list[Reply]:
        """Apply one answer, back or cancel; finish when a red answer comes or the last is given."""
        if code == "c":
            self.store.drop_progress(progress.user_id)
            return [Reply(texts.CANCELLED, edit=edit)]
        if code == "b":
            return [self._back(progress, edit)]
        if code not in ANSWERS:
            return [Reply(texts.STALE)]
        question = QUESTIONS[progress.step]
        flagged = progress.flagged + ((question.id,) if code in ("y", "u") else ())
        if (code != "n" and question.level is Level.RED) or progress.step + 1 == len(QUESTIONS):
            return [self._finish(progress, flagged, edit)]
        progress = replace(progress, step=progress.step + 1, flagged=flagged)
        self.store.save_progress(progress)
        return [self._question(progress, edit)]

    def _back(self, progress: Progress, edit: bool) -> Reply:
        """Step back one question and forget its answer."""
        if progress.step > 0:
            previous = QUESTIONS[progress.step - 1].id
            progress = replace(progress, step=progress.step - 1,
                               flagged=tuple(q for q in progress.flagged if q != previous))
            self.store.save_progress(progress)
        return self._question(progress, edit)

    def _finish(self, progress: Progress, flagged: tuple[str, ...], edit: bool) -> Reply:
        """Store the result and say what it means."""
        outcome = outcome_of(list(flagged))
        self.store.complete(Result(progress.user_id, progress.version, progress.started_at, self.clock(),
                                   outcome, flagged))
        if outcome is Outcome.RED:
            return Reply(texts.RED, edit=edit)
        if outcome is Outcome.AMBER:
            return Reply(texts.format_amber(flagged), buttons=((REVIEWED,),), edit=edit)
        return Reply(texts.GREEN, edit=edit)

    def _reviewed(self, user_id: int) -> list[Reply]:
        """Record that a professional reviewed an amber result."""
        if self.status(user_id) not in (Status.AMBER, Status.AMBER_REVIEWED):
            return [Reply(texts.STALE)]
        self.store.save_reviewed(user_id, self.clock())
        return [Reply(texts.REVIEWED)]

    def _consent(self, progress: Progress) -> Reply:
        """The consent message with its two buttons."""
        buttons = ((Button("I agree, start", f"{PREFIX}:{progress.nonce}:ok"),
                    Button("Not now", f"{PREFIX}:{progress.nonce}:decline")),)
        return Reply(texts.CONSENT, buttons=buttons)

    def _question(self, progress: Progress, edit: bool) -> Reply:
        """The current question with Yes / No / Not sure, Back and Cancel."""
        key = f"{PREFIX}:{progress.nonce}:{progress.step}"
        answers = tuple(Button(label, f"{key}:{code}") for code, label in ANSWERS.items())
        controls = (Button("⬅️ Back", f"{key}:b"), Button("✖️ Cancel", f"{key}:c"))
        return Reply(texts.format_question(progress.step, QUESTIONS[progress.step]),
                     buttons=(answers, controls if progress.step else controls[1:]), edit=edit)
