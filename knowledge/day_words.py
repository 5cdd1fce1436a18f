"""A day of the week named about stored plans without saying whether its next session or the plan is meant
("cancel tue", "no fri", "cant do saturdays"), a day taken off a plan for good ("i cant do saturdays anymore",
"cancel saturdays for good, keep wednesday"), a skip taken back ("nvm i can make thursday after all") and time away
until a day ("stop reminding me for a while, im on holiday till the 20th") or several sessions at once ("im away mon to
wed", "skip the next 3 sessions"). Read by their words alike for every day, on the words as normalised (typos of days
fixed), for the requests about plans to act on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from scheduler.dates import find_date
from scheduler.model import ScheduleError
from scheduler.span import find_span
from scheduler.words import normalise


class DayWord(Enum):
    """What the words about a day ask."""

    ASK = "ask"  # the next session or the day off the plan: asked which
    DROP = "drop"  # the day off the plan for good
    UNSKIP = "unskip"  # a skipped session back on
    AWAY = "away"  # every session until a day skipped (asked first)
    SKIP = "skip"  # the next session that day, a reason beside it (asked first)


@dataclass(frozen=True)
class DaySaid:
    """The reading: what is asked, the weekdays named (0 Monday), and for time away its first and last day."""

    how: DayWord
    days: frozenset[int] = frozenset()
    start: date | None = None
    until: date | None = None
    count: int = 0  # time away as the next sessions ("skip the next 3 sessions"): how many
    dates: frozenset[date] = frozenset()  # time away as dates named ("skip the 7th and 9th"): only those
    every: bool = False  # skips taken back: every one skipped (from `start` when it is said), not one session


_DAY = (r"(?:mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
        r"(?:s|'s)?")
_DAYS = re.compile(rf"\b{_DAY}\b")
_KEPT_DAY = re.compile(rf"\b(?:keep|keeping|leave|but not|except)\s+(?:the\s+|my\s+)?({_DAY}(?:\s+(?:and\s+)?{_DAY})*)")
_FILLER = r"(?:pls|please|plz|ok|okay|so|hey|hi|sorry|actually|um+|uh+|hm+|ugh|yeah|ya|i need to|i have to|i gotta|gotta|" \
          r"need to|have to|i wanna|i want to|can you|could you|can u|lets|let's|just)"
_TAIL = r"(?:pls|please|plz|thx|thanks|ty|sorry|then|for me|lol|sadly|unfortunately|mate|bro)"
# a weekday as typed: "mon", "tues", "wednesday", "thurs", "sat" (one pattern for every reader of plan words)
DAY_NAME = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_NOT = r"(?:cancel|cancl|cancle|cansel|canc|no|nope|not|cant do|can't do|cannot do|can not do|cant make|can't make|cannot make" \
       r"|can not make|no can do)"
# the verb of cancelling and one day, nothing saying which: "cancel tue", "no fri pls", "cant do saturdays"
_BARE = re.compile(rf"^(?:{_FILLER}\s+)*{_NOT}\s+(?:(?:the|my|on)\s+)?({_DAY})(?:\s+{_TAIL})*$")
# "cant make it friday, dentist at 8": one day (not "fridays"), then a reason
_CANT_MAKE = re.compile(r"^\W*(?:(?:sorry|ugh|hey|so|ok|sadly|unfortunately)\W+)*i?\s*(?:cant|can't|cannot|can not|wont be able to"
                        r"|won't be able to|will not be able to)\s+(?:make it|make|do|come|train)\s+(?:on\s+)?(?:this\s+)?"
                        rf"({DAY_NAME})\b(?!s)"
                        r"(?=\s*[,.;!-]|\s+(?:because|cause|cuz|coz|as|since|bc|got|have|i have|im|i'm|i've)\b)")
_BARE_AFTER = re.compile(rf"^(?:{_FILLER}\s+)*(?:(?:the|my)\s+)?({_DAY})\s+(?:is\s+)?(?:off|out|cancel(?:l?ed)?|no go|a no go)"
                         rf"(?:\s+{_TAIL})*$")  # "tue off", "fri is out"
_FOR_GOOD = re.compile(r"\b(?:any ?more|for good|from now on|permanently|forever|going forward|ever again|no longer"
                       r"|from here on|for the foreseeable future|till further notice|until further notice)\b")
_TAKEN_OFF = re.compile(r"\b(?:dead to me|take (?:it|them|that|those|these) off|off (?:the|my) (?:plan|schedule|list))\b")
_NO_MORE = re.compile(rf"\b(?:no more|no longer)\s+(?:(?:the|my|any)\s+)?{_DAY}")
_CANNOT = re.compile(r"\b(?:cancel\w*|drop|stop|cant|can't|cannot|can not|not|no|remove|quit|done with|finished with|over)\b")
_OTHER_CHANGE = re.compile(r"\b(?:add|instead|move|moving|swap|switch|change|shift|push|replace|plus|make|put|\d)|\bto\s+" + _DAY)
_ASKS = re.compile(r"\?|^(?:should|shall|can i|could i|is|are|what|how|why|when|do i|does|would)\b")
_ONE = re.compile(r"\b(?:this|next|coming|tomorrow|today|tonight|week|the \d|\d+(?:st|nd|rd|th))\b|\bskip")
_BACK = re.compile(r"\b(?:unskip|un skip|undo (?:the |that |my )?skip|restore|put\s+(?:\S+\s+){0,3}?back|bring\s+(?:\S+\s+){0,3}?back"
                   r"|back on|(?:is|its|it's) on again|works again|after all|changed? (?:my|of) (?:mind|plans?)"
                   r"|(?:i'?ll|i will|i can|i'?m gonna) be there|scratch that|ignore (?:what i said|that|my last))\b")
_CHANGES = re.compile(r"\b(?:cancel\w*|drop|remove|delete|move|instead|change|add)\b")  # another change said
_NEGATED = re.compile(r"\b(?:cant|can't|cannot|not|wont|won't|dont|don't|never)\b")  # "i wont make it friday after all"
_CAN_AFTER_ALL = re.compile(r"\b(?:can|could|will|gonna|going to|free|able|works?|do it|make it|make)\b")
_BARE_SKIP = re.compile(r"\bskip\b(?!\w)(?! (?:back|again))")
_SKIP_TOLD = re.compile(r"\b(?:the|that|my|a)\s+(?:\w+\s+)?skip\b|\bskipped\b|\bunskip")
_AWAY = re.compile(r"\b(?:holidays?|vacation|vacay|away|travel+ing|trip|break|pause|out of town|abroad|on leave|off work"
                   r"|stop remind\w*|no reminders?|skip (?:everything|all|it all|them all|every\w*|the rest)|hold|rest of"
                   r"|no (?:gym|training|workouts?|sessions?))\b")
_ENDS_PLANS = re.compile(r"\b(?:cancel\w*|delete|remove|plans?|program\w*|for good|any ?more)\b")  # plans ended, not time away
_ONE_NAMED = re.compile(rf"{_DAYS.pattern}|\b\d{{1,2}}(?:st|nd|rd|th)\b")  # one session named by its day
_WEEK_AWAY = re.compile(r"\b(?P<which>this|next|coming|rest of(?: the| this)?)\s+week\b")
_WEEKEND_AWAY = re.compile(r"\b(?P<which>this|next|coming)?\s*weekends?(?P<after> after next)?\b")
_SKIP = re.compile(r"\bskip")
_PLANNING = re.compile(r"\b(?:remind|every|plan|schedule|set up|book)\b")  # a new plan's words, not time away
_CLOCK = re.compile(r"\d|\b(?:noon|midday|morning|evening|afternoon|night)\b")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
# the first of two dates said as a range without "from" ("24 dec to 3 jan", "the 18th - the 22nd")
_FROM_FIRST = re.compile(rf"\b(?:the )?\d{{1,2}}(?:st|nd|rd|th)?(?: {_MONTH})?(?= (?:to|till|until|thru|through|-) )"
                         rf"|\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?= (?:to|till|until|thru|through|-) )")
_FROM = re.compile(r"\b(?:from|starting|as of)\b")
# several sessions in one message: a range of weekdays ("im away mon to wed"), a day that cannot be made ("i cant come
# monday and wednesday"), the next few ("skip the next 3 sessions")
_RANGE = re.compile(rf"\b(?P<first>{_DAY})\s*(?:to|till|until|thru|through|-)\s*(?P<last>{_DAY})\b")
_MISSING = re.compile(r"\b(?:cant|can't|cannot|can not|wont|won't|unable to|not able to)\s+(?:make it|make|come|go|train|do it)\b"
                      r"|\bmiss\b")
_PLURAL_DAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b")  # "mondays": every week, not the next one
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "couple": 2, "few": 3}
_NEXT_COUNT = re.compile(r"\b(?:next|coming|following)\s+(?:couple\s+of\s+|few\s+)?(?P<n>\d{1,2}|two|three|four|five|six|couple|few)?"
                         r"\s*(?:sessions?|workouts?|ones|times|trainings?)\b")
_MOVED = re.compile(r"\b(?:add|instead|move|moving|swap|switch|change|shift|push|replace|plus|make|put)\b")  # not a skip alone
# two dates joined ("the 7th and 9th", "dec 7 and dec 9"): not a date and a holiday named in a reason ("skip the 23rd,
# work christmas party is the night before")
_TWO_DATES = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?[a-z]{3,9})?\s*(?:,|and|&|or|\+)\s*(?:the\s+)?(?:[a-z]{3,9}\s+)?"
                        r"\d{1,2}(?:st|nd|rd|th)?\b")
_ORDINAL_AFTER = re.compile(r"\b(and|or|,|&)\s+(\d{1,2}(?:st|nd|rd|th))\b")
# the days of several sessions are listed together ("monday and wednesday", "mon, wed"): days in clauses apart ("skip
# tuesday, ill go thursday") are no list (narrowed after a frozen plan-changes item was changed unasked)
_LISTED = re.compile(rf"\b{_DAY}(?:\s*(?:,|and|&|\+|n|or)\s*{_DAY})+\b")
# every skip taken back at once: "unskip all", "put them all back", "cancel my holiday", "holiday is off, restore all"
_ALL_BACK = re.compile(r"\b(?:unskip|un skip|restore|put|bring)\s+(?:them\s+|it\s+|my sessions\s+|the sessions\s+)?(?:all|every\w*"
                       r"|the lot|the rest)\b|\b(?:put|bring)\s+(?:them|everything|it all|them all|all|my sessions)\s+back\b"
                       r"|\b(?:cancel\w*|call\w* off|scrap|end|undo|forget)\s+(?:about\s+)?(?:my|the|our|that)\s+"
                       r"(?:holidays?|vacation|vacay|trip|break|time off|time away|leave|pause)\b"
                       r"|\b(?:holidays?|vacation|vacay|trip|break|time off)\s+(?:is\s+|got\s+|has been\s+|was\s+|'s\s+)?"
                       r"(?:cancel\w*|off|called off|over|not happening)\b")
# skips taken back from a day on: "im back on the 16th, put them back from then", "unskip from the 16th"
_BACK_FROM = re.compile(r"\b(?:i'?m|im|i am|i'?ll be|ill be|i will be|be|coming|get|getting|got)\s+back\b"
                        r"|\b(?:unskip|un skip|restore|(?:put|bring)\s+(?:\S+\s+){0,2}?back)\b(?:\s+\S+){0,3}?\s+"
                        r"(?:from|after|as of|starting)\b")
DAY_INDEX = {"mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}


def day_said(typed: str, today: date, zone: str) -> DaySaid | None:
    """What a message says about a day of stored plans (see the module), or None."""
    if _ASKS.search(typed.strip().lower()):  # a question as typed: the schedule reader's words need not be made
        return None
    words = normalise(typed)
    if _ASKS.search(words):
        return None
    return _all_back(words, today, zone) or _back(words) or _away(words, today, zone) or _dropped(words) or _bare(words) \
        or _cant_make(typed)


def _all_back(words: str, today: date, zone: str) -> DaySaid | None:
    """Every skip taken back ("unskip all", "cancel my holiday"), or those from a day on ("actually i'm back on the 16th,
    put them back from then", "unskip from the 16th"): time away shortened or called off. A weekday named is one session's
    ("unskip friday"): None then, as for anything else."""
    if _weekdays(words):
        return None
    if _BACK_FROM.search(words):
        try:
            dates, _ = find_date(words, today, zone)
        except ScheduleError:
            dates = []
        if len(dates) == 1:
            return DaySaid(DayWord.UNSKIP, start=dates[0], every=True)
    return DaySaid(DayWord.UNSKIP, every=True) if _ALL_BACK.search(words) else None


def _cant_make(typed: str) -> DaySaid | None:
    """One day that cannot be made, with a reason ("cant make it friday, dentist at 8"): that day's next session."""
    found = _CANT_MAKE.match(typed.lower())
    return DaySaid(DayWord.SKIP, frozenset({DAY_INDEX[found.group(1)[:2]]})) if found else None


def _weekdays(words: str) -> frozenset[int]:
    """The weekdays named, less those said to be kept ("keep wednesday")."""
    kept = {d for m in _KEPT_DAY.finditer(words) for d in _indexes(m.group(1))}
    return frozenset(_indexes(words)) - kept


def _indexes(words: str) -> set[int]:
    """The weekdays of the day words in `words`."""
    return {DAY_INDEX[m.group()[:2]] for m in _DAYS.finditer(words)}


def _bare(words: str) -> DaySaid | None:
    """A day named with a word of cancelling and nothing else: which is meant is asked."""
    found = _BARE.match(words) or _BARE_AFTER.match(words)
    return DaySaid(DayWord.ASK, frozenset(_indexes(found.group(1)))) if found else None


def _dropped(words: str) -> DaySaid | None:
    """A day off the plan for good: a word of cancelling and one of lasting ("anymore", "for good"), or "no more
    saturdays"; not when something else changes too ("drop fri, add sat") or one session is named ("this friday")."""
    days = _weekdays(words)
    lasting = _NO_MORE.search(words) or _TAKEN_OFF.search(words) or _FOR_GOOD.search(words) and _CANNOT.search(words)
    if not days or not lasting or _OTHER_CHANGE.search(words) or _ONE.search(words):
        return None
    return DaySaid(DayWord.DROP, days)


def _several(words: str, today: date, zone: str, week: re.Match[str] | None, away: bool) -> DaySaid | None:
    """Several sessions named in one message, skipped together after one question: a range of weekdays ("im away mon
    to wed": the next Monday to the Wednesday after it, in the week named if one is), the next few ("skip the next 3
    sessions"), two or more days of the coming week ("skip monday and wednesday", "i cant come mon and wed"), or dates
    ("skip the 7th and 9th")."""
    skipping = bool(_SKIP.search(words) or _MISSING.search(words))
    if _FOR_GOOD.search(words) or _NO_MORE.search(words) or not (skipping or away):
        return None
    ranged = _RANGE.search(words)
    if ranged is not None:
        first, last = (DAY_INDEX[ranged.group(g)[:2]] for g in ("first", "last"))
        base = today
        if week is not None and not week["which"].startswith(("this", "rest")):
            base = today - timedelta(days=today.weekday()) + timedelta(days=7)
        start = base + timedelta(days=(first - base.weekday()) % 7)
        return DaySaid(DayWord.AWAY, start=start, until=start + timedelta(days=(last - first) % 7))
    counted = _NEXT_COUNT.search(words)
    if counted is not None and skipping:
        n = counted["n"] or "1"
        many = int(n) if n.isdigit() else _NUMBERS[n]
        return DaySaid(DayWord.AWAY, start=today, until=today + timedelta(days=62), count=many) if many > 1 else None
    if not skipping or week is not None or _MOVED.search(words):
        return None
    days = _weekdays(words)
    listed = len(days) > 1 and _LISTED.search(words) is not None
    if listed and not _OTHER_CHANGE.search(words) and (_SKIP.search(words) or not _PLURAL_DAY.search(words)):
        return DaySaid(DayWord.AWAY, days, start=today, until=today + timedelta(days=6))
    dates = _dates(words, today, zone) if not days and _TWO_DATES.search(words) else frozenset()
    return DaySaid(DayWord.AWAY, start=min(dates), until=max(dates), dates=dates) if len(dates) > 1 else None


def _dates(words: str, today: date, zone: str) -> frozenset[date]:
    """The dates a message names one after another ("the 7th and 9th"), each read where it stands."""
    found: set[date] = set()
    rest = words
    for _ in range(4):
        try:
            dates, left = find_date(rest, today, zone)
        except ScheduleError:
            break
        if len(dates) != 1 or left == rest:
            break
        found.add(dates[0])
        rest = _ORDINAL_AFTER.sub(r"\1 the \2", left)  # "the 7th and 9th": the second read as "the 9th"
    return frozenset(found)


def _back(words: str) -> DaySaid | None:
    """A skip taken back: "unskip friday", "nvm i can make thursday after all", "undo the skip"."""
    if not _BACK.search(words) or _BARE_SKIP.search(words) and not _SKIP_TOLD.search(words) or _CHANGES.search(words):
        return None
    if "after all" in words and not _CAN_AFTER_ALL.search(words) or _NEGATED.search(words):
        return None
    days = _weekdays(words)
    return DaySaid(DayWord.UNSKIP, days) if days or _SKIP_TOLD.search(words) else None


def _away(words: str, today: date, zone: str) -> DaySaid | None:
    """Time away until a day ("im on holiday till the 20th", "skip everything until jan 4", "away next week", "going
    skiing from the 18th to the 22nd", "skip the rest of this week", "skip wed and fri this week")."""
    if _ENDS_PLANS.search(words) or _PLANNING.search(words):
        return None
    away = _AWAY.search(words) is not None
    week = _WEEK_AWAY.search(words)
    days = _weekdays(words)
    several = _several(words, today, zone, week, away)
    if several is not None:
        return several
    skipping = bool(_SKIP.search(words) or _MISSING.search(words))
    if week is not None and (away or len(days) > 1 and _SKIP.search(words) or skipping and not days):
        if days and (len(days) < 2 or not _SKIP.search(words)):
            return None  # "travelling next week, skip the thursday one": that session
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7 * (not week["which"].startswith(("this", "rest"))))
        return DaySaid(DayWord.AWAY, days, start=max(monday, today), until=monday + timedelta(days=6))
    weekend = _WEEKEND_AWAY.search(words)
    if weekend is not None and away and not days:
        later = weekend["which"] in ("next", "coming") or bool(weekend["after"])  # "the weekend after next": after the next
        saturday = today + timedelta(days=(5 - today.weekday()) % 7 + 7 * later)
        return DaySaid(DayWord.AWAY, start=saturday, until=saturday + timedelta(days=1))
    try:
        span = find_span(_FROM_FIRST.sub(r"from \g<0>", words, count=1) if not _FROM.search(words) else words, today, zone)
    except ScheduleError:
        return None
    if span.until is None or _ONE_NAMED.search(span.rest) or not (away or span.start and not _CLOCK.search(span.rest)):
        return None
    return DaySaid(DayWord.AWAY, start=span.start or today, until=span.until)
