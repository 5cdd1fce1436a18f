"""Questions about one's own plan (the tester's finding 24, 2026-12-05, s29), answered from what is stored: "whats my
time zone set to" tells the zone (never the question that changes it), "how many sets should i do on tuesday" gives that
day's plan's goal with its sets and reps, "what time is my saturday one" its time and zone, "did i miss any" the last
four weeks' sessions done, skipped and with no check-in. The clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved


@pytest.fixture
def two(planned):  # noqa: F811
    """Every Tue at 18:30 (then made endurance) and every Sat at 10:00 (strength), Berlin."""
    saved(planned, "every tue 6:30pm")
    saved(planned, "every sat 10am")
    return planned


@pytest.mark.parametrize("typed", ["whats my time zone set to", "what time zone am i in", "what's my timezone?"])
def test_the_time_zone_asked_is_told_not_changed(two, typed):
    told = two(typed)
    assert told[0].text.startswith("Your time zone is Europe/Berlin, now 10:30") and len(told) == 1


def test_how_many_sets_on_a_day_is_that_days_plan(two, coach):
    plan = next(p for p in coach.plans.load_plans(7) if p.schedule.weekdays == {1})
    coach.plans.set_goal(7, [plan.id], "endurance")
    told = two("how many sets should i do on tuesday")[0].text
    assert told.startswith("Your plan every Tue at 18:30 is for endurance:") and "15–20 reps" in told
    assert "for strength: 3–4 sets × 8–10 reps" in two("how many reps should i do today")[0].text  # Saturday's plan


async def test_the_time_zone_asked_over_telegram_is_told(two, coach):
    sent = await feed_all(coach, [message_update("whats my time zone set to")])
    assert sent.texts() == ["Your time zone is Europe/Berlin, now 10:30: reminders come at its local time. /timezone changes it."]


def test_did_i_miss_any_lists_the_last_weeks_sessions_with_no_check_in(two, coach, clock):
    assert two("did i miss any")[0].text.startswith("No session has come round in the last 4 weeks")
    for plan in coach.plans.load_plans(7):
        coach.plans.advance(plan, "sent", False, None, None)
    clock.now += timedelta(days=8)
    told = two("did i miss any?")[0].text
    assert told.startswith("In the last 4 weeks: 2 with no check-in (Tue 24 Nov 18:30, Sat 28 Nov 10:00)")


async def test_did_i_miss_any_over_telegram_is_answered_from_the_sessions(two, coach):
    sent = await feed_all(coach, [message_update("did i miss any")])
    assert sent.texts()[0].startswith("No session has come round in the last 4 weeks")


@pytest.mark.parametrize("typed", ["what time is my saturday one in berlin time", "when is my sat session",
                                   "what time is my saturday workout"])
def test_the_time_of_a_days_plan_asked_is_told(two, typed):
    assert two(typed)[0].text == "Your Sat session: every Sat at 10:00 (Europe/Berlin). /sessions shows the next dates."


def test_the_time_asked_of_a_day_with_no_plan_says_so(two):
    assert two("what time is my friday one")[0].text.startswith("You have no session on Fri.")


async def test_the_time_of_a_days_plan_asked_over_telegram_is_told(two, coach):
    sent = await feed_all(coach, [message_update("what time is my tuesday one")])
    assert sent.texts()[0].startswith("Your Tue session: every Tue at 18:30 (Europe/Berlin).")
