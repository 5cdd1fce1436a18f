"""The schedule commands of `coachbot`: `when` (how a phrase is read) and `zone` (which time zone a place is)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import UTC, datetime

from bot.settings import Settings
from scheduler.reading import read_when
from scheduler.timezones import find_zone, zone_info


def add_schedule_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `when` and `zone`."""
    when = sub.add_parser("when", help="how the bot reads a schedule ('-' reads one phrase per stdin line)")
    when.add_argument("text")
    when.add_argument("--now", help="local date and time, YYYY-MM-DDTHH:MM (default: now)")
    when.add_argument("--tz", default="UTC", help="the user's time zone (default UTC)")
    when.add_argument("--json", action="store_true", help="one JSON object per line (the only output)")
    when.set_defaults(func=cmd_when)
    zone = sub.add_parser("zone", help="the time zone of a place ('-' reads one place per stdin line)")
    zone.add_argument("text")
    zone.add_argument("--json", action="store_true", help="one JSON object per line (the only output)")
    zone.set_defaults(func=cmd_zone)


def _lines(text: str) -> Iterable[str]:
    """The argument itself, or each stdin line for '-'."""
    return (line.rstrip("\n") for line in sys.stdin) if text == "-" else [text]


def cmd_when(args: argparse.Namespace, settings: Settings) -> int:
    """Print the reading of each phrase."""
    try:
        zone = zone_info(args.tz)
        now = datetime.fromisoformat(args.now).replace(tzinfo=zone) if args.now else datetime.now(UTC)
    except (ValueError, KeyError) as exc:
        print(f"coachbot: bad --now or --tz ({exc})", file=sys.stderr)
        return 2
    for text in _lines(args.text):
        print(json.dumps(read_when(text, now, zone), ensure_ascii=False), flush=True)
    return 0


def cmd_zone(args: argparse.Namespace, settings: Settings) -> int:
    """Print the zone (or candidates) of each place."""
    for text in _lines(args.text):
        guess = find_zone(text)
        print(json.dumps({"zone": guess.zone, "candidates": list(guess.suggestions)}, ensure_ascii=False), flush=True)
    return 0
