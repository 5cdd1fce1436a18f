"""What an edit of a stored plan said in words changes: its days or time (the planning dialogue's
✏️ Edit), its goal (the same dialogue, or the settings when there is no plan to edit), the reminder
lead (the settings: one lead for all plans), or only names what it would change ("change my goal")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from enum import Enum

from bot.features.planning.lead import lead_negative, lead_too_long, read_lead
from bot.features.planning.reading import bare_hour, carries_schedule
from knowledge.plan_days import IN_DAYS
from knowledge.plan_names import unplanned_goal
from knowledge.plan_request import PlanRequest
from knowledge.relative_changes import WEEKDAY, day_change, days_in, time_shift
from scheduler.clock import find_time
from scheduler.days import find_days
from scheduler.model import WEEKDAY_NAMES, Repeat, Schedule, ScheduleError
from scheduler.words import normalise

SHORT = 4  # the most words a goal or a change we cannot read is said in ("fat loss plan"); more is other talk
_GOAL_SAID = re.compile(r"\b(?:goal|focus)\b", re.IGNORECASE)
_NAMES_NO_PLAN = re.compile(r"\b(?:goal|focus|remind\w*)\b", re.IGNORECASE)
_SHIFT = re.compile(r"\b(?:back|forward|later|earlier|hours?|hrs?|mins?|minutes?)\b", re.IGNORECASE)
_ONE_SESSION = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*(?:'s\b|\s+only\b(?!\s+(?:on|from|now|going)))"
                          r"|\bthis (?:mon|tue|wed|thu|fri|sat|sun)", re.IGNORECASE)  # "thursday's", "thursday only", "this thursday"
_HOUR_INSTEAD = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s+instead\b", re.IGNORECASE)  # an hour alone, for the plan's
_BY_DAYS = re.compile(r"\b(?:ne?xt|following) w(?:ee)?k\b|\bday after\b", re.IGNORECASE)  # "to next week": one session
# "move the 7am to 8", "six thirty not six": an hour read on the plan's side of noon
_BARE = re.compile(r"^(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                   r"(?:[:.]\d{2}|\s+(?:thirty|fifteen|forty[\s-]?five|o'?clock))?$", re.IGNORECASE)


_BARE_FIRST = re.compile(r"^\d{1,2}(?:[:.]\d{2})?\s*(?:,|and\b|&)\s*\S", re.IGNORECASE)


class Change(Enum):
    """What an edit in words changes."""

    SCHEDULE = "schedule"  # days or time, or nothing said yet ("edit the first one")
    SESSION = "session"  # one session moved, the plan kept ("push friday's to next week")
    GOAL = "goal"
    UNPLANNED = "unplanned"  # a goal the articles plan nothing for ("make it a fat loss plan"): the goals planned for, asked
    LEAD = "lead"
    NOTHING = "nothing"  # "change my goal", "change my reminders": the settings show what can change
    UNREAD = "unread"  # a long change no edit can make ("... to 15 reps when the other says 20"): no request


@dataclass(frozen=True)
class Edit:
    """An edit in words: what it changes and the words the planning dialogue reads as that change."""

    change: Change
    words: str = ""


def read_edit(request: PlanRequest, typed: str, goal: Callable[[str], str | None], now: datetime) -> Edit:
    """What an edit request changes; a schedule said with a goal or lead wins (the dialogue reads both)."""
    if moves_one_session(request, typed):
        return Edit(Change.SESSION, f"at {request.rest}" if _BARE.match(request.rest) else request.rest)
    if day_change(request.rest) is not None or time_shift(request.rest) is not None:  # "drop friday", "an hour later"
        return Edit(Change.SCHEDULE, request.rest)
    if bare_hour(request.rest) is not None:  # "8 instead"
        return Edit(Change.SCHEDULE, request.rest)
    instead = _HOUR_INSTEAD.search(request.rest)
    if instead and not carries_schedule(request.rest, now):  # "plz make strength 8 instead": the plan named, its new hour
        return Edit(Change.SCHEDULE, instead.group())
    if _BARE_FIRST.match(request.rest):  # "8 and do it tues thurs": the hour said first, then more
        return Edit(Change.SCHEDULE, f"at {request.rest}")
    if carries_schedule(request.rest, now) or _BARE.match(request.rest):
        return Edit(Change.SCHEDULE, f"at {request.rest}" if _BARE.match(request.rest) else request.rest)
    if read_lead(typed) is not None or lead_too_long(typed) or lead_negative(typed):
        return Edit(Change.LEAD, typed)
    said = request.rest or (typed if _GOAL_SAID.search(typed) else "")
    said = "" if _SHIFT.search(said) else said  # "push it back an hour" names no goal
    short = bool(said) and (len(said.split()) <= SHORT or _GOAL_SAID.search(typed) is not None)
    named = goal(said) if short else None
    if named is not None:
        return Edit(Change.GOAL, str(named))
    unplanned = unplanned_goal(said) if short else None
    if unplanned is not None:
        return Edit(Change.UNPLANNED, unplanned)
    if len(request.rest.split()) > SHORT:
        return Edit(Change.UNREAD)
    if not request.named and _NAMES_NO_PLAN.search(typed):
        return Edit(Change.NOTHING)
    return Edit(Change.SCHEDULE)


def moves_one_session(request: PlanRequest, typed: str) -> bool:
    """Whether an edit moves one session rather than the plan: it names one ("tomorrow's session",
    "friday's", "this friday's", "the next one") or moves it by days ("to next week", "the day after")."""
    if not request.rest:
        return False
    head = typed.rsplit(request.rest, 1)[0]
    so_many_days_on = (request.day or "").startswith(IN_DAYS)  # "the day after tomorrow"
    return (request.day in ("today", "tomorrow") or so_many_days_on or request.next_one or _ONE_SESSION.search(head) is not None
            or _BY_DAYS.search(request.rest) is not None)


# a word that asks to miss the session rather than move it ("can't make this thursday, dentist at 5pm")
_NOT_MOVED = re.compile(r"\b(?:skip\w*|miss\w*|cancel\w*|drop|off|can'?t|cannot|won'?t|busy|sick|no go|not|should|shall)\b",
                        re.IGNORECASE)


def new_time(typed: str, at: time | None) -> str | None:
    """The time of day a message gives ("8pm", "an hour later" of a session or plan at `at`), as said or as "HH:MM"; None
    for none."""
    shift = time_shift(typed)
    if shift is not None and at is not None:
        minutes = (at.hour * 60 + at.minute + shift) % (24 * 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    try:
        clock = find_time(normalise(typed))
    except ScheduleError:
        return None
    return None if clock is None else f"{clock.at.hour}:{clock.at.minute:02d}" if clock.open_meridiem else f"{clock.at:%H:%M}"


# what says the session itself changes, not that one is added ("this thursday only can we do 8pm", "just this thursday at
# 8pm"; not "remind me this thursday at 8pm", "add a session this thursday at 8pm")
_ITSELF = re.compile(r"\b(?:only|just|instead|rather|move|push|shift|reschedule|change|make it|do it|(?:can|could) we do)\b",
                     re.IGNORECASE)
_ADDED = re.compile(r"\b(?:add\w*|also|too|as well|extra|another|book|remind\w*)\b", re.IGNORECASE)


def says_itself(typed: str) -> bool:
    """Whether a message says that a session changes ("only", "just", "instead", "can we do"), not that one is added."""
    return _ITSELF.search(typed) is not None and _ADDED.search(typed) is None


def moves_one_to(typed: str) -> int | None:
    """The weekday of the one session a message gives a new time ("this thursday only can we do 8pm", "just this thursday
    at 8pm", "push thursday's back an hour"): that session, not every one that day; None when it names none, several days,
    no time, or asks to miss it."""
    days = days_in(typed)
    if _ONE_SESSION.search(typed) is None or len(days) != 1 or _NOT_MOVED.search(typed) or _ADDED.search(typed):
        return None
    return next(iter(days)) if time_shift(typed) is not None or new_time(typed, None) is not None else None


# a plan named by one of its days ("change my monday plan to 8pm"): the plan, all its days; "the friday one" of a plan of
# several days is its friday sessions (tester s30 #4: "change friday one to 8 pm" moved every day)
_PLAN_BY_DAY = re.compile(rf"\b{WEEKDAY}s?\s+(?:plan|routine|program(?:me)?|schedule)\b", re.IGNORECASE)


def one_day_retimed(schedule: Schedule, day: int | None, change: str, typed: str) -> str:
    """A new time said for one day of a weekly plan of several ("move thursday to 7pm" of Tue and Thu at 18:30) as that
    day at that time ("Thu at 19:00"), so the plan's edit says that a plan keeps one time for all its days and asks how;
    the change as said otherwise (all its days named, days said in the change, no time)."""
    days = schedule.weekdays
    if day is None or schedule.repeat is not Repeat.WEEKLY or len(days) < 2 or day not in days or not change:
        return change
    named = find_days(normalise(typed)).days  # "the mwf sessions at 6.30pm" names them all
    if _PLAN_BY_DAY.search(typed) or not named or not named < days:
        return change
    if find_days(normalise(change)).days - {day} or day_change(change) is not None:
        return change
    at = new_time(change, schedule.local_time)
    return f"{WEEKDAY_NAMES[day]} at {at}" if at else change
