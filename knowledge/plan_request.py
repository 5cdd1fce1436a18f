"""A request about stored plans ("skip tomorrow", "change my monday plan to 8am"): what it asks to do and which plan
or session it names (its slots: knowledge.plan_slots)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class PlanAction(Enum):
    """What a request about stored plans asks to do."""

    SKIP = "skip"  # one session
    CANCEL = "cancel"  # a plan (after a confirmation)
    EDIT = "edit"  # a plan


@dataclass(frozen=True)
class PlanRequest:
    """A request about stored plans and its slots: which plan or session (nothing named: "the plan")."""

    action: PlanAction
    day: str | None = None  # "today", "tomorrow", a weekday index "0".."6" or a date "date:MONTH:DAY" (month 0: any)
    nth: int | None = None  # 0-based position in the list shown (-1: the last one)
    next_one: bool = False
    every: bool = False  # "all my plans"
    rest: str = ""  # what an edit changes ("to 8am" -> "8am")
    time: str | None = None  # "HH:MM": "the 7am one"
    part: str | None = None  # a part of the day: "my evening plan"
    goal: str | None = None  # "the strength plan"
    sure: bool = True  # False: a skip read with less than its acting odds, offered with a question first
    loose: bool = False  # read by its words alone (knowledge.plan_edits), not the reader: acts only on a plan it fits

    @property
    def named(self) -> bool:
        """Whether it names which plan or session (not just "the plan")."""
        return self.day is not None or self.nth is not None or self.next_one or self.every or self.described

    @property
    def described(self) -> bool:
        """Whether it names a plan or session by its time, part of the day or goal."""
        return self.time is not None or self.part is not None or self.goal is not None
