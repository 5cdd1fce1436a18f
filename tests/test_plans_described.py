"""Requests about stored plans in anyone's words (issue 12, 2026-12-02): plans named by their time,
part of the day or goal, a typed answer to "Which plan ...?", and questions about plans that stay
questions. The clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

import pytest

from bot.core.texts import BUSY
from bot.features.planning import texts as t
from knowledge.plan_request import PlanAction as Action
from tests import test_planning, test_telegram_adapter
from tests.conftest import message_update
from tests.test_planning import button, screen
from tests.test_plans_in_words import SUN_7, save
from tests.test_telegram_adapter import feed

planned, tg = test_planning.planned, test_telegram_adapter.tg  # fixtures shared with those tests


@pytest.fixture
def morning_and_evening(planned, coach):
    """Every Sun at 07:00 (plan 1) and every Mon at 18:00 (plan 2) saved; nothing open."""
    save(planned, "every sun 7am")
    save(planned, "every mon 6pm")
    assert coach.plans.count_plans(7) == 2
    return planned


@pytest.mark.parametrize("typed, action", [
    ("trash my sunday plan", Action.CANCEL), ("erase the monday plan for good", Action.CANCEL),
    ("i can't make it tomorrow, skip it", Action.SKIP), ("count me out of tomorrow's session", Action.SKIP),
    ("push my monday plan back to 8pm", Action.EDIT), ("put the sunday one at 9am", Action.EDIT),
])
def test_requests_about_plans_in_everyday_words_are_read(coach, typed, action):
    assert coach.kit.words.plan_request(typed).action is action


@pytest.mark.parametrize("typed, slots", [
    ("cancel the 7am one", {"time": "07:00"}), ("delete my 18:30 plan", {"time": "18:30"}),
    ("remove my evening plan", {"part": "evening"}), ("cancel the strength plan", {"goal": "strength"}),
    ("skip tomorrow morning", {"day": "tomorrow", "part": "morning"}),
])
def test_a_plan_is_named_by_its_time_part_of_the_day_or_goal(coach, typed, slots):
    request = coach.kit.words.plan_request(typed)
    assert request.named and all(getattr(request, slot) == value for slot, value in slots.items())


@pytest.mark.parametrize("typed", ["the plan", "my plans", "my monday plan", "the 7am one", "save the plan",
                                   "new one off session tomorrow at 8", "is 7am too early?", "should i change my time?",
                                   "can i skip a day?", "how do i delete a plan?"])
def test_a_plan_named_or_asked_about_is_no_request(coach, typed):
    assert coach.kit.words.plan_request(typed) is None


def test_cancel_the_plan_named_by_its_time_asks_about_that_plan_only(morning_and_evening, coach):
    confirm = morning_and_evening("cancel the 6pm one")[0]
    assert confirm.text == "Cancel the plan every Mon at 18:00? Its reminders stop."
    morning_and_evening("yes")
    assert [p.schedule.weekdays for p in coach.plans.load_plans(7)] == [frozenset({6})]


def test_a_plan_named_by_the_part_of_the_day_is_the_one_edited(morning_and_evening):
    replies = morning_and_evening("change my evening plan to 8pm")
    assert "every Mon at 20:00" in replies[0].text and "Save" in replies[0].text


def test_skip_the_morning_one_skips_the_next_morning_session(morning_and_evening, coach):
    assert morning_and_evening("skip the morning one")[0].text.startswith("Skipped Sun 22 Nov 07:00")
    assert coach.plans.cancelled_at(1) == {SUN_7} and coach.plans.cancelled_at(2) == set()


def test_no_plan_at_the_time_named_is_said_and_nothing_is_cancelled(morning_and_evening, coach):
    assert morning_and_evening("cancel the 9pm plan")[0].text.startswith("I found no plan like that")
    assert coach.plans.count_plans(7) == 2


def test_which_plan_says_it_can_be_answered_in_words_and_a_typed_answer_picks_one(morning_and_evening, coach):
    which = morning_and_evening("cancel my plan")[0]
    assert which.text == f"Which plan do you want to cancel? {t.SAY_WHICH}" and len(which.button_list()) == 2
    assert morning_and_evening("the monday one")[0].text == "Cancel the plan every Mon at 18:00? Its reminders stop."
    morning_and_evening("yes")
    assert [p.schedule.weekdays for p in coach.plans.load_plans(7)] == [frozenset({6})]


def test_the_first_one_typed_at_which_plan_is_the_first_offered(morning_and_evening):
    morning_and_evening("edit my plan")
    assert "every Sun at 07:00" in morning_and_evening("the first one")[0].text


def test_both_typed_at_which_plan_to_cancel_asks_to_cancel_both(morning_and_evening, coach):
    morning_and_evening("cancel my plan")
    assert morning_and_evening("both")[0].text.startswith("Cancel all 2 plans")
    assert coach.plans.count_plans(7) == 2  # nothing cancelled before the yes


def test_a_typed_answer_naming_no_plan_offered_acts_on_none(morning_and_evening, coach):
    morning_and_evening("cancel my plan")
    assert morning_and_evening("the 9pm one")[0].text.startswith("I found no plan like that")
    assert coach.plans.count_plans(7) == 2


def test_which_session_to_skip_takes_a_typed_answer_among_those_offered(planned, coach):
    save(planned, "every sun 7am")
    save(planned, "tomorrow 7am")
    planned("skip tomorrow")
    assert planned("the second one")[0].text.startswith("Skipped Sun 22 Nov 07:00")
    assert coach.plans.cancelled_at(2) == {SUN_7} and coach.plans.cancelled_at(1) == set()


def test_a_day_typed_with_no_which_question_on_screen_skips_nothing(morning_and_evening, coach):
    morning_and_evening("sunday")
    assert coach.plans.cancelled_at(1) == set() and coach.plans.count_plans(7) == 2


async def test_a_typed_answer_to_which_plan_over_telegram(tg, morning_and_evening, coach):
    app, request = tg
    await feed(app, message_update("delete my plan"))
    assert request.texts()[-1].startswith("Which plan do you want to cancel?")
    await feed(app, message_update("the sunday one"))
    assert request.texts()[-1] == "Cancel the plan every Sun at 07:00? Its reminders stop."
    await feed(app, message_update("yes"))
    assert [p.schedule.weekdays for p in coach.plans.load_plans(7)] == [frozenset({0})]


# The tester's findings at planning steps.

def test_why_do_you_need_my_city_at_the_zone_step_is_answered_then_asked_again(say):
    screen(say)
    say("/plan")
    replies = say("why do you need my city")
    assert replies[0].text == t.WHY_ZONE and replies[-1].text.startswith("Back to your plan. First, your time zone")


@pytest.fixture
def confirming(planned):
    """At the confirmation of every Mon, Wed, Fri at 08:00."""
    assert "every Mon, Wed, Fri at 08:00" in planned("mon wed fri 8am")[0].text
    return planned


def test_is_7am_too_early_at_the_confirmation_is_answered_and_changes_nothing(confirming):
    replies = confirming("is 7am too early?")
    assert replies[0].text == t.ABOUT_TIME and "every Mon, Wed, Fri at 08:00" in replies[-1].text


def test_should_i_change_my_time_at_the_confirmation_is_answered_not_a_request(confirming):
    replies = confirming("should i change my time?")
    assert replies[0].text == t.ABOUT_TIME and BUSY not in replies
    assert "every Mon, Wed, Fri at 08:00" in replies[-1].text


def test_a_question_about_a_time_at_the_zone_step_keeps_nothing_for_the_plan(say):
    screen(say)
    say("/plan")
    replies = say("is 7am too early?")
    assert replies[0].text == t.ABOUT_TIME and t.ZONE_KEEPS_SCHEDULE not in [r.text for r in replies]


@pytest.mark.parametrize("typed", ["should i change my time?", "can i skip a day?", "is 7am too early?"])
def test_questions_about_plans_idle_stay_questions(morning_and_evening, coach, typed):
    replies = morning_and_evening(typed)
    assert coach.kit.dialogues.current(7) is None  # no time zone or planning dialogue opened
    assert not replies[0].text.startswith(("Skipped", "Cancel the plan", "Which"))
    assert coach.plans.cancelled_at(1) == set() and coach.plans.count_plans(7) == 2



def test_a_skip_named_by_its_time_alone_while_planning_is_left_to_the_plan_being_made(planned, coach):
    save(planned, "every sun 7am")
    planned(button(planned("/plan")[0], "New plan"), button=True)
    assert coach.kit.words.plan_request("skip the 7am one").time == "07:00"
    assert not planned("skip the 7am one")[0].text.startswith("Skipped")
    assert coach.plans.cancelled_at(1) == set()


def test_skip_a_saved_session_while_making_a_plan_asks_for_a_tap_and_planning_goes_on(planned, coach):
    save(planned, "every sun 7am")
    planned(button(planned("/plan")[0], "New plan"), button=True)
    replies = planned("skip tomorrow")
    assert replies[0].text == t.SKIP_WHILE_PLANNING and coach.plans.cancelled_at(1) == set()
    assert replies[-1].text.startswith("Back to your plan. When do you want to train?")
    assert "Save this plan?" in planned("mon wed fri 7am")[0].text  # what is typed next is the new plan's
    assert coach.plans.cancelled_at(1) == set()


def test_the_tap_under_a_skip_asked_while_planning_skips_that_session(planned, coach):
    save(planned, "every sun 7am")
    planned(button(planned("/plan")[0], "New plan"), button=True)
    asked = planned("skip tomorrow")[0]
    assert planned(button(asked, "Skip"), button=True)[0].text.startswith("Skipped Sun 22 Nov 07:00")
    assert coach.plans.cancelled_at(1) == {SUN_7}


@pytest.mark.parametrize("typed", ["midday on friday", "the 7am one", "sunday at noon"])
def test_a_schedule_or_a_plans_name_alone_asks_nothing_of_saved_plans(coach, typed):
    assert coach.kit.words.plan_request(typed) is None
