"""The schedule reader's start, end and count of days, and the clock forms people type ("19.30",
"1930", "half 7"): read into the `when --json` shape, kept by the store, honoured by the recurrence."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.storage.database import open_database
from scheduler.model import Schedule
from scheduler.parsing import read_schedule
from scheduler.reading import read_when
from scheduler.recurrence import next_occurrences
from scheduler.store import SchedulerStore, schedule_from_json, schedule_to_json

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 21, 10, 0, tzinfo=LONDON)  # a Saturday


def read(text: str) -> dict[str, object]:
    return read_when(text, NOW, LONDON)


@pytest.mark.parametrize("text, start, until", [
    ("mon wed fri 7am for 6 weeks", None, "2027-01-01"),  # today + 7*6 - 1
    ("every day at 6pm for 10 days", None, "2026-11-30"),  # today + 10 - 1
    ("mondays at 7pm for the next two weeks", None, "2026-12-04"),
    ("every day at 7am starting next week", "2026-11-23", None),  # the coming Monday
    ("tuesdays and thursdays at 18:00 from monday", "2026-11-23", None),
    ("mon wed fri at 7am from the 1st for 4 weeks", "2026-12-01", "2026-12-28"),  # counted from the start
    ("tue thu 6pm until christmas", None, "2026-12-25"),
    ("weekdays 6:15am until the end of the month", None, "2026-11-30"),
    ("every saturday at 9am for a month", None, "2026-12-20"),
])
def test_a_recurring_plan_reads_its_first_and_last_day(text, start, until):
    reading = read(text)
    assert reading.get("start") == start and reading.get("until") == until and "unused" not in reading


def test_days_from_and_until_days_stay_ranges_of_days_not_a_start():
    assert read("from monday to friday at 7am") == {"kind": "weekly", "days": ["mon", "tue", "wed", "thu", "fri"], "time": "07:00"}
    assert read("every day apart from sunday at 9am")["days"] == ["mon", "tue", "wed", "thu", "fri", "sat"]


def test_a_span_without_days_asks_for_them_and_keeps_the_span():
    assert read("for 6 weeks") | {"question": ""} == {"kind": "ask", "question": "", "options": [], "until": "2027-01-01"}


def test_a_span_that_ends_before_it_starts_or_holds_no_session_is_refused():
    assert read("every day at 7am starting 30 nov until 25 nov")["kind"] == "error"
    assert read("mondays until tomorrow at 7pm")["kind"] == "error"


def test_no_session_falls_outside_the_first_and_last_day():
    schedule = Schedule(weekdays=frozenset({0, 2, 4}), local_time=time(7), start=date(2026, 12, 1), until=date(2026, 12, 9))
    found = next_occurrences(schedule, LONDON, NOW.astimezone(UTC), 10)
    assert [at.astimezone(LONDON).date().day for at in found] == [2, 4, 7, 9]


def test_every_other_day_from_a_first_day_counts_from_it():
    reading = read("every other day at 7am starting monday")
    assert reading["start"] == "2026-11-23"
    schedule = read_schedule("every other day at 7am starting monday", NOW, LONDON)
    assert isinstance(schedule, Schedule) and schedule.anchor == date(2026, 11, 23)


def test_the_first_and_last_day_are_stored_with_the_plan_and_the_draft():
    store = SchedulerStore(open_database(":memory:"))
    schedule = Schedule(weekdays=frozenset({1}), local_time=time(18), start=date(2026, 12, 1), until=date(2027, 1, 10))
    plan_id = store.add_plan(7, schedule, "Europe/London", "strength", NOW, None, None)
    assert store.load_plan(plan_id).schedule == schedule  # type: ignore[union-attr]
    assert schedule_from_json(json.loads(schedule_to_json(schedule))) == schedule


@pytest.mark.parametrize("text, count, clock", [
    ("3x a week at 7am", 3, "07:00"), ("twice a week", 2, None), ("3 days a week at 6pm", 3, "18:00"),
    ("4 times weekly", 4, None),
])
def test_a_count_of_days_is_kept_in_the_question_with_the_time(text, count, clock):
    reading = read(text)
    assert reading["kind"] == "ask" and reading["count"] == count and reading.get("time") == clock
    assert f"Which {count} days" in str(reading["question"])


@pytest.mark.parametrize("text, expect", [
    ("tue thu 19.30", {"kind": "weekly", "days": ["tue", "thu"], "time": "19:30"}),
    ("mon @ 19.30", {"kind": "once", "date": "2026-11-23", "time": "19:30"}),
    ("mon wed fri 1930", {"kind": "weekly", "days": ["mon", "wed", "fri"], "time": "19:30"}),
    ("mon wed 7.30pm", {"kind": "weekly", "days": ["mon", "wed"], "time": "19:30"}),
    ("every monday until 24 dec 2026 at 7am", {"kind": "weekly", "days": ["mon"], "time": "07:00", "until": "2026-12-24"}),
])
def test_clock_forms(text, expect):
    assert read(text) == expect


def test_half_seven_is_half_past_seven_asked_am_or_pm():
    assert read("every monday at half 7")["options"] == ["Mon at 07:30", "Mon at 19:30"]


def test_this_weekend_keeps_the_hour_said():
    assert read("this weekend at 10")["options"] == ["Sat 21 Nov 22:00", "Sun 22 Nov 10:00", "Sun 22 Nov 22:00"]


def test_a_day_past_the_end_of_its_month_says_how_long_the_month_is():
    assert read("31/04 at 7am")["hint"] == "There is no 31 April: April has 30 days."


def test_after_work_alone_asks_with_the_evening_kept():
    assert read("after work")["part"] == "evening" and read("evenings at 7")["time"] == "19:00"


@pytest.mark.parametrize("text", ["3x/week at 7am", "3 per week at 7am", "3 sessions a week at 7am"])
def test_a_count_per_week_in_short_forms(text):
    assert read(text)["count"] == 3 and read(text)["time"] == "07:00"
