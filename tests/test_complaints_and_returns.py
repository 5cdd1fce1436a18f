""""im back" is a return, not the lower back; "thats not what i asked" or "wrong answer" after an answer gets an
apology and drops its topic, never the same answer again; "no i meant X" answers X afresh."""

from __future__ import annotations

import pytest

from bot.features.qa.smalltalk import SORRY, WELCOME_BACK
from tests.conftest import message_update
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the adapter fixture)


@pytest.mark.parametrize("text", ["im back", "hey im back", "ok im back from the gym lol", "back again"])
def test_saying_you_are_back_is_welcomed_not_answered_about_the_lower_back(say, text):
    assert [r.text for r in say(text)] == [WELCOME_BACK]


@pytest.mark.parametrize("text", ["thats not what i asked", "wrong answer", "that's wrong lol", "you misunderstood me"])
def test_a_complaint_about_the_last_answer_gets_an_apology_not_the_answer_again(say, text):
    assert say("how high should legs go")[0].entry == "leg-height"
    replies = say(text)
    assert [r.text for r in replies] == [SORRY] and replies[0].entry is None


def test_after_a_complaint_the_missed_topic_is_not_carried_on(say):
    say("how high should legs go")
    say("thats not what i asked")
    assert say("why?")[0].entry != "leg-height"


def test_a_correction_is_answered_afresh(say):
    say("how high should legs go")
    assert say("no i meant how many sets for size")[0].entry == "program-hypertrophy"


def test_a_question_about_what_is_wrong_is_still_a_question(say):
    assert say("what's wrong with jerking my upper body")[0].entry is not None


async def test_a_return_and_a_complaint_over_telegram(tg):  # noqa: F811
    app, request = tg
    await feed(app, message_update("im back"))
    assert request.texts()[-1] == WELCOME_BACK
    await feed(app, message_update("how high should legs go"))
    await feed(app, message_update("thats not what i asked"))
    assert request.texts()[-1] == SORRY
