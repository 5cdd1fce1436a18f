"""A request worded as a question the knowledge base could also answer is the request when the intents reader reads it
plainly ("can we do the safety check?" is no question about injury risk; "what can this bot do" asks for the menu, not
what the exercise is); a question read only loosely as a request is still answered."""

from __future__ import annotations

from bot.core.words import PLAIN_REQUEST
from knowledge.intents import Intent
from tests.conftest import message_update
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the adapter fixture)


def test_the_words_read_both_as_a_plain_request_and_as_an_answerable_question(understanding):
    for text, intent in (("can we do the safety check", Intent.SCREEN), ("what can this bot do", Intent.HELP)):
        read, odds = understanding.intent_read(text)
        assert read is intent and odds >= PLAIN_REQUEST
        assert understanding.is_question(text) and understanding.read(text).match.entry_id is not None


def test_a_plainly_worded_request_asked_as_a_question_is_the_request(say):
    consent = say("can we do the safety check")
    assert consent[0].entry is None and "Safety check" in consent[0].text
    assert say("what can this bot do", user=8)[0].entry is None
    assert "/plan" in say("how does this bot work", user=9)[0].text


def test_a_question_read_loosely_as_a_request_is_still_answered(say, understanding):
    intent, odds = understanding.intent_read("how do i stop at the end of a set?")
    assert intent is None or odds < PLAIN_REQUEST
    assert say("how do i stop at the end of a set?")[0].entry is not None


async def test_a_request_asked_as_a_question_is_the_request_over_telegram(tg):  # noqa: F811
    app, request = tg
    await feed(app, message_update("can we do the safety check"))
    assert "I agree, start" in str(request.sent()[-1]["reply_markup"])
