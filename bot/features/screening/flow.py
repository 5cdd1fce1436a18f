"""The safety-check dialogue: consent, one question at a time, back, cancel, outcome.

A dialogue of the core's one mechanism: its buttons carry "scr:<nonce>:<step>:<answer>" (step
"consent" or the question's number); the nonce names one run of the questionnaire, so a button from
an old or finished run, another user's, a forged one or a second press of the same button changes
nothing. Progress is a row of the dialogue table, saved after every answer, so a restart resumes it.

A valid result stays until a retake is finished. A red result can be replaced only after a health
professional's review is recorded or RED_WAIT has passed: an immediate all-"no" retake would hide it.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.core.callbacks import Tap
from bot.core.dialogue import entry_button
from bot.core.messages import Button, Reply
from bot.features.screening import texts
from bot.features.screening.questions import QUESTIONS, VALIDITY, VERSION, Level, Outcome, Status, outcome_of
from bot.features.screening.reading import read_reply
from bot.features.screening.store import CONSENT, DIALOGUE, Progress, Result, ScreeningStore
from bot.storage.dialogues import State
from knowledge.normalize import clean_text
from knowledge.safety import Safety
from knowledge.screening import TypedReply

PREFIX = DIALOGUE
START = entry_button("cmd", "🩺 Take the safety check", "retake")
REVIEWED = entry_button("cmd", "✅ A health professional has reviewed these", "reviewed")
RETAKE = entry_button("cmd", "🔁 Retake the check", "retake")
RED_WAIT = timedelta(days=14)  # without a recorded review, a red result stands this long
AMBER_WAIT = timedelta(days=7)  # ... and an amber one is not replaced by an all-"no" retake this long
VALID = (Status.GREEN, Status.AMBER, Status.AMBER_REVIEWED, Status.RED)
REDO_ON_CONCERN = (Status.GREEN, Status.AMBER, Status.AMBER_REVIEWED)  # a health concern told makes these redo
# A doctor-first concern is the user's own when told in the first person ("im 5 months pregnant",
# "my sciatica is acting up"), not a general question ("can pregnant women do reverse hypers?").
FIRST_PERSON = re.compile(r"\b(i|im|ive|id|ill|my|me|mine|myself)\b")
ANSWERS = {"y": "Yes", "n": "No", "u": "Not sure"}
CONSENT_WORDS = {"ok", "okay", "sure", "start", "go", "lets go", "ready", "i agree", "agree", "lets start"}

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Asks:
    """How the check tells a question typed at one of its own from an answer (the QA feature's readers)."""

    about_us: Callable[[str], bool] = lambda _text: False  # a question the knowledge base answers
    question: Callable[[str], bool] = lambda _text: False  # worded as a question at all


class ScreeningFlow:
    """Runs the questionnaire for any number of users; all state is in the store."""

    def __init__(self, store: ScreeningStore, clock: Clock, new_nonce: Callable[[], str] = lambda: secrets.token_hex(4),
                 read: Callable[[str, str], TypedReply] = lambda _text, _question: TypedReply(),
                 small_talk: Callable[[str], bool] = lambda _text: False, asks: Asks = Asks()) -> None:
        self.store = store
        self.clock = clock
        self.new_nonce = new_nonce
        self.read = read  # the understanding layer's reading of a typed reply at a question
        self.small_talk = small_talk  # thanks, a greeting: never an answer
        self.asks = asks

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
        """The status with dates and flagged points, for /mydata."""
        result = self.store.load_result(user_id)
        expires = result.completed_at + VALIDITY if result else None
        return texts.format_status(self.status(user_id), result, expires)

    def request_redo(self, user_id: int) -> None:
        """The user's health changed: their result no longer counts until they redo the check."""
        self.store.save_redo(user_id, self.clock())

    def on_health_change(self, user_id: int, level: Safety, text: str) -> list[Reply]:
        """A health concern told outside the check (an emergency, or one for a doctor first that
        the user tells about themselves): a result that still counts (green or amber) is marked for
        a redo, and the user told so once. A red result stands as it is; mid-check the questions
        themselves ask about it."""
        told = level is Safety.EMERGENCY or FIRST_PERSON.search(clean_text(text)) is not None
        if not told or self.store.load_progress(user_id) is not None or self.status(user_id) not in REDO_ON_CONCERN:
            return []
        self.request_redo(user_id)
        return [Reply(texts.REDO_AFTER_CONCERN, buttons=((START,),))]

    def start(self, user_id: int) -> list[Reply]:
        """/screen: the valid result with a retake button, a note that an unfinished run goes on
        (the core asks its question again: answers so far are kept), or a new run."""
        status = self.status(user_id)
        if status is Status.IN_PROGRESS:
            return [Reply(texts.RESUMED)]
        if status not in VALID:
            return self.retake(user_id)
        result = self.store.load_result(user_id)
        assert result is not None
        return [Reply(f"{texts.format_status(status, result, result.completed_at + VALIDITY)}\n\n{texts.RETAKE_HINT}",
                      buttons=((RETAKE,),))]

    def retake(self, user_id: int) -> list[Reply]:
        """Begin a new run with the consent message, unless a red result is too recent to replace."""
        result = self.store.load_result(user_id)
        if result and result.outcome is Outcome.RED and self.status(user_id) is Status.RED \
                and not result.reviewed_at and self.clock() < result.completed_at + RED_WAIT:
            until = result.completed_at + RED_WAIT
            return [Reply(texts.format_red_wait(until), buttons=((REVIEWED,),))]
        progress = Progress(user_id, VERSION, self.new_nonce(), self.clock(), False, 0, ())
        self.store.save_progress(progress)
        return [self._consent(progress)]

    def waiting_for_answer(self, user_id: int) -> bool:
        """Whether the user is in the middle of the questionnaire (consent included)."""
        return self.store.load_progress(user_id) is not None

    def on_typed(self, user_id: int, text: str) -> list[Reply] | None:
        """A typed yes / no / not sure / back / cancel for the current question; the question
        again with a hint for a reply that does not clearly answer it; None for anything else
        (answered as a question or small talk, then the question is asked again)."""
        progress = self.store.load_progress(user_id)
        if progress is None:
            return None
        question = QUESTIONS[progress.step] if progress.consented else None
        reading = read_reply(text, question, self.read, self.small_talk)
        if not progress.consented:
            code = "y" if clean_text(text) in CONSENT_WORDS else reading.code
            choice = {"y": "ok", "n": "decline", "c": "decline"}.get(code or "")
            return self._on_consent(progress, choice, edit=False) if choice else None
        if reading.code is None and not reading.acknowledged and self.asks.question(text):
            if self.asks.about_us(text):
                return None  # a knowledge question ("how high should my legs go"): answered, then this question again
            return [Reply(texts.ABOUT_CHECK), self._question(progress, edit=False, hint=True)]  # "why do you ask", "what counts as..."
        if reading.other is not None:
            return [Reply(texts.format_other_topic(reading.other)), self._question(progress, edit=False)]
        if reading.acknowledged:
            return [self._question(progress, edit=False, hint=True)]
        if reading.code == "u" and QUESTIONS[progress.step].level is Level.RED and not progress.unsure_asked:
            return [self._did_you_mean(progress)]
        return self._answer(progress, reading.code, edit=False) if reading.code else None

    def current(self, user_id: int, hint: bool = False) -> Reply | None:
        """The question (or consent) the user is on, as a new message (`hint`: with how to answer)."""
        progress = self.store.load_progress(user_id)
        if progress is None:
            return None
        return self._question(progress, edit=False, hint=hint) if progress.consented else self._consent(progress)

    name = DIALOGUE

    def ask(self, state: State) -> Reply:
        """The question (or consent) the user is on, asked again with how to answer it."""
        return self.current(state.user_id, hint=True) or Reply(texts.STALE)

    def on_emergency(self, state: State, text: str) -> list[Reply]:
        """An emergency told mid-check stops it: the result is red (seek care; it stands until a
        professional's review or RED_WAIT), so an all-"no" finish can never follow it. The question
        it was told at is flagged when the words answer it ("yes, my chest gets tight")."""
        progress = self.store.load_progress(state.user_id)
        if progress is None or not progress.consented:
            self.store.drop_progress(state.user_id)
            return [Reply(texts.STOPPED)]
        question = QUESTIONS[progress.step]
        answers = read_reply(text, question, self.read, self.small_talk).code in ("y", "u")
        self.store.complete(Result(progress.user_id, progress.version, progress.started_at, self.clock(),
                                   Outcome.RED, progress.flagged + ((question.id,) if answers else ())))
        return [Reply(texts.STOPPED_RED)]

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """A typed answer (None: not one, so it is answered as a question)."""
        return self.on_typed(state.user_id, text)

    def cancel(self, state: State) -> list[Reply]:
        """Leave the questionnaire (see _drop)."""
        progress = self.store.load_progress(state.user_id)
        return [Reply(self._drop(progress) if progress else texts.CANCELLED)]

    def _drop(self, progress: Progress) -> str:
        """Delete the answers so far; a valid earlier result stays, but is marked for a redo when
        this run flagged something (a new flag is never silently thrown away)."""
        self.store.drop_progress(progress.user_id)
        if progress.flagged and self.status(progress.user_id) in REDO_ON_CONCERN:
            self.request_redo(progress.user_id)
            return texts.CANCELLED_FLAGGED
        return texts.CANCELLED

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """A pressed button of this run and step (the dialogue engine checked both)."""
        progress = self.store.load_progress(state.user_id)
        if progress is None:
            return [Reply(texts.STALE)]
        if tap.step == CONSENT:
            return self._on_consent(progress, tap.action, edit=True)
        return self._answer(progress, tap.action, edit=True)

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
            return [Reply(self._drop(progress), edit=edit)]
        if code == "b":
            return [self._back(progress, edit)]
        if code not in ANSWERS:
            return [Reply(texts.STALE)]
        question = QUESTIONS[progress.step]
        flagged = progress.flagged + ((question.id,) if code in ("y", "u") else ())
        if (code != "n" and question.level is Level.RED) or progress.step + 1 == len(QUESTIONS):
            return [self._finish(progress, flagged, edit)]
        progress = replace(progress, step=progress.step + 1, flagged=flagged, unsure_asked=False)
        self.store.save_progress(progress)
        return [self._question(progress, edit)]

    def _did_you_mean(self, progress: Progress) -> Reply:
        """A typed "not sure" at a red-flag question (it would stop the check red at once): say what
        not sure means here and ask once more; a tapped Not sure, or a second one typed, counts."""
        progress = replace(progress, unsure_asked=True)
        self.store.save_progress(progress)
        question = self._question(progress, edit=False)
        return replace(question, text=texts.format_unsure_red(QUESTIONS[progress.step]))

    def _back(self, progress: Progress, edit: bool) -> Reply:
        """Step back one question and forget its answer."""
        if progress.step > 0:
            previous = QUESTIONS[progress.step - 1].id
            progress = replace(progress, step=progress.step - 1, unsure_asked=False,
                               flagged=tuple(q for q in progress.flagged if q != previous))
            self.store.save_progress(progress)
        return self._question(progress, edit)

    def _finish(self, progress: Progress, flagged: tuple[str, ...], edit: bool) -> Reply:
        """Store the result and say what it means."""
        outcome = outcome_of(list(flagged))
        kept = self._standing_amber(progress.user_id) if outcome is Outcome.GREEN else None
        if kept is not None:  # re-stored as it was: the redo asked for is done, the review still due
            self.store.complete(kept)
            return Reply(texts.format_amber_kept(kept.flagged, kept.completed_at + AMBER_WAIT), buttons=((REVIEWED,),),
                         edit=edit)
        self.store.complete(Result(progress.user_id, progress.version, progress.started_at, self.clock(),
                                   outcome, flagged))
        if outcome is Outcome.RED:
            return Reply(texts.RED, edit=edit)
        if outcome is Outcome.AMBER:
            return Reply(texts.format_amber(flagged), buttons=((REVIEWED,),), edit=edit)
        return Reply(texts.GREEN, edit=edit)

    def _standing_amber(self, user_id: int) -> Result | None:
        """An amber result an all-"no" retake may not replace yet: not reviewed, and recent."""
        result = self.store.load_result(user_id)
        if result is None or result.outcome is not Outcome.AMBER or result.reviewed_at or result.version != VERSION:
            return None
        return result if self.clock() < result.completed_at + AMBER_WAIT else None

    def reviewed(self, user_id: int) -> list[Reply]:
        """Record that a professional reviewed a flagged (amber or red) result."""
        if self.status(user_id) not in (Status.AMBER, Status.AMBER_REVIEWED, Status.RED):
            return [Reply(texts.STALE)]
        self.store.save_reviewed(user_id, self.clock())
        return [Reply(texts.REVIEWED)]

    def _consent(self, progress: Progress) -> Reply:
        """The consent message with its two buttons."""
        buttons = ((Button("I agree, start", f"{PREFIX}:{progress.nonce}:{CONSENT}:ok"),
                    Button("Not now", f"{PREFIX}:{progress.nonce}:{CONSENT}:decline")),)
        return Reply(texts.CONSENT, buttons=buttons)

    def _question(self, progress: Progress, edit: bool, hint: bool = False) -> Reply:
        """The current question with Yes / No / Not sure, Back and Cancel (`hint`: and how to answer)."""
        key = f"{PREFIX}:{progress.nonce}:{progress.step}"
        answers = tuple(Button(label, f"{key}:{code}") for code, label in ANSWERS.items())
        controls = (Button("⬅️ Back", f"{key}:b"), Button("✖️ Cancel", f"{key}:c"))
        text = texts.format_question(progress.step, QUESTIONS[progress.step])
        return Reply(f"{text}\n\n{texts.TYPE_HINT}" if hint else text,
                     buttons=(answers, controls if progress.step else controls[1:]), edit=edit)
