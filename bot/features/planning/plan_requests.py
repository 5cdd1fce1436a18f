"""Requests about stored plans typed in words: skip a session ("skip tomorrow", "skip thursday's",
"skip the next one"), cancel a plan ("cancel the plan", "delete my monday plan", "cancel all my
plans") or edit one ("edit the first one", "change my monday plan to 8am").

Read narrowly on purpose: a verb first and a plan or session named after it, so a schedule ("thu
6pm"), a goal change ("change the goal to endurance") or a check-in's "skip" are never taken."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Action(Enum):
    """What the user asks to do to their plans."""

    SKIP = "skip"
    CANCEL = "cancel"
    EDIT = "edit"


@dataclass(frozen=True)
class PlanRequest:
    """A request about stored plans and which of them it names (nothing named: "the plan")."""

    action: Action
    day: str | None = None  # "today", "tomorrow" or a weekday index "0".."6"
    nth: int | None = None  # 0-based position in the list shown (-1: the last one)
    next_one: bool = False
    every: bool = False  # "all my plans"
    rest: str = ""  # what an edit changes ("to 8am" -> "8am")

    @property
    def named(self) -> bool:
        """Whether it names which plan or session (not just "the plan")."""
        return self.day is not None or self.nth is not None or self.next_one or self.every


_LEAD = r"^\s*(?:(?:please|ok|okay|can you|could you|i want to|i'd like to|id like to|i need to|let's|lets)\s+)*"
_VERB = re.compile(_LEAD + r"(skip|cancel|delete|remove|drop|edit|change|move|reschedule)\b(.*)$", re.IGNORECASE)
_VERBS = {"skip": Action.SKIP, "cancel": Action.CANCEL, "delete": Action.CANCEL, "remove": Action.CANCEL,
          "drop": Action.CANCEL, "edit": Action.EDIT, "change": Action.EDIT, "move": Action.EDIT,
          "reschedule": Action.EDIT}
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun"
_DAY = re.compile(r"\b(today|tonight|tomorrow|tmrw|" + _WEEKDAY + r")(?:'?s)?\b", re.IGNORECASE)
_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
             "fifth": 4, "5th": 4, "last": -1}
_NTH = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b", re.IGNORECASE)
_PLAN = re.compile(r"\bplans?\b", re.IGNORECASE)
_SESSION = re.compile(r"\b(sessions?|workouts?|training|one|reminders?)\b", re.IGNORECASE)
_ALL = re.compile(r"\b(all|every|both)\b", re.IGNORECASE)
_NEXT = re.compile(r"\bnext\b", re.IGNORECASE)
_ANY_ONE = re.compile(r"(?:(?:a|one|a single)(?: (?:session|workout))?)?", re.IGNORECASE)  # "skip", "skip one"
_TO = re.compile(r"\b(?:to|for|at)\b\s*(.+)$", re.IGNORECASE)


def read_plan_request(text: str) -> PlanRequest | None:
    """The request a message makes about stored plans, or None when it makes none."""
    match = _VERB.match(text.strip().rstrip(".!"))
    if match is None:
        return None
    action, words = _VERBS[match.group(1).lower()], match.group(2)
    head, rest = _split_rest(words) if action is Action.EDIT else (words, "")
    day, nth = _day(head), _nth(head)
    plan, session, every = bool(_PLAN.search(head)), bool(_SESSION.search(head)), bool(_ALL.search(head))
    next_one = bool(_NEXT.search(head))
    if action is Action.CANCEL and session and not plan and (day or next_one or nth is not None):
        action = Action.SKIP  # "cancel tomorrow's session" skips one session
    if action is Action.SKIP and not (day or next_one or nth is not None):
        return PlanRequest(action) if _ANY_ONE.fullmatch(head.strip()) else None  # "skip this", "skip the check": not ours
    if action is not Action.SKIP and not plan and not (session and nth is not None):
        return None  # "change the goal to endurance", "cancel that"
    return PlanRequest(action, day, nth, next_one, every and action is Action.CANCEL, rest)


def _split_rest(words: str) -> tuple[str, str]:
    """"my monday plan to 8am" -> ("my monday plan", "8am")."""
    found = _TO.search(words)
    return (words[:found.start()], found.group(1).strip()) if found else (words, "")


def _day(words: str) -> str | None:
    """The day named: "today", "tomorrow" or a weekday index as text."""
    found = _DAY.search(words)
    if found is None:
        return None
    word = found.group(1).lower()
    if word in ("today", "tonight"):
        return "today"
    if word in ("tomorrow", "tmrw"):
        return "tomorrow"
    return str(_DAYS.index(word[:3]))


def _nth(words: str) -> int | None:
    """The position named ("the first one", "the last"), 0-based (-1 for the last)."""
    found = _NTH.search(words)
    return _ORDINALS[found.group(1).lower()] if found else None
