"""Planning findings of the tester (2026-12-05, s29): the time zone corrected at "Save this plan?" in words of a
correction ("actually im in lisbon not berlin") is the zone screen with that place, and the draft is shown again in it."""

from __future__ import annotations

from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, planned  # noqa: F401 (a fixture)


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
