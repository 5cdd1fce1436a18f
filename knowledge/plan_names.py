"""How a request about plans names a plan or session besides its day: its place in the list ("the first one", "plan
b"), "next", "all", its clock time ("the 7am one"), its part of the day ("my evening plan") and its goal in the words
people call it ("the weights plan"); and goals named that the articles plan nothing for ("fat loss")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from knowledge.plan_days import DAY
from knowledge.plan_request import PlanAction, PlanRequest

GOALS = ("strength", "hypertrophy", "endurance", "mobility")
ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
            "fifth": 4, "5th": 4, "last": -1}
NTH = re.compile(r"\b(" + "|".join(ORDINALS) + r")\b", re.IGNORECASE)
ALL = re.compile(r"\b(all|every(?!\s+(?:mon|tue|wed|thu|fri|sat|sun|day|week|other|\d))|both|everything)\b",
                 re.IGNORECASE)  # "every monday": days
NEXT = re.compile(r"\b(?:next|nxt)\b", re.IGNORECASE)
THIS_ONE = re.compile(r"\bthis (?:one|session|workout)\b", re.IGNORECASE)  # "can we skip this one": the next session
CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b|\b(\d{1,2})[:.](\d{2})\b", re.IGNORECASE)
_PARTS = {"morning": "morning", "mornings": "morning", "lunch": "lunch", "lunchtime": "lunch", "noon": "lunch",
          "afternoon": "afternoon", "afternoons": "afternoon", "evening": "evening", "evenings": "evening",
          "night": "evening", "nights": "evening"}
PART = re.compile(r"\b(" + "|".join(_PARTS) + r")\b", re.IGNORECASE)
_EARLY_OR_LATE = re.compile(r"\b(early|late)\s+(?:morning\s+|evening\s+)?(?:ones?|sessions?|workouts?|plans?|training)\b",
                            re.IGNORECASE)  # "the early one", "my early workouts": a plan named by its part of the day
NAMING = re.compile(r"\b(?:the|my|a|an|and|this|that|these|those|our|your|please|pls|plz|on|at|in|of|midday|noon|midnight"
                    r"|o'?clock)\b", re.IGNORECASE)  # with the slots' words: a plan's or a schedule's name


# a plan named by its goal, in the words people call it ("the weights plan", "my lifting", "the rehab one")
GOAL_WORDS = {g: g for g in GOALS} | {"weights": "strength", "lifting": "strength", "rehab": "mobility", "prehab": "mobility",
                                      "cardio": "endurance", "muscle building": "hypertrophy", "muscle growth": "hypertrophy",
                                      "bodybuilding": "hypertrophy",
                                      "stretch": "mobility", "stretches": "mobility", "stretching": "mobility"}
GOAL = re.compile(r"\b(" + "|".join(GOAL_WORDS) + r")\b", re.IGNORECASE)
_HOURS = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
SPOKEN = re.compile(r"\b(?:half|quarter)\s*-?\s*(?:past|to|after|til)?\s*" + _HOURS + r"\b"
                    r"|\b" + _HOURS + r"\s+(?:thirty|fifteen|forty[\s-]?five|o'?clock)\b",
                    re.IGNORECASE)  # "halfpast six", "half 6", "six thirty"
TIME_SAID = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b)?")  # "7:30", "7", "6pm"


# Goals people name that the articles plan nothing for (the goals reader maps the ones they back:
# "toning", "a bigger butt" are muscle growth, "rehab" mobility): said back as one of ours is not.
_UNPLANNED_GOALS = {"fat loss": re.compile(r"\b(?:fat|weight)[\s-]*loss\b|\b(?:lose|losing|burn|burning|shed|shedding|drop)"
                                          r"(?:\s+(?:some|the|my|a|of))*(?:\s+\w+)?\s+(?:fat|weight|pounds|kilos|lbs|kg)\b"
                                          r"|\bslim(?:ming)?(?:\s+down)?\b", re.IGNORECASE)}


def unplanned_goal(typed: str) -> str | None:
    """A training goal named that is none of ours and that the articles plan nothing for ("fat loss",
    "i want to lose weight"), as it is said back; None for none."""
    return next((name for name, said in _UNPLANNED_GOALS.items() if said.search(typed)), None)


# a plan called by its place in the list as a letter or number ("plan b", "plan A", "plan 2"), not "plan a session"
_LETTERED = re.compile(r"\bplan\s+(?:([abc])\b(?!\s+(?:new|session|workout|few|couple|reminder|time|day|week|plan|bit|little"
                       r"|good|short|long|quick|rest|break|trip|holiday|visit|call|run|walk)\b)|#?([1-9])\b(?![:.]\d|\s*(?:[ap]\.?m\b|[ap]\b"
                       r"|o'?clock|h\b|hours?|hrs?|minutes?|mins?|times?|x\b|days?|weeks?|sets?|reps?)))", re.IGNORECASE)


def lettered(action: PlanAction, head: str) -> int | None:
    """The place in the list of a plan a cancel or edit calls "plan b" or "plan 2" (0-based); a skip's place is
    a session's."""
    found = _LETTERED.search(head) if action is not PlanAction.SKIP else None
    if found is None:
        return None
    return "abc".index(found.group(1).lower()) if found.group(1) else int(found.group(2)) - 1


BOTH_NAMED = re.compile(r"\bboth\b(?:\s+(?:of\s+)?(?:the|my))?\s+\w+(?:\s+\w+)?\s+(?:and|&|\+)\s+\w+", re.IGNORECASE)


def part_named(words: str) -> str | None:
    """The part of the day named ("my evening plan"; "the early one" is the morning's, "the late one" the evening's)."""
    part, early = PART.search(words), _EARLY_OR_LATE.search(words)
    if part:
        return _PARTS[part.group(1).lower()]
    return ("morning" if early.group(1).lower() == "early" else "evening") if early else None


_NEW_GOAL = re.compile(r"\b(?:make it|make it an?|into|to|be|and)\s+(?:an?\s+)?(?:" + "|".join(GOAL_WORDS) + r")\b", re.IGNORECASE)


def names_a_change(rest: str) -> bool:
    """Whether what an edit changes names a day, a time or a goal ("8 instead", "endurance")."""
    return any(said.search(rest) for said in (DAY, TIME_SAID, SPOKEN, GOAL))


def naming_goal(rest: str) -> re.Match[str] | None:
    """A goal said beside new days or a time ("endurance sunday at 10am instead") names the plan; one the change
    makes ("9 and make it endurance") is the new goal."""
    if _NEW_GOAL.search(rest):
        return None
    return GOAL.search(rest) if GOAL.sub("", rest).strip() and names_a_change(GOAL.sub("", rest)) else None


def clock_named(words: str) -> str | None:
    """The clock time named ("the 7am one", "my 18:30 plan") as "HH:MM", if any."""
    found = CLOCK.search(words)
    if found is None:
        return None
    hour, minute, half = found.group(1) or found.group(4), found.group(2) or found.group(5) or "0", found.group(3)
    hour_n = int(hour) % 12 + (12 if half and half.lower() == "p" else 0) if half else int(hour)
    return f"{hour_n:02d}:{int(minute):02d}" if hour_n < 24 and int(minute) < 60 else None


def spelt_goal(request: PlanRequest, words: Sequence[str], typed: str) -> PlanRequest:
    """A cancel or skip with the goal its words name as spelt ("cancel plan for hypertrofy": hypertrophy) when the
    words as typed name none; an edit's goal is what it changes, and "both the gym plan and the rehab" names two plans."""
    described = request.goal is not None or request.action is PlanAction.EDIT or request.every and BOTH_NAMED.search(typed)
    goal = None if described else GOAL.search(" ".join(words))
    return replace(request, goal=GOAL_WORDS[goal.group(1)]) if goal else request
