"""The next session's own programme (tester s32 #11: "what's the plan for my next session, sets and reps?" got the table of
every goal): the next session to come, with its plan's goal and that goal's sets, reps, load and rest; a request about
that session ("skip my next session ...") is still a request."""

from __future__ import annotations

import pytest

from tests import test_saved_plans_changed_one_day
from tests.conftest import message_update
from tests.recording_request import feed_all

green, saved = test_saved_plans_changed_one_day.green, test_saved_plans_changed_one_day.saved  # a green user; a plan saved
NEXT = "Your next session: Mon 23 Nov 07:00, for strength: 3–4 sets × 8–10 reps"


@pytest.mark.parametrize("asked", ["what's the plan for my next session, sets and reps?", "my next workout, what do i do",
                                   "next session sets?", "what should i do in my next session"])
def test_the_next_session_is_told_with_its_goals_sets_and_reps(green, asked):
    saved(green, "every mon wed fri at 7am")
    replies = green(asked)
    assert len(replies) == 1 and replies[0].text.startswith(NEXT)


def test_the_next_session_told_passes_over_a_skipped_one(green):
    saved(green, "every mon wed fri at 7am")
    green("skip monday")
    green("yes")
    assert green("what's the plan for my next session, sets and reps?")[0].text.startswith("Your next session: Wed 25 Nov 07:00")


def test_a_request_about_the_next_session_is_no_question_about_it(green):
    saved(green, "every mon wed fri at 7am")
    assert not green("skip my next session, too tired for sets")[0].text.startswith("Your next session")


async def test_the_next_session_told_over_telegram(green, coach):
    saved(green, "every mon wed fri at 7am")
    request = await feed_all(coach, [message_update("what's the plan for my next session, sets and reps?")])
    assert request.texts()[0].startswith(NEXT)
