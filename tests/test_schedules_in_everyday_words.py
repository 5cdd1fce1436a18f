"""Schedules in everyday words (issue 12, when23): other languages' day names and time words, a range
read at its start, monthly days said as "first of" / "day 12" /
"every 20th", "every 48 hours", "every single day", a past "last friday", and typos of "other" and
"first". The clock is Wed 11 Mar 2026 07:40 in London."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from scheduler.reading import read_when

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 11, 7, 40, tzinfo=LONDON)
EVERY_DAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def read(text: str) -> dict[str, object]:
    """The reading without the words left out."""
    found = read_when(text, NOW, LONDON)
    found.pop("unused", None)
    return found


@pytest.mark.parametrize(("typed", "days", "at"), [
    ("lunes y miercoles 7pm", ["mon", "wed"], "19:00"),
    ("dienstag und donnerstag 18 uhr", ["tue", "thu"], "18:00"),
    ("lundi mercredi vendredi à 7h du matin", ["mon", "wed", "fri"], "07:00"),
    ("segunda e quarta às 19h", ["mon", "wed"], "19:00"),
    ("montags um 6:30 morgens", ["mon"], "06:30"),
    ("todos los dias 6am", EVERY_DAY, "06:00"),
])
def test_other_languages_day_names_and_time_words_are_read(typed, days, at):
    assert read(typed) == {"kind": "weekly", "days": days, "time": at}


def test_spanish_tomorrow_and_today_with_the_part_of_the_day():
    assert read("mañana a las 6 de la tarde") == {"kind": "once", "date": "2026-03-12", "time": "18:00"}
    assert read("hoy a las 9 de la noche porfa") == {"kind": "once", "date": "2026-03-11", "time": "21:00"}
    assert read("lunes, miercoles y viernes por la mañana")["part"] == "morning"


def test_every_n_days_and_a_monthly_day_in_spanish():
    assert read("cada dos dias a las 7 pm") == {"kind": "every_n_days", "n": 2, "time": "19:00"}
    assert read("el 1 de cada mes a las 9am") == {"kind": "monthly", "day": 1, "time": "09:00"}


def test_a_time_range_starts_at_its_start_on_the_side_of_noon_said_after_it():
    assert read("weekdays 6-7am") == {"kind": "weekly", "days": ["mon", "tue", "wed", "thu", "fri"], "time": "06:00"}


def test_a_bare_hour_asks_am_or_pm_whatever_the_hour():
    # when23 read a bare 1..4 as the afternoon; the frozen when_unseen set lost 7 "ambiguous" items (181 -> 174/192)
    assert read("thursdays at 4")["kind"] == "ask" and read("thursdays at 6")["kind"] == "ask"


@pytest.mark.parametrize(("typed", "day"), [
    ("first of every month 9am", 1), ("fisrt of every month 9am", 1), ("each month on day 12 at 9am", 12),
    ("day 18 each month 9am", 18), ("every 20th at 9am", 20),
])
def test_a_day_of_the_month_said_in_everyday_words(typed, day):
    assert read(typed) == {"kind": "monthly", "day": day, "time": "09:00"}


def test_every_2nd_tuesday_is_still_the_nth_weekday_of_the_month():
    assert read("every 2nd tuesday at 9am") == {"kind": "monthly", "nth": 2, "weekday": "tue", "time": "09:00"}


def test_every_48_hours_every_single_day_and_every_othr_day():
    assert read("every 48 hours at 7am") == {"kind": "every_n_days", "n": 2, "time": "07:00"}
    assert read("every single day 6am") == {"kind": "weekly", "days": EVERY_DAY, "time": "06:00"}
    assert read("every othr day 7pm") == {"kind": "every_n_days", "n": 2, "time": "19:00"}


def test_last_friday_is_in_the_past_but_the_last_friday_of_the_month_is_monthly():
    assert read("last friday 7am")["kind"] == "error"
    assert read("last friday of the month at 5pm")["kind"] == "monthly"
    assert read("monthly on the last friday at 5pm")["kind"] == "monthly"


def test_a_weekday_before_a_plural_part_of_the_day_repeats_weekly():
    assert read("sunday mornings at 8:30") == {"kind": "weekly", "days": ["sun"], "time": "08:30"}
    assert read("thrusday evenings at 7") == {"kind": "weekly", "days": ["thu"], "time": "19:00"}
    assert read("sunday morning at 8:30")["kind"] == "once"  # one morning: one session


def test_days_said_after_a_but_clause_are_the_days_and_an_exclusion_still_excludes():
    said = read("ok so my shifts are weird but im free tuesdays and fridays, could we say 7:30pm?")
    assert said == {"kind": "weekly", "days": ["tue", "fri"], "time": "19:30"}
    assert read("every day but not sundays at 7pm")["days"] == ["mon", "tue", "wed", "thu", "fri", "sat"]
    assert read("skip mondays")["kind"] != "weekly"


def test_a_choice_of_morning_or_evening_keeps_the_days_said():
    said = read("every weekday at 9")
    assert said["kind"] == "ask" and said["days"] == ["mon", "tue", "wed", "thu", "fri"] and len(said["options"]) == 2


def test_ish_after_days_is_no_part_of_them():
    assert read("tue/thu-ish 7pm") == {"kind": "weekly", "days": ["tue", "thu"], "time": "19:00"}


def test_a_number_after_the_english_a_is_no_time_but_after_spanish_a_las_it_is():
    assert read("a 10 rep set")["kind"] == "error"
    assert read("martes y jueves a las 20:00") == {"kind": "weekly", "days": ["tue", "thu"], "time": "20:00"}
