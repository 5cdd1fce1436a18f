"""A workout reported outside a check-in (tester s29 #23): the session reminded lately and not answered is recorded as
done; with none, a plain "nice work" (pointing to /sessions, or to /plan with no plan), never a plan request or a
decline; a question or another request ("i did the safety check") is no report. Through the core and the Telegram
adapter."""

from __future__ import annotations

import pytest

from bot.features.reminders.told_done import NICE_WORK, NICE_WORK_NO_PLAN
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_checkin import remind, sender, status  # noqa: F401 (a fixture)
from tests.test_reminders import plan


def test_a_workout_reported_with_no_plan_gets_nice_work_and_plan(say):
    assert [r.text for r in say("i did 3 sets today!")] == [NICE_WORK_NO_PLAN]


def test_a_workout_reported_with_a_plan_and_nothing_reminded_points_to_sessions(say, coach):
    plan(say, coach)
    assert [r.text for r in say("did my workout this morning")] == [NICE_WORK]


async def test_a_reported_workout_records_the_reminded_session_once_its_check_in_has_ended(
        say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    coach.kit.dialogues.end(7, "rem")  # its check-in run ended unanswered
    assert status(coach, outbox) == "sent"
    replies = say("just finished 4 sets of 12")
    assert replies[0].text.startswith("💪 Nice work! I've recorded your") and status(coach, outbox) == "done"


@pytest.mark.parametrize("typed", ["did you get my message", "i did the safety check", "how many sets did you say?",
                                   "did 3 sets today and i only feel it in my hamstrings, my butt feels like it did nothing",
                                   "did my workout, now my back hurts"])
def test_a_question_another_request_or_a_report_saying_more_is_no_report(say, typed):
    assert not any(r.text in (NICE_WORK, NICE_WORK_NO_PLAN) for r in say(typed))


async def test_over_telegram_a_reported_workout_gets_nice_work(coach):
    sent = await feed_all(coach, [message_update("crushed todays session")])
    assert sent.texts() == [NICE_WORK_NO_PLAN]
