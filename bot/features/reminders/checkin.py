"""Reminder messages and their check-in: Done, Snooze 15 min, Skip today, Not feeling well.

The check-in is a side dialogue of the core's one mechanism: each reminder starts a run (state in
the dialogue table: the reminded session's id, the step, the nonce its buttons carry) beside
whatever the user is doing, so a reminder arriving mid-plan drops nothing. It is answered by
button or by typing ("done", "skip today", "snooze", "not feeling well"; then "yes" or "no" to
the pain question). The session's row records only the outcome: done, skipped or snoozed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from enum import Enum

from bot.core.callbacks import Tap
from bot.core.dialogue import Dialogues, button
from bot.core.messages import Button, Reply
from bot.core.words import UnderstandingWords
from bot.features.planning import texts as t
from bot.features.screening.flow import START, ScreeningFlow
from bot.storage.dialogues import State
from knowledge.model import KnowledgeBase
from knowledge.understanding import PROPOSED_TIME
from scheduler.delay import format_delay, read_delay
from scheduler.dispatcher import Due
from scheduler.store import CHECK_IN_OPEN, OPEN_STATUSES, Occurrence, SchedulerStore

SNOOZE = timedelta(minutes=15)
SNOOZE_RANGE = (timedelta(minutes=5), timedelta(hours=4))  # a delay asked in words ("push it 20 min") is kept in it
TYPED_FOR = CHECK_IN_OPEN  # after the session's time, typed words are no longer read as a check-in
DIALOGUE = "rem"
REST_DAY = ("Okay, today is a rest day (recorded as skipped). Rest, and if you feel unwell for more "
            "than a few days, or it gets worse, see a doctor.")
PAIN_ASKED = "Is it new or worse back or leg pain?"
UNWELL = f"{REST_DAY}\n\n{PAIN_ASKED}"
PAIN = ("Then please don't train until it is checked: see a doctor or physiotherapist, and redo the "
        "safety check before your next session. I'll hold your plan's sessions until then.")
NO_PAIN = "Thanks. Rest up; your plan continues as usual."
DONE_BUT_PAIN = f"💪 Recorded as done. {PAIN_ASKED}"
WHICH = "Did you do the session, or are you not feeling well? Tap one, or type “done”, “skip” or “not well”."
ON_HOLD = ("Your session at {when} is on hold: your safety check has expired or needs redoing after a "
           "health change. Take it again to continue.")
CLOSED = "That reminder is no longer open, so nothing changed."
SORE = ("Some muscle soreness after a session is normal, and it usually eases in a day or two. If it's sharp pain, in your "
        "back or a joint, or it doesn't ease, tell me.")
DONE, SNOOZED, SKIPPED = ("💪 Nice work! Session recorded as done.", "😴 Okay, I'll remind you again in {delay}.",
                          "Skipped today. See you next session.")


# ordinary soreness told in only these words ("hammies are sore af", "legs are jelly now lol"): after a session done, no
# concern; pain, a joint, the back or anything else told keeps the safety reading ("my back is sore", "sharp pain")
_SORE = frozenset("sore soreness achy aching stiff doms burning burn jelly wrecked cooked fried toast pumped".split())
_SORE_PART = frozenset("hammies hams hamstring hamstrings glutes glute butt bum booty arse ass cheeks legs leg quads calves "
                       "muscles everything".split())
_SORE_BESIDE = frozenset("my the are is its it so af really real super a bit little kinda kind of pretty proper well lol haha "
                         "lmao now today tho though but good way feel feels feeling im i am all very totally bloody damn "
                         "dead ngl tbh oh man bro and that was worth".split())
# soreness from training told at an open check-in ("so sore from legs day, tomorrow?"): its cause and when it asks to train
_SORE_CAUSE = frozenset("from after since yesterday yesterdays last night week day days gym workout workouts training session "
                        "sessions run running lifting squats deadlifts legday".split())
_SORE_WHEN = frozenset("tomorrow tmrw tonight later today instead maybe still".split())
_LETTERS = re.compile(r"[a-z']+")
# the session's numbers asked at its check-in ("ok and how many reps", "how long do i rest", "what weight")
_NUMBERS = re.compile(r"\b(?:how\s+many\s+(?:sets|reps|repetitions|rounds)|how\s+(?:long|much)\s+(?:(?:do|should|shall|can)\s+i\s+)?"
                      r"rest|(?:what|which|how\s+much)\s+(?:weight|load)|how\s+heavy|sets\s+and\s+reps|reps\s+and\s+sets"
                      r"|(?:what|which)\s+(?:sets|reps))\b")
SORE_AFTER = timedelta(hours=12)  # how long after a session done its soreness is expected
# a bare yes or no: the reminder asks both "did you do it?" and "feeling unwell?", so it answers neither
_BARE_YES_NO = re.compile(r"^\W*(?:y|yes|yess|yeah|yea|yep|yup|ya|ok|okay|k|sure|no|nope|nah|n|not really)\W*$")
# the session told as done before anything else ("done! but my back hurts", "did it, my knee hurts now")
_DONE_FIRST = re.compile(r"^\W*(?:(?:ok|okay|yes|yeah|yep)\W+)?(?:i\s+)?(?:just\s+)?(?:done|did it|did them|did my \w+|did the \w+"
                         r"|finished|completed)\b")


def ordinary_soreness(text: str) -> bool:
    """Whether a message tells only muscle soreness ("hammies are sore af"), nothing else of the body."""
    words = [w.replace("'", "") for w in _LETTERS.findall(text.lower())]
    return bool(words) and not _SORE.isdisjoint(words) and all(w in _SORE | _SORE_PART | _SORE_BESIDE for w in words)


def training_soreness(text: str) -> bool:
    """Whether a message tells only muscle soreness from training, with its cause ("so sore from legs day, tomorrow?",
    "legs still sore from yesterday"), and perhaps when to train instead; never pain, a joint or the back."""
    words = [w.replace("'", "") for w in _LETTERS.findall(text.lower())]
    allowed = _SORE | _SORE_PART | _SORE_BESIDE | _SORE_CAUSE | _SORE_WHEN
    return not _SORE.isdisjoint(words) and ("from" in words or "after" in words) and all(w in allowed for w in words)


class Step(Enum):
    """Where a check-in stands."""

    OPEN = "open"  # the reminder's four buttons
    UNWELL = "unwell"  # not feeling well: is it new back or leg pain?


class Reminders:
    """Builds reminder messages and runs their check-in."""

    name = DIALOGUE

    def __init__(self, kb: KnowledgeBase, store: SchedulerStore, screening: ScreeningFlow, dialogues: Dialogues,
                 words: UnderstandingWords, clock: Callable[[], datetime]) -> None:
        self.kb = kb
        self.store = store
        self.screening = screening
        self.dialogues = dialogues
        self.words = words  # the understanding layer's check-in replies, and yes / no for the pain question
        self.clock = clock

    def compose(self, due: Due) -> Reply:
        """The message for a due reminder with a new check-in run (or a hold notice when the safety
        check is not valid)."""
        plan = due.plan
        zone = plan.zone if plan else "UTC"
        if not self.screening.status(due.user_id).allows_planning:
            return Reply(ON_HOLD.format(when=t.format_when(due.at, zone)), buttons=((START,),))
        goal = plan.goal if plan else "strength"
        text = t.format_reminder(due.at, zone, goal, self.kb.prescriptions.get(goal), self.kb.warm_up_cue,
                                 due.late, due.snoozed)
        state = self.dialogues.begin(due.user_id, DIALOGUE, Step.OPEN, {"occurrence": due.occurrence_id}, side=True)
        return Reply(text, buttons=self._buttons(state))

    def ask(self, state: State) -> Reply:
        """The check-in's pending question."""
        if state.step == Step.UNWELL.value:
            return Reply(UNWELL, buttons=self._buttons(state))
        return Reply("How did your session go?", buttons=self._buttons(state))

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """A check-in button of this run and step."""
        return self._act(state, self._occurrence(state), tap.action, edit=True)

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """A typed check-in ("done", "skip today", ...; "yes"/"no" to the pain question); None when
        the words are not one, or the session is long past."""
        occurrence = self._typed_for(state)
        if occurrence is None:
            return None
        if state.step == Step.UNWELL.value:
            action = {"yes": "pain", "no": "nopain"}.get(self.words.answer(text) or "")
            return self._act(state, occurrence, action, edit=False) if action else None
        if _BARE_YES_NO.match(text.lower()):
            return [Reply(WHICH, buttons=self._buttons(state))]
        action = self.words.checkin(text)
        if action == "unwell" and _DONE_FIRST.match(text.lower()):  # "done! but my back hurts a bit now"
            action = "done_unwell"
        elif action == "unwell" and training_soreness(text):  # "so sore from legs day, tomorrow?": a rest day, no concern
            action = "skip"
        return self._act(state, occurrence, action, edit=False) if action else None

    def delay(self, user_id: int, text: str) -> list[Reply] | None:
        """A delay asked at an open check-in ("stuck at work, can we push it like 20 min"): the session is snoozed by
        that long (within SNOOZE_RANGE), before any reader takes "push it" for a change to a plan; None otherwise."""
        delay = read_delay(text)  # the words first: most messages name no delay, and then no check-in is looked up
        state = self.dialogues.current(user_id, DIALOGUE) if delay is not None else None
        if delay is None or state is None or state.step != Step.OPEN.value or self.words.checkin(text) in ("done", "unwell"):
            return None
        occurrence = self._typed_for(state)
        if occurrence is None:
            return None
        return self._act(state, occurrence, "snooze", edit=False, delay=min(max(delay, SNOOZE_RANGE[0]), SNOOZE_RANGE[1]))

    def proposed(self, user_id: int, text: str) -> list[Reply] | None:
        """A reply at an open check-in that asks for another time after what it tells ("so sore from legs day, tomorrow?",
        "stuck at work, later?"): the check-in's answer (a skip, a snooze), before planning reads "tomorrow" as a day to
        skip; None for anything else."""
        if PROPOSED_TIME.search(text) is None:  # the words first: most messages ask for no other time
            return None
        state = self.dialogues.current(user_id, DIALOGUE)
        return self.on_text(state, text) if state is not None and state.step == Step.OPEN.value else None

    def numbers(self, user_id: int, text: str) -> list[Reply] | None:
        """The session's sets, reps, load and rest asked at its open check-in ("ok and how many reps"): its plan's goal's,
        the check-in left open; None for anything else, and for a question naming a goal ("how many reps for endurance")."""
        if not _NUMBERS.search(text.lower()):  # the words first: most messages ask none, and then no check-in is looked up
            return None
        state = self.dialogues.current(user_id, DIALOGUE)
        occurrence = self._typed_for(state) if state is not None and state.step == Step.OPEN.value else None
        plan = self.store.load_plan(occurrence.plan_id) if occurrence is not None else None
        found = self.kb.prescriptions.get(plan.goal) if plan is not None and self.words.goal(text) is None else None
        if plan is None or found is None:
            return None
        return [Reply(f"For this session ({t.format_goal(plan.goal)}): {t.format_prescription(found)}.")]

    def not_told(self, user_id: int, text: str) -> str:
        """The words of a message told as a concern: none for ordinary soreness told within SORE_AFTER of a session marked
        done ("did it!" then "hammies are sore af"), nor for soreness from training told at an open check-in ("so sore
        from legs day, tomorrow?"); all of them otherwise (the check-in's unwell reading stays as it is)."""
        if self._sore_after_a_session(user_id, text) or training_soreness(text) and self._open_checkin(user_id):
            return ""
        return text

    def _open_checkin(self, user_id: int) -> bool:
        """Whether the user has a check-in open that typed words still answer."""
        state = self.dialogues.current(user_id, DIALOGUE)
        return state is not None and state.step == Step.OPEN.value and self._typed_for(state) is not None

    def soreness(self, user_id: int, text: str) -> list[Reply] | None:
        """Ordinary soreness told right after a session done: expected, said so (with when to tell more); None otherwise."""
        return [Reply(SORE)] if self._sore_after_a_session(user_id, text) else None

    def _sore_after_a_session(self, user_id: int, text: str) -> bool:
        """Whether a message tells only ordinary soreness within SORE_AFTER of a session marked done."""
        if not ordinary_soreness(text):  # the words first: most messages tell none, and then no session is looked up
            return False
        done = self.store.last_done_at(user_id)
        return done is not None and abs(self.clock() - done) <= SORE_AFTER

    def cancel(self, state: State) -> list[Reply]:
        """Leave the check-in; nothing more is recorded."""
        self.dialogues.end(state.user_id, DIALOGUE)
        return [Reply("Okay, nothing recorded.")]

    def _act(self, state: State, occurrence: Occurrence | None, action: str, edit: bool,
             delay: timedelta = SNOOZE) -> list[Reply]:
        """Record what the user answered at the check-in's step about the reminded `occurrence`."""
        if occurrence is None:
            self.dialogues.end(state.user_id, DIALOGUE)
            return [Reply(CLOSED)]
        if state.step == Step.UNWELL.value:
            return self._pain(state, action == "pain", edit)
        if occurrence.status not in OPEN_STATUSES:
            self.dialogues.end(state.user_id, DIALOGUE)
            return [Reply(f"Already recorded as {occurrence.status}. Nothing changed.")]
        return self._record(state, occurrence, action, edit, delay)

    def _record(self, state: State, occurrence: Occurrence, action: str, edit: bool, delay: timedelta) -> list[Reply]:
        """Done, snoozed or skipped on the session's row; not feeling well asks about pain."""
        now = self.clock()
        status = {"done": "done", "skip": "skipped", "snooze": "snoozed", "unwell": "skipped", "done_unwell": "done"}.get(action)
        if status is None:
            return [Reply(CLOSED)]
        self.store.set_status(occurrence.id, status, now, snooze_until=now + delay if action == "snooze" else None)
        if action in ("unwell", "done_unwell") and not self.screening.status(state.user_id).allows_planning:
            self.dialogues.end(state.user_id, DIALOGUE)  # the concern told already voided the check: nothing to ask
            return [Reply(REST_DAY if action == "unwell" else DONE, edit=edit)]
        if action in ("unwell", "done_unwell"):
            moved = self.dialogues.go(state, Step.UNWELL)
            return [Reply(UNWELL if action == "unwell" else DONE_BUT_PAIN, buttons=self._buttons(moved), edit=edit)]
        self.dialogues.end(state.user_id, DIALOGUE)
        text = {"done": DONE, "snooze": SNOOZED.format(delay=format_delay(delay)), "skip": SKIPPED}[action]
        return [Reply(text, edit=edit)]

    def _pain(self, state: State, pain: bool, edit: bool) -> list[Reply]:
        """New back or leg pain holds the plan until the safety check is redone."""
        self.dialogues.end(state.user_id, DIALOGUE)
        if pain:
            self.screening.request_redo(state.user_id)
            return [Reply(PAIN, buttons=((START,),), edit=edit)]
        return [Reply(NO_PAIN, edit=edit)]

    def _typed_for(self, state: State) -> Occurrence | None:
        """The reminded session, while typed words still answer its check-in (TYPED_FOR after its time)."""
        occurrence = self._occurrence(state)
        return occurrence if occurrence is not None and self.clock() <= occurrence.at + TYPED_FOR else None

    def _occurrence(self, state: State) -> Occurrence | None:
        """The reminded session the check-in is about, if it is still the user's."""
        occurrence = self.store.load_occurrence(int(state.data.get("occurrence") or 0))
        return occurrence if occurrence is not None and occurrence.user_id == state.user_id else None

    def _buttons(self, state: State) -> tuple[tuple[Button, ...], ...]:
        """The buttons of the check-in's step, of this run."""
        if state.step == Step.UNWELL.value:
            return ((button(state, "Yes, back or leg pain", "pain"), button(state, "No", "nopain")),)
        return ((button(state, "✅ Done", "done"), button(state, "😴 Snooze 15 min", "snooze")),
                (button(state, "⏭ Skip today", "skip"), button(state, "🤒 Not feeling well", "unwell")))
