"""The tester's findings of session 32 (a real bot at 2122464) that the lead fixed, through the core and the Telegram
adapter (Application.process_update with a recording request): "remind me at the start" by a user with a plan changes the
reminder lead, as "remind me 1 hour before" does, never a new plan; with every session of the next 7 days skipped (a
holiday), /sessions and "what time is my next session" also say when the next one comes; "change my tuesday plan to 8am"
of a Tue/Thu plan, which moves the plan (a plan named by its day), says before Save that Thursday moves too, and how to
move only Tuesday's next session. The clock is Sat 21 Nov 2026
10:30 in Berlin."""

from __future__ import annotations

import pytest

from bot.features.planning.texts import ASK_ZONE, NO_HOLIDAYS, NOTHING_TO_SKIP, PLAN_CANCELLED
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, planned, screen  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved


@pytest.mark.parametrize("told", ["remind me at the start", "ping me when the session starts"])
def test_a_lead_told_with_no_schedule_changes_the_reminders_of_a_user_with_a_plan(planned, coach, told):  # noqa: F811
    saved(planned, "every tue thu at 18:00")
    replies = planned(told)
    assert "when each session starts" in replies[0].text
    assert coach.plans.load_profile(7).lead_minutes == 0 and len(coach.plans.load_plans(7)) == 1


def test_a_lead_told_with_a_schedule_still_plans(planned, coach):  # noqa: F811
    saved(planned, "every tue thu at 18:00")
    assert "Save this plan?" in planned("remind me every saturday at 9am, at the start")[-1].text


async def test_a_lead_told_over_telegram_changes_the_reminders(planned, coach):  # noqa: F811
    saved(planned, "every tue thu at 18:00")
    request = await feed_all(coach, [message_update("remind me at the start")])
    assert "when each session starts" in request.texts()[0]


@pytest.mark.parametrize("asked", ["/sessions", "what time is my next session"])
def test_with_the_next_weeks_sessions_skipped_the_next_one_after_them_is_said(planned, asked):  # noqa: F811
    saved(planned, "every tue thu at 18:00")
    planned("im on holiday till the 30th")
    planned("yes")
    shown = planned(asked)[0].text
    assert "skipped" in shown and "Your next session: Tue 01 Dec 18:00." in shown


def test_the_next_session_is_not_added_when_one_comes_in_the_week(planned):  # noqa: F811
    saved(planned, "every tue thu at 18:00")
    assert "Your next session" not in planned("/sessions")[0].text


async def test_the_next_session_after_a_skipped_week_over_telegram(planned, coach):  # noqa: F811
    saved(planned, "every tue thu at 18:00")
    planned("im on holiday till the 30th")
    planned("yes")
    request = await feed_all(coach, [message_update("/sessions")])
    assert "Your next session: Tue 01 Dec 18:00." in request.texts()[0]


def test_a_new_time_for_a_plan_named_by_one_of_its_days_says_that_every_day_moves(planned):  # noqa: F811
    saved(planned, "every tue thu at 18:30")
    shown = planned("change my tuesday plan to 8am")
    assert "This moves the whole plan (Tue/Thu) to 08:00, not only Tue." in shown[0].text
    assert 'type "this Tue at 08:00"' in shown[0].text and "Save this plan?" in shown[-1].text


def test_a_plan_of_one_day_moved_gets_no_note(planned):  # noqa: F811
    saved(planned, "every tue at 18:30")
    assert "This moves the whole plan" not in planned("change my tuesday plan to 8am")[0].text


async def test_the_whole_plan_note_over_telegram(planned, coach):  # noqa: F811
    saved(planned, "every tue thu at 18:30")
    request = await feed_all(coach, [message_update("change my tuesday plan to 8am")])
    assert "This moves the whole plan (Tue/Thu)" in request.texts()[0]


def test_a_skip_at_the_zone_question_of_a_first_plan_is_not_kept_as_its_schedule(say, coach):
    screen(say, {})
    say("/plan")
    replies = say("skip tomorrow")
    assert replies[0].text == f"{NOTHING_TO_SKIP} {ASK_ZONE}" and "keep" not in replies[0].text
    assert coach.dialogues.current(7) is not None


def test_cancel_all_my_plans_at_the_zone_question_of_a_first_plan_leaves_planning(say, coach):
    screen(say, {})
    say("/plan")
    assert say("cancel all my plans")[0].text == PLAN_CANCELLED
    assert coach.dialogues.current(7) is None


async def test_a_skip_at_the_zone_question_over_telegram(say, coach):
    screen(say, {})
    say("/plan")
    request = await feed_all(coach, [message_update("skip tomorrow")])
    assert request.texts()[0].startswith(NOTHING_TO_SKIP)


def test_a_schedule_asked_for_while_a_review_waits_is_said_to_be_kept_and_planned_after_it(say):
    screen(say, {2: "yes"})
    replies = say("remind me every tuesday and friday at 6:30am")
    assert "I'll keep “remind me every tuesday and friday at 6:30am” and plan it as soon as the review" in replies[-1].text
    after = say(button(replies[-1], "reviewed"), button=True)
    assert "time zone" in after[-1].text  # planning goes on with what was kept
    say(button(say("Berlin")[0], "Yes"), button=True)
    assert any("every Tue, Fri at 06:30" in r.text for r in say("strength"))


@pytest.mark.parametrize("typed", ["except public holidays", "and no bank holidays pls"])
def test_holidays_to_skip_said_at_save_are_told_they_cant_be_and_nothing_is_saved(planned, coach, typed):  # noqa: F811
    planned("every tue thu at 18:30")
    replies = planned(typed)
    assert replies[0].text.startswith(NO_HOLIDAYS) and "Save this plan?" in replies[-1].text
    assert coach.plans.load_plans(7) == []


def test_time_away_at_save_is_no_holiday_note(planned):  # noqa: F811
    planned("every tue thu at 18:30")
    assert not planned("im on holiday till the 20th")[0].text.startswith(NO_HOLIDAYS)


async def test_holidays_at_save_over_telegram(planned, coach):  # noqa: F811
    planned("every tue thu at 18:30")
    request = await feed_all(coach, [message_update("except public holidays")])
    assert request.texts()[0].startswith(NO_HOLIDAYS)


@pytest.mark.parametrize("asked", ["is it bad for growth plates", "will it stunt my growth", "im 15 and still growing, ok?"])
def test_a_question_about_a_growing_body_gets_the_doctor_first_line(say, asked):
    assert say(asked)[0].safety == "doctor"


@pytest.mark.parametrize("asked", ["growth of my glutes, how many sets", "im growing my glutes, what reps",
                                   "stop growth of my waist"])
def test_growth_of_muscles_is_no_health_concern(say, asked):
    assert not any(r.safety for r in say(asked))


async def test_a_growth_plate_question_over_telegram(coach):
    request = await feed_all(coach, [message_update("is it bad for growth plates")])
    assert "⚕️ Talk to your doctor" in request.texts()[0]
