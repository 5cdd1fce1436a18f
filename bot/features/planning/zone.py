"""The time-zone step of planning: a guessed zone shown with its local time and a button to
confirm it, a choice for an ambiguous name, and reading a place or zone change from typed words."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from bot.core.messages import Button, Reply
from bot.features.planning import texts as t
from scheduler.timezones import ZoneGuess, zone_info


def zone_check(guess: ZoneGuess, now: datetime, zone_button: Callable[[str, str], Button]) -> Reply:
    """A found zone is never saved unasked: its local time and a ✅ button (alternatives below);
    a choice for an ambiguous name; else what to type, with the share-location button.
    `zone_button(label, zone)` makes a button of the dialogue's run and step."""
    choices = tuple((zone_button(f"{label}, now {t.format_clock(now, z)}", z),) for label, z in guess.choices)
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
_MOVED = re.compile(r"^(?:i(?:'m| am| have| ve|'ve)?\s+)?(?:moved|now live|live now|am now|now)\s+(?:to|in)\s+(?P<place>.+?)[.!]*$")


def place_in(text: str) -> str | None:
    """The place a request to change the time zone names ("change my timezone to Berlin" -> "Berlin",
    "timezone" -> ""), or None when the message is not about the time zone."""
    cleaned = " ".join(text.strip().split())
    found = _ZONE_CHANGE.match(cleaned.lower()) or _MOVED.match(cleaned.lower())
    return cleaned[found.start("place"):found.end("place")].strip() if found else None
