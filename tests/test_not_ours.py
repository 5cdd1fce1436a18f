"""The "not ours" class: messages about other exercises and machines that share our words, gear and apps, and the
time around training are declined, and a near miss the articles leave open (an app to log sets, a cool-down) is told
as not covered with the closest topics offered: through the core, and over Telegram."""

from __future__ import annotations

import pytest

from bot.core.coach import Coach
from tests.conftest import message_update
from tests.recording_request import feed_all

NOT_COVERED = "The two articles I'm built on don't cover"  # the opening of a near miss's reply (qa texts)
APP = "is there an app that counts my reps"  # once the reps by goal


@pytest.mark.parametrize("text", [APP, "which app is best for logging my training", "do fitness watches track this exercise"])
def test_an_app_or_a_watch_to_log_training_is_said_to_be_uncovered(say, text):
    reply = say(text)[0]
    assert reply.entry is None and reply.text.startswith(NOT_COVERED) and "apps, watches or logs" in reply.text, text
    assert "kb:program-overview" in {b.data for b in reply.button_list()}


@pytest.mark.parametrize("text", ["how should i cool down once i'm finished", "is a cooldown needed after hypers"])
def test_a_cool_down_is_said_to_be_uncovered_with_the_warm_up_offered(say, text):
    reply = say(text)[0]
    assert reply.entry is None and reply.text.startswith(NOT_COVERED) and "cool-down" in reply.text, text
    assert "kb:warm-up" in {b.data for b in reply.button_list()}


@pytest.mark.parametrize(("text", "about"), [
    ("is heat or ice better for tight hamstrings after the gym", "recovery habits"),
    ("what numbers do the strongest powerlifters hit on this machine", "exact weights or records")])
def test_a_near_miss_in_words_of_its_own_is_said_to_be_uncovered_not_merely_declined(say, text, about):
    reply = say(text)[0]  # once "I'm not sure I can answer that one"
    assert reply.entry is None and reply.text.startswith(NOT_COVERED) and about in reply.text, text


async def test_an_app_to_log_training_is_said_to_be_uncovered_over_telegram(coach: Coach):
    texts = (await feed_all(coach, [message_update(APP)])).texts()
    assert len(texts) == 1 and texts[0].startswith(NOT_COVERED) and "apps, watches or logs" in texts[0]
