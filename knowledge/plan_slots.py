"""The slots of a request about plans, read from the words as typed (the reader "plans" of knowledge.intents says
whether it is one): which plan or session it names (knowledge.plan_days, knowledge.plan_names) and what an edit
changes after "to" ("my monday plan to 8am" -> "8am"); None when it names nothing to act on or only asks."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.plan_days import DAY, date_named, day_named
from knowledge.plan_names import (
    ALL,
    BOTH_NAMED,
    CLOCK,
    GOAL,
    GOAL_WORDS,
    NAMING,
    NEXT,
    NTH,
    ORDINALS,
    PART,
    SPOKEN,
    THIS_ONE,
    TIME_SAID,
    clock_named,
    lettered,
    names_a_change,
    naming_goal,
    part_named,
)
from knowledge.plan_request import PlanAction, PlanRequest
from knowledge.relative_changes import day_change, time_shift

_A_LETTER = re.compile(r"[a-z]", re.IGNORECASE)
_TO = re.compile(r"\b(?:(?<!quarter )(?<!half )(?<!\bten )(?<!twenty )(?<!\bfive )(?<!like )(?<!want )(?<!need )(?<!have )to"
                 r"|for|at|be(?!\s+(?:at|to|for)\b))\b\s*(.+)$",
                 re.IGNORECASE)  # the change after "to", not "quarter to 7" nor "i would like to change ..."
_NAMED_THEN = re.compile(r"\b(?:ones?|plans?(?:\s+(?:[abc]|[1-9])\b)?|sessions?|workouts?|it)\b\s+(?![abc]\W*$)(.+)$",
                         re.IGNORECASE)  # "make the 7am one 8am", "make plan b twice a week" (not "... on plan a": its letter)


# days said after the plan's name and before its new time ("make the mobility one every weekend day at 9.30")
_DAYS_AFTER_NAME = re.compile(r"\b(?:one|plan|thing|sessions?|workouts?)\s+((?:every|on|to)\s+(?:\w+\s+){0,3}?"
                              r"(?:week(?:end|day)s?(?:\s+days?)?|(?:mon|tue|wed|thu|fri|sat|sun)\w*)\b.*)$", re.IGNORECASE)
_ARROW = re.compile(r"^(.*?)\s*(?:->|=>|→)\s*(.+)$")  # "time change pls 7 -> 7:30": the change after the arrow
_REPLACING = re.compile(r"^(.+?)[,\s]+\b(?:instead(?: of)?|not|rather than)\b(.*)$", re.IGNORECASE)  # "7:30 not 7", "tues 6pm instead"
_TIME_FOR_TIME = re.compile(r"\d(?:[:.]\d\d)?\s*(?:[ap]m)?,?\s+(?:instead of|not|rather than)\s+\d{1,2}(?:[:.]\d\d)?\b"
                            r"(?!\s*(?:reps?|sets?|kg|kilos?|lbs?|pounds?|mins?|minutes?|secs?|seconds?|x)\b)",
                            re.IGNORECASE)  # "at 6:00 not 8:00": one time for another, not "12 not 10 reps"
_REASON = re.compile(r"(?:[,;]\s*(?:i|im|i'm|ive|my|cos|cuz|cause|because|since|as)|\s+(?:because|cos|cuz|since))\b.*$",
                     re.IGNORECASE)  # "to 4pm, i sleep in on weekends": why, not what changes
_INSTEAD = re.compile(r"[,\s]*\b(?:instead(?: of)?|rather than|not|from now on|pls|please|plz)\b.*$", re.IGNORECASE)
_PLAN = re.compile(r"\b(?:plans?|sessions?|workouts?|training|ones?|reminders?|everything)\b", re.IGNORECASE)


# "y" typed for "why" before the verb it asks with ("y would the ball one be harder"), never a "y" for yes
WHY_TYPED_SHORT = r"y\s+(?=(?:would|is|are|does|do|did|should|can|cant|isnt|dont|doesnt|not)\b)"
_QUESTION = re.compile(rf"\s*(?:why|what|whats|how|is|are|isnt|does|do|did|should|shall|when|which|who|where|{WHY_TYPED_SHORT})\b",
                       re.IGNORECASE)  # a question about plans asks; it changes none ("should i change my time?")
_ABOUT_IT = re.compile(r"\s*(?:so\s+|and\s+|but\s+)?(?:can|could|would|will|may|might|must)\s+(?:it|this|that|these|those|they)\b",
                       re.IGNORECASE)  # "can it be too much for...": asks about the exercise unless it names a change
_MAY_I = re.compile(r"\s*(?:can|could|may) i\b", re.IGNORECASE)  # "can i move my session?" asks whether an edit is possible
_FROM_NOW = re.compile(r"\bin\s+(?:\d+|an?|one|two|half an?)\s*(?:h|hrs?|hours?|m|mins?|minutes?)\b", re.IGNORECASE)
_PART_OF_PLAN = re.compile(r"\b(?:goal|focus|remind|notice|notify|ping|warn|heads up|(?:change|new|the) days|new time|time change)\b",
                           re.IGNORECASE)  # what an edit may change
_SPAN = re.compile(r"\b(?:from|until|till|starting)\b(?! now\b)", re.IGNORECASE)  # "mon 7am from 1 dec": a new plan's days
_ON_SCREEN = re.compile(r"\bskip (?:this|that)\W*$", re.IGNORECASE)  # "skip this": what is on screen, not a session
_IT = re.compile(r"\b(?:it|that)\b", re.IGNORECASE)


def plan_slots(action: PlanAction, typed: str) -> PlanRequest | None:
    """The slots of a request about plans: which plan or session it names, and what an edit changes;
    None when a cancel or an edit names nothing to act on ("cancel", "edit": the dialogue's words)."""
    relative = _relative_edit(action, typed)
    if relative is not None:
        return relative
    request, head = _slots(action, typed), _head(action, typed)[0]
    if action is PlanAction.EDIT and _ABOUT_IT.match(typed) and not names_a_change(request.rest):
        return None  # "can it be too much for some people tho": a question about the exercise; "could it be at 8?" edits
    if _QUESTION.match(typed) or action is PlanAction.EDIT and _MAY_I.match(typed) or (not request.rest and not _asks_something(head)):
        return None  # "why does one say 10 to 15 reps?"; "the plan", "my monday plans": a plan named, nothing asked of it
    if action is PlanAction.SKIP:
        return None if not request.named and _ON_SCREEN.search(typed) else request
    if len(typed.split()) < 2 or not _names_a_plan(request, head, typed):
        return None
    if action is PlanAction.EDIT and len(DAY.findall(head)) > 1 and _by_goal(request):
        return replace(request, day=None, rest=typed.strip())  # "make strength mon and fri only, at 8pm": the days change too
    days_too = _DAYS_AFTER_NAME.search(head) if action is PlanAction.EDIT and request.rest else None
    if days_too is not None:  # "make the mobility one every weekend day at 9.30": the new days, then the new time
        change = f"{days_too.group(1)} {typed.strip()[len(head):]}"
        return replace(request, day=day_named(head[:days_too.start(1)]), rest=" ".join(change.split()))
    return request


_FOR_GOOD = re.compile(r"\b(?:from|off|out of)\s+(?:the|my|this|that)?\s*(?:\w+\s+)?(?:plan|schedule|program(?:me)?|routine)\b"
                       r"|\bfor good\b|\bpermanent(?:ly)?\b|\bfrom now on\b|\bgoing forward\b|\bany ?more\b|\bevery week\b",
                       re.IGNORECASE)  # a day taken from the plan itself, not one session skipped
_A_PLAN = re.compile(DAY.pattern + r"\s+(?:plan|one|routine|program(?:me)?)\b", re.IGNORECASE)  # "delete the monday plan": the plan


def _relative_edit(action: PlanAction, typed: str) -> PlanRequest | None:
    """An edit of a weekly plan's days or time said relative to what it has ("swap friday for thursday",
    "add sunday to endurance", "shift the strength plan an hour later"; "remove monday from the strength
    plan" or "skip fridays for good", read as a cancel or skip, take a day from the plan): named by the
    day it takes away, its goal or its part of the day; the whole message is the change. None for none."""
    change, shift = day_change(typed), time_shift(typed)
    if change is None and shift is None or _QUESTION.match(typed) or _MAY_I.match(typed):
        return None
    if action is not PlanAction.EDIT and not (change and change.drop and _FOR_GOOD.search(typed) and not _A_PLAN.search(typed)):
        return None
    goal, named = GOAL.search(typed), day_named(typed) if change is None else None  # "push the sunday one an hour later"
    day = str(min(change.drop)) if change and change.drop else named if named and named.isdigit() else None
    return PlanRequest(PlanAction.EDIT, day=day, rest=typed.strip(), goal=GOAL_WORDS[goal.group(1).lower()] if goal else None,
                       part=part_named(typed))


def _names_a_plan(request: PlanRequest, head: str, typed: str) -> bool:
    """Whether a cancel or an edit says which plan or what of it ("the plan", "it", "my monday one",
    "the goal"); an edit's goal alone is what it changes, and a day and time with nothing asked of a
    plan is a new plan's schedule ("tuesdays at 6pm for 45 minutes"), as "remind me in 10 minutes to
    stretch" is a new reminder; one word ("plan", "cancel") is a dialogue's or another request's."""
    if _SPAN.search(typed) and not _PLAN.search(typed):
        return False  # "tue thu 18:00 from monday", "every monday 6pm until june": a new plan's days
    if request.action is PlanAction.CANCEL:
        return request.named or _PLAN.search(head) is not None
    if request.rest and (_replacing(typed) is not None or _TIME_FOR_TIME.search(typed)):
        return True  # "7:30 not 7", "tues 6pm instead": a new time or day for the plan said alone
    if _FROM_NOW.search(typed):
        return False  # "remind me in 10 minutes to stretch": a new reminder
    if not (_asks_something(head) or _PLAN.search(head)):
        return False
    which = replace(request, goal=None).named or _PLAN.search(head) or _PART_OF_PLAN.search(typed) or _by_goal(request)
    return bool(which) or (bool(request.rest) and _IT.search(head) is not None)  # "move it to 7pm"


def _by_goal(request: PlanRequest) -> bool:
    """Whether an edit names its plan by the plan's goal and changes its days or time ("change strength
    time to 6pm", "move strength to tue and thu"), not its goal."""
    return request.goal is not None and names_a_change(request.rest) and not GOAL.search(request.rest)


def _asks_something(head: str) -> bool:
    """Whether a message says more than which plan it means ("the plan", "my 7am one" say no more),
    or than a schedule ("midday on friday": a time to plan, nothing asked of a plan)."""
    for naming in (DAY, NTH, ALL, NEXT, _PLAN, SPOKEN, CLOCK, PART, GOAL, NAMING):
        head = naming.sub(" ", head)
    return _A_LETTER.search(head) is not None


def plan_choice(action: PlanAction, typed: str) -> PlanRequest | None:
    """A typed answer to "Which plan do you want to cancel?" ("the first one", "monday", "the 7am
    one", "both"): the slots it names for that action, or None when it names none."""
    request = _slots(action, typed)
    return request if request.named else None


def _head(action: PlanAction, typed: str) -> tuple[str, str]:
    """Which plan a request names, and what an edit changes: "my monday plan to 8am" -> "8am"."""
    words = typed.strip().rstrip(".!")
    if action is not PlanAction.EDIT:
        return words, ""
    replaced = _replacing(words)
    if replaced is not None:
        return replaced
    found = _TO.search(words)
    then = None if found else _NAMED_THEN.search(words)  # the naming word ("one", "it") stays in the head
    if found is None and then is None:
        return words, ""
    head, change = (words[:found.start()], found.group(1)) if found else (words[:then.start(1)], then.group(1))  # type: ignore[union-attr]
    change = _REASON.sub("", change)
    return head, _INSTEAD.sub("", change).strip() or change.strip()  # "6 not 7", "endurance instead of strength"


def _replacing(words: str) -> tuple[str, str] | None:
    """A change said without a verb, and what it replaces (which plan it is): "7 -> 7:30" is ("7",
    "7:30"); "8am instead of 7am" is ("7am", "8am") (the 7am plan), "tues 6pm instead" ("", "tues 6pm");
    None unless the new part is only a time or days."""
    arrow = _ARROW.match(words)
    found = (arrow.group(1), arrow.group(2)) if arrow else None
    if found is None and (replacing := _REPLACING.match(words)) is not None:
        found = (replacing.group(2), replacing.group(1))
    if found is None or not found[1].strip() or _asks_something(found[1]) and not arrow or _PLAN.search(found[1]):
        return None  # "the monday one at 5pm instead": the plan named, then its change (read after "at")
    said = DAY.search(found[1]) or TIME_SAID.search(found[1]) or SPOKEN.search(found[1])
    return (found[0].strip(), found[1].strip()) if said else None


def _slots(action: PlanAction, typed: str) -> PlanRequest:
    """The slots a message names for an action, whatever else it says."""
    head, rest = _head(action, typed)
    nth = None if date_named(head) else NTH.search(head)  # "the 2nd" of a month is a date, not the second one listed
    every = action is PlanAction.CANCEL and ALL.search(head) is not None
    if every and BOTH_NAMED.search(head):  # "both the gym plan and the rehab": two plans named, all of them meant
        return PlanRequest(action, every=True, rest=rest)
    goal = GOAL.search(head) or naming_goal(rest)
    place = ORDINALS[nth.group(1).lower()] if nth else lettered(action, head)
    return PlanRequest(action, day_named(head), place,
                       NEXT.search(head) is not None or action is PlanAction.SKIP and THIS_ONE.search(head) is not None,
                       every, rest, clock_named(head), part_named(head), GOAL_WORDS[goal.group(1).lower()] if goal else None)
