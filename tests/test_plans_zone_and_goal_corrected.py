"""Planning findings of the tester (2026-12-05, s29): the time zone corrected at "Save this plan?" in words of a
correction ("actually im in lisbon not berlin") is the zone screen with that place, and the draft is shown again in it;
the goal changed in /settings reaches the saved plans (their reminders say the goal the user was just told), as the lead
and the time zone do, and the reply says so."""

from __future__ import annotations

from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import tue_thu  # noqa: F401 (a fixture)


def test_a_time_zone_corrected_at_save_is_offered_and_the_draft_shown_in_it(planned, coach):  # noqa: F811
    planned("every tue thu 6:30pm")
    offered = planned("actually im in lisbon not berlin")
    assert "Lisbon" in offered[0].text and "Right?" in offered[0].text
    shown = planned(button(offered[0], "Yes"), button=True)
    assert "Europe/Lisbon" in shown[-1].text and "Save this plan?" in shown[-1].text
    planned("yes")
    assert coach.plans.load_profile(7).zone == "Europe/Lisbon"


def test_wrong_city_at_save_is_the_new_place_not_an_edit(planned, coach):  # noqa: F811
    planned("every tue thu 6:30pm")
    offered = planned("oh wait wrong city, im in lisbon")
    assert "Lisbon" in offered[0].text and "Right?" in offered[0].text


async def test_a_time_zone_corrected_at_save_over_telegram_is_offered(planned, coach):  # noqa: F811
    planned("every tue thu 6:30pm")
    sent = await feed_all(coach, [message_update("actually im in lisbon not berlin")])
    assert "Lisbon" in sent.texts()[0] and "Right?" in sent.texts()[0]


def test_a_goal_typed_in_settings_reaches_the_saved_plans_and_says_so(tue_thu, coach):  # noqa: F811
    tue_thu("/settings")
    done = tue_thu("endurance")[0].text
    assert "your goal is endurance, for your plan too" in done
    assert [p.goal for p in coach.plans.load_plans(7)] == ["endurance"]


def test_a_goal_tapped_in_settings_reaches_the_saved_plans(tue_thu, coach):  # noqa: F811
    menu = tue_thu("/settings")[-1]
    shown = tue_thu(button(menu, "Endurance"), button=True)[-1].text
    assert shown.startswith("Your goal is endurance, for your plan too") and "Reminders come" in shown
    assert [p.goal for p in coach.plans.load_plans(7)] == ["endurance"]


async def test_a_goal_typed_in_settings_over_telegram_reaches_the_plans(tue_thu, coach):  # noqa: F811
    sent = await feed_all(coach, [message_update("/settings"), message_update("endurance")])
    assert "for your plan too" in sent.texts()[-1] and [p.goal for p in coach.plans.load_plans(7)] == ["endurance"]
