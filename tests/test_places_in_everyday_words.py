"""Places in everyday words (issue 12, when23): a place named inside a sentence, countries and cities in their own
language and script, city nicknames, and hedges after a place or offset ("UTC+10 i think")."""

from __future__ import annotations

import pytest

from scheduler.timezones import find_zone


@pytest.mark.parametrize(("typed", "zone"), [
    ("currently in tokyo for work, back home in march", "Asia/Tokyo"),
    ("we're based in cape town", "Africa/Johannesburg"),
    ("about an hour outside of denver, up in the mountains", "America/Denver"),
    ("been living in dubai for 3 yrs now", "Asia/Dubai"),
    ("uhh seoul i think? yeah seoul", "Asia/Seoul"),
])
def test_a_place_named_inside_a_sentence_is_found(typed, zone):
    assert find_zone(typed).zone == zone


def test_of_two_places_named_the_one_lived_in_now_is_meant():
    assert find_zone("im from nairobi originally but living in berlin now").zone == "Europe/Berlin"


@pytest.mark.parametrize("typed", ["i split my time between work and gym", "i like reading at night", "what do u mean by time zone",
                                   "i travel a lot so theres no fixed one", "same as last time"])
def test_everyday_words_in_a_sentence_name_no_place(typed):
    guess = find_zone(typed)
    assert guess.zone is None and not guess.choices


@pytest.mark.parametrize(("typed", "zone"), [
    ("España", "Europe/Madrid"), ("Deutschland", "Europe/Berlin"), ("nederland", "Europe/Amsterdam"),
    ("Türkiye", "Europe/Istanbul"), ("日本", "Asia/Tokyo"), ("Москва", "Europe/Moscow"), ("Polska", "Europe/Warsaw"),
])
def test_countries_and_cities_in_their_own_language_and_script(typed, zone):
    assert find_zone(typed).zone == zone


@pytest.mark.parametrize(("typed", "zone"), [("KL", "Asia/Kuala_Lumpur"), ("hk", "Asia/Hong_Kong"), ("nola", "America/Chicago"),
                                             ("the 6ix", "America/Toronto"), ("vegas baby", "America/Los_Angeles")])
def test_city_nicknames(typed, zone):
    assert find_zone(typed).zone == zone


def test_a_hedge_after_an_offset_or_a_zone_name_is_no_part_of_it():
    assert find_zone("UTC+10 i think").zone == "UTC+10:00"
    assert find_zone("central european time").zone == "Europe/Berlin"
