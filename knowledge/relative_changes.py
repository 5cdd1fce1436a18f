"""Changes to a plan said relative to what it has (slots of the plans reader): its days ("drop friday",
"no monday pls", "add tuesday", "sundays too", "swap friday for thursday", "move the wednesday session
to thursday", "from saturday to sunday", "thursday instead of wednesday", "not friday, thursday") and
its time ("an hour later", "30 min earlier", "push it back half an hour"). Read from the words as
typed; which plan has the days is the caller's to know."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.patterns import LazyPattern, lazy_regex
from scheduler.words import DAYS

WEEKDAY = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?"
            r"|sun(?:day)?)")
_DAY = rf"{WEEKDAY}(?:'?s)?"
_D = rf"\b({_DAY})\b"
_DAY_WORD = lazy_regex(_D, re.IGNORECASE)
_WORDS = lazy_regex(r"[a-z']+")
_LEAD = lazy_regex(r"\bremind|notice|ping", re.IGNORECASE)  # a reminder's lead ("1 hour before"), no shift
_FILL = r"(?:\s+(?!to\b|for\b|with\b|into\b|on\b)[\w']+){0,4}?"  # "the wednesday strength session to ..."
_LIST = rf"{_DAY}(?:\s*(?:,|and|&|/)?\s*{_DAY})*"
_L = rf"\b({_LIST})\b"
# days for days (one or a list): drop the first named, add the second
_SWAP = lazy_regex(rf"\b(?:swap|switch|change|replace|move|shift|trade|push|put)\b(?:\s+(?:the|my|our))?{_FILL}\s+{_L}{_FILL}"
                   rf"\s+(?:for|with|to|into|on|->|→)\s+(?:a\s+|the\s+)?{_L}", re.IGNORECASE)
_FROM_TO = lazy_regex(rf"\bfrom\s+{_L}\s+(?:to|->|→)\s+(?:a\s+|the\s+)?{_L}", re.IGNORECASE)
_ARROW = lazy_regex(rf"{_L}(?:\s+(?:plan|one|session|workout|training|class)s?\s+to\b|(?:\s+(?:plan|one|session|workout)s?)?\s*"
                    rf"(?:->|→|=>|should be|becomes?|is now))\s*{_L}", re.IGNORECASE)  # "saturday session to sunday"
_INSTEAD = lazy_regex(rf"{_L}\s+(?:instead of|rather than|in place of)\s+(?:the\s+)?{_L}",
                      re.IGNORECASE)  # the new days first ("tue wed fri instead of mon wed fri")
# the old days first ("instead of friday do thursday")
_INSTEAD_FIRST = lazy_regex(rf"^\W*(?:instead of|rather than|in place of)\s+(?:the\s+)?{_L}\s*,?\s*"
                            rf"(?:(?:do|make it|have|put|use|go with)\s+)?(?:on\s+)?{_L}", re.IGNORECASE)
_NOT_BUT = lazy_regex(rf"\bnot\s+(?:on\s+)?{_D}\s*(?:,|but|;|-)\s*(?:on\s+|make it\s+)?{_D}"
                      rf"|{_D}\s+(?:no|nope)\b[,;\s-]*(?:(?:put|make it|do|on)\s+)?{_D}"  # "wednesday no, put tuesday"
                      rf"|{_D}[^.;,]*[,;-]\s*(?:so\s+)?(?:make it|move it to|switch it to|change it to|put it on|do it on"
                      rf"|(?:swap|switch|trade|change|replace) it (?:for|with|to))"
                      rf"\s+(?:on\s+)?{_D}",
                      re.IGNORECASE)  # "i work late wednesdays, make it tuesday instead", "thursday is bad, swap it for wednesday"
_CANT = r"(?:can'?t|cannot|can not|unable to|won'?t be able to)\s+(?:do|make|manage|train(?:\s+on)?)"  # "cant do tuesdays"
_DROP = lazy_regex(rf"\b(?:drop|remove|delete|cut|ditch|scrap|lose|take(?:\s+out|\s+off)?|without|no(?:\s+more)?|minus|skip"
                   rf"|except|not|{_CANT})\b(?:\s+(?:the|my|all|any|on))?\s+{_D}(?:\s*(?:,|and|&|or)\s*{_D}(?!\s+instead))?", re.IGNORECASE)
# a day said not to work ("tuesdays dont work for me", "thursday is bad", "fridays are out for me"): off the plan
_UNFIT = lazy_regex(rf"{_D}(?:\s*(?:,|and|&|or)\s*{_D})?\s+(?:(?:just|really|kinda|usually|never)\s+)?"
                    rf"(?:(?:do|does|would)\s*n[o']?t\s+work|won'?t\s+work|will not\s+work|(?:is|are|'s)\s+(?:(?:really|kinda|just)\s+)?"
                    rf"(?:bad|out|no good|not good|a no go|no go|impossible|a problem|tough|a bust))\b", re.IGNORECASE)
# the day put in place of the one taken off ("no thursday, wednesday instead", "skip thursdays, do wed instead")
_IN_PLACE = lazy_regex(rf"{_D}\s+instead\b|\binstead\s+(?:do\s+|on\s+|have\s+|make it\s+)?{_D}", re.IGNORECASE)
_OFF = lazy_regex(rf"{_D}\s+off\b", re.IGNORECASE)  # "take friday off the plan"
_ADD = lazy_regex(rf"\b(?:add|plus|also|include|and)\b(?:\s+(?:a|an|the|on))?\s+{_D}(?:\s*(?:,|and|&)\s*{_D})?"
                  rf"(?!\s*(?:,|and|&)?\s*(?:at(?!\s+(?:the\s+)?same\b)|\d))", re.IGNORECASE)  # "at same hour" is no time
_PUT = lazy_regex(rf"\bput\s+(?:in\s+)?(?:also\s+)?(?:(?:a|an|the|on)\s+)?{_D}(?!\s*(?:,|and|&)?\s*(?:at(?!\s+(?:the\s+)?same\b)|\d))",
                  re.IGNORECASE)  # "put tuesday in", "put also the sunday at same hour"
_TOO = lazy_regex(rf"{_D}\s+(?:too|as well|also)\b", re.IGNORECASE)
_ADD_SAID = lazy_regex(r"\b(?:add|plus|include|too|as well|also|extra|put)\b", re.IGNORECASE)
_ONE = lazy_regex(rf"\b(?:this|next|nxt|coming)\s+{_DAY}|\b{WEEKDAY}'s\b", re.IGNORECASE)  # "friday's": one session, not the plan
_GROUP = lazy_regex(r"\bevery\s*day\b|\bdaily\b|\bweek(?:day|end)s?\b", re.IGNORECASE)  # days said outright
_AMOUNT = {"a": 60, "an": 60, "one": 60, "1": 60, "two": 120, "2": 120, "half an": 30, "half a": 30, "a half": 30}
_SHIFT = lazy_regex(r"\b(half an?|an?|one|two|\d{1,3})\s*(h|hrs?|hours?|m|mins?|minutes?)?\s+(later|earlier|sooner|back|forward"
                    r"|before|after)\b", re.IGNORECASE)
_SHIFT_AFTER = lazy_regex(r"\b(later|earlier|back|forward)\s+(?:by\s+)?(half an?|an?|one|two|\d{1,3})\s*(h|hrs?|hours?|m|mins?|minutes?)\b",
                          re.IGNORECASE)  # "push it back half an hour"
_LATER = frozenset({"later", "back", "after"})
# the words these readings take a change from ("drop", "add", "keep mon and fri", "swap ... for"): read, never left out
CHANGE_WORDS = frozenset("drop remove delete cut ditch scrap lose take out off without no more minus skip except not add plus also "
                         "include and too as well extra swap switch change replace move shift trade push put into for with keep "
                         "just only later earlier sooner back forward by early late one ones cant can't cannot unable do does dont "
                         "don't doesnt doesn't won't wont work works is are bad good instead me".split())


@dataclass(frozen=True)
class DayChange:
    """Weekdays (0 = Monday) to add to a weekly plan and to take from it."""

    add: frozenset[int] = frozenset()
    drop: frozenset[int] = frozenset()

    def applied(self, days: frozenset[int]) -> frozenset[int]:
        """A plan's days after the change."""
        return (days - self.drop) | self.add


def day_change(typed: str) -> DayChange | None:
    """The days a message adds to or takes from a plan ("swap friday for thursday": Thursday in,
    Friday out), or None when it says its days outright ("tue and thu") or names none."""
    if _GROUP.search(typed) or _ONE.search(typed):
        return None
    instead = _INSTEAD.search(typed)
    if instead:  # "tue wed fri instead of mon wed fri": the days said first replace the others
        added, dropped = days_in(instead.group(1)), days_in(instead.group(2))
        return DayChange(added, dropped - added)
    for pattern in (_SWAP, _FROM_TO, _ARROW, _INSTEAD_FIRST, _NOT_BUT):
        found = pattern.search(typed)
        if found:
            dropped, added = (days_in(days) for days in found.groups() if days)
            return DayChange(added, dropped - added)
    drop = _all_days(_DROP, typed) | _all_days(_OFF, typed) | _all_days(_UNFIT, typed)
    add = _all_days(_ADD, typed) | _all_days(_TOO, typed) | _all_days(_PUT, typed) if _ADD_SAID.search(typed) else frozenset()
    add = add | _all_days(_IN_PLACE, typed) if drop else add
    return DayChange(frozenset(add - drop), frozenset(drop)) if add or drop else None


def days_in(said: str) -> frozenset[int]:
    """The weekdays a list names ("tue wed fri")."""
    return frozenset(_index(day) for day in _DAY_WORD.findall(said))


def _all_days(pattern: LazyPattern, typed: str) -> frozenset[int]:
    """Every weekday the pattern's matches name."""
    return frozenset(_index(day) for found in pattern.finditer(typed) for day in found.groups() if day)


def _index(day: str) -> int:
    """A weekday word's index (0 = Monday)."""
    return DAYS[day.lower()[:3]]


def change_words_only(words: str) -> bool:
    """Whether a stretch of words is only the wording of a relative change ("drop", "and add", "keep")."""
    said = _WORDS.findall(words.lower())
    return bool(said) and all(w in CHANGE_WORDS for w in said)


def without_shift(typed: str) -> str:
    """A message without the amount it moves a time by ("make the early one 30 min earlier": "make the early one")."""
    return _SHIFT_AFTER.sub(" ", _SHIFT.sub(" ", typed))


def time_shift(typed: str) -> int | None:
    """The minutes a message moves a plan's time by ("an hour later": 60, "30 min earlier": -30, "push it
    back half an hour": 30), or None when it says none (a reminder's lead, "1 hour before", is no shift)."""
    found = _SHIFT.search(typed)
    after = _SHIFT_AFTER.search(typed) if found is None else None
    if _LEAD.search(typed) or found is None and after is None:
        return None
    amount, unit, way = (found.group(1), found.group(2) or "", found.group(3)) if found else after.group(2, 3, 1)  # type: ignore[union-attr]
    amount, unit, way = amount.lower(), unit.lower(), way.lower()
    if way in ("before", "after"):
        return None
    if amount.isdigit():
        minutes = int(amount) * (60 if unit.startswith("h") else 1) if unit else 0
    else:
        minutes = _AMOUNT.get(amount, 0) * (1 if unit.startswith("h") or not unit else 0)
    if not minutes or minutes >= 24 * 60:
        return None
    return minutes if way in _LATER else -minutes
