"""Questions about the user's own plans rather than the exercise, answered from what is stored: "did it save?",
"what was my goal again", "how many sessions have i done"."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.messages import Reply
from bot.features.planning import texts as t
from scheduler.store import SchedulerStore

_SAVED = re.compile(r"\b(?:did|has|have|was|is|are)\s+(?:it|that|this|my plans?|the plans?|everything|my reminders?|the reminders?)"
                    r"\s+(?:got\s+|get\s+|been\s+|all\s+)?(?:sav(?:e|ed)|stored|go(?:ne)? through|went through)\b")
_GOAL = re.compile(r"\b(?:what(?:'?s| is| was)|whats|wat|which(?:'?s| is| was)?)\s+(?:is\s+|was\s+)?my\s+goal\b"
                   r"|\bmy\s+goal\s+again\b|\bwhich\s+goal\s+(?:did|have)\s+i\b")
_DONE = re.compile(r"\bhow\s+many\s+(?:sessions|workouts|times|trainings)\b[^?]*\b(?:have i|did i|i've|ive|i have)\s+"
                   r"(?:done|did|completed|finished|trained|made)\b|\bhow\s+many\s+(?:have i|did i)\s+(?:done|do|did)\b")
NOT_SAVED_YET = "Not yet: it's saved when you tap ✅ Save (or say yes)."
NO_PLAN = "No plan is saved yet: /plan makes one."


class OwnState:
    """Answers about the user's own plans, goal and sessions done."""

    def __init__(self, store: SchedulerStore, drafting: Callable[[int], bool],
                 sessions: Callable[[int], list[Reply]]) -> None:
        self.store = store
        self.drafting = drafting  # whether a plan is being made (not saved yet)
        self.sessions = sessions

    def on_text(self, user_id: int, text: str) -> list[Reply] | None:
        """The answer to a question about the user's plans, goal or sessions done; None for any other message."""
        lowered = text.lower()
        if _SAVED.search(lowered):
            return self._saved(user_id)
        if _GOAL.search(lowered):
            goal = self.store.load_profile(user_id).goal
            said = f"Your goal is {t.format_goal(goal)}" if goal in t.GOALS else "You haven't set a goal yet"
            return [Reply(f"{said}: each reminder carries its sets and reps. /settings changes it.")]
        if _DONE.search(lowered):
            done = self.store.count_done(user_id)
            return [Reply(f"You've marked {done} session{'' if done == 1 else 's'} done so far (by ✅ Done at a "
                          "reminder, or by telling me). Keep it up!" if done else
                          "None marked done yet: tap ✅ Done (or tell me) when a reminder comes after you train.")]
        return None

    def _saved(self, user_id: int) -> list[Reply]:
        """Whether the plan was saved: the plans when so."""
        if self.drafting(user_id):
            return [Reply(NOT_SAVED_YET)]
        if not self.store.count_plans(user_id):
            return [Reply(NO_PLAN)]
        return [Reply("✅ Yes, it's saved."), *self.sessions(user_id)]
