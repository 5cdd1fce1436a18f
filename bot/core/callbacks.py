"""The one format of button (callback) data: ASCII fields joined by ':', 64 bytes at most.

Telegram returns whatever data a client sends, so a pressed button is read strictly: a forged or
garbled one is refused as a whole, and numbers are ASCII digits only ('²', '①' or Arabic-Indic
digits pass str.isdigit(), and int() would even accept some of them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SEPARATOR = ":"
MAX_BYTES = 64  # Telegram's limit for callback_data
_FIELDS = re.compile(r"[\x21-\x7e]{1,64}")  # printable ASCII without spaces (each dialogue checks its fields)
_NUMBER = re.compile(r"[0-9]{1,18}")  # ASCII digits only, and small enough for an SQLite integer


def parse_callback(data: str) -> tuple[str, ...] | None:
    """The fields of button data, or None when it is not in the format."""
    return tuple(data.split(SEPARATOR)) if _FIELDS.fullmatch(data) else None


def parse_number(field: str) -> int | None:
    """A field of ASCII digits as a number; None for anything else."""
    return int(field) if _NUMBER.fullmatch(field) else None


@dataclass(frozen=True)
class Tap:
    """A pressed dialogue button: which dialogue, which run of it (nonce), which step, what to do."""

    dialogue: str
    nonce: str
    step: str
    action: str
    arg: str = ""


def format_tap(tap: Tap) -> str:
    """Button data for a tap: "dialogue:nonce:step:action[:arg]" (the arg may hold ':')."""
    data = SEPARATOR.join((tap.dialogue, tap.nonce, tap.step, tap.action) + ((tap.arg,) if tap.arg else ()))
    if len(data.encode()) > MAX_BYTES or parse_tap(data) != tap:
        raise ValueError(f"button data does not fit the format: {data!r}")
    return data


def parse_tap(data: str) -> Tap | None:
    """The tap a button's data stands for, or None when it is not in the dialogue format."""
    fields = parse_callback(data)
    if fields is None or len(fields) < 4 or not all(fields[:4]):
        return None
    dialogue, nonce, step, action = fields[:4]
    return Tap(dialogue, nonce, step, action, SEPARATOR.join(fields[4:]))
