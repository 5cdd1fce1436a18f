"""Talk read as meant (issue 12; a fifth blind writer's set, bench/talk_dev5.yaml): a reply that takes its first answer back
is the answer it ends on ("yes... actually no, forget it" at Save saves nothing), and requests in slang, as statements or
without the command's name are the requests (the stored data erased, "much obliged" thanks, the safety check asked as a
checklist, a clock said to be off). Through the core and the Telegram adapter."""

from __future__ import annotations

from bot.features.planning.texts import ZONE_SCREEN
from bot.features.privacy.dialog import PROMPT
from bot.features.qa.smalltalk import REPLIES
from bot.features.screening.texts import CONSENT
from knowledge.intents import Answer, Intent
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_dialogues import rows
from tests.test_planning import planned  # noqa: F401 (a fixture)


def test_an_answer_taken_back_is_the_answer_it_ends_on(understanding):
    assert understanding.answer("yes... actually no, forget it") is Answer.NO
    assert understanding.answer("no wait yes") is Answer.YES


def test_a_yes_taken_back_at_save_saves_nothing(planned, coach):  # noqa: F811
    planned("every mon wed at 7pm")
    assert planned("yes... actually no, forget it")[0].text.startswith("Okay, what should change?")
    assert coach.plans.count_plans(7) == 0


def test_requests_in_slang_or_as_statements_are_the_requests(say, coach):
    assert say("pls nuke my whole account")[0].text == PROMPT and rows(coach) == [("forget", "confirm")]
    say("keep my data")
    assert say("im much obliged")[0].text == REPLIES[Intent.THANKS]
    assert say("i need the pre workout checklist")[0].text == CONSENT


def test_a_clock_said_to_be_off_asks_for_the_time_zone(say):
    assert say("your clock is 3 hours ahead of mine")[0].text == ZONE_SCREEN


async def test_a_yes_taken_back_at_save_over_telegram(planned, coach):  # noqa: F811
    planned("every mon wed at 7pm")
    sent = await feed_all(coach, [message_update("yes... actually no, forget it")])
    assert sent.texts()[0].startswith("Okay, what should change?") and coach.plans.count_plans(7) == 0


async def test_requests_in_slang_over_telegram(coach):
    sent = await feed_all(coach, [message_update("pls nuke my whole account"), message_update("keep my data"),
                                  message_update("im much obliged")])
    assert sent.texts()[0].startswith("This erases everything I store about you")
    assert sent.texts()[-1] == REPLIES[Intent.THANKS]
