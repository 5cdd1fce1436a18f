"""Moving through the safety check's questions: an answer applied (the next question, or the result stored when a red
answer comes or the last is given), a step back, an answer taken at an earlier question, a yes told late recorded there,
a pause, the answers dropped, and the consent and question messages with their buttons."""

from __future__ import annotations

from dataclasses import replace

from bot.core.messages import Button, Reply
from bot.features.screening import texts
from bot.features.screening.questions import QUESTIONS, Level, Outcome, Question, outcome_of
from bot.features.screening.results import AMBER_WAIT, REDO_ON_CONCERN, REVIEWED, Results
from bot.features.screening.store import CONSENT, DIALOGUE, Progress, Result

PREFIX = DIALOGUE
ANSWERS = {"y": "Yes", "n": "No", "u": "Not sure"}
CONSENT_LABELS = ("I agree, start", "Not now")


class Steps(Results):
    """The questionnaire's steps for any number of users; all state is in the store."""

    def _pause(self, progress: Progress, text: str) -> list[Reply]:
        """Pause the check ("brb", "gtg", "can we carry on with this tomorrow"): the answers are kept, and the next reply
        may say the user is back ("ok back")."""
        self.store.save_progress(replace(progress, paused=True))
        return [Reply(text)]

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

    def _correct(self, progress: Progress, earlier: Question) -> list[Reply]:
        """Record a yes told late at the question it answers (a red one stops the check), then ask
        this question again."""
        flagged = progress.flagged + ((earlier.id,) if earlier.id not in progress.flagged else ())
        if earlier.level is Level.RED:
            return [self._finish(progress, flagged, edit=False)]
        progress = replace(progress, flagged=flagged)
        self.store.save_progress(progress)
        return [Reply(texts.format_corrected(earlier)), self._question(progress, edit=False)]

    def _aside(self, progress: Progress, other: Question) -> list[Reply]:
        """A yes telling another question's topic ("yes, I had back surgery" at the dizziness question; tester s32):
        nothing is recorded here and the user is asked which it is; a later question's topic is kept for it (that
        question says so when it comes, so the user does not answer no thinking it was covered), an earlier one's is
        recorded there as a yes told late (a red one stops the check)."""
        question = QUESTIONS[progress.step]
        if QUESTIONS.index(other) > progress.step:
            progress = replace(progress, told=tuple(dict.fromkeys((*progress.told, other.id))))
            self.store.save_progress(progress)
            return [Reply(texts.format_aside(question, other, kept=True)), self._question(progress, edit=False)]
        flagged = tuple(dict.fromkeys((*progress.flagged, other.id)))
        if other.level is Level.RED:
            return [self._finish(progress, flagged, edit=False)]
        progress = replace(progress, flagged=flagged)
        self.store.save_progress(progress)
        return [Reply(texts.format_aside(question, other, kept=False)), self._question(progress, edit=False)]

    def _drop(self, progress: Progress) -> str:
        """Delete the answers so far; a valid earlier result stays, but is marked for a redo when
        this run flagged something (a new flag is never silently thrown away)."""
        self.store.drop_progress(progress.user_id)
        if progress.flagged and self.status(progress.user_id) in REDO_ON_CONCERN:
            self.request_redo(progress.user_id)
            return texts.CANCELLED_FLAGGED
        return texts.CANCELLED

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
        question = QUESTIONS[progress.step]
        text = texts.format_question(progress.step, question)
        text = f"{texts.format_told_before(question)}\n\n{text}" if question.id in progress.told else text
        return Reply(f"{text}\n\n{texts.TYPE_HINT}" if hint else text,
                     buttons=(answers, controls if progress.step else controls[1:]), edit=edit)
