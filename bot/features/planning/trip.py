"""Coming back from a trip: "ok im back from tokyo", "im home again", "switch back to my old time zone" offer the zone
the user had before the last change (kept with the profile), never the place just left; and a stay told with an end
("im in tokyo this week", "till sunday") is said back when its zone is confirmed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.features.planning.zone import names_place

_FILLER = r"(?:(?:ok(?:ay)?|so|well|hey|hi|yay|phew|right|and|finally|just|now|guess what|good news)\W+)*"
_TRIP = (r"(?:(?:my|the|a|our)\s+)?(?:holiday|holidays|vacation|vacay|trip|travels?|travell?ing|business trip|work trip"
         r"|honeymoon|abroad|overseas|leave|visit|stay|time away|time off)")
# "back from tokyo", "just got back from my trip", "home from lisbon": where from is said
_BACK_FROM = re.compile(r"\b(?:back|home|returned|came back|flew back|flown back)\s+(?:again\s+)?from\s+(?P<from>[a-z' .-]+?)"
                        r"(?=\W*$|\s*[,;.!]|\s+(?:and|now|today|yesterday|last night|finally)\b)")
# "im home again", "back home", "im back home now", "got home last night": home, with no "from" of another kind
_HOME = re.compile(rf"^(?=.*\b(?:back|again|got|arrived|landed|made it|flew|flown|came)\b)\W*{_FILLER}"
                   r"(?:(?:i'?m|im|i am|we'?re|were|we are|i'?ve|ive|i|we)\s+)?(?:(?:just|finally|now|safely)\s+)?"
                   r"(?:(?:got|get|gotten|arrived|made it|came|come|flew|flown|landed|been)\s+)?(?:back\s+)?home(?:\s+again)?"
                   r"(?:\s+(?:now|again|today|tonight|yesterday|last night|at last|finally))?\W*$")
# "switch back to my old time zone", "back to my usual timezone", "change it back to home time", "revert my zone"
_OLD_ZONE = re.compile(r"\b(?:(?:switch|change|go|set|put|move|turn|revert|take|get)\s+(?:me\s+|it\s+|that\s+)?back"
                       r"(?:\s+to)?|back\s+to|revert(?:\s+to)?|return\s+to|restore)\s+(?:my\s+|the\s+)?"
                       r"(?:old|previous|usual|normal|home|original|regular|last|former|own|real)\s+"
                       r"(?:time\s*zone|tz|zone|time)\b")
# "back in lisbon", "back to lisbon time": the place is named
_BACK_IN = re.compile(rf"^\W*{_FILLER}(?:(?:i'?m|im|i am|we'?re|were|we are)\s+)?(?:(?:just|finally|now)\s+)?"
                      r"(?:(?:got|arrived|came|flew)\s+)?back\s+(?:in|to|on|at)\s+(?P<place>[a-z' .-]+?)"
                      r"(?:\s+(?:time|now|again|today))*\W*$")
_TRIP_WORD = re.compile(rf"^{_TRIP}$")
# a stay told with its end: "this week", "for a few days", "till sunday", "until the 20th"
_STAY = re.compile(r"\b(?:(?:this|next|for\s+the|for\s+a|for\s+the\s+next|for\s+(?:a\s+)?(?:few|couple(?:\s+of)?|\d+|two|three|"
                   r"four|five|six|ten))\s+(?:week(?:end)?s?|days?|nights?|months?)|(?:till|until|til|untill|through)\s+"
                   r"(?:the\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|(?:till|until|til|untill)\s+"
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
    if named and names_place(named.group("place")):
        return Back(named.group("place"))
    came = _BACK_FROM.search(lowered)
    if came is not None:
        where = came.group("from").strip()
        if names_place(where):
            return Back(left=where)
        return Back() if _TRIP_WORD.match(where) else None  # "back from the gym" is no trip
    return Back() if _HOME.match(lowered) or _OLD_ZONE.search(lowered) else None


def stay_said(text: str) -> str:
    """The words a message gives its stay's end in ("this week", "till sunday"), or ""."""
    found = _STAY.search(" ".join(text.lower().split()))
    return found.group(0) if found else ""
