"""Plans as the scheduler sees them: what repeats when, in which zone, for which goal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class Goal(Enum):
    """What the sessions train for; chooses the prescription."""

    STRENGTH = "strength"
    HYPERTROPHY = "hypertrophy"
    ENDURANCE = "endurance"
    MOBILITY = "mobility"


class Repeat(Enum):
    """How a recurring schedule repeats."""

    WEEKLY = "weekly"  # on `weekdays`, every `every` weeks counted from the week of `anchor`
    DAYS = "days"  # every `every` days counted from `anchor`
    MONTHLY = "monthly"  # on `month_day`, or on the `nth` of the one weekday in `weekdays`


@dataclass(frozen=True)
class Schedule:
    """A recurring schedule at a local wall time, or once at an instant (once_at, UTC)."""

    weekdays: frozenset[int] = frozenset()  # 0 = Monday
    local_time: time | None = None
    once_at: datetime | None = None
    repeat: Repeat = Repeat.WEEKLY
    every: int = 1
    anchor: date | None = None
    month_day: int | None = None  # 1..31; a shorter month uses its last day
    nth: int | None = None  # 1..4, or -1 for the last
    start: date | None = None  # the first local day a recurring schedule applies ("starting next week")
    until: date | None = None  # its last local day ("for 6 weeks", "until christmas")

    @property
    def recurring(self) -> bool:
        """True for anything but a one-off."""
        return self.once_at is None

    @property
    def kind(self) -> str:
        """The `when --json` kind: once, weekly, every_n_weeks, every_n_days or monthly."""
        if self.once_at is not None:
            return "once"
        if self.repeat is Repeat.DAYS:
            return "every_n_days"
        if self.repeat is Repeat.MONTHLY:
            return "monthly"
        return "every_n_weeks" if self.every > 1 else "weekly"


@dataclass(frozen=True)
class Question:
    """A phrase with two readings (options to pick) or a missing part; keeps what was understood."""

    text: str
    options: tuple[tuple[str, Schedule], ...] = ()
    weekdays: frozenset[int] = frozenset()
    local_time: time | None = None
    picker: bool = False  # the answer is weekly days and a time: offer the day/time buttons
    part: str = ""  # the part of the day said without a clock time ("mornings": "morning")
    count: int = 0  # how many days a week were asked for ("3x a week": 3)
    start: date | None = None  # the first and last day said with it, kept for the schedule asked for
    until: date | None = None


class ScheduleError(ValueError):
    """A schedule the bot could not understand; the message is a specific hint for the user."""
