"""A question about what a setting does, asked while /settings is open (tester s28, finding 24), is told what it does,
then the settings are still open; a change asked as a question still changes it. Through the core and the adapter."""

from __future__ import annotations

import pytest

from tests import test_telegram_adapter
from tests.conftest import message_update
from tests.test_telegram_adapter import feed

tg = test_telegram_adapter.tg


@pytest.mark.parametrize(("text", "starts"), [("what does the goal change", "The goal picks"),
                                             ("what is the lead time", "The reminder lead is"),
                                             ("what does voice replies do", "Voice replies send")])
def test_a_question_about_a_setting_is_told_what_it_does(say, text, starts):
    say("/settings")
    means, still = say(text)
    assert means.text.startswith(starts) and still.text.startswith("Still in settings")


def test_a_change_asked_as_a_question_still_changes_it(say, coach):
    say("/settings")
    assert "2 h before" in say("can you remind me 2 hours before?")[0].text
    assert coach.plans.load_profile(7).lead_minutes == 120


async def test_a_question_about_a_setting_over_the_adapter(tg):
    app, request = tg
    await feed(app, message_update("/settings"))
    await feed(app, message_update("what does the goal change"))
    assert request.texts()[-2].startswith("The goal picks")
