"""Planning steps a tester found on the real bot (2026-12-05): at "Save this plan?" days given a time of their own become
a second plan shown after this one ("and tuesdays at 6pm", "wednesday at 8 instead"), a day added with only a part of
the day asks its time ("and add saturday morning too" never keeps the plan's evening time without a word); "like 7"
beside a part of the day is the time; a goal with a typo and what it is not ("make it strenght not butt") is the goal;
a schedule typed before the safety check points to the check again; "bye" or "gotta run, finish later" keeps the plan
for /plan to pick up. The clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

import pytest

from bot.features.planning import texts as t
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, in_berlin, planned  # noqa: F401 (a fixture)


@pytest.fixture
def early(planned):  # noqa: F811
    """Every Mon, Wed, Fri at 07:00 at "Save this plan?", nothing saved."""
    assert "Save this plan?" in planned("every mon wed fri 7am")[-1].text
    return planned


def _plans(coach) -> set[tuple[frozenset[int], str]]:
    return {(p.schedule.weekdays, f"{p.schedule.local_time:%H:%M}") for p in coach.plans.load_plans(7)}


def test_a_day_added_with_its_own_time_is_a_second_plan_shown_after_this_one(early, coach):
    shown = early("and tuesdays at 6pm")[0].text
    assert "Tue at 18:00 will be a plan of its own" in shown and "every Mon, Wed, Fri at 07:00" in shown
    saved = early("yes")
    assert saved[0].text.startswith("✅ Saved") and saved[1].text.startswith(t.SECOND_PLAN)
    assert "every Tue at 18:00" in saved[1].text and _plans(coach) == {(frozenset({0, 2, 4}), "07:00")}
    early(button(saved[1], "Save"), button=True)
    assert _plans(coach) == {(frozenset({0, 2, 4}), "07:00"), (frozenset({1}), "18:00")}


def test_a_day_of_the_plan_given_its_own_time_is_taken_off_it_and_made_a_second_plan(early, coach):
    shown = early("wednesday at 8 instead")[0].text
    assert "Wed at 08:00 will be a plan of its own" in shown and "every Mon, Fri at 07:00" in shown
    early("yes")
    early("yes")
    assert _plans(coach) == {(frozenset({0, 4}), "07:00"), (frozenset({2}), "08:00")}


def test_a_day_added_with_only_a_part_of_the_day_asks_its_time(planned, coach):  # noqa: F811
    planned("every tue thu sat 18:30")
    asked = planned("and add saturday morning too")[0].text
    assert "What time on Sat morning?" in asked and "every Tue, Thu, Sat at 18:30" in asked
    assert "Sat at 09:00 will be a plan of its own" in planned("and sat at 9am")[0].text
    planned("yes")
    planned("yes")
    assert _plans(coach) == {(frozenset({1, 3, 5}), "18:30"), (frozenset({5}), "09:00")}


def test_like_7_beside_a_part_of_the_day_is_the_time(say):
    in_berlin(say, "/plan")
    say("mornings before work, like 7")
    asked = say("strength")[-1].text
    assert asked.startswith("At 07:00.") and "left out" not in asked


def test_a_goal_with_a_typo_and_what_it_is_not_is_the_new_goal_at_save(planned):  # noqa: F811
    planned("every tue thu 18:30")
    assert "goal: muscle growth" in planned("make it hypertrophy")[-1].text
    shown = planned("hmm actually make it strenght not butt")[-1].text
    assert "goal: strength" in shown and "Save this plan?" in shown


def test_a_goal_with_what_it_is_not_that_names_no_goal_is_read(understanding):
    assert understanding.goal("hmm actually make it strenght not butt") == "strength"


def test_a_schedule_typed_before_the_safety_check_points_to_it_again(say):
    gate = say("/plan")[0].text
    assert gate.startswith("Before I plan sessions")
    assert say("mornings before work, like 7")[0].text == gate


@pytest.mark.parametrize("typed", ["bye", "gotta run, finish later", "gtg"])  # "brb" pauses: the step is asked after it
def test_leaving_a_plan_for_later_keeps_it_for_plan_to_pick_up(early, coach, typed):
    assert [r.text for r in early(typed)] == [t.KEPT_FOR_LATER]
    again = early("/plan")[-1]
    assert "every Mon, Wed, Fri at 07:00" in again.text and "Save this plan?" in again.text
    early(button(again, "Save"), button=True)
    assert _plans(coach) == {(frozenset({0, 2, 4}), "07:00")}


async def test_over_telegram_a_day_with_its_own_time_and_leaving_for_later(early, coach):
    sent = await feed_all(coach, [message_update("plus sat 9am"), message_update("gotta run, finish later")])
    assert "Sat at 09:00 will be a plan of its own" in sent.texts()[0] and sent.texts()[1] == t.KEPT_FOR_LATER


@pytest.mark.parametrize("typed, add, drop", [
    ("friday off and put tuesday in", {1}, {4}), ("For the plan of Monday, Wednesday, Friday put also the Sunday at same hour", {6}, set()),
])
def test_a_day_put_in_is_added(typed, add, drop):
    from knowledge.relative_changes import day_change
    change = day_change(typed)
    assert change is not None and (set(change.add), set(change.drop)) == (add, drop)


def test_a_goal_arrow_at_save_changes_the_goal_and_the_time(early):
    shown = early("strength -> hypertrophy and 6pm")[-1].text
    assert "goal: muscle growth" in shown and "every Mon, Wed, Fri at 18:00" in shown


def test_two_days_split_off_with_times_of_their_own_are_both_offered_in_turn(planned, coach):  # noqa: F811
    planned("every tue thu 6:30pm")
    assert "Thu at 19:00 will be a plan of its own" in planned("make thursday 7pm instead")[0].text
    assert "Sat at 10:00 will be a plan of its own" in planned("and add saturday 10am")[0].text
    saved = planned("yes")
    assert saved[1].text.startswith("And the next plan, with its own time (1 more after it):")
    assert "every Thu at 19:00" in saved[1].text
    third = planned("yes")
    assert third[1].text.startswith(t.SECOND_PLAN) and "every Sat at 10:00" in third[1].text
    planned("yes")
    assert _plans(coach) == {(frozenset({1}), "18:30"), (frozenset({3}), "19:00"), (frozenset({5}), "10:00")}


def test_days_split_off_at_the_same_time_are_one_plan_of_their_own(planned, coach):  # noqa: F811
    planned("every mon wed fri 7am")
    planned("wednesday at 8 instead")
    planned("friday at 8 instead")
    saved = planned("yes")
    assert "every Wed, Fri at 08:00" in saved[1].text and len(saved) == 2
    planned("yes")
    assert _plans(coach) == {(frozenset({0}), "07:00"), (frozenset({2, 4}), "08:00")}


def test_several_days_each_with_a_time_of_its_own_at_save_are_plans_of_their_own(early, coach):
    shown = early("make wed 8am and fri 9am")[0].text
    assert "Wed at 08:00 will be a plan of its own" in shown and "Fri at 09:00 will be a plan of its own" in shown
    assert "every Mon at 07:00" in shown
    early("yes")
    early("yes")
    early("yes")
    assert _plans(coach) == {(frozenset({0}), "07:00"), (frozenset({2}), "08:00"), (frozenset({4}), "09:00")}


def test_a_plan_waiting_named_alone_is_shown_with_its_own_time(planned, coach):  # noqa: F811
    planned("every tue thu 6:30pm")
    planned("make thursday 7pm instead")
    shown = planned("skip this one, just the thursday one")[0].text
    assert shown.startswith(t.ONLY_THAT_ONE) and "every Thu at 19:00" in shown
    planned("yes")
    assert _plans(coach) == {(frozenset({3}), "19:00")}


def test_a_count_of_days_at_save_asks_which_days_and_keeps_the_time(planned, coach):  # noqa: F811
    planned("every tue thu 6:30pm")
    asked = planned("5 sessions a week")
    assert len(asked) == 1 and asked[0].text.startswith("Which 5 days of the week?") and "the time stays 18:30" in asked[0].text
    assert "every Mon, Tue, Wed, Fri, Sat at 18:30" in planned("mon tue wed fri sat")[0].text
