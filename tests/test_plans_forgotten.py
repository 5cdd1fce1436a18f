""""Forget" said about a plan or a day (the tester's finding 11, 2026-12-05, s29): "forget my saturday plan" asks to
cancel that plan, "forget about tuesday" asks whether the next session or the day is meant, as "cancel" does; never a
new plan for that day. "forget me" and "forget what i said" stay the privacy feature's."""

from __future__ import annotations

import pytest

from bot.features.planning.forgotten import as_cancel
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved


@pytest.fixture
def two(planned):  # noqa: F811
    """Every Tue at 18:30 and every Sat at 10:00 saved (Berlin, strength)."""
    saved(planned, "every tue 6:30pm")
    saved(planned, "every sat 10am")
    return planned


def test_forget_my_saturday_plan_asks_to_cancel_that_plan(two, coach):
    asked = two("forget my saturday plan")[0].text
    assert asked.startswith("Cancel the plan every Sat at 10:00?")
    two("yes")
    assert [p.schedule.weekdays for p in coach.plans.load_plans(7)] == [frozenset({1})]


def test_forget_about_a_day_asks_the_next_session_or_the_day(two):
    assert two("forget about tuesday")[0].text.startswith("Tuesday: skip only the next session")


@pytest.mark.parametrize("typed", ["forget me", "forget what i said about my knee", "forget my data", "forget it",
                                   "i forget how many sets"])
def test_forget_about_anything_but_plans_is_left_alone(typed):
    assert as_cancel(typed) is None


async def test_forget_my_saturday_plan_over_telegram_asks_to_cancel_it(two, coach):
    sent = await feed_all(coach, [message_update("forget my saturday plan")])
    assert sent.texts()[0].startswith("Cancel the plan every Sat at 10:00?") and coach.plans.count_plans(7) == 2
