"""How long before a session the reminder comes, read from typed words ("remind me 30 min before",
"an hour before", "give me an hour's notice", "at the start") for /settings and the planning dialogue."""

from __future__ import annotations

import re

LEADS = (0, 15, 30, 60, 120)  # the choices offered as buttons
MAX_LEAD = 240  # typed leads up to four hours before
_AMOUNT = r"(?:(?<!\w)(?P<minus>-)\s*)?\b(?P<n>\d{1,3}(?:[.,]\d{1,2})?|an?|one|two|half an?)"
_UNIT = r"(?P<unit>h|hrs?|hours?|m|mins?|minutes?)(?P<half>\s+and\s+a\s+half)?"
_BEFORE = re.compile(rf"{_AMOUNT}\s*{_UNIT}(?:'?s)?\s*"
                     r"(before|earlier|early|ahead|in advance|beforehand|prior|notice|warning|heads[- ]?up)\b")
_SET_TO = re.compile(rf"\b(?:remind\w*|lead(?: time)?|notice)\b.*?\bto\s+{_AMOUNT}\s*{_UNIT}\b")  # "set the reminder to 15 minutes"
# the lead said beside a reminder asked earlier ("earlier reminder pls, like 2 hours") or as its length ("a 2 hour reminder")
_EARLIER = re.compile(rf"\b(?:earlier|sooner|longer)\s+(?:reminders?|notice|heads[- ]?up|pings?)\b\W+(?:[a-z]+\W+){{0,3}}?"
                      rf"{_AMOUNT}\s*{_UNIT}\b")
_LONG = re.compile(rf"{_AMOUNT}[\s-]*{_UNIT}\s+(?:(?:earlier|early)\s+)?(?:reminders?|heads[- ]?up)\b")
# a reminder asked a day ahead ("remind me the night before"): longer than any lead
_DAY_AHEAD = re.compile(r"\b(?:remind\w*|notif\w*|ping|heads[- ]?up|notice)\b.*\b(?:the\s+)?(?:night|day|evening)\s+before\b")
_AT_START = re.compile(r"\b(remind|reminder|reminders|ping|notify)\b.*\b(at|when|as)\b.*\b(start|starts|begin|begins|time)\b"
                       r"|\bat the start\b|\bwhen (it|the session|each session) (starts|begins)\b")
_NO_REMINDERS = re.compile(r"\b(?:(?:turn|switch|shut)(?: them)? off|stop|disable|cancel|mute|silence|no more|without|"
                           r"(?:do not|dont|don't) (?:want|need)(?: any)?)\b.*\breminders?\b|\bremind(?:ing)? me never\b"
                           r"|\bnever remind\b|\breminders? off\b|\bstop reminding\b|\b(?:do not|dont|don't) remind me\b"
                           # "no reminders please", "no reminder needed", "no need for reminders" (not "no reminder on friday")
                           r"|\bno (?:need (?:for|of) )?(?:any )?(?:reminders?|notifications?)\b"
                           r"(?!\s+(?:on|for|at|before|until|till|this|next|\d))")
_REMINDER = re.compile(r"\b(?:remind\w*|notif\w*|ping|alert|warn\w*|notice|lead)\b")
# a lead changed from one length to another ("no more remind 30 min, make 45 min", "from 15 min to an hour"): the lengths
# in figures, and the words that mark one as the length it replaces (within the few words before it)
_LENGTH = re.compile(rf"(?:(?<!\w)(?P<minus>-)\s*)?\b(?P<n>\d{{1,3}}(?:[.,]\d{{1,2}})?)\s*{_UNIT}\b")
_REPLACED = re.compile(r"\b(?:not|no|instead|rather|from|than|was|stop|old)\W+(?:[a-z]+\W+){0,2}$")
# a duration alone, where the lead is asked (/settings): "make it 45 mins", "an hour", "change it to 15m pls"
_BARE = re.compile(rf"^\W*(?:(?:ok|okay|hmm|um|actually)\W+)?(?:(?:make|change|set|put|move)\s+(?:it|that|them|the reminders?)\s+"
                   rf"(?:to\s+)?|to\s+)?{_AMOUNT}\s*{_UNIT}(?:\s+(?:pls|plz|please|then|instead))?[\s.!]*$")
# a lead button's label typed alone where the buttons are shown ("at start", "15 min", "⏰ 1 h")
_START_LABEL = re.compile(r"^\W*(?:(?:ok|okay|make it|set it to|pick|choose)\s+)?(?:at|on)\s+(?:the\s+)?start"
                          r"(?:\s+(?:pls|plz|please|then))?[\s.!]*$")
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "half a": 0.5, "half an": 0.5}


def read_lead(text: str) -> int | None:
    """The reminder lead in minutes the message asks for, or None when it names none."""
    return split_lead(text)[0]


def split_lead(text: str) -> tuple[int | None, str]:
    """The lead the message asks for and the rest of the message ("Mon 7am, 1 hour before" ->
    (60, "Mon 7am, ")), or (None, the message)."""
    lowered = text.lower()
    found = _lead_said(lowered)
    if found:
        minutes = _minutes(found)
        fits = minutes <= MAX_LEAD and not found["minus"]
        return (minutes, text[:found.start()] + text[found.end():]) if fits else (None, text)
    start = _AT_START.search(lowered)
    return (0, text[:start.start()] + text[start.end():]) if start else (None, text)


def bare_lead(text: str) -> int | None:
    """The minutes a duration said alone names ("make it 45 mins", "an hour"), for a screen that asks for the lead."""
    found = _BARE.match(text.lower())
    return _minutes(found) if found and not found["minus"] else None


def lead_label(text: str) -> int | None:
    """The lead a typed button label names ("at start": 0, "15 min", "⏰ 1 h"), for a step that shows the lead buttons."""
    lowered = text.lower().replace("⏰", " ")
    return 0 if _START_LABEL.match(lowered) else bare_lead(lowered)


def lead_too_long(text: str) -> bool:
    """Whether the message asks for a lead past MAX_LEAD ("remind me 5 hours before")."""
    found = _lead_said(text.lower())
    return found is not None and _minutes(found) > MAX_LEAD or _DAY_AHEAD.search(text.lower()) is not None


def lead_negative(text: str) -> bool:
    """Whether the message asks for a reminder after the session starts ("remind me -10 minutes before")."""
    found = _lead_said(text.lower())
    return found is not None and bool(found["minus"])


def stops_reminders(text: str) -> bool:
    """Whether the message asks for no reminders at all ("remind me never", "turn off reminders")."""
    return _NO_REMINDERS.search(text.lower()) is not None


def _lead_said(lowered: str) -> re.Match[str] | None:
    """Where a lowered message says a lead: "30 min before", "an hour's notice", "set the reminder to 15 minutes"."""
    found = _BEFORE.search(lowered)
    if found and found.group(found.lastindex or 0) in ("earlier", "early") and not _REMINDER.search(lowered):
        found = None  # "shift the endurance one hour earlier": the session moves, not its reminder
    return found or _SET_TO.search(lowered) or _EARLIER.search(lowered) or _LONG.search(lowered) or _changed_to(lowered)


def _changed_to(lowered: str) -> re.Match[str] | None:
    """The length a reminder is changed to when a message names two or more and says which one it replaces ("no more
    remind 30 min, make 45 min": 45; "instead of 15 minutes, 1 hour for the reminder": 60); None otherwise."""
    if not _REMINDER.search(lowered):
        return None
    lengths = list(_LENGTH.finditer(lowered))
    kept = [found for found in lengths if not _REPLACED.search(lowered[max(0, found.start() - 40):found.start()])]
    return kept[0] if len(lengths) > 1 and len(kept) == 1 else None


def _minutes(found: re.Match[str]) -> int:
    """The minutes a matched "2 hours before" stands for."""
    amount = (_WORDS.get(found["n"]) or float(found["n"].replace(",", "."))) + (0.5 if found["half"] else 0)
    return round(amount * (60 if found["unit"].startswith("h") else 1))
