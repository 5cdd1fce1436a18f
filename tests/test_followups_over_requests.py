"""A question read unsurely as a request ("for what" reads a little like a call for help, "right before?" like the
settings) follows up the last answer when the conversation answers it; a request read surely ("help?", "what are my
sessions?") is still the request, after an answer too."""

from __future__ import annotations

from bot.core.words import SURE_INTENT
from knowledge.intents import Intent


def test_an_unsure_request_after_an_answer_follows_it_up(say, understanding):
    assert understanding.intent("for what") is not None  # alone a call for help, read unsurely
    say("do i have to hold the handles on the reverse hyper bench")
    assert say("for what")[0].entry == "grip"
    say("should i warm up before doing these", user=8)
    assert say("right before?", user=8)[0].entry == "warm-up"


def test_a_sure_request_after_an_answer_is_still_the_request(say):
    say("how many sets and reps for strength")
    assert say("what are my sessions?")[0].entry is None
    say("how many sets and reps for strength", user=8)
    help_reply = say("help?", user=8)[0]
    assert help_reply.entry is None and "/help" in help_reply.text


def test_an_unsure_request_with_no_answer_before_is_still_the_request(say):
    assert say("for what")[0].entry is None


def test_a_question_read_surely_as_a_call_for_help_that_points_back_follows_up_the_last_answer(say, understanding):
    intent, odds = understanding.intent_read("where do they start")
    assert intent is Intent.HELP and odds >= SURE_INTENT  # alone, surely a call for help ("start")
    say("what hamstring muscles are there")
    assert say("where do they start")[0].entry in ("hamstring-anatomy", "biceps-femoris", "semitendinosus", "semimembranosus")
    say("what hamstring muscles are there", user=8)
    help_reply = say("can you help me?", user=8)[0]  # points at nothing said: still the request
    assert help_reply.entry is None and "/help" in help_reply.text
