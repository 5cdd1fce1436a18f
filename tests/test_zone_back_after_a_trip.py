"""Coming back from a trip (the tester's finding 19, s29): the zone before the last change is kept with the profile (a
migration, written in the zone change's transaction) and offered back on "ok im back from tokyo", "im home again" or
"switch back to my old time zone", never the place just left; a stay told with its end is said back at its zone check;
/mydata shows the zone kept and /forget erases it. The clock is Sat 21 Nov 2026 09:30 UTC; the user is in Berlin."""

from __future__ import annotations

import pytest

from bot.features.planning.trip import Back, back_home, place_told, stay_said, without_places
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved


@pytest.fixture
def in_tokyo(planned):  # noqa: F811
    """A plan every Tue at 18:30 made in Berlin, then the zone set to Tokyo for a trip."""
    saved(planned, "every tue 6:30pm")
    planned("im in tokyo this week")
    assert "Asia/Tokyo" in planned("yes")[0].text
    return planned


@pytest.mark.parametrize("typed", ["ok im back from tokyo", "im home again", "switch back to my old time zone",
                                   "just got back from my holiday", "revert my timezone", "back to normal time please",
                                   "ok home now"])
def test_a_return_offers_the_zone_before_the_trip(in_tokyo, typed):
    offer = in_tokyo(typed)
    assert offer[0].text.startswith("Back to Europe/Berlin (now 10:30)?") and len(offer) == 1
    assert "Europe/Berlin" in in_tokyo("yes")[0].text


def test_the_zone_before_a_change_is_stored_with_the_change(in_tokyo, coach):
    profile = coach.plans.load_profile(7)
    assert (profile.zone, profile.previous_zone) == ("Asia/Tokyo", "Europe/Berlin")


def test_a_stay_with_an_end_is_said_back_at_its_zone_check(planned):  # noqa: F811
    saved(planned, "every tue 6:30pm")
    check = planned("im in tokyo till sunday")[0].text
    assert "Tokyo" in check and "You said “till sunday”" in check and "Europe/Berlin again" in check


def test_mydata_shows_the_zone_kept_and_forget_erases_it(in_tokyo, coach):
    assert "(before that Europe/Berlin, kept to switch back after a trip)" in in_tokyo("/mydata")[0].text
    in_tokyo("/forget")
    in_tokyo("yes")
    assert coach.plans.load_profile(7).previous_zone is None


def test_a_return_from_no_trip_is_not_read_as_one():
    assert back_home("just got back from the gym") is None and back_home("im back") is None
    assert back_home("im back to normal") is None and back_home("back on track") is None
    assert back_home("im back in lisbon") == Back("lisbon") and back_home("back home in manchester 🏠") == Back("manchester")
    assert stay_said("i moved to lisbon") == "" and stay_said("im in nyc for a few days") == "for a few days"


def test_a_return_from_a_place_never_set_says_the_zone_is_unchanged(planned):  # noqa: F811
    saved(planned, "every tue 6:30pm")
    assert planned("just got back from tokyo")[0].text.startswith("Welcome back! Your reminders are still on Europe/Berlin")


async def test_a_return_over_telegram_offers_the_zone_before_the_trip(in_tokyo, coach):
    sent = await feed_all(coach, [message_update("ok im back from tokyo")])
    assert sent.texts()[0].startswith("Back to Europe/Berlin (now 10:30)?")
    assert "switch back" in str(sent.sent()[0]["reply_markup"])


@pytest.mark.parametrize(("typed", "place"), [("currently in dubai for work till the 20th", "Dubai"),
                                              ("everything's off by 8 hours, im in singapore", "Singapore"),
                                              ("on hols in spain for 2 weeks can u adjust", "Spain")])
def test_where_the_user_is_told_in_a_clause_offers_its_zone(planned, typed, place):  # noqa: F811
    saved(planned, "every tue 6:30pm")
    check = planned(typed)
    assert check[0].text.startswith(f"{place}") and "Right?" in check[0].text and len(check) == 1


def test_a_move_told_is_no_health_concern_but_a_concern_beside_it_is(planned, coach):  # noqa: F811
    saved(planned, "every tue 6:30pm")
    moved = planned("I have relocated to Bangalore last week")
    assert moved[0].text.startswith("Bengaluru") and not any(r.safety for r in moved)
    assert without_places("i moved to lisbon, chest pain since yesterday") == "chest pain since yesterday"
    assert without_places("im in labor") == "im in labor" and place_told("im in labor") == ("", "im in labor")
    assert without_places("i moved to lisbon and my back hurts") == "i moved to lisbon and my back hurts"


async def test_a_move_told_over_telegram_is_no_health_concern(planned, coach):  # noqa: F811
    saved(planned, "every tue 6:30pm")
    sent = await feed_all(coach, [message_update("I have relocated to Bangalore last week")])
    assert sent.texts()[0].startswith("Bengaluru") and len(sent.texts()) == 1


def test_a_return_naming_home_offers_that_place(in_tokyo):
    assert in_tokyo("can you put me back on berlin time")[0].text.startswith("Berlin (Germany), now 10:30. Right?")
