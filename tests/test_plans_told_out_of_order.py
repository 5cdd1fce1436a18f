"""Answers given out of order in planning (the tester's finding 12, s29): a schedule typed at the goal question is kept
and said so ("Got it, I'll keep “sat 9”"), its open hour asked once the goal is set ("9:00 in the morning or in the
evening?"); a reminder lead told at the goal question is kept and said so, never dropped silently. The clock is Sat 21
Nov 2026 09:30 UTC; the user is in Berlin."""

from __future__ import annotations

import pytest

from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, in_berlin, screen


def test_a_schedule_at_the_goal_question_is_kept_and_said(say):
    assert in_berlin(say, "/plan")[-1].text.startswith("What are you training for?")
    kept = say("sat 9")[0]
    assert kept.text.startswith("Got it, I'll keep “sat 9”.") and "What are you training for?" in kept.text
    asked = say("strength")[0]
    assert asked.text == "9:00 in the morning or in the evening?"
    assert [b.label for b in asked.button_list()][:2] == ["Sat 21 Nov 21:00", "Sat 28 Nov 09:00"]


def test_a_lead_at_the_goal_question_is_kept_and_said(say):
    in_berlin(say, "/plan")
    kept = say("remind me 1 hour before")[0].text
    assert kept.startswith("Got it: reminders 1 h before each session (kept for this plan).") and "training for" in kept
    say("strength")
    assert "reminder 1 h before each session" in say("mon wed fri 7am")[0].text


async def test_a_schedule_at_the_goal_question_over_telegram_is_kept_and_said(say, coach):
    screen(say)
    say("/plan")
    say(button(say("Berlin")[0], "Yes"), button=True)
    sent = await feed_all(coach, [message_update("sat 9"), message_update("strength")])
    assert sent.texts()[0].startswith("Got it, I'll keep “sat 9”.")
    assert sent.texts()[1] == "9:00 in the morning or in the evening?"


@pytest.mark.parametrize(("typed", "kept", "place"), [
    ("berlin, strength, weekdays 6:15", "“weekdays 6:15” and the goal (strength)", "Berlin (Germany)"),
    ("endurance tue thu 6pm london time", "“endurance tue thu 6pm” and the goal (endurance)", "London (United Kingdom)"),
])
def test_a_place_said_alone_or_before_time_with_a_schedule_is_asked_and_the_rest_kept(say, typed, kept, place):
    screen(say)
    say("/plan")
    asked = say(typed)[0].text
    assert asked.startswith(f"Got it, I'll keep {kept}.") and f"{place}, now" in asked


def test_a_place_and_goal_told_with_the_opening_request_are_kept(say):
    screen(say)
    asked = say("can you remind me mon wed fri at 7pm, im in berlin, goal is hypertrophy")[0].text
    assert asked.startswith("Got it, I'll keep “can you remind me mon wed fri at 7pm” and the goal (muscle growth).")
    assert "every Mon, Wed, Fri at 19:00 (Europe/Berlin), goal: muscle growth" in say("yes")[-1].text


async def test_a_place_told_with_the_opening_request_over_telegram_is_asked(say, coach):
    screen(say)
    sent = await feed_all(coach, [message_update("remind me tue thu at 6pm, im in berlin"), message_update("yes"),
                                  message_update("strength")])
    assert sent.texts()[0].startswith("Got it, I'll keep “remind me tue thu at 6pm”.") and "Berlin (Germany)" in sent.texts()[0]
    assert "every Tue, Thu at 18:00 (Europe/Berlin)" in sent.texts()[-1]


def test_a_lead_at_the_zone_question_is_never_read_as_a_place(say):
    screen(say)
    say("/plan")
    kept = say("30 mins before pls")[0].text  # "mins" reads as Mainz to the place finder
    assert kept.startswith("Got it: reminders 30 min before each session (kept for this plan).") and "Mainz" not in kept


@pytest.mark.parametrize("typed", ["actually leave it", "ugh no lets not, leave it", "no never mind"])
def test_leaving_said_after_a_no_at_a_step_that_asks_no_yes_or_no_leaves(say, typed):
    in_berlin(say, "/plan")
    assert say(typed)[0].text == "Okay, no plan saved."  # at the goal question
    say("/plan")
    assert "When do you want to train?" in say("strength")[-1].text
    assert say(typed)[0].text == "Okay, no plan saved."  # at "When do you want to train?"


async def test_leaving_said_after_a_no_over_telegram_leaves(say, coach):
    in_berlin(say, "/plan")
    sent = await feed_all(coach, [message_update("ugh no lets not, leave it")])
    assert sent.texts() == ["Okay, no plan saved."]
