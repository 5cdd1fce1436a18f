"""'Is it the same as X?' never gets an answer's opening 'Yes.' (tester s29 #3: answers written for 'can I use X
instead?' told beginners a glute ham raise or a Roman chair back extension is the same exercise). The rule is ans29's;
its lexicon and content changes were left out (they lost one held-out question and raised a health false alarm on plan
talk). Through the core and the Telegram adapter."""

from __future__ import annotations

import pytest

from bot.features.qa.texts import asks_yes_or_no
from tests.conftest import message_update
from tests.recording_request import feed_all

SAME_AS = ["is it the same as a glute ham raise", "is a reverse hyper the same as a roman chair back extension",
           "is the reverse hyper machine the same as a GHD", "is a ghd similar to a reverse hyper"]


@pytest.mark.parametrize("question", SAME_AS)
def test_a_same_as_question_is_no_yes_or_no_question_an_answers_yes_fits(question):
    assert not asks_yes_or_no(question.lower().split())


@pytest.mark.parametrize("question", SAME_AS)
def test_a_same_as_question_never_gets_a_bare_yes(say, question):
    reply = say(question)[0]
    assert reply.entry is not None and not reply.text.startswith("Yes"), (question, reply.entry, reply.text[:40])


async def test_a_same_as_question_over_telegram_gets_no_bare_yes(coach):
    sent = await feed_all(coach, [message_update(SAME_AS[0])])
    assert not sent.texts()[0].startswith("Yes")
