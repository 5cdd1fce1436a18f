"""What planning needs read from a typed message besides a schedule: a goal and a yes or no."""

from __future__ import annotations

import re
from typing import Protocol

# A goal asked about ("and hypertrophy?", "what about mobility") is a question to answer; only a goal
# stated ("strength", "I want to get stronger") sets it.
_ASKS = re.compile(r"\?|^\s*(?:and\s+)?(?:what|whats|what's|how|hows|how's|why|which|is|are|does|should|can|could)\b",
                   re.IGNORECASE)


class PlanWords(Protocol):
    """The understanding layer's readings that planning uses."""

    def goal(self, text: str) -> str | None:
        """"strength" | "hypertrophy" | "endurance" | "mobility", or None."""

    def answer(self, text: str) -> str | None:
        """"yes" | "no" | "unsure", or None."""

    def closes(self, text: str) -> bool:
        """Whether the message closes the screen shown, changing nothing ("that's all")."""

    def is_yes(self, text: str) -> bool:
        """Whether the message confirms what the bot just showed."""


def asks(text: str) -> bool:
    """Whether a message asks something (a question mark, or a question word first)."""
    return _ASKS.search(text) is not None
