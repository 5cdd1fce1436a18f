"""Find the user's time zone from a place (GeoNames-derived table), an abbreviation, a UTC offset, or a
shared location. Every guess is shown to the user with its local time before it is saved."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from rapidfuzz import fuzz, process

from knowledge.spelling import EnglishWords, load_english
from scheduler.places import City, Places, load_places, place_key, region_zones, zone_clock
from scheduler.zone_aliases import ALIASES, NATIVE_SCRIPT, SHARED_REGIONS

ABBREVIATION_ALTERNATIVES = {"ist": ("Europe/Dublin", "Asia/Jerusalem"), "cst": ("Asia/Shanghai",),
                             "ast": ("Asia/Riyadh",), "bst": ("Asia/Dhaka",), "gst": ("Asia/Dubai",)}
LEADING_WORDS = re.compile(r"^(?:i am|i'm|im|i live|living|based|currently|my time ?zone is|time ?zone|tz|near|"
                           r"in|at|from|(?:i(?:'ve| have)? )?(?:just )?(?:moved|relocated)|(?:i'm |i am |im )?moving|now|to)\s+")
# Everyday words before a place ("no, Berlin", "actually I'm in Madrid", "sorry, Paris"): a
# correction of the guess shown, not part of the name ("no berlin" is no place; New Berlin is).
LEAD_IN_WORDS = re.compile(r"^(?:no+|nope|nah|not that|wrong|actually|sorry|oops|oh|ah|well|um+|uh+|hmm+|ok|okay|yes|"
                           r"yeah|wait|i meant|i mean|it is|its|thats|that is|rather|make it|the one),?\s+")
# A clause after the place ("I'm in Lagos but my knee hurts") says something else.
TRAILING_CLAUSE = re.compile(r"\s+(?:but|and my|and i|because|cause|cos|though|so)\s.*$")
TRAILING_WORDS = re.compile(r"\s+(?:standard time|daylight time|time ?zone|time|province|area|now|currently|at the moment|these days|atm)$")
# When the move was, after the place ("i moved to toronto last week", "im in lisbon since yesterday"): no part of its name.
TRAILING_WHEN = re.compile(r"\s+(?:(?:since|as of|from)\s+)?(?:last (?:week|weekend|month|year|night)|yesterday|today|recently|"
                           r"lately|a while (?:ago|back)|(?:a|one|two|three|few|a few|couple of|a couple of|\d+)\s+"
                           r"(?:days?|weeks?|months?|years?)\s+ago|this (?:week|month|year)|for (?:work|now|good))$")
# Hedges and chat after the place or offset ("UTC+10 i think", "seoul probably", "lisbon lol").
TRAILING_FILLER = re.compile(r"(?:[\s,]+(?:i think|i guess|i believe|probably|maybe|lol|haha|pls|please|thx|thanks|tbh"
                             r"|i suppose))+[\s?!.]*$")
STORED_OFFSET = re.compile(r"UTC([+-])(\d{2}):(\d{2})")  # a fixed offset as stored
OFFSET_RE = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$")
COUNTRY_NICKNAMES = {"usa": "US", "us": "US", "america": "US", "united states of america": "US", "the states": "US",
                     "the us": "US", "the usa": "US", "the uk": "GB", "the netherlands": "NL", "the philippines": "PH"}
FUZZY_CUTOFF = 80.0
MIN_FUZZY_LENGTH = 5
OTHER_NAME_WEIGHT = 0.25  # "Philadelphia" is an old name of Amman: the US city is meant
CITY_RIVALS_REGION = 500_000  # a city this big competes with a country or state of its name
CLEAR_LEAD = 3  # a name whose biggest place has 3x the people of the next one (on another clock) is meant
# An English word is an everyday word unless it names a place this big ("bath" is Bath, "berlin" is
# Berlin; "save" is not Savé in Benin). Everyday words name no small place and are never a misspelt
# place name ("banana" is not Banan, "evening" not Eving, "for strength" not Fort Trent).
EVERYDAY_PLACE_MIN = 50_000
# A place named inside a sentence ("currently in tokyo for work") when the whole message names none: names of up
# to three words; a city of this many people (a name made of everyday words: a million, "cape town", not "reading").
MENTION_WORDS = 3
PLACE_BEFORE = frozenset({"in", "to", "at", "near", "outside", "around", "of", "from"})
PLACE_IS_NOW = frozenset({"in", "to", "at", "near", "outside", "around"})  # where one lives, among places named
MENTIONED_CITY_MIN = 100_000
MENTIONED_EVERYDAY_MIN = 1_000_000
CHAT_WORDS = frozenset({"ye", "ya", "yea", "yup", "yep", "ok", "k", "kk", "idk", "nah", "lol"})  # not in the English list


@dataclass(frozen=True)
class ZoneGuess:
    """The zone found (None when unsure), what it was read as, and what else to offer as buttons."""

    zone: str | None
    place: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (label, zone): second choices under a found zone, or an ambiguous name's readings

    @property
    def suggestions(self) -> tuple[str, ...]:
        """The zones offered besides (or instead of) the one found."""
        return tuple(zone for _, zone in self.choices)


def find_zone(text: str) -> ZoneGuess:
    """The zone a person means by a city, country, US state, abbreviation, zone name or UTC offset."""
    text = TRAILING_FILLER.sub("", text.strip())
    native = NATIVE_SCRIPT.get(text.lower().strip(" ?!.,"))
    if native:
        return ZoneGuess(native, place=text.strip(" ?!.,"))
    query = _clean(text)
    offset = _offset_zone(LEADING_WORDS.sub("", text.lower().strip()).replace(" ", ""))
    if offset:
        return ZoneGuess(offset, place=offset)
    iana = _iana(LEADING_WORDS.sub("", text.lower().strip()))
    if iana:
        return ZoneGuess(iana, place=iana)
    if query in SHARED_REGIONS:
        choices = tuple((f"{query.title()}: {z.rsplit('/', 1)[-1].replace('_', ' ')}", z) for z in SHARED_REGIONS[query])
        return ZoneGuess(None, choices=choices)
    if query in ALIASES:
        zone = ALIASES[query]
        return ZoneGuess(zone, _alias_label(query), tuple((z, z) for z in ABBREVIATION_ALTERNATIVES.get(query, ())))
    found = find_place(query) or find_place(query.removeprefix("the ")) or _fuzzy(query.removeprefix("the "))
    if found.zone or found.choices or " " not in query:
        return found
    return _mentioned(place_key(text)) or found


def _mentioned(words: str) -> ZoneGuess | None:
    """The place a sentence names ("we're based in cape town", "about an hour outside of denver"): the last name
    read as one zone, no everyday word ("march", "home"); None when none is named or the places named disagree."""
    tokens = re.findall(r"[a-z0-9]+", words)
    found: list[tuple[str, ZoneGuess]] = []  # (the word before, the place)
    start = 0
    while start < len(tokens):
        for size in range(min(MENTION_WORDS, len(tokens) - start), 0, -1):
            guess = _named_here(" ".join(tokens[start:start + size]), tokens[start - 1] if start else "")
            if guess is not None:
                found.append((tokens[start - 1] if start else "", guess))
                start += size
                break
        else:
            start += 1
    if len({zone_clock(str(g.zone)) for _, g in found}) > 1:  # "from nairobi originally but living in berlin"
        found = [(before, g) for before, g in found if before in PLACE_IS_NOW]
    return found[-1][1] if found and len({zone_clock(str(g.zone)) for _, g in found}) == 1 else None


def _named_here(name: str, before: str) -> ZoneGuess | None:
    """One zone for a name inside a sentence: an alias, a country or state, or a big city whose biggest namesake
    clearly leads; None for short or everyday words and for names shared between clocks. A name that is also an
    English word ("split", "reading", "lisbon") is a place after "in", "to", "of"... or when a million live there."""
    places = load_places()
    if len(name) < 3 or _everyday(name):
        return None
    if name in ALIASES:
        return ZoneGuess(ALIASES[name], _alias_label(name))
    if before not in PLACE_BEFORE and all(w in _english() for w in name.split()) and not _big_city(name, MENTIONED_EVERYDAY_MIN):
        return None  # "split", "reading", "nice": words first inside a sentence
    if name in places.countries or (name in places.states and len(name) > 2) or _big_city(name, MENTIONED_CITY_MIN):
        guess = find_place(name)
        return guess if guess is not None and guess.zone else None
    return None


def _big_city(name: str, people: int) -> bool:
    """Whether the biggest place of this name has this many people."""
    cities = load_places().cities.get(name, ())
    return bool(cities) and max(c.population for c in cities) >= people


def _clean(text: str) -> str:
    """The place words of a message, without "I'm in" and punctuation."""
    query = TRAILING_CLAUSE.sub("", place_key(text.replace("_", " ").replace(",", " , ")))
    query = " ".join(query.replace(" ,", ",").split()).strip(" ?!,")
    for _ in range(4):
        query = LEADING_WORDS.sub("", LEAD_IN_WORDS.sub("", query)).strip(" ,")
    if query.removeprefix("the ") in ALIASES:  # "the bay area"
        return query.removeprefix("the ")
    return query if query in ALIASES else TRAILING_WORDS.sub("", TRAILING_WHEN.sub("", query))


def _alias_label(query: str) -> str:
    """How an alias is named back: "EST", "NYC", "Bay Area" (not the words typed around it)."""
    return query.upper() if len(query) <= 4 else query.title()


def _iana(text: str) -> str | None:
    """A typed IANA zone name, in any case."""
    wanted = text.replace(" ", "_").lower()
    return _iana_names().get(wanted) if "/" in wanted else None


@cache
def _iana_names() -> dict[str, str]:
    """Lower-case IANA name -> the name."""
    return {z.lower(): z for z in available_timezones()}


def find_place(query: str) -> ZoneGuess | None:
    """A country, US state or city of exactly this name (optionally "city, country/state"); a name
    that is several of these on different clocks ("Georgia", "Washington") gets a choice."""
    places = load_places()
    readings = []
    country = places.countries.get(query) or COUNTRY_NICKNAMES.get(query)
    if country:
        readings.append(_region(country, None, places.country_names[country]))
    if query.endswith(" state") and query[:-6] in places.states:
        query = query[:-6]
        readings.append(_region(*places.states[query], f"{places.state_names[places.states[query][1]]} (United States)"))
        return readings[0]
    if query in places.states and len(query) > 2:
        state_country, admin1 = places.states[query]
        readings.append(_region(state_country, admin1, f"{places.state_names[admin1]} (United States)"))
    name, qualifier = _split_qualifier(query, places)
    cities = places.cities.get(name, ())
    qualified = tuple(c for c in cities if qualifier in (c.country, f"{c.country}:{c.admin1}", c.zone)) if qualifier else ()
    cities = qualified or (() if _everyday(name) else cities)  # "save it" is no Savé in Italy
    if cities and (not readings or cities[0].population >= CITY_RIVALS_REGION):
        readings.append(_rank(cities, places, name))
    return _merge(readings)


def _merge(readings: list[ZoneGuess]) -> ZoneGuess | None:
    """One reading; a found zone that every other reading has first ("Mexico": the country's main
    clock is Mexico City's); else every reading as a choice."""
    if len(readings) <= 1:
        return readings[0] if readings else None
    for found in (r for r in readings if r.zone):
        if all(found.zone in (r.zone, (r.suggestions or (None,))[0]) for r in readings):
            return replace(found, choices=())  # "Mexico" is the country: a town called Mexico elsewhere is no second choice
    seen: dict[str, tuple[str, str]] = {}
    for label, zone in (c for r in readings for c in (((r.place, r.zone),) if r.zone else r.choices)):
        seen.setdefault(zone, (label, zone))
    choices = tuple(seen.values())[:4]
    return ZoneGuess(None, choices=choices)


def _split_qualifier(query: str, places: Places) -> tuple[str, str | None]:
    """"portland maine" -> ("portland", "US:ME"); "paris, france" -> ("paris", "FR"); a region
    alias stands for its zone ("london ontario")."""
    words = query.replace(",", " ").split()
    for cut in range(len(words) - 1, 0, -1):
        name, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if name in places.cities:
            if rest in places.states:
                return name, ":".join(places.states[rest])
            if rest in places.countries:
                return name, places.countries[rest]
            if rest in ALIASES:
                return name, ALIASES[rest]
            if rest.upper() in places.country_names:
                return name, rest.upper()
    return query.replace(",", " ").strip(), None


def _rank(cities: tuple[City, ...], places: Places, name: str) -> ZoneGuess:
    """The biggest place when it clearly dominates (or all share a zone); else a choice. Places
    called this by their own name come before those with it as an old or foreign name."""
    weight = {c: c.population * (1.0 if place_key(c.name) == name else OTHER_NAME_WEIGHT) for c in cities}
    cities = tuple(sorted(cities, key=lambda c: -weight[c]))
    top = cities[0]
    rivals = [c for c in cities if c.zone != top.zone]
    if not rivals or weight[top] >= CLEAR_LEAD * weight[rivals[0]]:
        # second choices: places called this on another clock; an old or foreign name (Lomé for "rome") is none
        namesakes = [c for c in rivals if place_key(c.name) == name and zone_clock(c.zone) != zone_clock(top.zone)]
        return ZoneGuess(top.zone, _label(top, places), _by_zone(namesakes, places)[:2])
    return ZoneGuess(None, choices=_by_zone(list(cities), places)[:4])


def _by_zone(cities: list[City], places: Places) -> tuple[tuple[str, str], ...]:
    """The first place of each zone, labelled so that places of one name are told apart."""
    seen: dict[str, tuple[str, str]] = {}
    for city in cities:
        seen.setdefault(city.zone, (_label(city, places, detailed=True), city.zone))
    return tuple(seen.values())


def _label(city: City, places: Places, detailed: bool = False) -> str:
    """"Karachi (Pakistan)", or "Springfield, Missouri (United States)" to tell places apart."""
    country = places.country_names.get(city.country, city.country)
    state = places.state_names.get(city.admin1) if city.country == "US" and detailed else None
    return f"{city.name}, {state} ({country})" if state else f"{city.name} ({country})"


def _region(country: str, admin1: str | None, label: str) -> ZoneGuess:
    """A country or state: its zone when one clock dominates, else a choice of its zones."""
    zones = region_zones(country, admin1)
    if len(zones) == 1:
        return ZoneGuess(zones[0], place=label)
    return ZoneGuess(None, choices=tuple((f"{label}: {z.rsplit('/', 1)[-1].replace('_', ' ')}", z) for z in zones[:4]))


def _fuzzy(query: str) -> ZoneGuess:
    """A misspelt place name: the closest whole name (never a part of one), biggest first."""
    if len(query) < MIN_FUZZY_LENGTH or _everyday(query):
        return ZoneGuess(None)
    places = load_places()
    found = process.extract(query, _names_by_initial().get(query[0], []), scorer=fuzz.ratio, limit=5,
                            score_cutoff=FUZZY_CUTOFF)
    if not found:
        return ZoneGuess(None)
    best = max(found, key=lambda f: (round(f[1]), _population(f[0], places)))[0]
    return find_place(best) or ZoneGuess(ALIASES.get(best), place=best)


def _population(name: str, places: Places) -> int:
    """How many people the biggest place of this name has (countries and states rank first)."""
    if name in places.countries or name in places.states or name in ALIASES:
        return 10**10
    return places.cities[name][0].population if name in places.cities else 0


def _everyday(query: str) -> bool:
    """Whether every word is an everyday English word ("in the morning", "for strength", "dunno")."""
    words = query.split()
    return all(w in CHAT_WORDS or w in _english() for w in words) and not any(map(_names_big_place, [query, *words]))


def _names_big_place(name: str) -> bool:
    """Whether a place of EVERYDAY_PLACE_MIN people or more has this name (an old or foreign name
    counts for a quarter of its people, as in `_rank`: "okay" is not Les Cayes)."""
    return any(c.population * (1.0 if place_key(c.name) == name else OTHER_NAME_WEIGHT) >= EVERYDAY_PLACE_MIN
               for c in load_places().cities.get(name, ()))


@cache
def _english() -> EnglishWords:
    """The English word list (with counts), loaded on first use."""
    return load_english()


@cache
def _names_by_initial() -> dict[str, list[str]]:
    """Every name the fuzzy match may land on, by first letter (a typo rarely changes the first
    letter, and this keeps a lookup to a few milliseconds)."""
    places = load_places()
    names: dict[str, list[str]] = {}
    for name in [*places.cities, *places.countries, *(s for s in places.states if len(s) > 2),
                 *(a for a in ALIASES if len(a) >= MIN_FUZZY_LENGTH)]:
        names.setdefault(name[0], []).append(name)
    return names


def _offset_zone(query: str) -> str | None:
    """"UTC+2", "+05:30", "gmt -5" as a fixed-offset zone name ("UTC+05:30")."""
    match = OFFSET_RE.match(query)
    if not match:
        return None
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return None
    sign = match.group(1)
    return f"UTC{sign}{hours:02d}:{minutes:02d}" if hours or minutes else "UTC"


def zone_info(name: str) -> ZoneInfo | timezone:
    """A tzinfo for a stored zone name: IANA, or a fixed offset written "UTC+05:30"."""
    match = STORED_OFFSET.fullmatch(name)
    if match:
        delta = timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
        return timezone(delta if match.group(1) == "+" else -delta, name)
    return ZoneInfo(name)


def zone_at(latitude: float, longitude: float, finder: Callable[[float, float], str | None] | None = None) -> str | None:
    """The IANA zone at a location (offline lookup with timezonefinder)."""
    if finder is None:
        finder = _finder()
    return finder(latitude, longitude)


@cache
def _finder() -> Callable[[float, float], str | None]:
    """timezonefinder's lookup, loaded on first use (it reads its data files)."""
    from timezonefinder import TimezoneFinder

    tf = TimezoneFinder()
    return lambda lat, lng: tf.timezone_at(lat=lat, lng=lng)


def format_zone(name: str, now: datetime) -> str:
    """"Europe/Berlin (now 10:15)"."""
    return f"{name} (now {now.astimezone(zone_info(name)):%H:%M})"
