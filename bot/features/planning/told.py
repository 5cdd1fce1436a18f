"""A schedule told as the user's own wish, with no word of planning or reminders ("i wanna do this 3 times a week after
work", "weekends around lunch", "tue thu 6pm" at /plan's list that invites "say when"): a request to plan, once planning is
open to the user. A question about a schedule ("how many times a week should i train") asks; it plans nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from bot.core.messages import Reply
from bot.features.planning.habits import habit_words_only, says_habit, weekly_habit
from scheduler.leftovers import unused_parts
from scheduler.model import Question, Schedule, ScheduleError
from scheduler.one_off import part_of_day
from scheduler.parsing import read_schedule
from scheduler.timezones import zone_info
from scheduler.words import normalise

_COUNT = re.compile(r"\b(?:\d|once|twice)\s*(?:x|times?)?\s*(?:a|per|each|every)\s+week\b")
GOAL_WORDS = 3  # a goal said beside a schedule: "for strength", "for my glutes"; more is talk ("did it today")
FACETS = 2  # a schedule asked about needs this much said (days and a part of the day, a count and a part): "tomorrow" alone is not


def told_schedule(text: str, now: datetime, goal: Callable[[str], str | None] = lambda _words: None) -> bool:
    """Whether the whole message is a schedule (nothing of it left unread but a training `goal`: "mon wed fri 7am for
    strength"): a whole one, or a partial one that says at least two of its days, time, part of the day, count and dates
    (its days alone when told as a habit: "i usually do mondays", whose few other words tell the habit)."""
    habit = says_habit(text)
    text = weekly_habit(text)
    try:
        reading = read_schedule(text, now, zone_info("UTC"))
    except ScheduleError:
        return False
    left = unused_parts(text)  # "did it today": talk with a day in it; "normally", "are my gym": a habit's words
    if not all(_names_goal(piece.words, goal) or habit and habit_words_only(piece.words) for piece in left):
        return False
    if isinstance(reading, Schedule):
        return True
    part = reading.part or part_of_day(normalise(text))  # "weekends, around lunch": the part said, though a time is asked
    count = reading.count or _COUNT.search(normalise(text))  # "twice a week, weekends": the count said beside the days
    facets = (reading.weekdays, reading.local_time, part, count, reading.start or reading.until, reading.options)
    return isinstance(reading, Question) and sum(bool(f) for f in facets) >= FACETS - habit


def _names_goal(words: str, goal: Callable[[str], str | None]) -> bool:
    """Whether words left out of a schedule only name a goal ("for size", "strength"), in a few words."""
    return len(words.split()) <= GOAL_WORDS and goal(words) is not None


class ToldSchedules:
    """The reader of schedules told as a wish, for any number of users."""

    def __init__(self, open_to_plan: Callable[[int], bool], idle: Callable[[int], bool], asks: Callable[[str], bool],
                 other_request: Callable[[str], bool], start: Callable[[int, str], list[Reply]], clock: Callable[[], datetime],
                 goal: Callable[[str], str | None]) -> None:
        self.open_to_plan = open_to_plan  # planning is open to the user (a green safety check)
        self.idle = idle  # no dialogue is open
        self.asks = asks  # the message is worded as a question
        self.other_request = other_request  # the message reads as another request or small talk
        self.start = start  # planning, with the schedule said
        self.clock = clock
        self.goal = goal  # the training goal some words name

    def on_text(self, user_id: int, text: str) -> list[Reply] | None:
        """Planning with the schedule told; None for anything else."""
        if not self.idle(user_id) or self.asks(text) or not told_schedule(text, self.clock(), self.goal):
            return None
        if self.other_request(text) or not self.open_to_plan(user_id):
            return None
        return self.start(user_id, text)
