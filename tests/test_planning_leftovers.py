"""What a user tester left open in planning (2026-12-02): second choices for a place, a part of the
day said alone, and the parts of a schedule phrase the bot cannot act on, said instead of dropped."""

from __future__ import annotations

import pytest

from scheduler.timezones import find_zone
from tests.test_planning import screen


@pytest.mark.parametrize("place, offered", [
    ("Paris", [("Paris, Texas (United States)", "America/Chicago")]),
    ("Rome", [("Rome, Georgia (United States)", "America/New_York")]),  # not Lomé, once called Rome
    ("Delhi", []),  # not Dili
    ("Mexico", []),  # the country: no town called Mexico elsewhere
    ("Bergen", []),  # Bergen in the Netherlands keeps Oslo's clock
])
def test_second_choices_are_places_of_that_name_on_another_clock_named_as_such(place, offered):
    assert list(find_zone(place).choices) == offered


def test_the_second_choice_button_names_the_place_not_only_its_zone(say):
    screen(say)
    reply = say("/timezone Paris")[0]
    assert "Paris (France)" in reply.text
    assert [b.label for b in reply.button_list()][1].startswith("Paris, Texas (United States), now ")
