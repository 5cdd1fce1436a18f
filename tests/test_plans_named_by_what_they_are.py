"""Plans named by what they are and changes said loosely (issue 12; bench/plan_changes_dev4.yaml's angle, 2026-12-04):
"the morning one" of a 7:00 and a 10:00 plan, "plan b", "the weekend plan", "the stretching one", a clause that
only keeps a plan, days said as so many days on or with a typo, a new goal and a new time in one edit, and a
save said with its negation a few words before. The clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

import pytest

from bot.features.planning.confirm_step import SAVING
from knowledge.plan_edits import new_goal_side, without_kept
from scheduler.words import normalise
from tests import test_planning
from tests.test_plans_in_words import save

planned = test_planning.planned  # the fixture shared with those tests


@pytest.fixture
def early_and_saturday(planned, coach):
    """Every Mon, Wed, Fri at 07:00 (plan 1) and every Sat at 10:00 (plan 2) saved; nothing open."""
    save(planned, "every mon wed fri 7am")
    save(planned, "every sat 10am")
    assert coach.plans.count_plans(7) == 2
    return planned


def test_the_morning_one_of_a_7am_and_a_10am_plan_is_the_7am_one(early_and_saturday):
    replies = early_and_saturday("move the morning one to 8am")
    assert "every Mon, Wed, Fri at 08:00" in replies[-1].text and "Save" in replies[-1].text


@pytest.mark.parametrize("typed", ["cancel plan b", "delete weekend plan", "remove plan 2"])
def test_a_plan_called_by_its_letter_number_or_as_the_weekend_one_is_that_plan(early_and_saturday, typed):
    assert early_and_saturday(typed)[0].text == "Cancel the plan every Sat at 10:00? Its reminders stop."


def test_stretching_names_the_mobility_plan(coach):
    assert coach.kit.words.plan_request("remove the one with the stretching goal").goal == "mobility"


def test_a_clause_that_keeps_the_other_plan_changes_nothing_of_it(early_and_saturday, coach):
    assert without_kept("drop the early plan but keep the saturday one") == "drop the early plan"
    confirm = early_and_saturday("drop the early plan but keep the saturday one")[0]
    assert confirm.text == "Cancel the plan every Mon, Wed, Fri at 07:00? Its reminders stop."
    assert coach.plans.count_plans(7) == 2  # nothing edited (it had moved the plan to 01:00: "one" read as an hour)


def test_one_naming_a_plan_is_no_hour_but_one_after_at_is():
    assert normalise("keep the saturday one") == "keep the saturday" and normalise("the 7am one") == "the 7am"
    assert normalise("sat at one") == "sat at 1" and normalise("half one") == "half past 1"


@pytest.mark.parametrize("typed", ["skip the day after tomorrow", "skip the session in two days"])
def test_a_session_named_so_many_days_on_is_that_days(early_and_saturday, typed):
    assert "Mon 23 Nov 07:00" in early_and_saturday(typed)[0].text


def test_a_weekday_typed_with_a_typo_names_that_weekday(early_and_saturday, coach):
    assert early_and_saturday("skip wensday")[0].text.startswith("Skipped Wed 25 Nov 07:00")


def test_a_new_goal_and_a_new_time_in_one_edit_change_both(early_and_saturday):
    text = early_and_saturday("make the saturday one endurance and move it to 11")[-1].text
    assert "every Sat at 11:00" in text and "goal: endurance" in text


@pytest.mark.parametrize("typed, schedule", [
    ("move the early one to 8 and do it tues thurs", "every Tue, Thu at 08:00"),
    ("can u make the saturday one every weekend day at 9:30", "every Sat, Sun at 09:30"),
])
def test_new_days_said_beside_a_new_time_change_both(early_and_saturday, typed, schedule):
    assert schedule in early_and_saturday(typed)[-1].text


@pytest.mark.parametrize("text", ["not gonna save it", "no thanks, dont want to save it", "i won't save this"])
def test_save_negated_a_few_words_before_is_no_save(text):
    assert SAVING.read(text) == "no"


def test_not_one_goal_then_another_the_new_goal_is_the_other():
    side = new_goal_side("not strength, i want mobility and make it 9pm")
    assert "mobility" in side and "strength" not in side
