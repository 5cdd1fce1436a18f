"""Planning typed loosely, as a lead's own run-through of session 33 found it: "tues n thurs after work like 6ish" is Tue
and Thu at 18:00 (no "n" or "6ish" left out, no question of the hour); "what did i just save" shows the plans saved;
"can i add saturdays too" with a plan saved is a change of it, confirmed first (it started a new plan with no day)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from scheduler.parsing import read_schedule
from tests import test_saved_plans_changed_one_day
from tests.conftest import message_update
from tests.recording_request import feed_all

green, saved = test_saved_plans_changed_one_day.green, test_saved_plans_changed_one_day.saved  # a green user; a plan saved


@pytest.mark.parametrize("said", ["tues n thurs after work like 6ish", "tue thu after work 6ish", "tue and thu evenings 6"])
def test_days_joined_by_n_and_an_hour_after_a_part_of_the_day_are_read(said):
    read = read_schedule(said, datetime(2026, 11, 21, 10, tzinfo=UTC), ZoneInfo("Europe/London"))
    assert read.weekdays == {1, 3} and f"{read.local_time:%H:%M}" == "18:00"  # type: ignore[union-attr]


def test_a_loose_schedule_is_shown_to_save_at_once(green):
    green("/plan")
    assert "every Tue, Thu at 18:00" in green("tues n thurs after work like 6ish")[-1].text


def test_what_did_i_just_save_shows_the_plans(green):
    saved(green, "every tue thu at 6:30pm")
    assert "Your sessions in the next 7 days" in green("what did i just save")[0].text


def test_can_i_add_a_day_too_is_a_change_of_the_plan_confirmed_first(green, coach):
    saved(green, "every tue thu at 6:30pm")
    shown = green("can i add saturdays too")[-1].text
    assert "every Tue, Thu, Sat at 18:30" in shown and "Save this plan?" in shown
    assert coach.plans.load_plans(7)[0].schedule.weekdays == {1, 3}


async def test_can_i_add_a_day_too_over_telegram(green, coach):
    saved(green, "every tue thu at 6:30pm")
    request = await feed_all(coach, [message_update("can i add saturdays too")])
    assert "every Tue, Thu, Sat at 18:30" in request.texts()[-1]
