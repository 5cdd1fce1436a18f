"""Read when a recurring plan starts and ends in a normalised phrase: "starting next week", "from
monday", "from the 1st", "for 6 weeks", "for the next 2 weeks", "until christmas", "until the end of
the month". The span's words are taken out, so the rest of the phrase is read as before."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from scheduler.dates import DAY_MONTH, FIXED_HOLIDAYS, ISO, MONTH_DAY, MOVING_HOLIDAYS, find_date
from scheduler.model import Question, Schedule, ScheduleError
from scheduler.recurrence import next_occurrences
from scheduler.words import DAYS, MONTHS

DAY_WORDS = "|".join(sorted(DAYS, key=len, reverse=True))
HOLIDAY_WORDS = "|".join((*FIXED_HOLIDAYS, *MOVING_HOLIDAYS))
# a date after "from" or "until": what find_date reads, less bare times ("until 7") and weekdays (read below)
DATE_WORDS = (rf"{ISO.pattern}|{DAY_MONTH.pattern}|{MONTH_DAY.pattern}|\b\d{{1,2}}[/-]\d{{1,2}}(?:[/-]\d{{2,4}})?\b"
              rf"|(?:the )?\d{{1,2}}(?:st|nd|rd|th)\b"
              rf"|\b(?:{HOLIDAY_WORDS})\b|\btomorrow\b|\btoday\b|\bdayaftertomorrow\b")
RANGE_AFTER = rf"(?!\s*(?:-|to|through|thru|and|(?:til|till|until) (?:{DAY_WORDS})s?)\b)"  # "from mon to fri" is days
_BARE_ORDINAL = re.compile(r"^(?=\d{1,2}(?:st|nd|rd|th)$)")  # "15th" alone: "the 15th"
STARTS = re.compile(rf"\b(?:starting|start|beginning|begin|(?<!apart )(?<!away )from|as of)(?: on| from)? "
                    rf"(?:(?P<week>(?:next|the coming) week)"
                    rf"|(?P<month>next month)|(?:this |next |coming )?(?P<day>{DAY_WORDS})s?\b"
                    rf"(?:,? (?:the )?(?P<dated>{DATE_WORDS}))?{RANGE_AFTER}"
                    rf"|(?P<date>{DATE_WORDS}))")  # "starting monday 30 nov": the date said with its weekday
FOR = re.compile(r"\b(?:for|over) (?:the )?(?:next |coming )?(?P<n>\d+|an?) (?P<unit>day|week|month)\b"
                 r"|\bfor (?:the )?rest of (?:the |this )?(?P<rest>week|month|year)\b")
MONTH_WORDS = "|".join(MONTHS)
UNTIL = re.compile(rf"\b(?P<word>until|till|til|through|thru|up to|ending(?: on)?|ends?(?: on)?) (?:the )?(?:(?P<end>end of "
                   rf"(?:the |this )?(?:week|month|year|next month|(?:{MONTH_WORDS})))|(?:this |next |coming )?(?P<day>{DAY_WORDS})\b"
                   rf"|(?P<date>{DATE_WORDS})|(?P<month>{MONTH_WORDS})\b)")
TO_DATE = re.compile(rf"\b(?:to|-) (?:the )?(?P<date>{DATE_WORDS})")
PATTERNS = (STARTS, FOR, UNTIL, TO_DATE)  # what a span reads (the leftovers do not count these words as left out)


@dataclass(frozen=True)
class Span:
    """The first and last day a phrase gives (None when not said) and the phrase without them."""

    start: date | None
    until: date | None
    rest: str


def find_span(words: str, today: date, zone_name: str) -> Span:
    """The span a phrase gives; ScheduleError when it ends before it starts or has already ended."""
    start, words = _start(words, today, zone_name)
    until, words = _until(words, start, today, zone_name)
    if until is not None and until < (start or today):
        raise ScheduleError(f"That ends on {until:%a %d %b}, before it starts. Try \"for 6 weeks\" or \"until 24 Dec\".")
    return Span(start, until, " ".join(words.split()))


def within(reading: Schedule | Question, span: Span, now: datetime, zone: tzinfo) -> Schedule | Question:
    """A reading with a first or last day: a one-off asks which days of the week (a span is for a
    repeating plan), and a plan with no session between its days is refused."""
    if isinstance(reading, Question):
        return replace(reading, start=span.start, until=span.until)
    if not reading.recurring:
        at = reading.once_at.astimezone(zone).time().replace(tzinfo=None)  # type: ignore[union-attr]
        return Question(f"Which days of the week{span_words(span)}? Tap them below or type them, e.g. \"Mon Wed Fri\".",
                        local_time=at, picker=True, start=span.start, until=span.until)
    if not next_occurrences(reading, zone, now, 1):
        raise ScheduleError(f"No session of that plan falls{span_words(span)}. Pick other days or a longer span.")
    return reading


def span_words(span: Span) -> str:
    """" from Mon 7 Dec until Sun 17 Jan", for a question about a plan with a first or last day."""
    return (f" from {span.start:%a %-d %b}" if span.start else "") + (f" until {span.until:%a %-d %b}" if span.until else "")


def ask_days_and_time(span: Span) -> Question:
    """"for 6 weeks" alone: which days and what time, the span kept."""
    return Question(f"Which days and what time{span_words(span)}? Tap the days below, or type e.g. \"Mon Wed Fri at 7\".",
                    picker=True, start=span.start, until=span.until)


def _start(words: str, today: date, zone_name: str) -> tuple[date | None, str]:
    """The first day ("starting next week": the coming Monday) and the phrase without it."""
    match = STARTS.search(words)
    if not match:
        return None, words
    if match["week"]:
        found = today + timedelta(days=7 - today.weekday())
    elif match["month"]:
        found = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    elif match["dated"]:
        found = _date(match["dated"], today, zone_name)
    elif match["day"]:
        found = _weekday(today, DAYS[match["day"]], match[0])
    else:
        found = _date(match["date"], today, zone_name)
    return found, _cut(words, match)


def _until(words: str, start: date | None, today: date, zone_name: str) -> tuple[date | None, str]:
    """The last day ("for 6 weeks" from the start: its 42nd day; a date: its next one from today)
    and the phrase without it."""
    match = FOR.search(words)
    if match:
        return _lasting(match, start or today), _cut(words, match)
    match = next((m for m in UNTIL.finditer(words) if not (m["day"] and _after_day(words[:m.start()]))), None)
    match = match or (TO_DATE.search(words) if start else None)  # "from 1 dec to 20 dec"
    if not match:
        return None, words
    if match["date"]:
        return _date(match["date"], today, zone_name), _cut(words, match)
    if match["end"]:
        return _end_of(match["end"].split()[-1] if "next" not in match["end"] else "next month", start or today), _cut(words, match)
    if match["day"]:
        return _weekday(start or today, DAYS[match["day"]], match[0]), _cut(words, match)
    last = _end_of(match["month"], today)  # "through december": its last day; "until december": the day before it
    return (last if match["word"] in ("through", "thru") else last.replace(day=1) - timedelta(days=1)), _cut(words, match)


def _lasting(match: re.Match[str], start: date) -> date:
    """The last day of "for 6 weeks", "for a month", "for the rest of the month"."""
    if match["rest"]:
        return _end_of(match["rest"], start)
    n = 1 if match["n"] in ("a", "an") else int(match["n"])
    if n < 1:
        raise ScheduleError("A plan lasts at least a day. Try \"for 6 weeks\".")
    return _after(start, n, match["unit"])


def _after_day(before: str) -> bool:
    """Whether a day name ends the words before "until" ("mon until fri" is a range of days, no end)."""
    last = before.split()[-1:] or [""]
    return last[0] in DAYS or last[0].removesuffix("s") in DAYS


def _after(start: date, n: int, unit: str) -> date:
    """The last day of n days, weeks or months from `start` (a month ends the day before the same date)."""
    if unit != "month":
        return start + timedelta(days=n * (7 if unit == "week" else 1) - 1)
    month = start.month - 1 + n
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1])) - timedelta(days=1)


def _end_of(what: str, today: date) -> date:
    """The last day of this week, month or year, next month, or a named month (this year's, or next)."""
    if what == "week":
        return today + timedelta(days=6 - today.weekday())
    if what == "year":
        return date(today.year, 12, 31)
    first = today.replace(day=1)
    if what == "next month":
        first = (first + timedelta(days=32)).replace(day=1)
    elif what in MONTHS:
        first = date(today.year + (MONTHS[what] < today.month), MONTHS[what], 1)
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _weekday(today: date, weekday: int, said: str) -> date:
    """The coming day with this name (today counts, unless "next" was said)."""
    ahead = (weekday - today.weekday()) % 7
    return today + timedelta(days=ahead or (7 if " next " in f" {said} " else 0))


def _date(said: str, today: date, zone_name: str) -> date:
    """A date as find_date reads it (the day/month order from the zone when it is open)."""
    days, _ = find_date(_BARE_ORDINAL.sub("the ", said), today, zone_name)  # "till 15th"
    if not days:
        raise ScheduleError(f"\"{said}\" isn't a date I can read. Try \"until 24 Dec\" or \"for 6 weeks\".")
    return days[0]


def _cut(words: str, match: re.Match[str]) -> str:
    """The phrase without a match."""
    return f"{words[:match.start()]} {words[match.end():]}"
