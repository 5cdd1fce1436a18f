"""Questions and health remarks at a planning step, read by the understanding layer.

A question (worded as one, carrying no slot value: no day or time, yes or no, lead or place) is
answered and the step asked again: a question about the step itself ("why do you need my goal",
"what if i miss a session") gets a short answer from the step, one the knowledge base reads as
ours the knowledge answer; a request worded as a question ("what can you do?") is left to the core.
A health remark told beside an answer ("my hamstring feels tight today, mon wed fri 7am") is read
by the safety detector on its own clause, and heard as if said alone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.core.kit import Kit
from bot.core.messages import Reply
from bot.features.planning import texts as t
from bot.features.planning.draft import Step
from bot.features.planning.lead import read_lead
from bot.features.planning.reading import CHANGE_SAID, bare_hour
from bot.features.planning.zone import names_place
from bot.storage.dialogues import State
from knowledge.clauses import CLAUSE_BREAK, WH_WORDS
from knowledge.intents import Intent
from knowledge.normalize import QUESTION_REACH
from knowledge.relative_changes import time_shift
from knowledge.safety import Safety
from scheduler.parsing import mentions_time

JUDGEMENT_FIRST = frozenset({"is", "are", "isnt", "arent", "should", "shouldnt"})  # "is 7am too early?", "should i change my time?"
ABOUT_TIME_WORDS = frozenset({"time", "times", "early", "earlier", "late", "later"})
OVERVIEW = "program-overview"  # the knowledge entry that compares the goals: sets and reps by goal
ABOUT_STEP = {  # the requests a question names when it asks about the step itself ("why do you need my time zone")
    Step.ZONE: frozenset({Intent.TIMEZONE}),
    Step.GOAL: frozenset({Intent.SETTINGS, Intent.PLAN}),
    Step.WHEN: frozenset({Intent.SESSIONS, Intent.PLAN}),  # "will you remind me?", "what if i miss a session"
    Step.CONFIRM: frozenset({Intent.SESSIONS, Intent.PLAN}),
}


class StepQuestions:
    """Answers to questions asked at a planning step, for any number of users."""

    def __init__(self, kit: Kit, has_plans: Callable[[int], bool]) -> None:
        self.kit = kit
        self.has_plans = has_plans

    def asks(self, text: str) -> bool:
        """Whether a message at a planning step is a question rather than a slot value: worded as
        a question, with no day or time, no yes or no, no reminder lead, no goal asked as a change and no
        place in it."""
        answers, words = self.kit.answers, self.kit.words
        if answers is None or not self.worded_as_question(text):
            return False
        if self.asks_judgement(text):  # "is 7am too early?": the time is what is asked about, not an answer
            return words.answer(text) is None
        if mentions_time(text) or bare_hour(text) is not None or read_lead(text) is not None or time_shift(text) is not None:
            return False  # "can it be 1 hr earlier": the time moved, asked politely
        if CHANGE_SAID.search(text) and words.goal(text) is not None:
            return False  # "can it be an endurance plan instead": a change of goal asked

        return words.answer(text) is None and not names_place(text)

    def worded_as_question(self, text: str) -> bool:
        """A question mark, a question word first ("do i...", "is it..."), or a wh-word near the start
        ("ok and for glutes which goal is better"); not a modal inside a statement ("i would like
        endurance", "strength is my goal": the goal stated)."""
        answers = self.kit.answers
        if answers is None or not answers.is_question(text):
            return False
        words = self.kit.understanding.words(text)
        return "?" in text or answers.is_question(words[0] if words else "") or not WH_WORDS.isdisjoint(words[:QUESTION_REACH])

    def asks_judgement(self, text: str) -> bool:
        """Whether a question asks the bot's view ("is 7am too early?", "should i change my time?"):
        no answer to a step and no request is worded so, even with a time in it."""
        words = self.kit.understanding.words(text)
        return bool(words) and words[0] in JUDGEMENT_FIRST and self.worded_as_question(text)

    def judged(self, user_id: int, text: str) -> Reply | None:
        """The answer to a question asking the bot's view that reads like a request ("should i change
        my time?" is no "change my time zone"); None for any other message."""
        answers = self.kit.answers
        if answers is None or not self.asks_judgement(text):
            return None
        return Reply(t.ABOUT_TIME) if self._about_time(text) else answers.answer(user_id, text)

    def answer(self, state: State, text: str) -> Reply | None:
        """The answer to a question asked at the step (None when `text` is no question)."""
        answers = self.kit.answers
        if answers is None or not self.asks(text):
            return None
        own = self._about_step(state, text)
        judged = self.asks_judgement(text)  # "should i change my time?" asks; it changes nothing
        if own is None and not judged and self.kit.words.intent(text) in self.kit.requests and not self._ours(text):
            return None  # "what can you do?": the request runs, then the step is asked again
        return own or answers.answer(state.user_id, text)

    def aside(self, state: State, text: str, ask: Callable[[State], Reply]) -> list[Reply] | None:
        """A health remark beside the answer, heard as if said alone, or a question answered and the
        step asked again (`ask`); None for neither."""
        heard = self.heard_beside(state, text)
        if heard is not None:
            return heard
        asked = self.answer(state, text)
        return [asked, ask(state)] if asked is not None else None

    def heard_beside(self, state: State, text: str) -> list[Reply] | None:
        """The replies to a health remark told beside an answer, as if it had been said alone (a
        concern stops planning); None when no clause of a longer message carries one."""
        answers = self.kit.answers
        clauses = [c for c in CLAUSE_BREAK.split(text) if c.strip()]
        if answers is None or len(clauses) < 2:
            return None
        remark = next((c for c in clauses if answers.safety(c) is not Safety.NONE), None)
        return self.kit.route_text(state.user_id, remark, False) if remark else None

    def _ours(self, text: str) -> bool:
        """Whether the knowledge base reads a question as one of ours (answered, or nearly: "what
        rest do i get" is declined with the rest entry offered), not a request."""
        understanding = self.kit.understanding
        reading = understanding.read(text)
        best = reading.candidates[0].score if reading.candidates else 0.0
        return reading.match.entry_id is not None or best >= understanding.threshold

    def _about_step(self, state: State, text: str) -> Reply | None:
        """The step's own short answer to a question about it, or None."""
        step = Step(state.step)
        intent = self.kit.words.intent(text)
        if step is not Step.GOAL and self._about_time(text):
            return Reply(t.ABOUT_TIME)
        if step is Step.GOAL and self._about_goals(text, intent):
            return self._why_goal(state.user_id)
        if intent not in ABOUT_STEP.get(step, ()):
            return None
        if step is Step.ZONE:
            return Reply(t.WHY_ZONE)
        if intent is Intent.PLAN or not self.has_plans(state.user_id):  # with plans saved, "what sessions do i have" lists them
            return Reply(t.ABOUT_SESSIONS)
        return None

    def _about_time(self, text: str) -> bool:
        """Whether a question asks the bot's view of a plan's time ("is 7am too early?", "should i
        change my time?"), which the articles leave to the user."""
        words = set(self.kit.understanding.words(text))
        timed = mentions_time(text) or bare_hour(text) is not None or not ABOUT_TIME_WORDS.isdisjoint(words)
        return timed and self.asks_judgement(text) and not self._ours(text)

    def _about_goals(self, text: str, intent: Intent | None) -> bool:
        """Whether a question at the goal step asks about the goals in general ("why do you need my
        goal", "what's the difference between strength and hypertrophy"), naming no one goal."""
        if self.kit.words.goal(text) is not None:
            return False
        entry = self.kit.understanding.read(text).match.entry_id
        return intent in ABOUT_STEP[Step.GOAL] or entry in self.kit.understanding.goal_family

    def _why_goal(self, user_id: int) -> Reply:
        """Why the goal is asked, with the sets and reps of every goal."""
        answers = self.kit.answers
        overview = answers.on_button(user_id, f"kb:{OVERVIEW}") if answers else None
        if overview is None:
            return Reply(t.WHY_GOAL.rstrip(":") + ".")
        return replace(overview, text=f"{t.WHY_GOAL}\n\n{overview.text}")
