"""Understand schedules in plain words: "mwf at 6", "every other day at 7am", "first monday of every
month at 18:30", "in an hour and a half" (single sessions: one_off.py). Pure: takes the local 'now'.
Where a phrase has two readings or lacks a part, the answer is a Question that keeps what was read."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo

from scheduler.clock import find_time, turns_hint
from scheduler.days import find_days
from scheduler.model import WEEKDAY_NAMES, Question, Repeat, Schedule, ScheduleError
from scheduler.one_off import (
    DAY_WORDS,
    HINT_EXAMPLES,
    MAX_AHEAD,
    NO_DAY_OR_TIME,
    PART_KEPT,
    WEEKEND,
    both,
    one_off,
    part_of_day,
    time_question,
    weekend,
)
from scheduler.recurrence import next_occurrences
from scheduler.span import Span, ask_days_and_time, find_span, within
from scheduler.words import DAYS, ORDINALS, normalise

UNITS = {"seconds": 1, "second": 1, "sec": 1, "secs": 1, "minutes": 60, "m": 60, "hours": 3600, "h": 3600}
DURATION = re.compile(r"\bin (\d+(?:\.\d+)?) ?(seconds?|secs?|minutes|m|hours|h)\b")
UNSUPPORTED = (
    (re.compile(r"\bevery (?:\d+(?:\.\d+)? )?(?:minutes|hours)\b|\bhourly\b|\b\d+ times (?:a|per|each|every) day\b"),
     "I can remind you once a day at most: pick one time, like \"every day at 7am\"."),
    (re.compile(r"\b(?:\d+ times|twice) (?:a|per|each|every) month\b|\b\d{1,2}(?:st|nd|rd|th)? and (?:the )?\d{1,2}(?:st|nd|rd|th)\b"
                r"|\b(?:first|second|third|fourth|last|1st|2nd|3rd|4th) and (?:the )?(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\b"),
     "A monthly plan has one day. Make a plan for each, e.g. \"on the 5th of every month at 7am\", or try \"every 2 weeks\"."),
    (re.compile(rf"\b(?:yesterday|last night|ago)\b|(?<!every )(?<!the )\blast (?:{DAY_WORDS})\b(?! (?:of|in)\b)"), "That's in the past. Pick a time ahead, like \"tomorrow at 7am\"."),
    (re.compile(r"\bevery 0 (?:day|week)"), "Every 0 days isn't a schedule. Try \"every 2 days at 7am\"."),
    (re.compile(r"\b(?:yearly|annually|every year|once a year)\b"),
     "I can plan daily, weekly, every few days or weeks, and monthly, but not yearly. Try \"on 24 Dec at 10\"."),
)
TIMES_A_WEEK = re.compile(r"\b(?:(\d) ?(?:times|day|sessions?|workouts?)?|once) ?(?:(?:a|per|each|every|/) ?week|weekly)\b")
COUNT_EXAMPLES = {1: "Mon", 2: "Tue/Thu", 3: "Mon/Wed/Fri", 4: "Mon/Tue/Thu/Fri", 5: "Mon to Fri", 6: "Mon to Sat"}
EVERY_N = re.compile(r"\bevery (\d+) (day|week)\b")
EVERY_2_DAY = re.compile(r"\bevery (\d+) (" + "|".join(DAYS) + r")s?\b")
NTH_WEEKDAY = re.compile(rf"\b(first|second|third|fourth|last|1st|2nd|3rd|4th) ({DAY_WORDS})s?\b")
EVERY_NTH = re.compile(r"\bevery (?:first|second|third|fourth|last|1st|2nd|3rd|4th)\b")
WEEKLY = re.compile(r"\b(?:weekly|every week)\b")
# "every 20th" (a day of the month, not "every 2nd tuesday" nor "every 3rd day")
MONTHLY = re.compile(r"\b(?:every|each|a|per|of the|of) month\b|\bmonthly\b"
                     rf"|\bevery \d{{1,2}}(?:st|nd|rd|th)\b(?! (?:day|week|{DAY_WORDS})s?\b)")
MONTH_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b|\b(?:the|day) (\d{1,2})\b|\bthe (first|last)(?: day)?\b"
                       r"|\b(first|last)(?: day)? of\b")  # "first of every month", "day 12 each month"


def parse_schedule(text: str, now: datetime, zone: tzinfo) -> Schedule:
    """A Schedule for `text`, or ScheduleError whose message asks what is missing or ambiguous."""
    reading = read_schedule(text, now, zone)
    if isinstance(reading, Question):
        raise ScheduleError(reading.text)
    return reading


def read_schedule(text: str, now: datetime, zone: tzinfo) -> Schedule | Question:
    """A Schedule, or a Question (two readings, or a missing part); ScheduleError with a specific
    hint when something is impossible, in the past or not supported."""
    words = normalise(text)
    if not words:
        raise ScheduleError(f"Tell me when you want to train. {HINT_EXAMPLES}")
    for pattern, hint in UNSUPPORTED:
        if pattern.search(words):
            raise ScheduleError(hint)
    turns = turns_hint(words, now.astimezone(zone).date())  # "mwf 7am but on my night weeks 5pm": two plans, said how
    if turns:
        raise ScheduleError(turns)
    span = find_span(words, now.astimezone(zone).date(), getattr(zone, "key", str(zone)))
    if span.start is None and span.until is None:
        return _read(words, now, zone, span)
    days = find_days(span.rest)
    rest = f"every {span.rest}" if days.days and not days.recurring else span.rest  # "tue 7pm until christmas" repeats
    try:
        return within(_read(rest, now, zone, span), span, now, zone)
    except ScheduleError as hint:
        if str(hint) != NO_DAY_OR_TIME:
            raise
        return ask_days_and_time(span)


def _read(words: str, now: datetime, zone: tzinfo, span: Span) -> Schedule | Question:
    """The reading of a phrase (a recurring one within the span's days)."""
    duration = DURATION.search(words)
    if duration:
        return Schedule(once_at=_in(float(duration[1]), duration[2], now))
    local_now = now.astimezone(zone)
    on_weekend = WEEKEND.search(words)
    if on_weekend:
        return weekend(words, on_weekend, local_now, zone)
    recurring = _recurring(words, local_now.date())
    if recurring is not None:
        return _with_time(replace(recurring, start=span.start, until=span.until), words, local_now, zone)
    return one_off(words, local_now, zone)


def _recurring(words: str, today: date) -> Schedule | Question | None:
    """A repeating schedule without its time yet (monthly, every N days or weeks, weekly)."""
    monthly = _monthly(words)
    if monthly is not None:
        return monthly
    every = EVERY_N.search(words)
    every_day = EVERY_2_DAY.search(words)
    days = find_days(words)
    if every and every[2] == "day" and int(every[1]) > 1:
        return Schedule(repeat=Repeat.DAYS, every=int(every[1]), anchor=today)
    if (every and every[2] == "week" and int(every[1]) > 1) or every_day:
        n = int((every or every_day)[1])  # type: ignore[index]
        return Schedule(weekdays=days.days, every=n, anchor=today) if days.days else _ask_days(days.days, n)
    times = TIMES_A_WEEK.search(words)
    if times and not days.days:
        return _ask_days(days.days, 1, int(times[1] or 1))
    if days.recurring or (times and days.days):
        return Schedule(weekdays=days.days)
    if every and every[2] == "week" or WEEKLY.search(words):
        return _ask_days(days.days, 1)
    return None


def _monthly(words: str) -> Schedule | Question | None:
    """"first monday of every month", "every last friday", "monthly on the 15th"."""
    nth = NTH_WEEKDAY.search(words)
    if nth and (MONTHLY.search(words) or EVERY_NTH.search(words)):
        order = ORDINALS.get(nth[1]) or int(nth[1][0])
        return Schedule(weekdays=frozenset({DAYS[nth[2]]}), repeat=Repeat.MONTHLY, nth=order)
    if MONTHLY.search(words):
        day = MONTH_DAY.search(words)
        number = int(day[1] or day[2]) if day and (day[1] or day[2]) else {"first": 1, "last": 31}.get(day[3] or day[4] if day else "")
        if number and 1 <= number <= 31:
            return Schedule(repeat=Repeat.MONTHLY, month_day=number)
        return Question("Which day of the month? Type e.g. \"on the 15th of every month\" or \"first Monday of every month\".")
    return None


def _ask_days(known: frozenset[int], every: int, count: int = 0) -> Question:
    """Which days (keeping any time already given), with days to try for a count ("Which 3 days? Mon/Wed/Fri?")."""
    if count:
        many = f"Which {count} days" if count > 1 else "Which day"
        them = "it" if count == 1 else "them"
        return Question(f"{many} of the week? {COUNT_EXAMPLES.get(count, 'Mon/Wed/Fri')}? Tap {them} below or type {them}.",
                        weekdays=known, picker=every == 1, count=count)
    return Question("Which days of the week? Tap them below or type them, e.g. \"Mon Wed Fri\".", weekdays=known,
                    picker=every == 1)


def _with_time(schedule: Schedule | Question, words: str, local_now: datetime, zone: tzinfo) -> Schedule | Question:
    """The recurring schedule with its time; a question when the time is missing or am/pm is open."""
    clock = find_time(words)
    if isinstance(schedule, Question) and clock and not clock.open_meridiem:
        return replace(schedule, local_time=clock.at, text=schedule.text.replace("?", f" at {clock.at:%H:%M}?", 1))
    if isinstance(schedule, Question):  # "3 times a week in the evening": the part of the day is kept
        part = part_of_day(words) or ""
        return replace(schedule, part=PART_KEPT.get(part, part))
    if clock is None:
        return time_question(words, weekdays=schedule.weekdays, picker=schedule.kind == "weekly")
    if clock.open_meridiem:
        readings = [_anchored(replace(schedule, local_time=at), local_now) for at in both(clock.at)]
        options = tuple((_label(reading, zone, local_now), reading) for reading in readings)
        return Question(f"{clock.at:%-I:%M} in the morning or in the evening?", options=options, weekdays=schedule.weekdays)
    return _anchored(replace(schedule, local_time=clock.at), local_now)


def _anchored(schedule: Schedule, local_now: datetime) -> Schedule:
    """Every N days or weeks counts from the first session still ahead (today's if its time has
    not passed, or the first day said), so "every other monday" starts on the coming Monday."""
    if schedule.anchor is None or schedule.local_time is None:
        return schedule
    first = local_now.date() + timedelta(days=int(schedule.local_time <= local_now.time().replace(tzinfo=None)))
    first = max(first, schedule.start or first)  # "every other day starting monday" counts from Monday
    if schedule.repeat is Repeat.WEEKLY:
        while first.weekday() not in schedule.weekdays:
            first += timedelta(days=1)
    return replace(schedule, anchor=first)


def _label(schedule: Schedule, zone: tzinfo, local_now: datetime) -> str:
    """A button label for one reading: "every Mon, Wed at 19:00"."""
    days = "every day" if len(schedule.weekdays) == 7 else ", ".join(WEEKDAY_NAMES[d] for d in sorted(schedule.weekdays))
    assert schedule.local_time is not None
    if schedule.repeat is not Repeat.WEEKLY or schedule.every > 1:
        first = next_occurrences(schedule, zone, local_now.astimezone(UTC), 1)
        return f"{schedule.local_time:%H:%M}" + (f", first {first[0].astimezone(zone):%a %d %b}" if first else "")
    return f"{days} at {schedule.local_time:%H:%M}"


def _in(amount: float, unit: str, now: datetime) -> datetime:
    """The instant of "in N units"."""
    seconds = UNITS[unit] * amount
    if seconds <= 0:
        raise ScheduleError("That is right now. Give a time a little later, like \"in 2 hours\".")
    if seconds > MAX_AHEAD.total_seconds():
        raise ScheduleError("That's more than a year ahead; pick a time within the next year.")
    return now.astimezone(UTC) + timedelta(seconds=seconds)


def mentions_time(text: str) -> bool:
    """Whether a message talks about when (a day, a time, "in 2 hours"), to tell it from a question."""
    words = normalise(text)
    tokens = set(words.split())
    return bool(find_days(words).days or DURATION.search(words) or tokens & {"today", "tonight", "tomorrow", "every", "am", "pm", "daily", "weekdays", "weekends", "dayaftertomorrow"}
                or _has_time(words))


def names_day_or_time(text: str) -> bool:
    """Whether a phrase names a weekday or a time of day ("every monday", "at 7pm"), not a length ("5 months")."""
    words = normalise(text)
    return bool(find_days(words).days or _has_time(words))


def _has_time(words: str) -> bool:
    """Whether a time of day is written in the phrase (an impossible one counts)."""
    try:
        return find_time(words) is not None
    except ScheduleError:
        return True
