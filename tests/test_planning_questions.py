"""Questions and health remarks at a planning step (a third user tester, findings 11 and 15): a
question is answered and the step asked again; a question about the step itself gets the step's own
short answer; a health remark beside an answer is heard as if said alone."""

from __future__ import annotations

import pytest

from bot.features.planning import texts as t
from tests import test_planning, test_telegram_adapter
from tests.conftest import message_update
from tests.test_planning import button, screen
from tests.test_telegram_adapter import feed

planned, tg = test_planning.planned, test_telegram_adapter.tg  # fixtures shared with those tests


@pytest.fixture
def at_goal(say):
    """A green user in Berlin asked for the goal."""
    screen(say)
    say("/plan")
    assert say(button(say("Berlin")[0], "Yes"), button=True)[-1].text == t.ASK_GOAL
    return say


@pytest.fixture
def at_confirm(planned):
    """A green user in Berlin, goal strength, at "Save this plan?"."""
    assert "Save this plan?" in planned("mon wed fri 7am")[0].text
    return planned


def test_a_question_at_the_zone_step_is_answered_and_kept_from_the_goal(say, coach):
    screen(say)
    say("/plan")
    replies = say("ok and for bigger glutes which goal is better")
    assert replies[0].text != t.KEPT_ASK_ZONE and replies[-1].text == f"Back to your plan. {t.ASK_ZONE}"
    assert replies[0].entry is not None  # read as a question of ours (the glutes' shape)
    say(button(say("Berlin")[0], "Yes"), button=True)
    assert coach.kit.dialogues.current(7).step == "goal"  # no goal was taken from the question


def test_why_the_time_zone_is_answered_by_the_step(say):
    screen(say)
    say("/plan")
    replies = say("why do you need my time zone?")
    assert [r.text for r in replies] == [t.WHY_ZONE, f"Back to your plan. {t.ASK_ZONE}"]


@pytest.mark.parametrize("asked", ["why do you need my goal", "does the goal change the reps",
                                   "what's the difference between strength and hypertrophy"])
def test_questions_about_the_goals_get_why_and_every_goal(at_goal, coach, asked):
    replies = at_goal(asked)
    assert replies[0].text.startswith(t.WHY_GOAL) and "strength 3–4" in replies[0].text and "12–15" in replies[0].text
    assert replies[-1].text == f"Back to your plan. {t.ASK_GOAL}" and coach.plans.load_profile(7).goal is None


def test_a_question_naming_one_goal_gets_that_programme(at_goal, coach):
    replies = at_goal("how many reps for endurance?")
    assert "15–20" in replies[0].text and not replies[0].text.startswith(t.WHY_GOAL)
    assert coach.plans.load_profile(7).goal is None


def test_a_question_at_the_when_step_is_no_help_list(planned):
    replies = planned("what rest do i get")
    assert "Commands:" not in replies[0].text and replies[0].entry == "rest-periods"
    assert replies[-1].text.startswith("Back to your plan. When do you want to train?")


def test_help_worded_as_a_question_still_lists_the_commands(planned):
    replies = planned("what can you do?")
    assert "/plan" in replies[0].text and replies[-1].text.startswith("Back to your plan.")


def test_what_if_i_miss_a_session_at_the_confirmation_is_answered_and_the_plan_kept(at_confirm, coach):
    replies = at_confirm("what if i miss a session")
    assert replies[0].text == t.ABOUT_SESSIONS and "Save this plan?" in replies[-1].text
    at_confirm("yes")
    assert coach.plans.count_plans(7) == 1


def test_what_muscles_again_at_the_confirmation_gets_the_muscles_not_the_goal(at_confirm):
    replies = at_confirm("what muscles again?")
    assert "glutes and hamstrings" in replies[0].text and "Save this plan?" in replies[-1].text


def test_a_health_remark_beside_a_schedule_stops_planning_like_one_said_alone(planned, coach):
    replies = planned("my hamstring feels tight today, mon wed fri 7am")
    assert replies[0].safety == "doctor" and replies[1].text == t.PLAN_CANCELLED
    assert coach.kit.dialogues.current(7) is None and planned("yes")[0].text != t.PLAN_CANCELLED
    assert coach.plans.count_plans(7) == 0


def test_a_schedule_with_two_clauses_and_no_remark_is_read_as_before(planned):
    assert "every Mon, Wed, Fri at 07:00" in planned("ok, mon wed fri 7am")[0].text


async def test_a_question_at_the_goal_step_over_telegram(tg, at_goal):
    app, request = tg
    await feed(app, message_update("why do you need my goal"))
    texts = request.texts()
    assert "sets, reps, load and rest" in texts[-2] and texts[-1].startswith("Back to your plan.")


@pytest.mark.parametrize("typed", ["si", "sí", "oui", "ja"])
def test_yes_in_another_language_at_a_guessed_place_takes_the_guess(say, coach, typed):
    screen(say)
    say("/plan")
    assert "Europe/Madrid" in say("Madrid")[0].text
    assert say(typed)[-1].text == t.ASK_GOAL and coach.plans.load_profile(7).zone == "Europe/Madrid"


@pytest.mark.parametrize("typed, goal", [("i would like endurance", "endurance"), ("strength is my goal", "strength"),
                                         ("i will go with endurance", "endurance"), ("i'd do mobility", "mobility")])
def test_a_goal_stated_with_a_modal_inside_is_an_answer_not_a_question(at_goal, coach, typed, goal):
    assert at_goal(typed)[-1].text.startswith("When do you want to train?") and coach.plans.load_profile(7).goal == goal


def test_a_reply_to_the_guessed_place_that_is_no_answer_asks_again_keeping_the_guess(say, coach):
    screen(say)
    say("/plan")
    say("Madrid")
    again = say("vale")[0]
    assert again.text == t.format_guess_again("Europe/Madrid", coach.clock()) and coach.plans.load_profile(7).zone is None
    say(button(again, "Yes"), button=True)
    assert coach.plans.load_profile(7).zone == "Europe/Madrid"


def test_will_you_remind_me_at_the_confirmation_is_answered_by_the_step_not_busy(at_confirm):
    replies = at_confirm("will you remind me?")
    assert replies[0].text == t.ABOUT_SESSIONS and "Save this plan?" in replies[-1].text
