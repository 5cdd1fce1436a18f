"""Reading a single session: a date or a weekday with a time ("tomorrow at half past five", "this
weekend at 10"), a phrase with no day (asked for), and the parts of the day people name ("mornings",
"after work"). Pure: takes the local 'now'."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from scheduler.clock import find_time
from scheduler.dates import find_date
from scheduler.days import find_days
from scheduler.model import Question, Schedule, ScheduleError
from scheduler.words import DAYS

HINT_EXAMPLES = "For example: \"every Mon Wed Fri at 7am\", \"tomorrow 18:30\", \"weekdays at 6:15\" or \"in 2 hours\"."
NO_DAY_OR_TIME = f"I couldn't find a day or a time in that. {HINT_EXAMPLES}"
MAX_AHEAD = timedelta(days=366)
DAY_WORDS = "|".join(sorted(DAYS, key=len, reverse=True))
NEXT_DAY = re.compile(rf"\bnext ({DAY_WORDS})\b")
WEEKEND = re.compile(r"\b(this|next|coming|on the) weekends\b")
NEXT_WEEK = re.compile(r"\bnext week\b")
GREETING = re.compile(r"\bgood (?:morning|afternoon|evening|night)\b")
PART_KEPT = {"afternoon_pm": "evening"}  # the part of the day a question keeps: "after work" is an evening
PART_OF_DAY = ("morning", "afternoon", "afternoon_pm", "evening", "tonight", "night")
PART_SAID = {"morning": ("Mornings", "in the morning"), "afternoon": ("Afternoons", "in the afternoon"),
             "afternoon_pm": ("After work", "after work"), "evening": ("Evenings", "in the evening"),
             "tonight": ("Tonight", "tonight"), "night": ("Evenings", "in the evening")}


def weekend(words: str, match: re.Match[str], local_now: datetime, zone: tzinfo) -> Schedule | Question:
    """"this weekend at 10am": Saturday or Sunday, asked with both dates."""
    saturday = _coming(local_now.date(), 5) if local_now.weekday() != 6 else local_now.date() - timedelta(days=1)
    weekends = [saturday]
    if match[1] == "next":  # from Monday to Friday, "next weekend" may be the coming one or the one after
        weekends = [saturday + timedelta(days=7)] if local_now.weekday() >= 5 else [saturday, saturday + timedelta(days=7)]
    rest = f"{words[:match.start()]} {words[match.end():]}"
    clock = find_time(rest)
    days = [d for sat in weekends for d in (sat, sat + timedelta(days=1)) if d >= local_now.date()]
    if clock is None:
        return time_question(words, " And which day, Saturday or Sunday?")
    readings = both(clock.at) if clock.open_meridiem else (clock.at,)  # "this weekend at 10": the 10 is kept
    ahead = sorted(datetime.combine(d, at) for d in days for at in readings
                   if _instant(datetime.combine(d, at), zone) > local_now)
    if not ahead:
        raise ScheduleError("That weekend has passed. Try \"next weekend at 10am\".")
    if len(ahead) == 1:
        return Schedule(once_at=_future(ahead[0], zone, local_now))
    which = "Which one do you mean?" if clock.open_meridiem else "Saturday or Sunday?"
    return Question(which, options=tuple((f"{c:%a %d %b %H:%M}", Schedule(once_at=_future(c, zone, local_now)))
                                         for c in ahead[:4]))


def one_off(words: str, local_now: datetime, zone: tzinfo) -> Schedule | Question:
    """A single session: a date or a weekday, and a time."""
    days, rest = find_date(words, local_now.date(), getattr(zone, "key", str(zone)))
    weekday = find_days(words).days
    first_only = False
    if not days and len(weekday) == 1:
        coming = _coming(local_now.date(), next(iter(weekday)))
        days, first_only = [coming, coming + timedelta(days=7)], not NEXT_DAY.search(words)
    if not days:
        return _no_day(words, rest)
    clock = find_time(rest)
    if clock is None:
        return time_question(words, f" (For {days[0]:%a %d %b}.)")
    readings = both(clock.at) if clock.open_meridiem else (clock.at,)
    ahead = []
    for at in readings:
        later = [c for c in (datetime.combine(d, at) for d in days) if _instant(c, zone) > local_now]
        ahead += later[:1] if first_only else later
    if len(ahead) == 1:
        return Schedule(once_at=_future(ahead[0], zone, local_now))
    if not ahead:
        _future(datetime.combine(days[-1], readings[-1]), zone, local_now)  # raises the "already passed" hint
    options = tuple((f"{c:%a %d %b %H:%M}", Schedule(once_at=_future(c, zone, local_now))) for c in sorted(ahead)[:4])
    if clock.open_meridiem:  # "sat 9": the hour is what is asked, its dates on the buttons
        return Question(f"{clock.at:%-I:%M} in the morning or in the evening?", options=options)
    return Question("Which one do you mean?", options=options)


def _no_day(words: str, rest: str) -> Question:
    """A phrase without a day: ask for it, or say what is missing."""
    if NEXT_WEEK.search(words):
        return Question("Which day next week? Say e.g. \"next week on Tuesday at 7am\".")
    clock = find_time(rest)
    if clock:
        said = "Lunchtime, 12:00" if "lunch" in words.split() else f"At {clock.at:{'%-I:%M' if clock.open_meridiem else '%H:%M'}}"
        return Question(f"{said}. Which day or days? Tap them below, or type e.g. \"tomorrow\" or \"Mon Wed Fri\".",
                        local_time=None if clock.open_meridiem else clock.at, picker=True)
    part = part_of_day(words)
    if part:  # "mornings": kept, and only the days and the clock time are asked for
        name, when = PART_SAID[part]
        return Question(f"{name} it is. Which days, and what time {when}? Tap the days below, or type e.g. "
                        "\"Mon Wed Fri at 7\".", picker=True, part=PART_KEPT.get(part, part))
    raise ScheduleError(NO_DAY_OR_TIME)


def part_of_day(words: str) -> str | None:
    """The part of the day a phrase names ("mornings", "after work"), not in a greeting ("good morning")."""
    if GREETING.search(words):
        return None
    return next((p for p in PART_OF_DAY if p in words.split()), None)


def ask_time(words: str) -> str:
    """What time, naming the part of the day when one was given."""
    part = part_of_day(words)
    name = {"afternoon_pm": "evening", "tonight": "evening", "night": "evening"}.get(part or "", part)
    return f"What time in the {name}? Type it, like \"7:30\"." if name else \
        "What time? Type it, like \"at 7am\" or \"18:30\"."


def time_question(words: str, after: str = "", weekdays: frozenset[int] = frozenset(), picker: bool = False) -> Question:
    """Ask what time, keeping the part of the day said ("thursdays in the evening": the evening is kept)."""
    part = part_of_day(words) or ""
    return Question(ask_time(words) + after, weekdays=weekdays, picker=picker, part=PART_KEPT.get(part, part))


def both(at: time) -> tuple[time, time]:
    """The am and pm readings of a bare hour."""
    return at, at.replace(hour=at.hour + 12)


def _coming(today: date, weekday: int) -> date:
    """The next date with this weekday (today counts; a passed time is refused later)."""
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _instant(local: datetime, zone: tzinfo) -> datetime:
    """A local wall time as an aware instant."""
    return local.replace(tzinfo=zone)


def _future(local: datetime, zone: tzinfo, local_now: datetime) -> datetime:
    """A local wall time as a UTC instant, refused when it has passed or is over a year away."""
    instant = local.replace(tzinfo=zone).astimezone(UTC)
    if instant <= local_now:
        raise ScheduleError(f"{local:%a %d %b at %H:%M} has already passed. Pick a time in the future, "
                            "for example \"tomorrow at 7am\".")
    if instant - local_now > MAX_AHEAD:
        raise ScheduleError("That's more than a year ahead; pick a time within the next year.")
    return instant
