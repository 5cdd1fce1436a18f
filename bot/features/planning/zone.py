"""The time-zone step of planning: a guessed zone shown with its local time and a button to
confirm it, a choice for an ambiguous name, and what counts as a typed "yes"."""

from __future__ import annotations

from datetime import datetime

from bot.features.planning import texts as t
from bot.core.messages import Button, Reply
from scheduler.timezones import ZoneGuess, format_zone, zone_info

YES = ("yes", "y", "yep", "yeah", "yes please", "right", "correct", "that's right", "thats right", "ok", "okay", "sure")


def zone_check(guess: ZoneGuess, now: datetime) -> Reply:
    """A found zone is never saved unasked: its local time and a ✅ button (alternatives below);
    a choice for an ambiguous name; else what to type, with the share-location button."""
    if guess.zone:
        rows = ((Button("✅ Yes, that's right", f"plan:zone:{guess.zone}"),),
                *((Button(format_zone(z, now), f"plan:zone:{z}"),) for z in guess.suggestions))
        return Reply(t.format_zone_check(guess.place, guess.zone, now), buttons=rows)
    if guess.choices:
        rows = tuple((Button(f"{label}, now {t.format_clock(now, z)}", f"plan:zone:{z}"),) for label, z in guess.choices)
        return Reply(t.ZONE_CHOICE, buttons=rows)
    return Reply(t.ZONE_UNKNOWN, location=True)


def is_yes(text: str) -> bool:
    """Whether a typed message confirms what the bot just showed."""
    return text.strip().lower().strip(".!") in YES


def known_zone(name: str) -> bool:
    """Whether a zone name from a button is a real zone."""
    try:
        zone_info(name)
    except (ValueError, KeyError):
        return False
    return True
