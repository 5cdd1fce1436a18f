"""Questions about the user's own plans (tester s28, finding 13): "did it save?" is answered from what is stored (not
yet while a plan is being made, the plans once saved, "no plan" with none), "what was my goal again" with the goal,
"how many sessions have i done" with the count of sessions marked done; questions about the exercise with the same
words keep their answers. Through the core and the Telegram adapter."""

from __future__ import annotations

import pytest

from bot.features.planning.own_state import NO_PLAN, NOT_SAVED_YET
from tests import test_dialogues, test_telegram_adapter
from tests.conftest import message_update
from tests.test_telegram_adapter import feed

ready = test_dialogues.ready  # a green user with zone Berlin and goal strength, in no dialogue
tg = test_telegram_adapter.tg


def test_did_it_save_is_answered_from_the_plans(ready):
    assert ready("did it save?")[0].text == NO_PLAN
    ready("/plan every Mon at 7am")
    not_yet, again = ready("did it save?")
    assert not_yet.text == NOT_SAVED_YET and "Save this plan?" in again.text
    ready("yes")
    saved, listing = ready("was my plan saved?")
    assert saved.text.startswith("✅ Yes") and "Mon" in listing.text


def test_the_goal_asked_back_is_the_stored_goal(ready):
    assert ready("what was my goal again")[0].text.startswith("Your goal is strength")


def test_sessions_done_are_counted(ready, coach, clock):
    assert ready("how many sessions have i done")[0].text.startswith("None marked done yet")
    ready("/plan every Mon at 7am")
    ready("yes")
    plan = coach.plans.load_plans(7)[0]
    coach.plans.set_status(coach.plans.advance(plan, "sent", False, None, None), "done", clock.now)
    assert ready("how many sessions have i done")[0].text.startswith("You've marked 1 session done")


@pytest.mark.parametrize("text", ["is it set up right on the machine", "did it work my glutes"])
def test_questions_about_the_exercise_are_not_about_the_plans(ready, text):
    assert not ready(text)[0].text.startswith(("✅ Yes", NO_PLAN, "Your goal is"))


async def test_did_it_save_over_the_adapter(tg):
    app, request = tg
    await feed(app, message_update("did it save?"))
    assert request.texts()[-1] == NO_PLAN
