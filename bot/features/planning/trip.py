"""Coming back from a trip: "ok im back from tokyo", "im home again", "switch back to my old time zone" offer the zone
the user had before the last change (kept with the profile), never the place just left; and a stay told with an end
("im in tokyo this week", "till sunday") is said back when its zone is confirmed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.features.planning.zone import names_place
from knowledge.day_words import DAY_NAME

_FILLER = r"(?:(?:ok(?:ay)?|so|well|hey|hi|yay|phew|right|and|finally|just|now|guess what|good news)\W+)*"
_TRIP = (r"(?:(?:my|the|a|our)\s+)?(?:holiday|holidays|vacation|vacay|trip|travels?|travell?ing|business trip|work trip"
         r"|honeymoon|abroad|overseas|leave|visit|stay|time away|time off)")
# "back from tokyo", "just got back from my trip", "home from lisbon": where from is said
_BACK_FROM = re.compile(r"\b(?:back|home|returned|came back|flew back|flown back)\s+(?:again\s+)?from\s+(?P<from>[a-z' .-]+?)"
                        r"(?=\W*$|\s*[,;.!]|\s+(?:and|now|today|yesterday|last night|finally)\b)")
# "im home again", "back home", "im back home now", "got home last night": home, with no "from" of another kind
_HOME = re.compile(rf"^(?=.*\b(?:back|again|got|arrived|landed|made it|flew|flown|came|now)\b)\W*{_FILLER}"
                   r"(?:(?:i'?m|im|i am|we'?re|were|we are|i'?ve|ive|i|we)\s+)?(?:(?:just|finally|now|safely)\s+)?"
                   r"(?:(?:got|get|gotten|arrived|made it|came|come|flew|flown|landed|been)\s+)?(?:back\s+)?home(?:\s+again)?"
                   r"(?:\s+(?:now|again|today|tonight|yesterday|last night|at last|finally))?\W*$")
# "switch back to my old time zone", "back to my usual timezone", "change it back to home time", "revert my zone"
_OLD_ZONE = re.compile(r"\b(?:(?:switch|change|go|set|put|move|turn|revert|take|get)\s+(?:me\s+|it\s+|that\s+)?back"
                       r"(?:\s+to)?|back\s+to|revert(?:\s+to)?|return\s+to|restore)\s+(?:my\s+|the\s+)?"
                       r"(?:old|previous|usual|normal|home|original|regular|last|former|own|real)\s+"
                       r"(?:time\s*zone|tz|zone|time)\b|\b(?:revert|undo)\s+(?:my\s+|the\s+)?(?:time\s*zone|tz|zone)(?:\s+change)?\b")
# "back in lisbon", "back to lisbon time", "i go back to berlin now": the place is named
_BACK_IN = re.compile(rf"^\W*{_FILLER}(?:(?:i'?m|im|i am|we'?re|were|we are|i|we)\s+)?(?:(?:just|finally|now)\s+)?"
                      r"(?:(?:got|arrived|came|flew|go|going|went|fly|flying|head|heading|headed|travel\w*|return\w*|move|moved"
                      r"|moving)\s+|(?:can|could)\s+(?:you|u)\s+(?:put|switch|set|move|take)\s+me\s+|"
                      r"(?:put|switch|set|move|take)\s+me\s+)?(?:back(?:\s+home)?|home)\s+(?:in|to|on|at)\s+(?P<place>[a-z' .-]+?)"
                      r"(?:\s+(?:time|now|again|today|please|pls|plz|thanks|thx))*\W*$")
_TRIP_WORD = re.compile(rf"^{_TRIP}$")
# states one is back to or home to that are also the names of small places ("back to normal": Normal, Illinois)
_NO_PLACE = frozenset("normal rest sleep bed work it basics reality life routine myself yourself labor labour".split())
# a stay told with its end: "this week", "for a few days", "till sunday", "until the 20th"
_STAY = re.compile(rf"\b(?:(?:this|next|for\s+the|for\s+a|for\s+the\s+next|for\s+(?:a\s+)?(?:few|couple(?:\s+of)?|\d+|two|three|"
                   r"four|five|six|ten))\s+(?:week(?:end)?s?|days?|nights?|months?)|(?:till|until|til|untill|through)\s+"
                   rf"(?:the\s+)?{DAY_NAME}|(?:till|until|til|untill)\s+"
                   r"(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|next\s+week|the\s+weekend|tomorrow|monday))\b")


@dataclass(frozen=True)
class Back:
    """A return told: the place named as home ("back in lisbon"), else "" (the zone before the trip is offered)."""

    place: str = ""
    left: str = ""  # the place come back from ("tokyo"), when named


def back_home(text: str) -> Back | None:
    """The return a message tells ("im back from tokyo", "im home again", "switch back to my old time zone", "back in
    lisbon"); None for any other message, and for a return from something that is no trip ("back from the gym")."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    named = _BACK_IN.match(lowered)
    if named and _NO_PLACE.isdisjoint(named.group("place").split()) and names_place(named.group("place")):
        return Back(named.group("place"))
    came = _BACK_FROM.search(lowered)
    if came is not None:
        where = came.group("from").strip()
        if names_place(where):
            return Back(left=where)
        return Back() if _TRIP_WORD.match(where) else None  # "back from the gym" is no trip
    return Back() if _HOME.match(lowered) or _OLD_ZONE.search(lowered) else None


# a clause telling only where the user is: a travel or move word, then nothing but these words and a place ("I have
# relocated to Bangalore last week", "on hols in spain for 2 weeks can u adjust"); a health word is none of them
_WHERE_CUES = frozenset("moved move moving relocated relocating living based staying travelling traveling visiting landed "
                        "arrived flew flying hols holiday holidays vacation vacay trip abroad timezone tz".split())
_WHERE_WORDS = _WHERE_CUES | frozenset(
    "i im i'm ive i've i'd have has had am are is was we we're were just currently now finally recently been to in at from on "
    "for a an the my our work business this next last past week weeks weekend month months days day couple few of some 1 2 3 "
    "4 5 6 two three four five six till until til since mon tue wed thu fri sat sun monday tuesday wednesday thursday friday "
    "saturday sunday here there over back home again time zone so btw fyi lol pls plz please can could u you adjust update "
    "change switch fix set sort it that times reminders accordingly and ok okay hey hi yeah yes right".split())
_CLAUSES = re.compile(r"\s*(?:[,;.!?]+|\s-\s|\bbut\b)\s*")
_WORD = re.compile(r"[a-z0-9']+")


def without_places(text: str) -> str:
    """A message without its clauses that tell only where the user is (a move, a trip, a stay): they tell nothing of
    the body, whatever their words look like to the safety reader; every other clause as typed."""
    lowered = text.lower().replace("’", "'")
    if _WHERE_CUES.isdisjoint(_WORD.findall(lowered)):  # the words first: most messages tell no move or trip
        return text
    clauses = _CLAUSES.split(lowered)
    kept = [c for c in clauses if c.strip() and not _place_only(c)]
    return text if len(kept) == len([c for c in clauses if c.strip()]) else ", ".join(kept)


def place_told(text: str) -> tuple[str, str]:
    """The place a clause telling only where the user is names ("currently in dubai for work till the 20th", "everything's
    off by 8 hours, im in singapore") and the other clauses; ("", text) for none."""
    clauses = _CLAUSES.split(text.lower().replace("’", "'"))
    for i, clause in enumerate(clauses):
        place = _place_only(clause, _SAID_CUES)
        if place:
            return place, ", ".join(c for j, c in enumerate(clauses) if j != i and c.strip())
    return "", text


_SAID_CUES = _WHERE_CUES | frozenset("currently im i'm here".split())  # enough to offer a place's zone (asked, never set)


def _place_only(clause: str, cues: frozenset[str] = _WHERE_CUES) -> str:
    """The place a clause names when it tells only where the user is (a word of `cues`, and a place in what is left of
    it), else ""."""
    words = _WORD.findall(clause)
    if cues.isdisjoint(words):
        return ""
    rest = " ".join(w for w in words if w not in _WHERE_WORDS)
    return rest if rest and len(rest.split()) <= 3 and rest not in _NO_PLACE and names_place(rest) else ""


def stay_said(text: str) -> str:
    """The words a message gives its stay's end in ("this week", "till sunday"), or ""."""
    found = _STAY.search(" ".join(text.lower().split()))
    return found.group(0) if found else ""
