"""One-liners typed mid-workout (tester s31) get a short useful answer from the session the user planned, never a planning
flow, a decline or the whole session recorded as done: a set told done gets what is left ("done w set 2": set 3 next, with
the goal's reps and rest; the last set: how to finish); one more set asked about gets how to judge it from the articles'
guidance and the plan's sets; "next?" and "rest?" under a reminder get that session's numbers. Through the core and the
Telegram adapter."""

from __future__ import annotations

import pytest

from bot.features.reminders.mid_workout import NO_PLAN, SET_DONE
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_checkin import remind, sender, status  # noqa: F401 (a fixture)
from tests.test_dialogues import ready, rows  # noqa: F401 (a fixture)
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved


@pytest.fixture
def planning_done(planned):  # noqa: F811
    """A green user in Berlin with a strength plan saved."""
    saved(planned, "every mon wed fri at 7am")
    return planned


@pytest.mark.parametrize("text", ["done w set 2", "finished my second set", "set 2 done", "thats my 2nd set"])
def test_a_set_told_done_gets_the_next_set(planning_done, text):
    assert planning_done(text)[0].text == "Set 2 done 💪 Next: set 3 of 3–4, 8–10 reps (strength). Rest: as long as you need."


def test_the_last_sets_told_done_say_how_to_finish(planning_done):
    assert planning_done("done with set 3")[0].text.startswith("Set 3 done 💪 That's the 3 your plan (strength) asks at least")
    assert planning_done("set 4 done")[0].text.startswith("Set 4 done: that's all 4 sets for strength 💪 After the last rep")


@pytest.mark.parametrize("text", ["1 more set or stop", "one more set?", "should i do another set", "keep going or stop?"])
def test_one_more_set_asked_is_judged_from_the_guidance(planning_done, text):
    said = planning_done(text)[0].text
    assert said.startswith("Your plan (strength) is 3–4 sets of 8–10. Short of 4 sets, one more is fine while every rep")
    assert "if your form slips or anything hurts, stop there" in said


def test_without_a_plan_or_goal_a_set_told_done_points_to_the_goals(say):
    assert say("done w set 1")[0].text == f"Nice set! {NO_PLAN}"
    assert say("1 more set or stop")[0].text == NO_PLAN


def test_with_a_goal_and_no_plan_a_set_told_done_gets_the_goals_numbers(ready):  # noqa: F811
    assert ready("done w set 1")[0].text.startswith("Set 1 done 💪 Next: set 2 of 3–4, 8–10 reps (strength)")


async def test_a_set_told_done_at_a_check_in_records_nothing(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    assert say("done w set 2")[0].text.startswith("Set 2 done 💪 Next: set 3")
    assert status(coach, outbox) == "sent" and rows(coach) == [("rem", "open")]


@pytest.mark.parametrize(("text", "told"), [("next?", "This session (strength): 3–4 sets × 8–10 reps"),
                                            ("whats next", "This session (strength): 3–4 sets × 8–10 reps"),
                                            ("rest?", "Rest as long as you need between sets (strength).")])
async def test_next_and_rest_under_a_reminder_are_the_sessions(say, coach, clock, sender, text, told):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    assert say(text)[0].text.startswith(told)


def test_next_with_no_session_on_is_read_as_before(planning_done):
    assert not planning_done("next?")[0].text.startswith("This session")


@pytest.mark.parametrize("text", ["how many sets should i do", "i did 4 sets", "whats the next step of the movement",
                                  "is one set enough", "done"])
def test_other_messages_tell_no_set_done(text):
    assert SET_DONE.search(text) is None


def test_a_set_told_with_pain_gets_the_safety_reading(planning_done):
    assert not planning_done("done w set 2 but my back really hurts")[0].text.startswith("Set 2 done")


async def test_mid_workout_one_liners_over_telegram(planning_done, coach):
    sent = await feed_all(coach, [message_update("done w set 1"), message_update("1 more set or stop")])
    assert sent.texts()[0].startswith("Set 1 done 💪 Next: set 2") and sent.texts()[1].startswith("Your plan (strength)")
