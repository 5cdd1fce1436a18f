"""A professional's review of flagged points told in words ("my doctor saw the list and said its fine") while an amber
result waits for one: the ✅ button to record it, never a new health concern that voids the result (it did: "your safety
check no longer counts", and planning stayed locked)."""

from __future__ import annotations

import pytest

from bot.features.planning.texts import NEED_REVIEW
from bot.features.screening.results import tells_review
from bot.features.screening.texts import REVIEW_TOLD
from tests.conftest import message_update
from tests.test_planning import button, screen
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the adapter fixture)


@pytest.mark.parametrize("text", ["my doctor saw the list and said its fine", "done, physio checked it",
                                  "cleared by my gp", "the cardiologist gave me the all clear"])
def test_a_review_told_in_words_is_read(text):
    assert tells_review(text)


@pytest.mark.parametrize("text", ["my doctor says i have high blood pressure", "should i see a doctor first?",
                                  "is it checked by anyone"])
def test_a_concern_or_a_question_is_no_review(text):
    assert not tells_review(text)


def test_a_review_told_at_an_amber_result_offers_the_button_and_keeps_the_result(say, coach):
    screen(say, {2: "yes"})
    told = say("my doctor saw the list and said its fine")
    assert told[0].text == REVIEW_TOLD and "reviewed" in told[0].button_list()[0].label
    assert not any("no longer counts" in r.text for r in told)
    say(button(told[0], "reviewed"), button=True)
    assert say("/plan")[0].text != NEED_REVIEW


def test_a_review_told_with_no_flagged_result_is_read_as_usual(say):
    assert say("my doctor saw the list and said its fine")[0].text != REVIEW_TOLD


async def test_a_review_told_in_words_over_telegram(say, tg):  # noqa: F811
    screen(say, {2: "yes"})
    app, request = tg
    await feed(app, message_update("done, physio checked it"))
    assert "tap ✅ below to record it" in request.texts()[-1]
