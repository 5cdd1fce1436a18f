"""Edits of stored plans typed at any time (issue 12, items 3 and 8): the goal ("change my sunday
plan to endurance", "switch it to endurance") through the planning dialogue's ✏️ Edit and its Save,
the reminder lead ("give me an hour's notice") to the settings, a change said with no "to" ("make the
7am one 8am"), and sloppy spellings ("skp tmr", "cancle"). The clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from bot.features.planning.changes import Change, read_edit
from knowledge.plan_request import PlanAction as Action
from tests import test_planning, test_telegram_adapter
from tests.conftest import message_update
from tests.test_planning import button
from tests.test_plans_in_words import SUN_7, save
from tests.test_telegram_adapter import feed

planned, tg = test_planning.planned, test_telegram_adapter.tg  # fixtures shared with those tests


@pytest.fixture
def sunday(planned, coach):
    """Every Sun at 07:00 saved for strength (plan 1); nothing open."""
    save(planned, "every sun 7am")
    return planned


def goals(coach) -> dict[int, str]:
    """Each active plan's goal by its id."""
    return {p.id: p.goal for p in coach.plans.load_plans(7)}


@pytest.mark.parametrize("typed, rest", [
    ("switch it to endurance", "endurance"), ("change my tuesday plan to strength", "strength"),
    ("make it endurance instead of strength", "endurance"), ("make the 7am one 8am", "8am"), ("move the 7am to 8", "8"),
    ("halfpast six instead of 6", "halfpast six"), ("half six instead of 7", "half six"),  # times in words
    ("quarter to 7 instead", "quarter to 7"), ("make it quarter to seven", "quarter to seven"), ("six thirty not six", "six thirty"),
    ("could it be at 8 instead?", "8"),  # a question that names a change asks for it
])
def test_edits_of_the_goal_or_time_are_read_with_the_change(coach, typed, rest):
    request = coach.kit.words.plan_request(typed)
    assert request.action is Action.EDIT and request.rest == rest


@pytest.mark.parametrize("typed, action, day", [
    ("skp tmr", Action.SKIP, "tomorrow"), ("skip 2moro", Action.SKIP, "tomorrow"), ("skp tmrw", Action.SKIP, "tomorrow"),
    ("cancle the sunday plan", Action.CANCEL, "6"), ("canel my monday plan", Action.CANCEL, "0"),
])
def test_sloppy_spellings_of_skip_cancel_and_tomorrow_are_read(coach, typed, action, day):
    request = coach.kit.words.plan_request(typed)
    assert request.action is action and request.day == day


@pytest.mark.parametrize("typed", ["remind me in 10 minutes to stretch", "the goal", "whats my goal",
                                   "why do some say 8 to 12 reps for hypertrophy and others 15?",
                                   "is it normal for my glutes to burn at the end of a set of 20?",
                                   "fridays at 7am for 30 minutes with my brother at the gym",
                                   "can it be too much to do them for an hour", "could this be too hard for my dad, he is 70"])
def test_a_new_reminder_a_goal_named_a_question_or_a_new_schedule_is_no_edit(coach, typed):
    assert coach.kit.words.plan_request(typed) is None


def test_a_goal_edit_of_the_plan_named_is_confirmed_then_saved_on_that_plan_only(sunday, coach):
    save(sunday, "every mon 6pm")
    confirm = sunday("change my sunday plan to endurance")[0]
    assert "every Sun at 07:00" in confirm.text and "goal: endurance" in confirm.text and "Save" in confirm.text
    assert goals(coach) == {1: "strength", 2: "strength"}  # a confirmation stands before any change
    sunday("yes")
    assert sorted(goals(coach).values()) == ["endurance", "strength"]
    assert next(p for p in coach.plans.load_plans(7) if p.goal == "endurance").schedule.weekdays == {6}


def test_switch_it_to_endurance_edits_the_one_plan_and_nothing_is_stored_unless_saved(sunday, coach):
    confirm = sunday("switch it to endurance")[0]
    assert "goal: endurance" in confirm.text
    sunday(button(confirm, "Cancel"), button=True)
    assert goals(coach) == {1: "strength"} and coach.plans.load_profile(7).goal == "strength"
    sunday("switch it to endurance")
    sunday("yes")
    assert list(goals(coach).values()) == ["endurance"] and coach.plans.load_profile(7).goal == "endurance"


def test_change_the_goal_with_no_plan_changes_the_settings(planned, coach):
    planned("/cancel")
    assert planned("change the goal to endurance")[0].text.startswith("Done: your goal is endurance")
    assert coach.plans.load_profile(7).goal == "endurance"


def test_editing_a_plans_time_keeps_its_own_goal(sunday, coach):
    save(sunday, "every wed 6pm")  # plan 2, strength
    sunday("change my sunday plan to endurance")
    sunday("yes")
    sunday("/settings")
    changed = sunday("change the goal to mobility")  # at /settings: every plan follows, and the reply says so
    assert "for your 2 plans too" in changed[0].text and set(goals(coach).values()) == {"mobility"}
    sunday("that's all")
    sunday("change my wednesday plan to strength")
    sunday("yes")  # the wednesday plan's own goal; the sunday one keeps mobility
    confirm = sunday("make the 7am one 8am")[0]
    assert "every Sun at 08:00" in confirm.text and "goal: mobility" in confirm.text
    sunday("yes")
    plan = next(p for p in coach.plans.load_plans(7) if p.schedule.weekdays == {6})
    assert plan.goal == "mobility" and f"{plan.schedule.local_time:%H:%M}" == "08:00"


def test_move_the_7am_to_8_is_read_on_the_plans_side_of_noon(sunday):
    confirm = sunday("move the 7am to 8")[0]
    assert "every Sun at 08:00" in confirm.text and "left out" not in confirm.text


def test_a_lead_edit_goes_to_the_settings_for_every_plan(sunday, coach):
    assert sunday("give me an hour's notice")[0].text.startswith("Done: reminders come 1 h before")
    plan = coach.plans.load_plans(7)[0]
    assert coach.plans.load_profile(7).lead_minutes == 60 and plan.remind_at == plan.next_at - timedelta(hours=1)


@pytest.mark.parametrize("typed, minutes", [("set the reminder to 15 minutes", 15), ("remind me 2 hours before instead", 120)])
def test_other_lead_edits_go_to_the_settings_too(sunday, coach, typed, minutes):
    assert sunday(typed)[0].text.startswith("Done: reminders come")
    assert coach.plans.load_profile(7).lead_minutes == minutes and goals(coach) == {1: "strength"}


def test_an_edit_whose_change_is_no_plans_is_left_to_the_answers(sunday, coach):
    request = replace(coach.kit.words.plan_request("move my sunday plan to 8am"), rest="a set of 20 and more endurance than size")
    assert read_edit(request, "", coach.kit.words.goal, coach.clock()).change is Change.UNREAD
    replies = sunday("i only get forty minutes a session and i want more endurance rather than size, what sets and reps")
    assert not replies[0].text.startswith(("Editing", "I understood")) and goals(coach) == {1: "strength"}


def test_push_my_plan_back_an_hour_changes_no_goal(sunday, coach):
    confirm = sunday("push my plan back an hour")[0]
    assert "goal: strength" in confirm.text and goals(coach) == {1: "strength"}


def test_skp_tmr_skips_tomorrows_session(sunday, coach):
    assert sunday("skp tmr")[0].text.startswith("Skipped Sun 22 Nov 07:00")
    assert coach.plans.cancelled_at(1) == {SUN_7}


def test_cancle_asks_the_confirmation_first(sunday, coach):
    assert sunday("cancle the sunday plan")[0].text == "Cancel the plan every Sun at 07:00? Its reminders stop."
    assert coach.plans.count_plans(7) == 1


def test_a_goal_edit_that_fits_two_plans_asks_which_and_keeps_the_goal_for_the_one_picked(sunday, coach):
    save(sunday, "every mon 6pm")
    which = sunday("switch it to endurance")[0]
    assert which.text.startswith("Which plan do you want to edit?")
    assert "goal: endurance" in sunday("the monday one")[0].text
    sunday("/cancel")
    which = sunday("switch it to mobility")[0]
    confirm = sunday(button(which, "every Sun"), button=True)[0]
    assert "every Sun at 07:00" in confirm.text and "goal: mobility" in confirm.text
    assert goals(coach) == {1: "strength", 2: "strength"}


async def test_a_goal_edit_over_telegram_is_confirmed_then_saved(tg, sunday, coach):
    app, request = tg
    await feed(app, message_update("change my sunday plan to endurance"))
    assert "goal: endurance" in request.texts()[-1] and goals(coach) == {1: "strength"}
    await feed(app, message_update("yes"))
    assert request.texts()[-1].startswith("✅ Saved") and list(goals(coach).values()) == ["endurance"]
