"""Plans changed in everyday words, relative to what they have (issue 12, items 2-4): days dropped,
added or swapped ("drop friday", "add sunday to endurance", "swap friday for thursday"), a time moved
("an hour later"), a plan named by its goal ("change strength time to 6pm"), a session named by its
date ("skip the 2nd"), a skip or cancel said in one clause of a longer message, and the same at a plan's
"Save this plan?". A confirmation always stands before a stored plan changes. The clock is Sat 21 Nov
2026 10:30 in Berlin; plan 1 is strength Mon/Wed/Fri 19:00, plan 2 endurance Sat 09:00."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.relative_changes import DayChange, day_change, time_shift
from tests import test_planning, test_telegram_adapter
from tests.conftest import message_update
from tests.test_plans_in_words import save
from tests.test_telegram_adapter import feed

planned, tg = test_planning.planned, test_telegram_adapter.tg  # fixtures shared with those tests
MWF, SAT = frozenset({0, 2, 4}), frozenset({5})


@pytest.fixture
def two(planned, coach):
    """Plan 1 strength Mon/Wed/Fri 19:00 and plan 2 endurance Sat 09:00 saved; nothing open."""
    save(planned, "every mon wed fri 7pm")
    planned("/plan every sat 9am")
    assert "goal: endurance" in planned("change the goal to endurance")[-1].text
    planned("yes")
    assert [(p.goal, p.schedule.weekdays) for p in coach.plans.load_plans(7)] == [("strength", MWF), ("endurance", SAT)]
    return planned


def plans(coach) -> list[tuple[str, frozenset[int], str]]:
    """The active plans' goal, days and time."""
    return [(p.goal, p.schedule.weekdays, f"{p.schedule.local_time:%H:%M}") for p in coach.plans.load_plans(7)]


@pytest.mark.parametrize("typed, change", [
    ("drop friday", DayChange(drop=frozenset({4}))), ("no monday pls", DayChange(drop=frozenset({0}))),
    ("add tuesday to my strength plan", DayChange(add=frozenset({1}))), ("sundays too", DayChange(add=frozenset({6}))),
    ("swap friday for thursday", DayChange(frozenset({3}), frozenset({4}))),
    ("move the wednesday workout to thursday going forward", DayChange(frozenset({3}), frozenset({2}))),
    ("move endurance from saturday to sunday", DayChange(frozenset({6}), frozenset({5}))),
    ("not friday, thursday", DayChange(frozenset({3}), frozenset({4}))),
    ("tue and thu", None), ("every day except sunday", None), ("move friday's session to saturday", None),  # days outright; one session
])
def test_days_said_relative_to_a_plans_own_are_read_as_days_in_and_out(typed, change):
    assert day_change(typed) == change


@pytest.mark.parametrize("typed, minutes", [("an hour later", 60), ("push it back half an hour", 30), ("30 min earlier", -30),
                                            ("remind me 1 hour before", None), ("a bit later", None)])
def test_a_time_moved_by_an_amount_is_read_in_minutes(typed, minutes):
    assert time_shift(typed) == minutes


@pytest.mark.parametrize("typed, after", [
    ("swap friday for thursday in the strength plan", ("strength", frozenset({0, 2, 3}), "19:00")),
    ("remove monday from the strength plan", ("strength", frozenset({2, 4}), "19:00")),  # an edit, never a cancel
    ("add sunday to endurance, same time", ("endurance", frozenset({5, 6}), "09:00")),
    ("shift the strength plan an hour later pls", ("strength", MWF, "20:00")),
    ("change strength time to 6pm", ("strength", MWF, "18:00")),  # the goal names the plan
    ("make strength mon and fri only, at 8pm", ("strength", frozenset({0, 4}), "20:00")),
])
def test_a_plan_changed_relatively_is_confirmed_first_then_saved_with_only_that_change(two, coach, typed, after):
    before = plans(coach)
    assert "Save this plan?" in two(typed)[-1].text and plans(coach) == before  # nothing changes before a yes
    two("yes")
    assert sorted(plans(coach)) == sorted([after, *(p for p in before if p[0] != after[0])])


def test_a_session_named_by_its_date_beyond_the_week_listed_is_the_one_skipped(two, coach):
    two("skip wed the 2nd")
    assert coach.plans.cancelled_at(1) == {datetime(2026, 12, 2, 18, 0, tzinfo=UTC)}  # Wed 2 Dec 19:00 in Berlin


def test_a_skip_said_in_one_clause_of_a_longer_message_is_asked_before_it_is_done(two, coach):
    text = "skip saturday the 28th, kid has a football tournament"
    assert coach.kit.understanding.model.talk.plan_request(coach.kit.understanding.spelt(text), text) is None  # read as a whole: none
    asked = two(text)[-1]
    assert asked.text.startswith("Skip Sat 28 Nov 09:00") and coach.plans.cancelled_at(2) == set()
    two("yes")
    assert coach.plans.cancelled_at(2) == {datetime(2026, 11, 28, 8, 0, tzinfo=UTC)}


def test_a_session_told_as_done_beside_a_tired_day_is_no_skip(coach, two):
    assert coach.kit.words.plan_request("tired af today but did it") is None


@pytest.mark.parametrize("typed, days, at", [
    ("drop friday", frozenset({0, 2}), "19:00"), ("not friday, thursday", frozenset({0, 2, 3}), "19:00"),
    ("8 instead", MWF, "20:00"), ("change time to 6 in the morning", MWF, "06:00"),
])
def test_at_save_this_plan_a_relative_change_edits_the_plan_being_made(planned, coach, typed, days, at):
    planned("every mon wed fri 7pm")
    assert "Save this plan?" in planned(typed)[-1].text and coach.plans.count_plans(7) == 0
    planned("yes")
    assert plans(coach) == [("strength", days, at)]


async def test_a_day_swapped_over_telegram_is_confirmed_then_saved(tg, two, coach):
    app, request = tg
    await feed(app, message_update("swap friday for thursday in the strength plan"))
    assert "every Mon, Wed, Thu at 19:00" in request.texts()[-1] and plans(coach)[0][1] == MWF
    await feed(app, message_update("yes"))
    assert request.texts()[-1].startswith("✅ Saved") and ("strength", frozenset({0, 2, 3}), "19:00") in plans(coach)


async def test_a_dated_skip_over_telegram_skips_that_session(tg, two, coach):
    app, request = tg
    await feed(app, message_update("skip wed the 2nd"))
    assert request.texts()[-1].startswith("Skipped Wed 02 Dec 19:00") and len(coach.plans.cancelled_at(1)) == 1
