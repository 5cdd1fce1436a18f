"""Questions about the user's own day (a lead's run-through of session 33): "what time is it for me" tells the clock now in
the user's zone (it got the exercise's benefits); "whats on friday" after a one-off session was moved to Friday names it
(it said "no session on Fri", since no plan repeats on Fridays)."""

from __future__ import annotations

import pytest

from tests import test_saved_plans_changed_one_day
from tests.conftest import message_update
from tests.recording_request import feed_all

green, saved = test_saved_plans_changed_one_day.green, test_saved_plans_changed_one_day.saved  # a green user; a plan saved


@pytest.mark.parametrize("asked", ["what time is it for me", "whats the time here", "what time is it now"])
def test_the_clock_now_in_the_users_zone_is_told(green, asked):
    assert green(asked)[0].text.startswith("It's 10:30 where you are (Europe/Berlin)")


def test_a_one_off_session_moved_to_a_weekday_is_named_on_that_day(green):
    saved(green, "tomorrow at 8am")
    green("move tomorrows to friday same time")
    green("yes")
    assert green("whats on friday")[0].text.startswith("Your Fri session: Fri 27 Nov 08:00")


async def test_the_clock_now_over_telegram(green, coach):
    request = await feed_all(coach, [message_update("what time is it for me")])
    assert request.texts()[0].startswith("It's 10:30 where you are")
