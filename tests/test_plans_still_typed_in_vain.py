"""Plan changes people still typed in vain (issue 12, items 2-4 and 6, session 16): a number typed at "which
plan?", the words of a relative change never "left out", and more. A confirmation always stands before a
stored plan changes. The clock is Sat 21 Nov 2026 10:30 in Berlin; plan 1 is strength Mon/Wed/Fri 19:00,
plan 2 endurance Sat 09:00."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from knowledge.plan_edits import without_complaint
from tests import test_planning, test_plans_changed_relatively, test_telegram_adapter
from tests.conftest import message_update
from tests.test_plans_changed_relatively import MWF, SAT, plans
from tests.test_telegram_adapter import feed

planned, tg, two = test_planning.planned, test_telegram_adapter.tg, test_plans_changed_relatively.two  # shared fixtures


@pytest.mark.parametrize("typed, after", [("2", ("endurance", SAT, "08:00")), ("#1", ("strength", MWF, "20:00")),
                                          ("option 2", ("endurance", SAT, "08:00"))])
def test_a_number_typed_at_which_plan_picks_that_button_and_edits_after_a_yes(two, coach, typed, after):
    assert two("can we do 8 instead")[-1].text.startswith("Which plan do you want to edit?")
    assert "Save this plan?" in two(typed)[-1].text and len(plans(coach)) == 2
    two("yes")
    assert after in plans(coach) and len(plans(coach)) == 2


def test_a_number_past_the_buttons_offered_picks_nothing(two, coach):
    two("can we do 8 instead")
    replies = two("3")
    assert not any("Save this plan?" in r.text for r in replies) and plans(coach) == [("strength", MWF, "19:00"),
                                                                                          ("endurance", SAT, "09:00")]


async def test_a_number_typed_at_which_plan_to_cancel_over_telegram_is_confirmed_first(tg, two, coach):
    app, request = tg
    await feed(app, message_update("cancel my plan"))
    assert request.texts()[-1].startswith("Which plan do you want to cancel?")
    await feed(app, message_update("2"))
    assert request.texts()[-1].startswith("Cancel the plan every Sat at 09:00?") and len(plans(coach)) == 2
    await feed(app, message_update("yes"))
    assert plans(coach) == [("strength", MWF, "19:00")]


@pytest.mark.parametrize("typed, shown", [("strength plan: drop monday, add saturday", "every Wed, Fri, Sat at 19:00"),
                                          ("drop wednesday from the plan, keep mon and fri", "every Mon, Fri at 19:00"),
                                          ("strength at half 7 and drop wednesdays", "every Mon, Fri at 19:30")])
def test_the_words_of_a_relative_change_are_read_not_said_to_be_left_out(two, coach, typed, shown):
    confirm = two(typed)[-1]
    assert shown in confirm.text and "I left out" not in confirm.text and len(plans(coach)) == 2


def test_at_save_this_plan_a_day_dropped_beside_a_new_time_leaves_nothing_out(planned):
    planned("every mon wed fri 7pm")
    confirm = planned("move it to 8pm and drop monday")[-1]
    assert "every Wed, Fri at 20:00" in confirm.text and "I left out" not in confirm.text


def test_words_a_relative_change_does_not_use_are_still_said_to_be_left_out(planned):
    planned("every mon wed fri 7pm")
    assert "I left out" in planned("drop friday with my friend Noah")[-1].text


async def test_a_relative_change_over_telegram_says_nothing_left_out(tg, two, coach):
    app, request = tg
    await feed(app, message_update("drop wednesday from the plan, keep mon and fri"))
    assert "every Mon, Fri at 19:00" in request.texts()[-1] and "I left out" not in request.texts()[-1]
    await feed(app, message_update("yes"))
    assert ("strength", frozenset({0, 4}), "19:00") in plans(coach)


@pytest.mark.parametrize("typed, shown", [
    ("not 7pm, 8pm", "every Mon, Wed, Fri at 20:00"),  # what it replaces said first
    ("hmm friday is bad, swap it for thursday", "every Mon, Wed, Thu at 19:00"),  # "it": the day just named
    ("only thursdays", "every Thu at 19:00"),  # no skip of a session: the plan being made's days
    ("sunday at 8", "every Sun at 20:00"),  # an hour alone, on the plan's side of noon, with a day
])
def test_at_save_this_plan_these_changes_edit_the_plan_being_made(planned, coach, typed, shown):
    planned("every mon wed fri 7pm")
    confirm = planned(typed)[-1]
    assert shown in confirm.text and "Save this plan?" in confirm.text and coach.plans.count_plans(7) == 0


@pytest.mark.parametrize("typed", ["cool yeah", "yes pls save this", "sounds good", "perfect thanks"])
def test_at_save_this_plan_agreement_in_any_words_saves(planned, coach, typed):
    planned("every mon wed fri 7pm")
    assert planned(typed)[-1].text.startswith("✅ Saved") and coach.plans.count_plans(7) == 1


@pytest.mark.parametrize("typed", ["hmm not sure", "good question, what do you think?", "no thanks"])
def test_at_save_this_plan_doubt_or_a_question_saves_nothing(planned, coach, typed):
    planned("every mon wed fri 7pm")
    planned(typed)
    assert coach.plans.count_plans(7) == 0


async def test_agreement_and_a_day_swapped_at_save_this_plan_over_telegram(tg, planned, coach):
    app, request = tg
    await feed(app, message_update("/plan every mon wed fri 7pm"))
    await feed(app, message_update("hmm friday is bad, swap it for thursday"))
    assert "every Mon, Wed, Thu at 19:00" in request.texts()[-1] and coach.plans.count_plans(7) == 0
    await feed(app, message_update("cool yeah"))
    assert request.texts()[-1].startswith("✅ Saved") and [p.schedule.weekdays for p in coach.plans.load_plans(7)] == [
        frozenset({0, 2, 3})]


@pytest.mark.parametrize("typed, after", [
    ("plz make strength 8 instead, 7pm is too early after work", ("strength", MWF, "20:00")),  # the complaint names no plan
    ("7pm is too early, move the strength plan to 8pm", ("strength", MWF, "20:00")),
    ("can u shift endurance to 8 no wait make it 10", ("endurance", SAT, "10:00")),  # what follows the correction is meant
    ("add a sunday to the mon/wed/fri plan", ("strength", MWF | {6}, "19:00")),  # a day added, the plan named by its days
])
def test_a_change_said_with_a_complaint_a_correction_or_days_kept_edits_its_plan_after_a_yes(two, coach, typed, after):
    before = plans(coach)
    assert "Save this plan?" in two(typed)[-1].text and plans(coach) == before
    two("yes")
    assert sorted(plans(coach)) == sorted([after, *(p for p in before if p[0] != after[0])])


def test_all_plans_ended_with_no_my_or_the_are_cancelled_only_after_a_yes(two, coach):
    assert two("quit all training plans please")[-1].text.startswith("Cancel all 2 plans") and len(plans(coach)) == 2
    two("yes")
    assert plans(coach) == []


async def test_a_change_said_with_a_complaint_over_telegram_edits_after_save(tg, two, coach):
    app, request = tg
    await feed(app, message_update("plz make strength 8 instead, 7pm is too early after work"))
    assert "every Mon, Wed, Fri at 20:00" in request.texts()[-1] and ("strength", MWF, "19:00") in plans(coach)
    await feed(app, message_update("cool yeah"))
    assert ("strength", MWF, "20:00") in plans(coach) and len(plans(coach)) == 2


def test_a_complaint_about_a_day_is_kept_as_what_it_asks_of_that_session():
    assert without_complaint("this friday doesnt work, the one after does") == "this friday doesnt work, the one after does"
    assert without_complaint("plz make strength 8 instead, 7pm is too early after work") == "plz make strength 8 instead"


def _skipped(two, coach, typed: str) -> set[str]:
    """The sessions skipped (local "Dow DD HH:MM") after `typed`, every question it asks answered "yes"."""
    replies = two(typed)
    if "?" in replies[-1].text:
        two("yes")
    zone = ZoneInfo("Europe/Berlin")
    return {at.astimezone(zone).strftime("%a %d %H:%M") for plan in (1, 2) for at in coach.plans.cancelled_at(plan)}


@pytest.mark.parametrize("typed, skipped", [
    ("skip saturday", {"Sat 28 09:00"}),  # today's Saturday session has passed: the next one
    ("skip the wednesday session next week", {"Wed 25 19:00"}),  # that day in next week
    ("skip the saturday after this one", {"Sat 05 09:00"}),  # a week after the first to come
    ("skip the christmas day session", {"Fri 25 19:00"}),  # a day named by its holiday
    ("skip friday the 18th its the office xmas party", {"Fri 18 19:00"}),  # a date said wins over the holiday
])
def test_a_session_named_by_its_week_or_holiday_is_the_one_skipped(two, coach, typed, skipped):
    assert _skipped(two, coach, typed) == skipped


def test_next_week_said_in_another_clause_leaves_the_day_as_named(two, coach):
    assert _skipped(two, coach, "not this monday, skip pls. next week as usual") == {"Mon 23 19:00"}


@pytest.mark.parametrize("typed, after", [
    ("push the saturday one an hour later", ("endurance", SAT, "10:00")),  # the plan named by its day
    ("make the early one 30 min earlier", ("endurance", SAT, "08:30")),  # "the early one": the morning plan
    ("i work late fridays now, move that strength day to sunday for good", ("strength", frozenset({0, 2, 6}), "19:00")),
])
def test_a_plan_named_by_its_day_or_part_of_the_day_is_edited_after_a_yes(two, coach, typed, after):
    before = plans(coach)
    assert "Save this plan?" in two(typed)[-1].text and plans(coach) == before
    two("yes")
    assert sorted(plans(coach)) == sorted([after, *(p for p in before if p[0] != after[0])])


@pytest.mark.parametrize("typed, asked", [
    ("cancel everything, im done", "Cancel all 2 plans"),
    ("get rid of the muscle building one for good", "I found no plan like that"),  # no hypertrophy plan: none cancelled
    ("hey so i joined a crossfit box, you can drop the strength plan entirely", "Cancel the plan every Mon, Wed, Fri at 19:00?"),
])
def test_plans_ended_in_these_words_are_asked_first(two, coach, typed, asked):
    assert two(typed)[-1].text.startswith(asked) and len(plans(coach)) == 2


async def test_a_session_next_week_skipped_over_telegram(tg, two, coach):
    app, request = tg
    await feed(app, message_update("skip the wednesday session next week"))
    if "?" in request.texts()[-1]:
        await feed(app, message_update("yes"))
    assert "Wed 25 Nov 19:00" in request.texts()[-1] and len(coach.plans.cancelled_at(1)) == 1


@pytest.mark.parametrize("typed, shown", [("30 min earlier", "every Mon, Wed, Fri at 18:30"),
                                          ("make it 30 min earlier", "every Mon, Wed, Fri at 18:30")])
def test_at_save_this_plan_a_time_moved_by_minutes_is_no_reminder_setting_and_leaves_nothing_out(planned, typed, shown):
    planned("every mon wed fri 7pm")
    confirm = planned(typed)[-1]
    assert shown in confirm.text and "Save this plan?" in confirm.text and "I left out" not in confirm.text


@pytest.mark.parametrize("typed", ["6am is too early tomorrow, skip it", "7pm is too early, sigh"])
def test_a_complaint_that_names_a_day_or_leaves_no_new_time_is_read_whole(typed):
    assert without_complaint(typed) == typed
