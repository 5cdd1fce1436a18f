"""The offline place table (derived from GeoNames by bench/derive_places.py): cities with their
population and zone, country names, US states. Loaded on first use, never downloaded."""

from __future__ import annotations

import gc
import gzip
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib.resources import files
from zoneinfo import ZoneInfo

DOMINANT_SHARE = 0.9  # a country or state whose people are 90% on one clock resolves to it


@dataclass(frozen=True)
class City:
    """One populated place."""

    name: str
    country: str
    admin1: str
    population: int
    zone: str


@dataclass(frozen=True)
class Places:
    """Cities by typed name, countries and US states by name, and display names."""

    cities: dict[str, tuple[City, ...]]
    countries: dict[str, str]  # key -> ISO code
    country_names: dict[str, str]  # ISO code -> display name
    states: dict[str, tuple[str, str]]  # key -> (ISO code, admin1 code)
    state_names: dict[str, str]  # admin1 code -> display name (US)


def place_key(text: str) -> str:
    """Lower-case ASCII with single spaces: how typed names are compared."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(ascii_text.lower().replace("-", " ").replace("'", "").replace(".", "").split())


@cache
def load_places() -> Places:
    """Read the packaged table once (with the cycle collector paused: its 78,000 cities hold no cycles, and
    the collector would walk them again and again while they are made, a quarter of the read)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_table(gzip.decompress(files("scheduler").joinpath("data/places.tsv.gz").read_bytes()).decode())
    finally:
        if collecting:
            gc.enable()


def _read_table(raw: str) -> Places:
    """The place table from its text (see bench/derive_places.py)."""
    cities: dict[str, list[City]] = defaultdict(list)
    countries, country_names, states, state_names = {}, {}, {}, {}
    for line in raw.splitlines():
        row = line.split("\t")
        if row[0] == "C":
            city = City(row[1], row[2], row[3], int(row[4]), row[5])
            for name in row[6].split("|"):
                cities[name].append(city)
        elif row[0] == "N":
            countries[row[1]] = countries[row[1].removeprefix("the ")] = row[3]
            country_names[row[3]] = row[2]
        elif row[0] == "S":
            states[row[1]] = states[row[4].lower()] = (row[3], row[4])
            state_names[row[4]] = row[2]
    ranked = {k: tuple(v) if len(v) == 1 else tuple(sorted(v, key=lambda c: -c.population)) for k, v in cities.items()}
    return Places(ranked, countries, country_names, states, state_names)


@cache
def region_zones(country: str, admin1: str | None = None) -> list[str]:
    """The zones of a country (or US state), most people first, one per distinct clock; a single
    zone when DOMINANT_SHARE of the people live on the first one's clock."""
    people: dict[str, int] = defaultdict(int)
    for group in load_places().cities.values():
        for city in group:
            if city.country == country and admin1 in (None, city.admin1):
                people[city.zone] += city.population
    by_clock: dict[tuple[object, object], list[tuple[int, str]]] = defaultdict(list)
    for zone, count in people.items():
        by_clock[zone_clock(zone)].append((count, zone))
    groups = sorted((sorted(g, reverse=True) for g in by_clock.values()), key=lambda g: -sum(c for c, _ in g))
    total = sum(people.values()) or 1
    if groups and sum(c for c, _ in groups[0]) >= DOMINANT_SHARE * total:
        return [groups[0][0][1]]
    return [g[0][1] for g in groups]


@cache
def zone_clock(zone: str) -> tuple[object, object]:
    """A zone's UTC offsets in January and July: zones with equal pairs keep the same time."""
    info = ZoneInfo(zone)
    return (datetime(2026, 1, 15, tzinfo=info).utcoffset(), datetime(2026, 7, 15, tzinfo=info).utcoffset())
