"""Schedules the way they are said aloud and written down by a recognizer: an hour and its minutes as two
numbers ("six thirty", "six, 13"), after a day's name or before the part of the day."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from scheduler.model import Question, Schedule
from scheduler.parsing import read_schedule

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)  # a Saturday
BERLIN = ZoneInfo("Europe/Berlin")


def read(text: str) -> Schedule | Question:
    return read_schedule(text, NOW, BERLIN)


@pytest.mark.parametrize(("text", "days", "clock"), [
    ("Tuesday, Thursday, six, 13 in the evening.", {1, 3}, time(18, 13)),
    ("tuesday and thursday six thirteen in the evening", {1, 3}, time(18, 13)),
    ("Tuesday and Thursday, 6 30 in the evening.", {1, 3}, time(18, 30)),
    ("wednesdays and fridays, six fifteen in the morning", {2, 4}, time(6, 15)),
    ("how about monday and friday, six thirty in the morning", {0, 4}, time(6, 30)),
    ("every monday, eight forty five at night", {0}, time(20, 45)),
    ("tuesday and friday around seven thirty in the evening", {1, 4}, time(19, 30)),
])
def test_an_hour_and_its_minutes_said_as_two_numbers_before_the_part_of_the_day_are_one_time(text, days, clock):
    assert read(text) == Schedule(weekdays=frozenset(days), local_time=clock)


@pytest.mark.parametrize("text", ["Tuesday and Thursday, six thirty.", "tuesdays thursdays 6 30"])
def test_an_hour_and_its_minutes_said_after_the_days_ask_only_which_side_of_noon(text):
    asked = read(text)
    assert isinstance(asked, Question) and asked.text == "6:30 in the morning or in the evening?"
    assert [s.local_time for _, s in asked.options] == [time(6, 30), time(18, 30)]


@pytest.mark.parametrize(("text", "clock"), [
    ("every thursday at 5 30 minutes later", time(5)),
    ("every monday 6 15 minutes before", time(6)),
])
def test_a_number_after_the_hour_that_counts_something_is_not_its_minutes(text, clock):
    asked = read(text)
    assert isinstance(asked, Question) and [s.local_time for _, s in asked.options][0] == clock


@pytest.mark.parametrize(("text", "days", "clock"), [
    ("Wednesday and Friday, 615 in the morning.", {2, 4}, time(6, 15)),
    ("fridays, 730 at night", {4}, time(19, 30)),
])
def test_a_time_written_without_a_colon_before_the_part_of_the_day_is_read(text, days, clock):
    assert read(text) == Schedule(weekdays=frozenset(days), local_time=clock)
