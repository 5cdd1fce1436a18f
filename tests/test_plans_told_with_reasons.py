"""Plans changed with a reason or a story beside the change (issue 12; bench/plan_changes_dev5.yaml's angle, 2026-12-04):
a time or a part of the day said in the reason ("dentist at 7:30", "night shifts") does not hide the session or plan
named otherwise; a session named by a weekday beside a holiday ("the monday after christmas") or as the last of the
year; a plan named by its days in shorthand ("the mwf plan"); at "Save this plan?" a change said after a reaction
("lol ok but make it 8") or an arrow ("mwf -> tue thu sat"), and a save refused with "no" just before it. The clock
is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

from datetime import date

import pytest

from bot.features.planning.by_words import dated
from knowledge.plan_edits import loose_skip
from knowledge.plan_request import PlanAction
from knowledge.plan_slots import plan_slots
from tests import test_planning, test_plans_named_by_what_they_are

planned = test_planning.planned  # the fixtures shared with those tests
early_and_saturday = test_plans_named_by_what_they_are.early_and_saturday



@pytest.fixture
def confirming(planned):
    """Every Mon, Wed, Fri at 07:00 at "Save this plan?", nothing saved."""
    assert "Save this plan?" in planned("every mon wed fri 7am")[-1].text
    return planned


def test_a_time_said_in_the_reason_does_not_hide_the_session_of_the_day_named(early_and_saturday, coach):
    asked = early_and_saturday("skip this wednesday pls, dentist at 7:30")[0].text
    assert asked == "Skip Wed 25 Nov 07:00 (every Mon, Wed, Fri at 07:00)?"  # read less surely: asked first
    assert early_and_saturday("yes")[0].text.startswith("Skipped Wed 25 Nov 07:00")


def test_a_part_of_the_day_said_in_the_reason_does_not_hide_the_plan_named(early_and_saturday):
    said = "work moved me to night shifts so the 7am plan is dead. pls delete it"
    assert early_and_saturday(said)[0].text == "Cancel the plan every Mon, Wed, Fri at 07:00? Its reminders stop."


def test_a_part_of_the_day_named_alone_still_names_no_plan_when_none_fits(early_and_saturday, coach):
    assert early_and_saturday("cancel my evening plan")[0].text == "I found no plan like that. /plan lists yours."
    assert coach.plans.count_plans(7) == 2


def test_a_weekday_after_before_or_of_a_holiday_is_that_weekday_beside_it():
    assert plan_slots(PlanAction.SKIP, "skip the monday after christmas").day == "date:12:25:a0"
    assert dated("date:12:25:a0", date(2026, 11, 21)) == date(2026, 12, 28)
    assert dated("date:12:25:b4", date(2026, 11, 21)) == date(2026, 12, 18)  # "the friday before christmas" (a Friday)
    assert dated("date:1:1:o5", date(2026, 11, 21)) == date(2027, 1, 2)  # "the first saturday of the new year"
    assert dated("date:1:1:o4", date(2026, 11, 21)) == date(2027, 1, 1)  # on or after: new year's day is a Friday


@pytest.mark.parametrize("typed, skipped", [
    ("skip the monday after christmas, i'll be away", "Mon 28 Dec 07:00"),
    ("first saturday of the new year skip it", "Sat 02 Jan 10:00"),
])
def test_a_session_named_by_a_weekday_beside_a_holiday_is_that_days(early_and_saturday, typed, skipped):
    assert skipped in early_and_saturday(typed)[0].text


@pytest.mark.parametrize("typed, skipped", [
    ("skip the last saturday session of the year", "Sat 26 Dec 10:00"),
    ("skip the last one this year", "Wed 30 Dec 07:00"),
])
def test_the_last_session_of_the_year_is_the_last_before_new_year(early_and_saturday, typed, skipped):
    assert early_and_saturday(typed)[0].text.startswith(f"Skipped {skipped}")


@pytest.mark.parametrize("typed", ["get rid of the mwf plan", "delete my m/w/f sessions"])
def test_a_plan_named_by_its_days_in_shorthand_is_that_plan(early_and_saturday, typed):
    assert early_and_saturday(typed)[0].text == "Cancel the plan every Mon, Wed, Fri at 07:00? Its reminders stop."


def test_a_plan_named_by_a_date_far_ahead_is_the_plan_on_that_weekday(early_and_saturday):
    said = "cancel the morning plan completely, new job starts jan 4"  # a Monday, past the sessions listed
    assert early_and_saturday(said)[0].text == "Cancel the plan every Mon, Wed, Fri at 07:00? Its reminders stop."


@pytest.mark.parametrize("typed, schedule", [
    ("lol ok but make it 8", "every Mon, Wed, Fri at 08:00"),
    ("almost, but tues/thurs not mwf", "every Tue, Thu at 07:00"),
    ("mwf -> tue thu sat", "every Tue, Thu, Sat at 07:00"),
])
def test_a_change_said_after_a_reaction_or_an_arrow_at_the_confirmation_edits_the_plan(confirming, coach, typed, schedule):
    reply = confirming(typed)[-1].text
    assert schedule in reply and "Save this plan?" in reply and "left out" not in reply
    assert coach.plans.count_plans(7) == 0


def test_a_save_refused_with_no_just_before_it_saves_nothing(confirming, coach):
    assert confirming("not need, sorry, no save")[0].text.startswith("Okay, what should change?")
    assert coach.plans.count_plans(7) == 0


def test_a_plan_scrapped_beside_its_time_is_cancelled_not_edited(early_and_saturday, coach):
    assert early_and_saturday("scrap the 7am strength thing entirely")[0].text == \
        "Cancel the plan every Mon, Wed, Fri at 07:00? Its reminders stop."  # it was an edit that kept the plan as it was


@pytest.mark.parametrize("typed, asked", [
    ("skip sat", "Skip Sat 28 Nov 10:00 (every Sat at 10:00)?"),
    ("skip jan 4 please, first day back at work and i wanna sleep in", "Skip Mon 04 Jan 07:00 (every Mon, Wed, Fri at 07:00)?"),
])
def test_skip_beside_a_day_the_reader_missed_is_asked_first(early_and_saturday, typed, asked):
    assert early_and_saturday(typed)[0].text == asked


def test_skip_told_as_done_or_asked_is_no_skip():
    assert loose_skip("i skipped saturday, overslept") is None and loose_skip("can i skip saturday?") is None


@pytest.mark.parametrize("typed, schedule", [
    ("plan b at noon", "every Sat at 12:00"),
    ("make plan a 18h", "every Mon, Wed, Fri at 18:00"),
    ("instead of friday do thursday on plan a", "every Mon, Wed, Thu at 07:00"),
])
def test_a_plan_called_by_its_letter_beside_its_change_is_edited(early_and_saturday, typed, schedule):
    reply = early_and_saturday(typed)[-1].text
    assert schedule in reply and "Save" in reply


def test_would_like_to_is_no_change_said_after_to(coach):
    said = "I would like to change the goal of my Monday/Wednesday/Friday plan to hypertrophy, please."
    request = coach.kit.words.plan_request(said)
    assert (request.day, request.rest) == ("0", "hypertrophy")  # the plan by its first day, the new goal


def test_a_plan_quit_is_cancelled(early_and_saturday):
    assert early_and_saturday("i want to quit the saturday plan")[0].text == "Cancel the plan every Sat at 10:00? Its reminders stop."


@pytest.mark.parametrize("typed, skipped", [
    ("skip the first monday of january", "Mon 04 Jan 07:00"),
    ("skip the last saturday session before christmas", "Sat 19 Dec 10:00"),
])
def test_a_session_named_by_its_place_in_a_month_or_before_a_holiday_is_that_days(early_and_saturday, typed, skipped):
    assert skipped in early_and_saturday(typed)[0].text
