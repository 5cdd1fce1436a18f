"""Find the user's time zone from a city or region (fuzzy), a UTC offset, or a shared location."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from rapidfuzz import fuzz, process

# Cities and regions people type that are not (the last part of) an IANA zone name.
ALIASES = {
    "new york": "America/New_York", "nyc": "America/New_York", "boston": "America/New_York",
    "miami": "America/New_York", "washington": "America/New_York", "atlanta": "America/New_York",
    "philadelphia": "America/New_York", "toronto": "America/Toronto", "montreal": "America/Toronto",
    "chicago": "America/Chicago", "dallas": "America/Chicago", "houston": "America/Chicago",
    "austin": "America/Chicago", "denver": "America/Denver", "phoenix": "America/Phoenix",
    "los angeles": "America/Los_Angeles", "la": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles", "san diego": "America/Los_Angeles", "las vegas": "America/Los_Angeles",
    "vancouver": "America/Vancouver", "mexico city": "America/Mexico_City", "rio": "America/Sao_Paulo",
    "rio de janeiro": "America/Sao_Paulo", "buenos aires": "America/Argentina/Buenos_Aires",
    "london": "Europe/London", "uk": "Europe/London", "england": "Europe/London", "manchester": "Europe/London",
    "edinburgh": "Europe/London", "scotland": "Europe/London", "ireland": "Europe/Dublin",
    "germany": "Europe/Berlin", "munich": "Europe/Berlin", "hamburg": "Europe/Berlin", "cologne": "Europe/Berlin",
    "frankfurt": "Europe/Berlin", "france": "Europe/Paris", "spain": "Europe/Madrid", "barcelona": "Europe/Madrid",
    "italy": "Europe/Rome", "milan": "Europe/Rome", "netherlands": "Europe/Amsterdam", "holland": "Europe/Amsterdam",
    "switzerland": "Europe/Zurich", "geneva": "Europe/Zurich", "austria": "Europe/Vienna", "poland": "Europe/Warsaw",
    "krakow": "Europe/Warsaw", "sweden": "Europe/Stockholm", "norway": "Europe/Oslo", "finland": "Europe/Helsinki",
    "denmark": "Europe/Copenhagen", "portugal": "Europe/Lisbon", "porto": "Europe/Lisbon", "greece": "Europe/Athens",
    "turkey": "Europe/Istanbul", "ukraine": "Europe/Kyiv", "kiev": "Europe/Kyiv", "russia": "Europe/Moscow",
    "india": "Asia/Kolkata", "mumbai": "Asia/Kolkata", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata", "chennai": "Asia/Kolkata", "hyderabad": "Asia/Kolkata",
    "china": "Asia/Shanghai", "beijing": "Asia/Shanghai", "japan": "Asia/Tokyo", "osaka": "Asia/Tokyo",
    "korea": "Asia/Seoul", "uae": "Asia/Dubai", "abu dhabi": "Asia/Dubai", "israel": "Asia/Jerusalem",
    "tel aviv": "Asia/Jerusalem", "vietnam": "Asia/Ho_Chi_Minh", "hanoi": "Asia/Bangkok", "philippines": "Asia/Manila",
    "indonesia": "Asia/Jakarta", "bali": "Asia/Makassar", "sydney": "Australia/Sydney", "australia": "Australia/Sydney",
    "canberra": "Australia/Sydney", "melbourne": "Australia/Melbourne", "brisbane": "Australia/Brisbane",
    "perth": "Australia/Perth", "adelaide": "Australia/Adelaide", "new zealand": "Pacific/Auckland",
    "nz": "Pacific/Auckland", "wellington": "Pacific/Auckland", "egypt": "Africa/Cairo", "nigeria": "Africa/Lagos",
    "kenya": "Africa/Nairobi", "south africa": "Africa/Johannesburg", "cape town": "Africa/Johannesburg",
    "hawaii": "Pacific/Honolulu", "alaska": "America/Anchorage", "utc": "UTC", "gmt": "UTC",
    "eastern": "America/New_York", "central": "America/Chicago", "mountain": "America/Denver",
    "pacific": "America/Los_Angeles", "est": "America/New_York", "cet": "Europe/Berlin", "ist": "Asia/Kolkata",
    "aest": "Australia/Sydney", "pst": "America/Los_Angeles",
}
OFFSET_RE = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$")
MATCH_CUTOFF = 85.0
SUGGEST_CUTOFF = 72.0


@dataclass(frozen=True)
class ZoneGuess:
    """The zone found (None when unsure) and close alternatives to offer as buttons."""

    zone: str | None
    suggestions: tuple[str, ...] = ()


@cache
def _names() -> dict[str, str]:
    """Searchable name -> IANA zone: every zone's city part ("new york") plus the aliases."""
    names = {}
    for zone in available_timezones():
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/", "posix", "right")):
            names[zone.rsplit("/", 1)[1].replace("_", " ").lower()] = zone
            names[zone.lower().replace("_", " ")] = zone
    return names | ALIASES


def find_zone(text: str) -> ZoneGuess:
    """The zone a person means by a city, region, zone name or UTC offset like "UTC+5:30"."""
    query = " ".join(re.sub(r"[^a-z0-9+:/\- ]", " ", text.lower().replace("_", " ")).split())
    query = re.sub(r"^(i am in|i'm in|im in|in|my time zone is|time zone|timezone)\s+", "", query)
    offset = _offset_zone(query)
    if offset:
        return ZoneGuess(offset)
    names = _names()
    if query in names:
        return ZoneGuess(names[query])
    found = process.extract(query, list(names), scorer=fuzz.WRatio, limit=6, score_cutoff=SUGGEST_CUTOFF)
    zones = list(dict.fromkeys(names[name] for name, _, _ in found))
    if found and found[0][1] >= MATCH_CUTOFF and len(query) >= 4:
        return ZoneGuess(names[found[0][0]], tuple(zones[1:3]))
    return ZoneGuess(None, tuple(zones[:3]))


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
    match = re.fullmatch(r"UTC([+-])(\d{2}):(\d{2})", name)
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
