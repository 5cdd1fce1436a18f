"""A message's clauses, for reading a question told beside something else ("my knee is a bit sore,
how many reps for strength"; "my shoulder is sore what muscles does it work")."""

from __future__ import annotations

import re
from collections.abc import Callable

WH_WORDS = frozenset({"how", "what", "which", "when", "where", "why", "who", "whats", "hows", "wat"})
# What opens a clause that asks something of ours beside a concern: a wh-word but "when", which mostly
# tells ("dizzy when i stand up", "my calves hurt when i walk"), or a request ("tell me the common
# mistakes", "explain the movement integrity program").
ASKING = (WH_WORDS - {"when"}) | {"tell", "explain", "describe"}
CLAUSE_BREAK = re.compile(r"\s*(?:[,.;!?]+|\b(?:btw|but|also|though|anyway|plus)\b)\s*", re.IGNORECASE)


def clauses(text: str) -> list[str]:
    """A message's clauses of two words or more: split at punctuation and "btw", "but"..., and
    before a wh-word that starts a question after a statement of two words or more."""
    found = []
    for part in CLAUSE_BREAK.split(text):
        words = part.split()
        starts = [0, *(i for i, w in enumerate(words) if i >= 2 and w.lower() in WH_WORDS), len(words)]
        found += [" ".join(words[a:b]) for a, b in zip(starts, starts[1:]) if b - a >= 2]
    return found


def asks(words: list[str]) -> bool:
    """Whether a clause's words open as asking something (see ASKING), not as a yes/no question."""
    return not ASKING.isdisjoint(words[:2])


def without(text: str, drop: Callable[[str], bool]) -> str:
    """The message less the clauses `drop` picks ("remind me mon 7am, btw my knee hurts" less the knee), the rest
    joined with commas; the message as it was when none is picked."""
    parts = [part for part in CLAUSE_BREAK.split(text) if part.strip()]
    kept = [part for part in parts if not drop(part)]
    return text if len(kept) == len(parts) else ", ".join(kept)
