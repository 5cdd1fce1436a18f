"""What planning needs read from a typed message besides a schedule: a goal, a yes or no, and a
request about stored plans."""

from __future__ import annotations

from typing import Protocol

from knowledge.intents import Intent
from knowledge.plan_request import PlanRequest


class PlanWords(Protocol):
    """The understanding layer's readings that planning uses."""

    def goal(self, text: str) -> str | None:
        """"strength" | "hypertrophy" | "endurance" | "mobility", or None."""

    def answer(self, text: str) -> str | None:
        """"yes" | "no" | "unsure", or None."""

    def asks(self, text: str) -> bool:
        """Whether the message asks the bot something ("is it ok to keep going") rather than asking it to act."""

    def closes(self, text: str) -> bool:
        """Whether the message closes the screen shown, changing nothing ("that's all")."""

    def is_yes(self, text: str) -> bool:
        """Whether the message confirms what the bot just showed."""

    def intent_read(self, text: str) -> tuple[Intent | None, float]:
        """What a message asks the bot to do, if anything, and how surely."""

    def plan_request(self, text: str) -> PlanRequest | None:
        """A request about stored plans ("skip tomorrow", "change my monday plan to 8am") and its slots, or None."""

