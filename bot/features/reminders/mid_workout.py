"""One-liners typed mid-workout (tester s31): a set told done ("done w set 2", "set 3 done", "thats my 2nd set") gets what
is left of the session the user planned, never the whole session recorded as done; one more set asked about ("1 more set
or stop", "should i do another set") gets how to judge it from the articles' guidance and the plan's sets; "next?" and a
bare "rest?" while a reminded session is on get that session's numbers, never the sessions list or a planning flow."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.core.messages import Reply
from bot.features.planning import texts as t
from knowledge.model import Prescription
from scheduler.store import SchedulerStore

_N = r"(?:\d|one|two|three|four|five|six|first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)"
_NUMBERS = {"one": 1, "first": 1, "two": 2, "second": 2, "three": 3, "third": 3, "four": 4, "fourth": 4, "five": 5,
            "fifth": 5, "six": 6, "sixth": 6}
_NUMBER = re.compile(r"\b(?:\d|one|two|three|four|five|six|first|second|third|fourth|fifth|sixth)")
_THE_SET = rf"(?:my\s+|the\s+)?(?:set\s+(?:no\.?\s*|number\s+|#)?{_N}|{_N}(?:st|nd|rd|th)?\s+set)"
# "done w set 2", "finished my second set", "set 3 done", "thats set 2", "2 sets down": one set of the session told done
SET_DONE = re.compile(rf"^\W*(?:(?:ok|okay|k|so|and|right)\W+)?(?:(?:i\W*m|im|i\s+am|just)\s+)?(?:(?:done|finished|through|"
                      rf"did|completed|knocked\s+out)\s+(?:with\s+|w/?\s*|wit\s+)?{_THE_SET}|{_THE_SET}\s+(?:done|finished|"
                      rf"complete|completed|down|over|in\s+the\s+bag)|{_N}\s+sets?\s+down|(?:that'?s|thats|there'?s)\s+{_THE_SET})\b")
# "1 more set or stop", "one more set?", "should i do another set", "keep going or stop": one more set, asked
_MORE = re.compile(r"\b(?:(?:1|one)\s+more|another|an\s+extra|extra)\s+(?:set|round)\b|\bmore\s+sets?\s+or\b"
                   r"|\b(?:keep\s+going|go\s+on|continue)\s+or\s+(?:stop|call\s+it|quit)\b|\bstop\s+or\s+(?:keep\s+going|go\s+on)\b")
_ASKED = re.compile(r"\?|\bor\b|^\W*(?:should|shall|can|could|do|is|would|worth)\b")
# "next?", "whats next", "now what": the next thing of the session on; "rest?", "how long rest": its rest
_NEXT = re.compile(r"^\W*(?:(?:ok|okay|k|so|and|right)\W+)?(?:next|what'?s\s+next|whats\s+next|wat\s+next|now\s+what"
                   r"|what\s+now|then\s+what|what\s+do\s+i\s+do\s+(?:next|now))\W*$")
_REST = re.compile(r"^\W*(?:(?:ok|okay|k|so|and)\W+)?(?:rest|rest\s+time|rest\s+now"
                   r"|rest\s+(?:now|how\s+long))\W*$")
ON_FOR = timedelta(hours=3)  # a session reminded this recently, not answered yet, is the one being done
CONTROL = ("one more is fine while every rep stays slow and controlled, your lower back stays still and the load is well short "
           "of your max (Reverse Hypers); if your form slips or anything hurts, stop there")
ENDING = "After the last rep, lower the weight to the start under control, then tell me “done” (or tap ✅ Done)."
NO_PLAN = ("It depends on your goal: ask “sets and reps for strength” (or size, endurance, mobility), or /plan sets one up "
           "and each reminder carries its numbers.")


class MidWorkout:
    """The reader of one-liners typed in the middle of a session, for any number of users."""

    def __init__(self, store: SchedulerStore, prescriptions: dict[str, Prescription], clock: Callable[[], datetime],
                 busy: Callable[[int], bool], concern: Callable[[str], bool]) -> None:
        self.store, self.prescriptions, self.clock = store, prescriptions, clock
        self.busy = busy  # the user is in a dialogue (the safety check, planning): its step reads the message
        self.concern = concern  # the message tells a health concern: the safety reading answers it, not this

    def on_text(self, user_id: int, text: str) -> list[Reply] | None:
        """The short answer to a mid-workout one-liner; None for any other message."""
        lowered = text.lower().strip()
        told = SET_DONE.search(lowered)
        asked_more = _MORE.search(lowered) is not None and _ASKED.search(lowered) is not None
        session = _NEXT.match(lowered) is not None or _REST.match(lowered) is not None
        if not (told or asked_more or session) or self.busy(user_id) or self.concern(text):
            return None
        if session:
            return self._session_on(user_id, rest=_REST.match(lowered) is not None)
        found = self._prescription(user_id)
        if found is None:
            return [Reply(f"{'Nice set! ' if told else ''}{NO_PLAN}")]
        if told:
            return [Reply(self._after_set(_set_number(told.group(0)), found))]
        return [Reply(f"Your plan ({t.format_goal(found.goal)}) is {found.sets} sets of {found.reps}. Short of "
                      f"{_range(found.sets)[1]} sets, {CONTROL}. {ENDING}")]

    def _session_on(self, user_id: int, rest: bool) -> list[Reply] | None:
        """The numbers of the session reminded in the last ON_FOR and not answered yet; None with none on."""
        on = self.store.latest_reminded(user_id, self.clock() - ON_FOR)
        plan = self.store.load_plan(on.plan_id) if on is not None else None
        found = self.prescriptions.get(plan.goal) if plan is not None else None
        if found is None:
            return None
        if rest:
            return [Reply(f"Rest {found.rest} between sets ({t.format_goal(found.goal)}).")]
        return [Reply(f"This session ({t.format_goal(found.goal)}): {t.format_prescription(found)}. Tell me each set as you "
                      "finish it (“done w set 1”) and I'll say what's left.")]

    def _prescription(self, user_id: int) -> Prescription | None:
        """The numbers of the session on, else of the user's goal, else of their first plan's goal."""
        on = self.store.latest_reminded(user_id, self.clock() - ON_FOR)
        plan = self.store.load_plan(on.plan_id) if on is not None else None
        plans = self.store.load_plans(user_id) if plan is None else [plan]
        goal = plan.goal if plan is not None else self.store.load_profile(user_id).goal or (plans[0].goal if plans else None)
        return self.prescriptions.get(goal) if goal else None

    @staticmethod
    def _after_set(done: int, found: Prescription) -> str:
        """What is left after set `done` of the session's sets ("3–4")."""
        low, high = _range(found.sets)
        goal = t.format_goal(found.goal)
        if done < low:
            return f"Set {done} done 💪 Next: set {done + 1} of {found.sets}, {found.reps} reps ({goal}). Rest: {found.rest}."
        if done < high:
            return f"Set {done} done 💪 That's the {low} your plan ({goal}) asks at least; {CONTROL}. {ENDING}"
        return f"Set {done} done: that's all {high} sets for {goal} 💪 {ENDING}"


def _set_number(said: str) -> int:
    """The number of the set told done ("set 2", "second set", "2nd set")."""
    word = _NUMBER.search(said)
    return int(word.group(0)) if word and word.group(0).isdigit() else _NUMBERS.get(word.group(0) if word else "", 1)


def _range(sets: str) -> tuple[int, int]:
    """The least and most sets of a prescription's "3–4" (one figure: both)."""
    figures = [int(n) for n in re.findall(r"\d+", sets)] or [1]
    return figures[0], figures[-1]
