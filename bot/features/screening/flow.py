"""The safety-check dialogue: consent, one question at a time, back, cancel, outcome.

A dialogue of the core's one mechanism: its buttons carry "scr:<nonce>:<step>:<answer>" (step
"consent" or the question's number); the nonce names one run of the questionnaire, so a button from
an old or finished run, another user's, a forged one or a second press of the same button changes
nothing. Progress is a row of the dialogue table, saved after every answer, so a restart resumes it.

A valid result stays until a retake is finished. A red result can be replaced only after a health
professional's review is recorded or RED_WAIT has passed: an immediate all-"no" retake would hide it.
Nor does a check begin within ALARM_TTL of a red flag told in chat: it could not end green.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from bot.core.callbacks import Tap
from bot.core.confirmation import Choices
from bot.core.dialogue import Dialogues, entry_button
from bot.core.messages import Button, Reply
from bot.features.screening import texts
from bot.features.screening.exits import stop_confirmation
from bot.features.screening.questions import BY_ID, QUESTIONS, VALIDITY, VERSION, Level, Outcome, Question, Status, outcome_of
from bot.features.screening.reading import CODES, Readers, Reading, asks_why, read_reply
from bot.features.screening.results import AMBER_WAIT, RED_WAIT, REDO_ON_CONCERN, VALID, Clock, Results
from bot.features.screening.results import REVIEWED as REVIEWED  # re-exported: planning offers it
from bot.features.screening.results import START as START  # re-exported: planning and reminders offer it
from bot.features.screening.store import CONSENT, DIALOGUE, Progress, Result, ScreeningStore
from bot.storage.dialogues import State
from bot.storage.users import ALARM_TTL
from knowledge.normalize import clean_text
from knowledge.screening_moves import Exit

PREFIX = DIALOGUE
RETAKE = entry_button("cmd", "🔁 Retake the check", "retake")
ANSWERS = {"y": "Yes", "n": "No", "u": "Not sure"}
CONSENT_WORDS = {"ok", "okay", "sure", "start", "go", "lets go", "ready", "i agree", "agree", "lets start"}
CONSENT_LABELS = ("I agree, start", "Not now")
CONSENT_CHOICES = Choices.of(CONSENT_LABELS)  # a button's own words typed ("I agree, start", "agree, lets start")


COUNTING = frozenset("count counts counted matter matters include includes included".split())  # "does a cold count?"


class ScreeningFlow(Results):
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

    def on_typed(self, user_id: int, text: str) -> list[Reply] | None:
        """A typed yes / no / not sure / back / cancel for the current question, or a yes to an
        earlier one; the question again with a hint for a reply that does not clearly answer it;
        None for anything else (answered as a question or small talk, then the question again)."""
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
        if self._asks_about(QUESTIONS[progress.step], text):  # "what counts as bladder problems?"
            return [Reply(texts.EXPLAINED[QUESTIONS[progress.step].id]), self._question(progress, edit=False)]
        if self._resumes(text, paused):  # "ok im back" after "brb", or "ok back" right after it: no going back
            return [Reply(texts.RESUMED_AFTER_PAUSE), self._question(progress, edit=False)]
        reading = read_reply(text, QUESTIONS[progress.step], self.readers)
        if self._requests_instead(reading, text):  # "forget me", "show my data": the request is done, then this question
            return None
        if self._pauses(reading, text):  # "brb": the answers are kept, the same question waits
            return self._pause(progress, texts.PAUSED)
        if self._leaves(progress, reading, text):  # "gtg", "k bye": paused too; only "cancel" or "stop" delete answers
            return self._pause(progress, texts.LEFT)
        if reading.code == "c" and self.readers.words.puts_off(self.readers.words_of(text)):  # "i'll do it later": paused
            return self._pause(progress, texts.PAUSED if self.readers.words.pauses(self.readers.words_of(text)) else texts.LEFT)
        if reading.code == "c":
            return self._exit(progress, text)
        returned = self._returned(progress, reading, text)
        if returned is not None:  # "wait the heart one, i do have high bp": back there, its answer taken
            return self._answer_back(progress, *returned)
        if reading.code == "b" and reading.other is not None:  # "change my answer to the blood pressure one"
            return [self._back(progress, edit=False, to=reading.other)]
        if reading.other is not None and self._told_late(progress, reading, text):
            return self._correct(progress, reading.other)
        if reading.code is None and not reading.acknowledged and (self.readers.question(text)
                                                                  or self.readers.about_check(text)):
            return self._asked(progress, text)
        if reading.other is not None:
            return [Reply(texts.format_other_topic(reading.other)), self._question(progress, edit=False)]
        if reading.acknowledged:
            return [self._question(progress, edit=False, hint=True)]
        if reading.code == "u" and QUESTIONS[progress.step].level is Level.RED and not progress.unsure_asked:
            return [self._did_you_mean(progress)]
        if not reading.code:
            return None
        return [*self._also_asked(progress, reading.code, text), *self._answer(progress, reading.code, edit=False)]

    def _resumes(self, text: str, paused: bool) -> bool:
        """Whether a whole reply says the user is back ("ok im back"), or right after a pause (`paused`) "back", "ok back"
        (see knowledge.screening, `resuming_after_pause`): anywhere else "back" goes back a question."""
        said, words = self.readers.words, self.readers.words_of(text)
        return said.resumes(words) or paused and said.resumes_after_pause(words)

    def _pause(self, progress: Progress, text: str) -> list[Reply]:
        """Pause the check ("brb", "gtg", "can we carry on with this tomorrow"): the answers are kept, and the next reply
        may say the user is back ("ok back")."""
        self.store.save_progress(replace(progress, paused=True))
        return [Reply(text)]

    def request(self, user_id: int, text: str) -> list[Reply]:
        """A request in words to start the check: one asking to erase its answers instead ("delete my safety check
        answers"; see knowledge.screening, `erasing`) is pointed to /forget, never met with the check's questions."""
        if self.readers.words.erases(self.readers.words_of(text)):
            return [Reply(texts.ERASE_WITH_FORGET)]
        return self.start(user_id)

    def told(self, state: State, text: str) -> str:
        """The words of a message the safety detector reads as told at this step: none for a question about the
        words of a question that explains them ("what does numbness around the groin mean?"), a no's words
        outside its denials ("never fainted": none; see knowledge.screening.Denials) and outside what it tells of
        someone else ("my dad has heart stuff, not me": none), else all of it."""
        progress = self.store.load_progress(state.user_id)
        if progress is None or not progress.consented:
            return text
        question = QUESTIONS[progress.step]
        if self._asks_about(question, text) or asks_why(text, question, self.readers):  # "why do u need my heart"
            return ""
        reading = read_reply(text, question, self.readers)
        returned = self._returned(progress, reading, text)
        if returned is not None and returned[0].level is not Level.RED:  # the earlier question's answer is taken there
            return self._beside(returned[0], text)
        if reading.code == "b" and reading.other is not None and reading.other.level is not Level.RED:
            return self._beside_going_back(reading.other, text)  # "wait i want to change the medicine one": nothing told yet
        if reading.code != "n":
            return text
        said = self.readers.words
        if said.others.denied(question.id, self.readers.words_of(text)):  # "my dad has heart stuff, not me": not the user's
            text = said.others.without_others(text, said.contrasts)
        return said.denials.undenied(text, said.negations, said.contrasts)

    def _returned(self, progress: Progress, reading: Reading, text: str) -> tuple[Question, str] | None:
        """The earlier question a reply goes back to and the answer it gives there ("wait the heart one, i do have high
        bp", "go back pls, the blood pressure one should be a yes"): an earlier question named with a word of going
        back or correcting, and a clause of the reply answering it; none when it also leaves or asks."""
        said, words = self.readers.words, self.readers.words_of(text)
        named = reading.other or BY_ID.get(self.readers.reply(text, QUESTIONS[progress.step].id).other_topic or "")
        if named is None or QUESTIONS.index(named) >= progress.step or reading.code not in (None, "b") or "?" in text \
                or not said.returns(words):
            return None
        answers = [code for clause in _clauses(text) if (code := self._answers_earlier(named, clause))]
        return (named, answers[-1]) if answers else None

    def _answers_earlier(self, earlier: Question, clause: str) -> str | None:
        """The answer one clause of a reply going back gives an earlier question: an answer word ("the blood pressure
        one should be a yes"), or the user's own words telling it ("i do have high bp", "forgot I fainted in may");
        a clause of going back or correcting answers only with an answer word ("change my last answer to yes"), a
        clause only naming the topic ("the bp thing") none."""
        said, words = self.readers.words, self.readers.words_of(clause)
        given = said.answer_as(words)  # "the dizzy one should be no its just when i stand up quick"
        if given is not None:
            return CODES[given]
        code = read_reply(clause, earlier, self.readers).code
        worded = any(word in said.leading for word in words) or said.phrase(words, earlier.id) is not None
        going = said.returns(words)
        own = not said.others.myself.isdisjoint(words) or "my" in words
        return code if code in ANSWERS and (worded or own and not going) else None

    def _answer_back(self, progress: Progress, earlier: Question, code: str) -> list[Reply]:
        """Go back to an earlier question and take the answer given to it: the questions after it are asked again (a
        typed not sure at a red-flag question first gets its "did you mean" step)."""
        step = QUESTIONS.index(earlier)
        again = {q.id for q in QUESTIONS[step:]}
        progress = replace(progress, step=step, unsure_asked=False,
                           flagged=tuple(q for q in progress.flagged if q not in again))
        if code == "u" and earlier.level is Level.RED:
            return [self._did_you_mean(progress)]
        return [Reply(texts.format_answered_back(earlier, ANSWERS[code])), *self._answer(progress, code, edit=False)]

    def _beside_going_back(self, earlier: Question, text: str) -> str:
        """A reply's words beside its clauses that only go back to an earlier question ("wait i want to change the medicine
        one" -> ""): a clause of going back that gives that question no answer (see _answers_earlier) tells nothing."""
        said = self.readers.words
        kept = [clause for clause in _clauses(text) if not said.returns(self.readers.words_of(clause))
                or self._answers_earlier(earlier, clause) is not None]
        return ", ".join(kept)

    def _beside(self, earlier: Question, text: str) -> str:
        """A reply's words beside the clauses that answer an earlier question, naming its topic and no other ("wait the
        heart one, i do have high bp" -> ""): that answer is recorded at the question, not told to the safety detector."""
        said = self.readers.words
        kept = [clause for clause in _clauses(text)
                if set(said.named(" ".join(self.readers.words_of(clause)))) != {earlier.id}]
        return ", ".join(kept)

    def _requests_instead(self, reading: Reading, text: str) -> bool:
        """Whether a reply plainly makes a request that interrupts any step ("forget me", "show my data") instead of
        answering: it answers nothing, or only reads as not sure in words that tell nothing of the user ("forget me"
        had been recorded as a yes to the medicine question; "i forget" is a not sure)."""
        if reading.code not in (None, "u") or self.requested(text) is None:
            return False
        words = self.readers.words_of(text)
        return reading.code is None or not words or words[0] not in self.readers.words.others.myself

    def _leaves(self, progress: Progress, reading: Reading, text: str) -> bool:
        """Whether a reply is a short goodbye ("gtg", "gotta go, baby woke up"): a word of leaving, no answer, nothing
        told of an earlier question, no question. It pauses the check: a goodbye says nothing of the answers, and
        deleting them unasked lost a whole check to "gtg" (tester s27)."""
        later = reading.other is None or QUESTIONS.index(reading.other) > progress.step
        plain = reading.code is None and not reading.acknowledged and later and "?" not in text \
            and not self.readers.opens_question(text)
        return plain and self.readers.words.leaves(self.readers.words_of(text))

    def _pauses(self, reading: Reading, text: str) -> bool:
        """Whether a reply only pauses the check ("brb", "hold on someones asking for the machine brb"): a word of
        pausing, no answer, no topic, no question."""
        plain = reading == Reading() and "?" not in text and not self.readers.opens_question(text)
        return plain and self.readers.words.pauses(self.readers.words_of(text))

    def _asks_about(self, question: Question, text: str) -> bool:
        """Whether a reply only asks what the words of a question that explains them mean (see
        knowledge.screening.Quoting): "what counts as bladder problems", not "yes my groin is numb"."""
        asked = "?" in text or self.readers.opens_question(text)
        quoted = frozenset(clean_text(question.text).split())
        words = self.readers.words_of(text)
        return question.id in texts.EXPLAINED and self.readers.words.quoting.quotes(words, quoted, asked)

    def _typed_consent(self, progress: Progress, text: str) -> list[Reply] | None:
        """Consent typed in everyday words ("sure go ahead"), or declined ("not now")."""
        said = self.readers.answer(text)  # consent is an everyday yes / no, not a health answer
        asked = "?" in text or self.readers.opens_question(text)
        label = CONSENT_CHOICES.read(text) if not asked else None  # a button's own words: "agree, lets start"
        code = "y" if clean_text(text) in CONSENT_WORDS or said == "yes" or label == "yes" else \
            "n" if said == "no" or label == "no" else read_reply(text, None, self.readers).code
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
        if self._asks_about(question, rest):
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

    def _told_late(self, progress: Progress, reading: Reading, text: str) -> bool:
        """Whether a reply about an earlier question's topic says yes to it, told late ("actually i
        do get out of breath on stairs" at question 6): not denied, not a question."""
        assert reading.other is not None
        return QUESTIONS.index(reading.other) < progress.step and not reading.denied \
            and not self.readers.opens_question(text)

    def _correct(self, progress: Progress, earlier: Question) -> list[Reply]:
        """Record a yes told late at the question it answers (a red one stops the check), then ask
        this question again."""
        flagged = progress.flagged + ((earlier.id,) if earlier.id not in progress.flagged else ())
        if earlier.level is Level.RED:
            return [self._finish(progress, flagged, edit=False)]
        progress = replace(progress, flagged=flagged)
        self.store.save_progress(progress)
        return [Reply(texts.format_corrected(earlier)), self._question(progress, edit=False)]

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
        progress = replace(progress, paused=False)  # a tap after "brb": "back" next goes back again
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

    def _back(self, progress: Progress, edit: bool, to: Question | None = None) -> Reply:
        """Step back to an earlier question, the one named (`to`) or else the one before, and forget the answers
        from it on (they are asked again)."""
        step = QUESTIONS.index(to) if to is not None and QUESTIONS.index(to) < progress.step else progress.step - 1
        if step >= 0:
            again = {q.id for q in QUESTIONS[step:]}
            progress = replace(progress, step=step, unsure_asked=False, flagged=tuple(q for q in progress.flagged if q not in again))
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

    def _consent(self, progress: Progress) -> Reply:
        """The consent message with its two buttons."""
        agree, not_now = CONSENT_LABELS
        buttons = ((Button(agree, f"{PREFIX}:{progress.nonce}:{CONSENT}:ok"),
                    Button(not_now, f"{PREFIX}:{progress.nonce}:{CONSENT}:decline")),)
        return Reply(texts.CONSENT, buttons=buttons)

    def _question(self, progress: Progress, edit: bool, hint: bool = False) -> Reply:
        """The current question with Yes / No / Not sure, Back and Cancel (`hint`: and how to answer)."""
        key = f"{PREFIX}:{progress.nonce}:{progress.step}"
        answers = tuple(Button(label, f"{key}:{code}") for code, label in ANSWERS.items())
        controls = (Button("⬅️ Back", f"{key}:b"), Button("✖️ Cancel", f"{key}:c"))
        text = texts.format_question(progress.step, QUESTIONS[progress.step])
        return Reply(f"{text}\n\n{texts.TYPE_HINT}" if hint else text,
                     buttons=(answers, controls if progress.step else controls[1:]), edit=edit)


def _clauses(text: str) -> list[str]:
    """A reply's clauses: split at punctuation and "but" ("go back pls, the blood pressure one should be a yes")."""
    return [clause for clause in re.split(r"[,.;:!?]+|\s+but\s+", text) if clause.strip()]
