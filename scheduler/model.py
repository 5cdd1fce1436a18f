"""Plans as the scheduler sees them: what repeats when, in which zone, for which goal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from enum import Enum

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class Goal(Enum):
    """What the sessions train for; chooses the prescription."""

    STRENGTH = "strength"
    HYPERTROPHY = "hypertrophy"
    ENDURANCE = "endurance"
    MOBILITY = "mobility"


@dataclass(frozen=True)
class Schedule:
    """Weekly on some weekdays at a local time, or once at an instant (once_at, UTC)."""

    weekdays: frozenset[int] = frozenset()  # 0 = Monday
    local_time: time | None = None
    once_at: datetime | None = None

    @property
    def recurring(self) -> bool:
        """True for a weekly schedule."""
        return self.once_at is None


class ScheduleError(ValueError):
    """A schedule the bot could not understand; the message is a specific hint for the user."""
