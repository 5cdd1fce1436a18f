"""Words that ask nothing ("lol", "?", a "yes" nothing asked for: then what the bot can do) get one friendly line, not the
full decline (emoji alone, "🤔🤔", a hint to say it in words); a bare "yes" after the bot offered topics instead of an answer
("Did you mean one of these?") takes up the one offered (or asks which, of several), and a "no" invites another way
to ask."""

from __future__ import annotations

import pytest

from bot.features.qa.texts import CHATTER, EMOJI_ONLY, NOT_OFFERED, NOTHING_TO_ANSWER, WHICH_OFFER
from tests.conftest import message_update
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the adapter fixture)

OFFERS_ONE = "can i add ankle weights"  # declined, with one topic offered: how much weight
NEAR_MISS = "what time does the gym open"  # the articles don't say; two closest topics offered


@pytest.mark.parametrize("text, line", [("lol", CHATTER), ("haha ok", CHATTER), ("?", CHATTER), ("...", CHATTER),
                                        ("🤔🤔", EMOJI_ONLY), ("yes", NOTHING_TO_ANSWER),
                                        ("no", NOTHING_TO_ANSWER)])
def test_words_that_ask_nothing_get_one_friendly_line(say, text, line):
    replies = say(text)
    assert [r.text for r in replies] == [line]


def test_a_question_the_bot_cannot_answer_is_still_declined_in_full(say):
    assert "I'm not sure I can answer that one" in say("what is the capital of france?")[0].text


def test_yes_after_one_offered_topic_answers_it(say):
    offered = say(OFFERS_ONE)[0]
    assert offered.entry is None and offered.buttons[0][0].data == "kb:load-weight"
    reply = say("yes")[0]
    assert reply.entry == "load-weight"


def test_the_taken_offer_becomes_what_the_conversation_is_about(say):
    say(OFFERS_ONE)
    say("yes")
    assert say("why?")[0].entry == "load-weight"


def test_yes_after_several_offered_topics_asks_which(say):
    offered = say(NEAR_MISS)[0]
    reply = say("yes please")[0]
    assert reply.text == WHICH_OFFER
    assert reply.buttons[:-1] == offered.buttons[:-1]


def test_no_after_an_offer_invites_another_way_to_ask(say):
    say(OFFERS_ONE)
    assert say("nah")[0].text == NOT_OFFERED


def test_an_offer_is_taken_up_only_by_the_next_message(say):
    say(OFFERS_ONE)
    say("how many reps for strength")
    say("lol")
    assert say("yes")[0].text == NOTHING_TO_ANSWER


async def test_chatter_and_a_yes_to_an_offer_over_telegram(tg):  # noqa: F811
    app, request = tg
    await feed(app, message_update("lol"))
    assert request.texts()[-1] == CHATTER
    await feed(app, message_update(OFFERS_ONE))
    await feed(app, message_update("yes"))
    assert "Match the load to your goal" in request.texts()[-1]
