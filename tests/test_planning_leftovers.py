"""What a user tester left open in planning (2026-12-02): second choices for a place, a part of the
day said alone, and the parts of a schedule phrase the bot cannot act on, said instead of dropped."""

from __future__ import annotations

import io
import sys
from datetime import UTC

import pytest

from bot.cli import main
from bot.features.planning import texts as t
from scheduler.leftovers import unused_parts
from scheduler.one_off import PART_SAID
from scheduler.reading import read_when
from scheduler.timezones import find_zone
from tests.conftest import NOW
from tests.test_planning import button, in_berlin, screen


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


@pytest.mark.parametrize("typed, part, said", [
    ("mornings", "morning", "morning"), ("evenings", "evening", "evening"), ("after work", "evening", "afternoon_pm"),
    ("in the afternoon", "afternoon", "afternoon"),
])
def test_a_part_of_the_day_alone_is_kept_and_only_the_days_and_the_clock_time_are_asked(typed, part, said):
    reading = read_when(typed, NOW, UTC)
    assert reading["kind"] == "ask" and reading["part"] == part  # "after work" keeps the evening, said as typed
    assert str(reading["question"]).startswith(f"{PART_SAID[said][0]} it is. Which days, and what time")


def test_lunchtime_alone_says_the_time_it_read_and_asks_the_days():
    reading = read_when("lunchtime", NOW, UTC)
    assert reading["time"] == "12:00" and str(reading["question"]).startswith("Lunchtime, 12:00. Which day or days?")


def test_a_greeting_is_no_part_of_the_day():
    assert read_when("good morning", NOW, UTC)["kind"] == "error"


@pytest.mark.parametrize("typed, words", [
    ("mwf 7am except holidays", "except holidays"), ("mon wed fri 7am not on public holidays", "not on public holidays"),
    ("tue thu 6pm, skip bank holidays", "skip bank holidays"), ("weekdays at 6:30am but not during school holidays",
                                                                 "but not during school holidays"),
])
def test_holidays_to_skip_are_named_as_left_out(typed, words):
    assert read_when(typed, NOW, UTC)["unused"] == [{"words": words, "reason": "holidays"}]


def test_the_words_a_long_phrase_does_not_use_are_named_as_typed():
    reading = read_when("Tuesdays at 6pm for an hour, with my friend at the gym near work.", NOW, UTC)
    assert (reading["days"], reading["time"]) == (["tue"], "18:00")
    assert [u["words"] for u in reading["unused"]] == ["for an hour", "with my friend at the gym near work"]  # type: ignore[union-attr]


@pytest.mark.parametrize("typed", [
    "can you remind me every monday at 7am", "hey coach, remind me mondays at 7am please", "m w f at 7",
    "I want to work out every weekday at 6:30 am", "every day apart from sunday at 9am", "tomorrow @ 6:00 p.m.",
    "I'm free tuesdays after 6pm", "every other saturday at 10", "first monday of every month at 18:30",
])
def test_a_phrase_read_whole_leaves_nothing_out(typed):
    assert unused_parts(typed) == () and "unused" not in read_when(typed, NOW, UTC)


@pytest.fixture
def planned(say):
    """A green user in Berlin, goal strength, asked when to train."""
    say(button(in_berlin(say, "/plan")[-1], "Strength"), button=True)
    return say


def test_mornings_then_the_days_then_the_hour_is_a_weekly_morning_plan(planned):
    assert planned("mornings")[0].text.startswith("Mornings it is. Which days, and what time in the morning?")
    assert planned("mon wed fri")[0].text.startswith("What time in the morning?")
    assert "every Mon, Wed, Fri at 07:00" in planned("at 7")[0].text


def test_holidays_to_skip_are_said_before_the_plan_is_saved(planned):
    confirm = planned("mon wed fri at 7am except holidays")[0]
    assert confirm.text.startswith(t.NO_HOLIDAYS) and "every Mon, Wed, Fri at 07:00" in confirm.text


def test_a_plan_read_whole_has_no_note(planned):
    assert planned("mon wed fri at 7am")[0].text.startswith("I understood:")


def test_a_long_phrase_names_what_it_left_out_at_the_confirmation(planned):
    confirm = planned("tuesdays at 6pm for 45 minutes with my friend at the gym near work")[0]
    assert confirm.text.startswith("I left out “for 45 minutes” and “with my friend at the gym near work”")
    assert "every Tue at 18:00" in confirm.text


@pytest.mark.parametrize("typed, goal", [
    ("mon wed fri at 7am for endurance", "endurance"), ("mon wed fri at 7am, I want to build muscle", "muscle growth"),
])
def test_a_goal_said_with_the_schedule_is_taken_not_left_out(planned, typed, goal):
    assert planned(typed)[0].text.startswith(f"I understood: every Mon, Wed, Fri at 07:00 (Europe/Berlin), goal: {goal},")


def test_what_was_left_out_is_said_once_across_a_question(planned):
    asked = planned("every monday except holidays")[0]
    assert asked.text.startswith(t.NO_HOLIDAYS) and "What time?" in asked.text
    assert planned("7am")[0].text.startswith("I understood: every Mon at 07:00")


def test_a_schedule_kept_at_the_zone_question_says_what_it_left_out_once_it_is_read(say):
    screen(say)
    say("/plan")
    say("mwf 7am except holidays")
    say(button(say("Berlin")[0], "Yes"), button=True)
    assert say("strength")[-1].text.startswith(f"{t.NO_HOLIDAYS}\n\nI understood: every Mon, Wed, Fri at 07:00")


def test_an_edit_at_the_confirmation_says_what_it_left_out(planned):
    planned("mon wed fri at 7am")
    assert planned("make it 8am but skip public holidays")[0].text.startswith(t.NO_HOLIDAYS)


def test_the_terminal_chat_says_mornings_and_holidays_back(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COACHBOT_DB", str(tmp_path / "chat.db"))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    check = "/screen\nok\n" + "no\n" * 15
    script = f"{check}/plan\nBerlin\nyes\nstrength\nmornings\nmon wed fri at 7 except bank holidays\n/quit\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(script))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "Mornings it is. Which days, and what time in the morning?" in out
    assert f"{t.NO_HOLIDAYS}\n\nI understood: every Mon, Wed, Fri at 07:00" in out


def test_a_number_after_a_time_is_no_second_time_of_day():
    reading = read_when("mondays at 7am, 3 sets of 10 with the blue band", NOW, UTC)
    assert (reading["kind"], reading["time"]) == ("weekly", "07:00")
    assert reading["unused"] == [{"words": "3 sets of 10 with the blue band", "reason": "other"}]
    assert "one time of day" in read_when("every day at 7am and at 7pm", NOW, UTC)["hint"]  # type: ignore[operator]
