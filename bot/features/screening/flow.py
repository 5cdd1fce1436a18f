"""The safety-check dialogue: consent, one question at a time, back, cancel, outcome.

A dialogue of the core's one mechanism: its buttons carry "scr:<nonce>:<step>:<answer>" (step
"consent" or the question's number); the nonce names one run of the questionnaire, so a button from
an old or finished run, another user's, a forged one or a second press of the same button changes
nothing. Progress is a row of the dialogue table, saved after every answer, so a restart resumes it.

A valid result stays until a retake is finished. A red result can be replaced only after a health
professional's review is recorded or RED_WAIT has passed: an immediate all-"no" retake would hide it.
Nor does a check begin within ALARM_TTL of a red flag told in chat: it could not end green.

This module routes a message; steps.py moves through the questions, reading.py (with rules.py) reads a typed reply,
going_back.py and asides.py tell the replies that go back or answer nothing.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from bot.core.callbacks import Tap
from bot.core.confirmation import Choices, emoji_only, without_agreeing
from bot.core.dialogue import Dialogues, entry_button
from bot.core.messages import Reply
from bot.features.screening import texts
from bot.features.screening.asides import asks_about, leaves, pauses, requests_instead, resumes
from bot.features.screening.asking import asks_why
from bot.features.screening.corrections import corrects_last
from bot.features.screening.exits import stop_confirmation
from bot.features.screening.going_back import beside, beside_going_back, earlier_answer, told_late
from bot.features.screening.questions import QUESTIONS, VALIDITY, VERSION, Level, Outcome, Status
from bot.features.screening.readers import Readers
from bot.features.screening.reading import read_reply
from bot.features.screening.results import RED_WAIT, VALID, Clock, without_professionals
from bot.features.screening.results import REVIEWED as REVIEWED  # re-exported: planning offers it
from bot.features.screening.results import START as START  # re-exported: planning and reminders offer it
from bot.features.screening.said import Reading
from bot.features.screening.steps import ANSWERS, CONSENT_LABELS, Steps
from bot.features.screening.store import CONSENT, DIALOGUE, Progress, Result, ScreeningStore
from bot.storage.dialogues import State
from bot.storage.users import ALARM_TTL
from knowledge.normalize import clean_text
from knowledge.safety import Safety
from knowledge.screening_moves import Exit

RETAKE = entry_button("cmd", "🔁 Retake the check", "retake")
CONSENT_WORDS = {"ok", "okay", "sure", "start", "go", "lets go", "ready", "i agree", "agree", "lets start"}
CONSENT_CHOICES = Choices.of(CONSENT_LABELS)  # a button's own words typed ("I agree, start", "agree, lets start")


COUNTING = frozenset("count counts counted matter matters include includes included".split())  # "does a cold count?"


class ScreeningFlow(Steps):
    """Runs the questionnaire for any number of users; all state is in the store."""

    def __init__(self, store: ScreeningStore, clock: Clock, dialogues: Dialogues, readers: Readers = Readers(),
                 alarm: Callable[[int], datetime | None] = lambda _user: None,
                 new_nonce: Callable[[], str] = lambda: secrets.token_hex(4),
                 ask: Callable[[int, str], Reply | None] = lambda _user, _text: None) -> None:
        super().__init__(store, clock)
        self.requested = dialogues.requested  # a request made plainly ("forget me"): never a health answer
        self.readers = readers  # the understanding layer's readers of a typed reply
        self.alarm = alarm  # when the user told a red flag in chat, if within ALARM_TTL
        self.new_nonce = new_nonce
        self.ask_us = ask  # the knowledge base's answer to a question asked beside an answer ("no, but does it help a disc?")
        self.stopping = stop_confirmation(dialogues, readers.answer, self.stop)  # "Stop the safety check?"

    def on_health_change(self, user_id: int, level: Safety, text: str) -> list[Reply]:
        """A health concern told outside the check marks a result for a redo (see Results), unless a health professional
        named is all it says of the user's health ("what should I show my physiotherapist?", "my midwife said exercise
        is fine"): seeing one is no change."""
        if level is Safety.DOCTOR and not self.readers.concern(without_professionals(text)):
            return []
        return super().on_health_change(user_id, level, text)

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

    def about(self, user_id: int) -> list[Reply]:
        """A question about the check answered ("is it required?"): what it is, why, and what it keeps; a start button
        unless a result stands or a run is open."""
        status = self.status(user_id)
        start = status not in VALID and status is not Status.IN_PROGRESS
        return [Reply(texts.ABOUT, buttons=((START,),) if start else ())]

    def retake(self, user_id: int) -> list[Reply]:
        """Begin a new run with the consent message, unless a red result is too recent to replace."""
        result = self.store.load_result(user_id)
        if result and result.outcome is Outcome.RED and self.status(user_id) is Status.RED \
                and not result.reviewed_at and self.clock() < result.completed_at + RED_WAIT:
            until = result.completed_at + RED_WAIT
            return [Reply(texts.format_red_wait(until), buttons=((REVIEWED,),))]
        alarm = self.alarm(user_id)
        if alarm is not None:  # a red flag told in chat today: whatever the answers, the check could not end green
            return [Reply(texts.format_alarmed(alarm + ALARM_TTL - self.clock()))]
        progress = Progress(user_id, VERSION, self.new_nonce(), self.clock(), False, 0, ())
        self.store.save_progress(progress)
        return [self._consent(progress)]

    def waiting_for_answer(self, user_id: int) -> bool:
        """Whether the user is in the middle of the questionnaire (consent included)."""
        return self.store.load_progress(user_id) is not None

    def on_typed(self, user_id: int, text: str, heard: bool = False) -> list[Reply] | None:
        """A typed yes / no / not sure / back / cancel for the current question, or a yes to an
        earlier one; the question again with a hint for a reply that does not clearly answer it;
        None for anything else (answered as a question or small talk, then the question again). A reply `heard` in a
        voice note that answers is told back as recorded."""
        progress = self.store.load_progress(user_id)
        if progress is None:
            return None
        text = self.readers.words.spell_emoji(text)  # "🙅": no
        if not progress.consented:
            return self._typed_consent(progress, text)
        paused = progress.paused
        if paused:  # a pause says what the next reply only may mean ("back": the user is back)
            progress = replace(progress, paused=False)
            self.store.save_progress(progress)
        if asks_about(self.readers, QUESTIONS[progress.step], text):  # "what counts as bladder problems?"
            return [Reply(texts.EXPLAINED[QUESTIONS[progress.step].id]), self._question(progress, edit=False)]
        if self.readers.words.restarts(self.readers.words_of(text)):  # "start over": nothing recorded yet, all asked again
            progress = replace(progress, step=0, flagged=(), unsure_asked=False)
            self.store.save_progress(progress)
            return [Reply(texts.RESTARTED), self._question(progress, edit=False)]
        if resumes(self.readers, text, paused):  # "ok im back" after "brb", or "ok back" right after it: no going back
            return [Reply(texts.RESUMED_AFTER_PAUSE), self._question(progress, edit=False)]
        return self._on_reading(progress, read_reply(text, QUESTIONS[progress.step], self.readers), text, heard)

    def _on_reading(self, progress: Progress, reading: Reading, text: str, heard: bool = False) -> list[Reply] | None:
        """What a typed reply read at the current question does (see on_typed): a request, a pause or a way out, an
        answer taken at an earlier question, a question, or the answer recorded."""
        if requests_instead(self.readers, self.requested, reading, text, QUESTIONS[progress.step]):  # "forget me"
            return None
        if pauses(self.readers, reading, text):  # "brb": the answers are kept, the same question waits
            return self._pause(progress, texts.PAUSED)
        if leaves(self.readers, progress, reading, text):  # "gtg", "k bye": paused too; only "cancel" or "stop" delete answers
            return self._pause(progress, texts.LEFT)
        if reading.code == "c" and self.readers.words.puts_off(self.readers.words_of(text)):  # "i'll do it later": paused
            return self._pause(progress, texts.PAUSED if self.readers.words.pauses(self.readers.words_of(text)) else texts.LEFT)
        if reading.code == "c":
            return self._exit(progress, text)
        last = corrects_last(self.readers, progress.step, text)
        if last is not None:  # "oops i meant no": the previous question's answer changed, this one asked again
            return self._answer_back(progress, QUESTIONS[progress.step - 1], last)
        if reading.aside and reading.other is not None:  # "yes, I had back surgery" at the dizziness question: which?
            return self._aside(progress, reading.other)
        returned = earlier_answer(self.readers, progress, reading, text)
        if returned is not None:  # "wait the heart one, i do have high bp": back there, its answer taken
            return self._answer_back(progress, *returned)
        if reading.code == "b" and reading.other is not None:  # "change my answer to the blood pressure one"
            return [self._back(progress, edit=False, to=reading.other)]
        if reading.other is not None and told_late(self.readers, progress, reading, text):
            return self._correct(progress, reading.other)
        if reading.code is None and not reading.acknowledged and (self.readers.question(text)
                                                                  or self.readers.about_check(text)):
            return self._asked(progress, text)
        if reading.other is not None:
            return [Reply(texts.format_other_topic(reading.other)), self._question(progress, edit=False)]
        if emoji_only(text) and (reading.acknowledged or not reading.code):  # "👍", "🤔": asked back, never taken for a yes
            return [Reply(texts.format_emoji_asked(text.strip())), self._question(progress, edit=False)]
        if reading.acknowledged:
            return [self._question(progress, edit=False, hint=True)]
        if reading.code == "u" and QUESTIONS[progress.step].level is Level.RED and not progress.unsure_asked:
            return [self._did_you_mean(progress)]
        if not reading.code:
            return None
        answered = self._answer(progress, reading.code, edit=False)
        if reading.code in ANSWERS and (heard or reading.skipped or not bare(text, reading.code)):
            answered = [self._recorded(progress, reading.code, answered[0], reading.skipped, heard), *answered[1:]]
        return [*self._also_asked(progress, reading.code, text), *answered]

    @staticmethod
    def _recorded(progress: Progress, code: str, then: Reply, skipped: bool = False, heard: bool = True) -> Reply:
        """The reply `then` (the next question, or the result) opening with what an answer to the current question was
        recorded as, and how to change it while the check goes on: a spoken one ("I do have met." heard for "I do have
        that": a yes; tester s30 #22), a skipped one ("pass": not sure), or one typed in more than the answer's own word
        ("i am man" at the pregnancy question: "Noted: No"; tester s31), so a misreading can be seen and taken back."""
        question = QUESTIONS[progress.step]
        goes_on = progress.step + 1 < len(QUESTIONS) and (code == "n" or question.level is not Level.RED)
        told = texts.format_recorded(question, ANSWERS[code], goes_on) if heard or skipped else \
            texts.format_noted(question, ANSWERS[code], goes_on)
        return replace(then, text=f"{texts.SKIPPED if skipped else ''}{told}\n\n{then.text}")

    def request(self, user_id: int, text: str) -> list[Reply]:
        """A request in words to start the check: one asking to erase its answers instead ("delete my safety check
        answers"; see knowledge.screening, `erasing`) is pointed to /forget, never met with the check's questions."""
        if self.readers.words.erases(self.readers.words_of(text)):
            return [Reply(texts.ERASE_WITH_FORGET)]
        return self.start(user_id)

    def told(self, state: State, text: str) -> str:
        """The words of a message the safety detector reads as told at this step: none for a question about the
        words of a question that explains them ("what does numbness around the groin mean?"), none for a question skipped
        ("ill pass on that"), a no's words
        outside its denials ("never fainted": none; see knowledge.screening_denials.Denials) and outside what it tells of
        someone else ("my dad has heart stuff, not me": none), else all of it."""
        progress = self.store.load_progress(state.user_id)
        if progress is None or not progress.consented:
            return text
        question = QUESTIONS[progress.step]
        if asks_about(self.readers, question, text) or asks_why(text, question, self.readers):  # "why do u need my heart"
            return ""
        reading = read_reply(text, question, self.readers)
        if reading.skipped:  # "ill pass on that": the whole reply skips the question, its "ill" tells nothing
            return ""
        returned = earlier_answer(self.readers, progress, reading, text)
        if returned is not None and returned[0].level is not Level.RED:  # the earlier question's answer is taken there
            return beside(self.readers, returned[0], text)
        if reading.code == "b" and reading.other is not None and reading.other.level is not Level.RED:
            return beside_going_back(self.readers, reading.other, text)  # "wait i want to change the medicine one": nothing told yet
        if reading.code != "n":
            return text
        said = self.readers.words
        if said.others.denied(question.id, self.readers.words_of(text)):  # "my dad has heart stuff, not me": not the user's
            text = said.others.without_others(text, said.contrasts)
        return said.denials.undenied(text, said.negations, said.contrasts)

    def _typed_consent(self, progress: Progress, text: str) -> list[Reply] | None:
        """Consent typed in everyday words ("sure go ahead", "i am 25 and healthy, no problem"), or declined ("not
        now"); the "no" of "no problem" declines nothing."""
        agreed, text = without_agreeing(text)
        said = self.readers.answer(text) if text.strip() else None  # consent is an everyday yes / no, not a health answer
        asked = "?" in text or self.readers.opens_question(text)
        label = CONSENT_CHOICES.read(text) if not asked else None  # a button's own words: "agree, lets start"
        code = "y" if clean_text(text) in CONSENT_WORDS or said == "yes" or label == "yes" else \
            "n" if said == "no" or label == "no" else "y" if agreed and not asked else read_reply(text, None, self.readers).code
        choice = {"y": "ok", "n": "decline", "c": "decline"}.get(code or "")
        return self._on_consent(progress, choice, edit=False) if choice else None

    def _also_asked(self, progress: Progress, code: str, text: str) -> list[Reply]:
        """What a question asked after a reply's answer gets, the answer taken ("no. why do you need that?"): what the
        check is for, what a red-flag question's words mean, or the knowledge base's answer ("no, but does lying on my
        stomach hurt a pregnancy?"); none when nothing follows the answer, the question asks about what was told
        ("osteopenia, does that count? basically yes"), or the answer stops the check red."""
        question = QUESTIONS[progress.step]
        first, rest = (re.split(r"[.!,;:]+|\s+but\s+", text, maxsplit=1) + [""])[:2]
        asked = "?" in rest or self.readers.opens_question(rest)
        if not asked or self.readers.words.refers_back(self.readers.words_of(rest)) or \
                code != "n" and question.level is Level.RED or read_reply(first, question, self.readers).code != code:
            return []
        if asks_about(self.readers, question, rest):
            return [Reply(texts.EXPLAINED[question.id])]
        answer = self.ask_us(progress.user_id, rest) if self.readers.about_us(rest) and not self.readers.about_check(rest) \
            else None
        return [answer or Reply(texts.ABOUT_CHECK)]

    def _asked(self, progress: Progress, text: str) -> list[Reply] | None:
        """A question at a question: one about the check ("whats the point of this", "why do you ask") or whether a
        thing counts for it ("does a cold count?", never a knowledge question about counting reps) gets what the check
        is for and the hint, a knowledge question None (answered, then this question again)."""
        words = self.readers.words_of(text)  # a yes/no question ("does a cold count?"), not "how many reps count as a set"
        counting = not COUNTING.isdisjoint(words) and bool(words) and words[0] not in self.readers.words.asking.wh
        if self.readers.about_us(text) and not self.readers.about_check(text) and not counting:
            return None  # "how high should my legs go"
        return [Reply(texts.ABOUT_CHECK), self._question(progress, edit=False, hint=True)]

    def _exit(self, progress: Progress, text: str) -> list[Reply] | None:
        """A way out read: "stop" leaves, a knowledge question clearly matched ("should i stop if it
        hurts?") is answered (None: then this question again), anything else asks whether to stop."""
        if self.readers.exit(text) is Exit.LEAVE:
            return self._answer(progress, "c", edit=False)
        if self.readers.asks_us(text):
            return None
        return self.stopping.start(progress.user_id)

    def stop(self, user_id: int) -> str:
        """Stop the check on the user's confirmation: its answers are deleted (see _drop)."""
        progress = self.store.load_progress(user_id)
        return self._drop(progress) if progress else texts.CANCELLED

    def current(self, user_id: int, hint: bool = False) -> Reply | None:
        """The question (or consent) the user is on, as a new message (`hint`: with how to answer)."""
        progress = self.store.load_progress(user_id)
        if progress is None:
            return None
        return self._question(progress, edit=False, hint=hint) if progress.consented else self._consent(progress)

    name = DIALOGUE
    reads_exits = True  # "should i stop if it hurts?" asks; it does not leave

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
        answers = read_reply(text, question, self.readers).code in ("y", "u")
        self.store.complete(Result(progress.user_id, progress.version, progress.started_at, self.clock(),
                                   Outcome.RED, progress.flagged + ((question.id,) if answers else ())))
        return [Reply(texts.STOPPED_RED)]

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """A typed answer (None: not one, so it is answered as a question)."""
        return self.on_typed(state.user_id, text)

    def on_heard(self, state: State, text: str) -> list[Reply] | None:
        """A spoken answer: read as typed, and what it was recorded as said (None: not one)."""
        return self.on_typed(state.user_id, text, heard=True)

    def cancel(self, state: State) -> list[Reply]:
        """Leave the questionnaire (see _drop)."""
        progress = self.store.load_progress(state.user_id)
        return [Reply(self._drop(progress) if progress else texts.CANCELLED)]

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """A pressed button of this run and step (the dialogue engine checked both)."""
        progress = self.store.load_progress(state.user_id)
        if progress is None:
            return [Reply(texts.STALE)]
        progress = replace(progress, paused=False)  # a tap after "brb": "back" next goes back again
        if tap.step == CONSENT:
            return self._on_consent(progress, tap.action, edit=True)
        return self._answer(progress, tap.action, edit=True)


# an answer's own words, which need no telling back ("no", "Yes!"); anything more is told back as recorded
BARE = {"y": frozenset({"yes", "y", "yeah", "yep", "yup", "yea", "ya"}), "n": frozenset({"no", "n", "nope", "nah"}),
        "u": frozenset({"not sure", "unsure"})}


def bare(text: str, code: str) -> bool:
    """Whether a typed answer is its answer's own word and nothing more ("No.", "yep")."""
    return clean_text(text) in BARE.get(code, frozenset())

