"""Plans changed in everyday words (issue 12, items 2, 3 and 6): times said in words ("halfpast six
instead of 6", "quarter to 7"; read as edits in test_plans_edited_in_words), an hour with no am or
pm read on the plan's side of noon and said so, "can we skip this one" and "skip the next one" asked
before anything is skipped, and goals that are none of ours ("fat loss" asked which of ours is
closest; "toning" the muscle-growth goal the articles back). The clock is Sat 21 Nov 2026 10:30 in
Berlin."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from knowledge.plan_names import unplanned_goal
from scheduler.model import Question
from scheduler.parsing import read_schedule
from tests import test_planning, test_plans_edited_in_words, test_telegram_adapter
from tests.conftest import message_update
from tests.test_planning import button, in_berlin
from tests.test_plans_in_words import SUN_7, save
from tests.test_telegram_adapter import feed

planned, tg, sunday = test_planning.planned, test_telegram_adapter.tg, test_plans_edited_in_words.sunday  # shared fixtures
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize("typed", ["halfpast 6pm", "half-past 6pm", "quarter-to 7pm"])
def test_the_schedule_reader_reads_half_past_written_as_one_word(typed):
    reading = read_schedule(f"tue {typed}", datetime(2026, 11, 21, 10, 30, tzinfo=BERLIN), BERLIN)
    assert not isinstance(reading, Question) and reading.once_at is not None
    assert reading.once_at.astimezone(BERLIN).strftime("%H:%M") in ("18:30", "18:45")


def test_halfpast_six_instead_of_7_is_confirmed_as_0630_and_says_how_the_hour_was_read(sunday, coach):
    confirm = sunday("halfpast six instead of 7")[0]
    assert "every Sun at 06:30" in confirm.text and "I took 6:30 as 06:30 (am" in confirm.text and "“6:30pm”" in confirm.text
    assert f"{coach.plans.load_plans(7)[0].schedule.local_time:%H:%M}" == "07:00"  # a confirmation stands before any change


def test_a_bare_hour_on_an_evening_plan_is_read_as_the_evening_and_said_so(planned, coach):
    save(planned, "every sun 7pm")
    confirm = planned("move it to 8")[0]
    assert "every Sun at 20:00" in confirm.text and "I took 8 as 20:00 (pm, like the plan's time)" in confirm.text
    assert "“8am”" in confirm.text


def test_a_whole_time_says_nothing_about_am_or_pm(sunday):
    assert "I took" not in sunday("move it to 20:00")[0].text


@pytest.mark.parametrize("typed", ["can we skip this one", "skip the next one", "skip this one please"])
def test_skipping_this_one_or_the_next_one_asks_first_then_skips_on_a_yes(sunday, coach, typed):
    assert sunday(typed)[0].text == "Skip Sun 22 Nov 07:00 (every Sun at 07:00)?" and coach.plans.cancelled_at(1) == set()
    assert sunday("yes")[0].text.startswith("Skipped Sun 22 Nov 07:00") and coach.plans.cancelled_at(1) == {SUN_7}


def test_keep_it_skips_nothing(sunday, coach):
    sunday("can we skip this one")
    assert sunday("keep it")[0].text == "Okay, that session stays." and coach.plans.cancelled_at(1) == set()


@pytest.mark.parametrize("typed, name", [("fat loss", "fat loss"), ("i want to lose weight", "fat loss"),
                                         ("lose some belly fat", "fat loss"), ("strength", None), ("toning", None)])
def test_goals_the_articles_plan_nothing_for_are_told_apart(typed, name):
    assert unplanned_goal(typed) == name


def test_fat_loss_at_the_goal_question_says_the_goals_planned_for_and_asks_again(say, coach):
    in_berlin(say, "/plan")
    replies = say("fat loss")
    assert replies[0].text.startswith("The articles don't plan for fat loss") and "muscle growth" in replies[0].text
    assert "What are you training for?" in replies[-1].text and len(replies[-1].button_list()) == 4
    assert coach.kit.dialogues.current(7).step == "goal"  # the flow goes on
    say(button(replies[-1], "Endurance"), button=True)
    assert coach.plans.load_profile(7).goal == "endurance"


def test_toning_is_the_muscle_growth_goal(say, coach):
    in_berlin(say, "/plan")
    say("toning")
    assert coach.plans.load_profile(7).goal == "hypertrophy" and coach.kit.dialogues.current(7).step == "when"


def test_an_edit_to_fat_loss_changes_nothing_and_says_the_goals(sunday, coach):
    reply = sunday("make the strength one a fat loss plan")[0]
    assert reply.text.startswith("The articles don't plan for fat loss") and "switch it to endurance" in reply.text
    assert coach.plans.load_plans(7)[0].goal == "strength" and coach.kit.dialogues.current(7) is None


def test_fat_loss_at_the_settings_keeps_the_goal_and_shows_them_again(sunday, coach):
    sunday("/settings")
    replies = sunday("change the goal to fat loss")
    assert replies[0].text.startswith("The articles don't plan for fat loss") and "Tap to change" in replies[-1].text
    assert coach.plans.load_profile(7).goal == "strength"


async def test_can_we_skip_this_one_over_telegram_asks_then_skips(tg, sunday, coach):
    app, request = tg
    await feed(app, message_update("can we skip this one"))
    assert request.texts()[-1] == "Skip Sun 22 Nov 07:00 (every Sun at 07:00)?" and coach.plans.cancelled_at(1) == set()
    await feed(app, message_update("yes"))
    assert request.texts()[-1].startswith("Skipped") and coach.plans.cancelled_at(1) == {SUN_7}


async def test_half_six_over_telegram_is_confirmed_with_how_it_was_read(tg, sunday, coach):
    app, request = tg
    await feed(app, message_update("halfpast six instead of 7"))
    assert "every Sun at 06:30" in request.texts()[-1] and "I took 6:30 as 06:30" in request.texts()[-1]


async def test_fat_loss_at_the_goal_question_over_telegram_asks_again_with_the_goal_buttons(tg, say, coach):
    app, request = tg
    in_berlin(say, "/plan")
    await feed(app, message_update("i want to lose weight"))
    texts = request.texts()
    assert texts[-2].startswith("The articles don") and "plan for fat loss" in texts[-2]  # the apostrophe as HTML sends it
    assert "What are you training for?" in texts[-1] and coach.kit.dialogues.current(7).step == "goal"
