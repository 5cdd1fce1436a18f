"""Days given a time of their own at "Save this plan?" ("and tuesdays at 6pm", "plus sat 9am", "wednesday at 8 instead"
over Mon, Wed, Fri at 07:00): one plan keeps one time for all its days, so those days become a second plan, shown for
saving right after this one (the days moved are taken off this one first); a day added with only a part of the day
("and add saturday morning too" over an evening plan) asks its time instead of taking the plan's without a word."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import time

from scheduler.clock import find_time
from scheduler.days import find_days
from scheduler.model import WEEKDAY_NAMES, Repeat, Schedule, ScheduleError
from scheduler.one_off import part_of_day
from scheduler.words import normalise

_ADDED = re.compile(r"^\W*and\b|\b(?:plus|add|also|too|as well|extra|another|aswell)\b")  # a session added, not moved
_ONLY = re.compile(r"\b(?:only|just|drop|remove|without|except|no more|no longer|any ?more|every|all|each|make it|whole)\b")
# one day with "only" after it names that day's time ("thursday only can we do 8pm"), not the plan's new days ("only
# thursdays", "mon and fri only")
_DAY_ONLY = re.compile(r"\b((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\s+only\b")
_ONE = re.compile(r"\b(?:this|next|nxt|coming|tomorrow|today|tonight)\b|\w+day'?s\s+(?:session|workout|one)|\w+day's\b")  # one session
_PART_HOURS = {"morning": range(4, 12), "afternoon": range(12, 18), "afternoon_pm": range(12, 18), "evening": range(17, 24),
               "night": range(18, 24), "tonight": range(17, 24), "lunch": range(11, 15)}


@dataclass(frozen=True)
class Split:
    """The plan's days that keep its time, and the second plan (None: its time is asked, `part` the part of day said)."""

    kept: frozenset[int]
    second: Schedule | None
    days: frozenset[int]
    part: str = ""


def own_time(pending: Schedule, text: str) -> Split | None:
    """Days said with a time other than the weekly plan's: added ("and tuesdays at 6pm") or some of its own days
    ("wednesday at 8 instead", "thursday only can we do 8pm"); None for anything else ("make it 8", "only wed at 8", "add sunday")."""
    if pending.repeat is not Repeat.WEEKLY or pending.local_time is None or pending.every != 1:
        return None
    words = normalise(text)
    days = find_days(words).days
    only = _DAY_ONLY.sub(r"\1", words) if len(days) == 1 else words  # "mon and fri only": the plan's new days
    if not days or _ONLY.search(only) or _ONE.search(text.lower()):
        return None
    added = _ADDED.search(words) is not None  # "and add saturday morning too": a second session that day, if it has one
    if not (added or days < pending.weekdays):
        return None
    try:
        clock = find_time(words)
    except ScheduleError:
        return None
    kept = pending.weekdays if added else pending.weekdays - days
    if clock is not None:
        at = clock.at if not clock.open_meridiem or clock.at.hour >= 7 else time(clock.at.hour + 12, clock.at.minute)
        return Split(kept, Schedule(weekdays=days, local_time=at), days) if at != pending.local_time else None
    part = part_of_day(words)
    if part and added and pending.local_time.hour not in _PART_HOURS.get(part, range(24)):
        return Split(pending.weekdays, None, days, part)  # "and add saturday morning too" over an 18:30 plan
    return None


_CLAUSES = re.compile(r"\s*(?:,|;|\band\b|&|\+)\s*")


def own_times(pending: Schedule, text: str) -> tuple[Schedule, tuple[Split, ...]] | None:
    """Several days each said with a time of its own ("make wed 8am and fri 9am" over Mon, Wed, Fri at 07:00): each
    clause read as `own_time` reads one, in turn; the plan left and the splits, or None unless every clause names days
    and a time (one clause: `own_time`)."""
    clauses = [c for c in _CLAUSES.split(text.strip()) if c.strip()]
    if len(clauses) < 2 or not all(find_days(normalise(c)).days for c in clauses):
        return None
    added = _ADDED.search(normalise(clauses[0])) is not None or _ADDED.search(normalise(text)) is not None
    splits: list[Split] = []
    plan = pending
    for clause in clauses:
        said = f"and {clause}" if added else clause
        try:
            if find_time(normalise(said)) is None:
                return None
        except ScheduleError:
            return None
        split = own_time(plan, said)
        if split is None or split.second is None:
            return None
        splits.append(split)
        plan = replace(plan, weekdays=split.kept)
    return (plan, tuple(splits)) if plan.weekdays else None


_WAITING_ONE = re.compile(r"\b(?:just|only)\s+(?:the\s+|my\s+)?(?P<days>(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\s*(?:and\s+|&\s+|/)?)+)"
                          r"\s*(?:one|plan|session)s?\b")


def waiting_named(then: tuple[Schedule, ...], text: str) -> int | None:
    """Which plan waiting after this one the words keep alone ("skip this one, just the thursday one"), or None."""
    found = _WAITING_ONE.search(" ".join(text.lower().split()))
    if found is None:
        return None
    days = find_days(found.group("days")).days
    return next((i for i, plan in enumerate(then) if days and plan.weekdays == days), None)


def queued(then: tuple[Schedule, ...], split: Split) -> tuple[Schedule, ...]:
    """The plans waiting after this one with the split's second plan added: a day said again leaves the plan it was in
    ("thursday 7pm", then "thursday 8pm"), and a plan at the same time takes its days ("thu 7pm", then "and sat 7pm")."""
    if split.second is None:
        return then
    second = split.second
    waiting: list[Schedule] = []
    for plan in then:
        days = plan.weekdays - second.weekdays
        if not days:
            continue
        if plan.local_time == second.local_time:
            second = replace(second, weekdays=second.weekdays | days)
            continue
        waiting.append(replace(plan, weekdays=days))
    return (*waiting, second)


def format_split(split: Split, kept_at: str) -> str:
    """What happens to days given a time of their own."""
    days = "/".join(WEEKDAY_NAMES[d] for d in sorted(split.days))
    head = f"One plan keeps one time for all its days ({kept_at} here)"
    if split.second is None:
        name = {"afternoon_pm": "afternoon", "tonight": "evening", "night": "evening"}.get(split.part, split.part)
        example = {"morning": "9am", "afternoon": "3pm", "lunch": "12:30"}.get(name, "7pm")
        return (f"{head}, so {days} {name} would be a plan of its own. What time on {days} {name}? Say it like "
                f"\"and {days.lower()} at {example}\"; or save this one as it is.")
    return f"{head}, so {days} at {split.second.local_time:%H:%M} will be a plan of its own: I'll show it right after you save this one."
