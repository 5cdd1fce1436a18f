"""A reply that takes its first answer back is the answer it ends on (issue 12; a fifth blind writer's set,
bench/talk_dev5.yaml): "yes... actually no, forget it" at Save saves nothing. Through the core and the Telegram adapter."""

from __future__ import annotations

from knowledge.intents import Answer
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import planned  # noqa: F401 (a fixture)


def test_an_answer_taken_back_is_the_answer_it_ends_on(understanding):
    assert understanding.answer("yes... actually no, forget it") is Answer.NO
    assert understanding.answer("no wait yes") is Answer.YES


def test_a_yes_taken_back_at_save_saves_nothing(planned, coach):  # noqa: F811
    planned("every mon wed at 7pm")
    assert planned("yes... actually no, forget it")[0].text.startswith("Okay, what should change?")
    assert coach.plans.count_plans(7) == 0


async def test_a_yes_taken_back_at_save_over_telegram(planned, coach):  # noqa: F811
    planned("every mon wed at 7pm")
    sent = await feed_all(coach, [message_update("yes... actually no, forget it")])
    assert sent.texts()[0].startswith("Okay, what should change?") and coach.plans.count_plans(7) == 0
