"""Breathing said to be fine is no red flag (tester s30 #1): a spoken "yes I agree" at the safety check's consent is often
heard "Yes, I breathe.", and the classifier alone read it as an emergency (the check stopped, locked for 12 hours). The
whole message saying one breathes ("yes i breathe", "i breathe fine") is a look-alike; trouble breathing still alarms."""

from __future__ import annotations

import pytest

from knowledge.safety import Safety
from tests.conftest import message_update
from tests.recording_request import feed_all


@pytest.mark.parametrize("typed", ["yes i breathe", "Yes, I breathe.", "i breathe fine", "yeah i can breathe normally"])
def test_breathing_said_fine_is_no_concern(understanding, typed):
    assert understanding.read(typed).safety is Safety.NONE


@pytest.mark.parametrize("typed", ["i cant breathe", "yes i cant breathe", "i breathe but my chest is crushing",
                                   "yes i breathe heavy and my chest hurts"])
def test_trouble_breathing_is_still_an_emergency(understanding, typed):
    assert understanding.read(typed).safety is Safety.EMERGENCY


def test_yes_i_breathe_at_the_consent_starts_the_check(say):
    say("/screen")
    replies = say("Yes, I breathe.")
    assert not [r for r in replies if r.text.startswith("🚨")] and "Question 1 of 15" in replies[-1].text


async def test_over_telegram_yes_i_breathe_raises_no_alarm(coach):
    sent = await feed_all(coach, [message_update("yes i breathe")])
    assert not [text for text in sent.texts() if text.startswith("🚨")]
