"""A time moved and asked politely at "Save this plan?" ("can it be 1 hr earlier") is an edit of the plan's time, never a
question answered with a decline (plan_changes_dev6). Through the core and the Telegram adapter."""

from __future__ import annotations

from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import planned  # noqa: F401 (a fixture)


def test_a_time_moved_as_a_question_at_save_edits_the_time(planned):  # noqa: F811
    assert "Save this plan?" in planned("every mon wed at 7pm")[-1].text
    edited = planned("can it be 1 hr earlier")[-1].text
    assert "every Mon, Wed at 18:00" in edited and "Save this plan?" in edited


async def test_a_time_moved_as_a_question_over_telegram(planned, coach):  # noqa: F811
    planned("every mon wed at 7pm")
    sent = await feed_all(coach, [message_update("could it be half an hour later?")])
    assert "every Mon, Wed at 19:30" in sent.texts()[-1]
