"""Plan requests and changes typed the loose way people type them (issue 12, items 6 and 8): a time with no colon
("move it to 630"), a plan named loosely, a reminder lead asked in other words. A confirmation still stands before a
stored plan changes. The clock is Sat 21 Nov 2026 10:30 in Berlin; plan 1 is strength Mon/Wed/Fri 19:00, plan 2
endurance Sat 09:00."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.features.planning.texts import LEAD_TOO_LONG
from scheduler.words import with_colons
from tests import test_planning, test_plans_changed_relatively
from tests.test_plans_changed_relatively import MWF, SAT, plans

planned, two = test_planning.planned, test_plans_changed_relatively.two  # shared fixtures
TUESDAY_NOON = datetime(2026, 11, 24, 11, 0, tzinfo=UTC)  # 12:00 in Berlin


@pytest.mark.parametrize("typed, read", [
    ("move it to 630", "move it to 6:30"), ("tue thu 630am", "tue thu 6:30am"), ("the 730 one", "the 7:30 one"),
    ("monday 545 pm", "monday 5:45 pm"), ("make the 630 one 730", "make the 6:30 one 7:30"),
    ("go up to 100 reps", "go up to 100 reps"), ("at 150 kg", "at 150 kg"), ("by 2027", "by 2027"), ("in 100 days", "in 100 days"),
])
def test_a_time_typed_without_a_colon_is_read_where_a_time_is_named_and_never_a_count(typed, read):
    assert with_colons(typed) == read


def test_a_time_without_a_colon_at_the_confirmation_changes_the_plan_being_made(planned, coach):
    planned("every mon wed fri 7pm")
    confirm = planned("move it to 630")[-1].text
    assert "every Mon, Wed, Fri at 18:30" in confirm and "I took 6:30 as 18:30" in confirm
    planned("yes")
    assert plans(coach) == [("strength", MWF, "18:30")]


def test_a_saved_plan_named_by_a_time_without_a_colon_is_cancelled_after_a_yes(two, coach):
    two("/plan every tue 730am")
    two("yes")
    assert "every Tue at 07:30" in two("no more 730 workouts, kill that plan")[-1].text
    two("yes")
    assert sorted(plans(coach)) == [("endurance", SAT, "09:00"), ("strength", MWF, "19:00")]


def test_this_weekends_session_named_beside_a_skip_is_asked_first_and_skipped_on_a_yes(two, clock):
    clock.now = TUESDAY_NOON
    assert two("this weekends endurance session - skip it pls")[-1].text.startswith("Skip Sat 28 Nov 09:00")
    assert two("yes")[-1].text.startswith("Skipped Sat 28 Nov 09:00")


def test_away_this_weekend_is_time_away_asked_first(two, coach, clock):
    clock.now = TUESDAY_NOON  # read as time away (knowledge.day_words, 2026-12-05), not a session named: asked before a skip
    replies = two("im away this weekend, skip it pls")
    assert replies[0].text.startswith("Skip your session until Sun 29 Nov (Sat 28 Nov 09:00)?")
    assert not any(coach.plans.cancelled_at(p.id) for p in coach.plans.load_plans(7))


def test_a_skip_beside_a_plan_kept_is_no_session_told_as_done(two, clock):
    clock.now = TUESDAY_NOON
    assert two("skip the early morning session next, dont delete my plan tho")[-1].text.startswith("Skip Sat 28 Nov 09:00")


def test_both_plans_named_one_by_one_are_all_cancelled_after_a_yes(two, coach):
    assert two("cancel all of it, both the lifting plan and the cardio")[-1].text.startswith("Cancel all 2 plans")
    two("yes")
    assert plans(coach) == []


def test_an_earlier_reminder_asked_with_its_length_after_it_sets_the_lead(two, coach):
    assert two("sooner reminder please, maybe 1 hour")[-1].text.startswith("Done: reminders come 1 h before")
    assert coach.plans.load_profile(7).lead_minutes == 60


def test_a_reminder_asked_the_day_before_says_how_early_reminders_can_come_and_keeps_the_lead(two, coach):
    assert two("remind me the day before please")[-1].text == LEAD_TOO_LONG
    assert coach.plans.load_profile(7).lead_minutes == 30


def test_a_plan_for_a_misspelt_goal_ended_beside_a_reason_is_cancelled_after_a_yes(two, coach):
    confirm = two("ok please delete plan for strenght, i signed up to a running club now")[-1]
    assert confirm.text.startswith("Cancel the plan every Mon, Wed, Fri at 19:00")
    two("yes")
    assert plans(coach) == [("endurance", SAT, "09:00")]


def test_plans_for_next_week_ended_ask_to_cancel_no_plan(two, coach):
    assert not any(r.text.startswith(("Cancel", "Which plan")) for r in two("ok please delete plans for next week, im travelling"))


def test_one_session_named_by_its_day_moved_to_another_day_moves_that_session_after_a_yes(two, coach, clock):
    clock.now = TUESDAY_NOON
    asked = two("shift wednesday's class to thursday")[-1].text
    assert asked.startswith("Move Wed 25 Nov 19:00 (every Mon, Wed, Fri at 19:00) to Thu 26 Nov 19:00?")
    assert two("yes")[-1].text.startswith("Moved: Wed 25 Nov 19:00 is now Thu 26 Nov 19:00")
    weekly = [(p.goal, p.schedule.weekdays) for p in coach.plans.load_plans(7) if p.schedule.weekdays]
    assert weekly == [("strength", MWF), ("endurance", SAT)]  # the plan stays; a one-off session is added
