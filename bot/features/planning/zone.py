"""The time-zone step of planning: a guessed zone shown with its local time and a button to
confirm it, a choice for an ambiguous name, and reading a place or zone change from typed words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from bot.core.confirmation import MIXED, Choices
from bot.core.messages import Button, Reply
from bot.features.planning import texts as t
from scheduler.timezones import ZoneGuess, find_zone, zone_info

Offered = tuple[tuple[str, str], ...]  # (label, zone): the places shown besides a guess, kept for a "no"


def zone_check(guess: ZoneGuess, now: datetime, zone_button: Callable[[str, str], Button]) -> Reply:
    """A found zone is never saved unasked: its local time and a ✅ button (alternatives below);
    a choice for an ambiguous name; else what to type, with the share-location button.
    `zone_button(label, zone)` makes a button of the dialogue's run and step."""
    choices = _rows(guess.choices, now, zone_button)
    if guess.zone:
        return Reply(t.format_zone_check(guess.place, guess.zone, now),
                     buttons=((zone_button("✅ Yes, that's right", guess.zone),), *choices))
    if guess.choices:
        return Reply(t.ZONE_CHOICE, buttons=choices)
    return Reply(t.ZONE_UNKNOWN, location=True)


def known_zone(name: str) -> bool:
    """Whether a zone name from a button is a real zone."""
    try:
        zone_info(name)
    except (ValueError, KeyError):
        return False
    return True


_ZONE_CHANGE = re.compile(r"^(?:please\s+)?(?:(?:change|set|switch|move|update|make)\s+)?(?:my\s+|the\s+)?"
                          r"(?:time\s*zone|tz|zone)(?:\s+(?:to|is|as|=))?\s*[:,]?\s*(?P<place>.*?)[.!]*$")
_MOVED = re.compile(r"^(?:i(?:'m| am| have| ve|'ve)?\s+)?(?:just\s+)?(?:moved|relocated|now live|live now|live|am now|now|living)\s+"
                    r"(?:to|in)\s+(?P<place>.+?)[.!]*$")
_IN_NOW = re.compile(r"^(?:i'm|im|i am)\s+(?:now\s+)?in\s+(?P<place>.+?)\s+now[.!]*$")  # "im in lisbon now"
# a place corrected ("actually im in berlin not lisbon", "oh wait wrong city, im in berlin", "im in london not lisbon"): the
# words before "im in" say it is a correction, or "not" names the place it replaces
_CORRECTED = re.compile(r"^(?P<lead>(?:[a-z']+[\s,.!]+){0,5}?)(?:i'm|im|i am)\s+(?:actually\s+|really\s+)?in\s+(?P<place>[a-z' ]+?)"
                        r"(?P<instead>[\s,]+(?:and\s+)?not\s+(?:in\s+)?[a-z' ]+)?[.!]*$")
_CORRECTING = re.compile(r"\b(?:actually|wait|wrong|oops|sorry|no|nah|mistake|meant)\b")


def place_in(text: str) -> str | None:
    """The place a request to change the time zone names ("change my timezone to Berlin" -> "Berlin",
    "timezone" -> ""), or None when the message is not about the time zone."""
    cleaned = " ".join(text.strip().split())
    found = _ZONE_CHANGE.match(cleaned.lower()) or _MOVED.match(cleaned.lower())
    return cleaned[found.start("place"):found.end("place")].strip() if found else None


def moved_to(text: str) -> str | None:
    """The place a message says the user has moved to ("i moved to lisbon", "im in lisbon now", "my timezone is
    wrong, i live in portugal now": the clause that names it), when it names a real one; else None."""
    for clause in (text, *text.split(",")):
        now = _IN_NOW.match(" ".join(clause.split()).lower())
        place = now.group("place") if now else place_in(clause)
        if place and names_place(place):
            return place
    return corrected_place(text)


_CLAUSE_PLACE = re.compile(r"^(?:and\s+|also\s+|btw\s+)?(?:(?:(?:(?:i'm|im|i am|i)\s+)?(?:based|living|staying|live)|i'm|im|i am)"
                           r"\s+(?:in|near)\s+"
                           r"(?P<place>[a-z' .-]+?)|(?:for\s+)?(?P<timed>[a-z' .-]+?)\s+time(?:\s*zone)?"
                           r"|(?:my\s+)?time\s*zone\s+(?:is\s+|=\s*)?(?P<zoned>[a-z' .-]+?))\W*$")


def place_in_clause(text: str) -> tuple[str, str] | None:
    """The place one clause of a longer message names ("strength, mon wed fri at 7, im in berlin"; "for endurance,
    berlin time"), when it names a real one, and the message without that clause; else None."""
    clauses = re.split(r"\s*[,;]\s*|\s+and\s+", " ".join(text.lower().split()))
    for i, clause in enumerate(clauses):
        found = _CLAUSE_PLACE.match(clause)
        place = found.group("place") or found.group("timed") or found.group("zoned") if found else None
        if place is None and len(clauses) > 1 and _bare_place(clause):  # "berlin, strength, weekdays 6:15"
            place = clause
        if place and names_place(place):
            return place, ", ".join(c for j, c in enumerate(clauses) if j != i and c)
    return _timed_at_end(" ".join(text.lower().split()))


_TIMED_END = re.compile(r"^(?P<before>.+?)\s+(?P<last>(?:[a-z'.-]+\s+){0,2}[a-z'.-]+)\s+time(?:\s*zone)?\W*$")
_NOT_BARE = frozenset({"us", "me", "it", "in", "at", "on"})  # words that name a place only by chance ("for us")


def _bare_place(clause: str) -> bool:
    """Whether a clause is a place named alone (a city, a country: up to three words, no digit)."""
    return 0 < len(clause.split()) <= 3 and clause not in _NOT_BARE and not any(c.isdigit() for c in clause) \
        and names_place(clause)


def _timed_at_end(text: str) -> tuple[str, str] | None:
    """A place said as the message's last words before "time" ("endurance tue thu 6pm london time": the fewest words
    that name one) and the words before it; else None."""
    found = _TIMED_END.match(text)
    if found is None:
        return None
    words = found.group("last").split()
    for size in range(1, len(words) + 1):
        place = " ".join(words[-size:])
        if not any(c.isdigit() for c in place) and place not in _NOT_BARE and names_place(place):
            return place, " ".join([found.group("before"), *words[:-size]])
    return None


def corrected_place(text: str) -> str | None:
    """The place a correction names ("actually im in berlin not lisbon", "oh wait wrong city, im in berlin"), else None."""
    said = _CORRECTED.match(" ".join(text.split()).lower())
    if said is None or not (said.group("instead") or _CORRECTING.search(said.group("lead"))):
        return None
    return said.group("place") if names_place(said.group("place")) else None


def typed_place(text: str) -> str:
    """The place a time-zone request names: "change my timezone to Berlin", or the whole message when
    it names one ("i'm in lagos"); "" when there is none."""
    place = place_in(text)
    if place is None or not names_place(place):
        return moved_to(text) or (text if names_place(text) else place or "")
    return place


def names_place(text: str) -> bool:
    """Whether the words name a place or a zone (a place is never a yes)."""
    return found_any(find_zone(text))


def found_any(guess: ZoneGuess) -> bool:
    """Whether a place or zone was found at all (one zone, or a choice)."""
    return bool(guess.zone or guess.choices)


# a reply to "Portland ... Right?" in words of its own: "that's right", "wrong portland", "the other one"
GUESSED = Choices.listed("✅, yes, yeah, yep, right, correct", "wrong, other one, incorrect, no es, no esta, non e, n'est pas, "
                         "nicht, falsch, faux, sbagliat, equivocad, errad")  # a few other languages: "no es correcto"


def says_wrong(text: str, guess: str) -> bool:
    """Whether a reply tells the guessed place is wrong in words of its own ("wrong portland", "the other one")."""
    return bool(guess) and GUESSED.read(text) == "no"


def picked_zone(found: ZoneGuess, text: str, guess: str, offered: Offered, is_yes: Callable[[str], bool],
                answer: Callable[[str], str | None] = lambda _text: None, asks: bool = False) -> str | None:
    """The zone a typed answer at a guessed place picks: the guess on a yes (a place named is never a
    yes: "Melbourne" at "Portland ... Right?" is a new guess), or a zone offered with it, typed
    ("New York", "the one in maine"), or the guess named again ("yes oregon", "Portland Oregon"); None
    otherwise, and for a no or a yes with more ("wrong portland", "yes but I'm in maine", "no es correcto": `GUESSED`), a
    bare "right" or "correct" taken back ("right... wait no": the everyday `answer` reads the no), and a question that
    `asks` naming a zone ("can i just type a timezone like PST"), or the guessed name typed again with the same places
    offered beside it ("portland": which one is still not said)."""
    said = GUESSED.read(text) if guess else None
    if said in ("no", MIXED) or said == "yes" and GUESSED.taken_back(text) == answer(text) == "no":
        return None
    if not found_any(found):
        return guess if guess and (said == "yes" and "?" not in text or is_yes(text)) else None
    offers = {zone for _, zone in offered}
    if asks or "?" in text or offers and set(found.suggestions) == offers and said != "yes":
        return None  # "portland" again at "Portland ... Right?": as unsure as before, so asked again
    return found.zone if found.zone and (found.zone == guess or found.zone in offers) else None


def offered_again(offered: Offered, now: datetime, zone_button: Callable[[str, str], Button]) -> Reply:
    """A "no" to the guessed place: the other places shown before, to tap, or a place to type."""
    return Reply(t.ZONE_WHICH, buttons=_rows(offered, now, zone_button))


def guess_again(zone: str, offered: Offered, now: datetime, zone_button: Callable[[str, str], Button],
                lead: str = t.GUESS_NOT_CAUGHT) -> Reply:
    """A reply to the guessed place that is no yes, no no and no place ("vale"), or a schedule kept, or a detour: the
    guess asked again with its ✅, kept (never the question for a place from scratch: the user typed one)."""
    return Reply(t.format_guess_again(zone, now, lead),
                 buttons=((zone_button("✅ Yes, that's right", zone),), *_rows(offered, now, zone_button)))


def stored_offers(data: Iterable[Sequence[str]] | None) -> Offered:
    """The (label, zone) pairs kept in a dialogue's JSON data (as lists there)."""
    return tuple((label, zone) for label, zone in data or ())


def _rows(offered: Offered, now: datetime, zone_button: Callable[[str, str], Button]) -> tuple[tuple[Button, ...], ...]:
    """One button per place offered, with its local time."""
    return tuple((zone_button(f"{label}, now {t.format_clock(now, z)}", z),) for label, z in offered)
