"""The time zone told in everyday words: a move ("i moved to berlin"), another place typed with a "no" at a guessed
zone (a new guess, not a cancel), and small talk at the place question (a friendly word, then the question again)."""

from __future__ import annotations

from scheduler.timezones import find_zone
from tests.conftest import message_update
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the adapter fixture)


def test_a_move_told_in_words_names_the_place():
    assert find_zone("i moved to berlin").zone == "Europe/Berlin"
    assert find_zone("no i just moved to lisbon").zone == "Europe/Lisbon"
    assert find_zone("now in osaka").zone == "Asia/Tokyo"


def test_another_place_typed_with_a_no_at_a_guessed_zone_is_a_new_guess(say):
    say("/timezone")
    assert "Tokyo" in say("tokyo")[0].text
    guess = say("no i moved to berlin")[0]
    assert "Berlin" in guess.text and "Right?" in guess.text
    assert "Europe/Berlin" in say("yes")[0].text


def test_a_no_naming_the_guessed_place_still_shows_the_others(say):
    say("/timezone")
    say("portland")
    assert "Which one" in say("wrong portland")[0].text


def test_small_talk_at_the_place_question_is_answered_and_the_question_asked_again(say):
    say("/timezone")
    thanks = say("thx")
    assert "welcome" in thanks[0].text and "Which time zone" in thanks[-1].text
    assert "Berlin" in say("i moved to berlin")[0].text


async def test_a_move_told_at_a_guessed_zone_over_telegram(tg):  # noqa: F811
    app, request = tg
    for text in ("/timezone", "tokyo", "no i moved to berlin"):
        await feed(app, message_update(text))
    assert "Berlin" in request.texts()[-1]


def test_a_move_told_at_idle_opens_the_zone_check_for_any_place(say):
    for user, text in enumerate(("i moved to lisbon", "im in lisbon now", "my timezone is wrong, i live in portugal now"), 20):
        guess = say(text, user=user)[0]
        assert "Right?" in guess.text and "Europe/Lisbon" in guess.text
        assert "Europe/Lisbon" in say("yes", user=user)[0].text


def test_words_that_name_no_place_are_no_move(say):
    assert "Right?" not in say("i moved to a new gym")[0].text
    assert "Right?" not in say("im in pain now", user=8)[0].text
