"""The tester's findings of s28 about planning (issue 12): a day said not to work is taken off the plan, not kept as its
only day; a lead button's words typed at "Save this plan?" set that lead; "no reminders" says there is no switch; an hour
typed alone at Save is the plan's new hour. Each through the core and through the Telegram adapter's process_update."""

from __future__ import annotations

import pytest

from bot.features.planning import texts as t
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, in_berlin, planned, screen  # noqa: F401 (planned: a fixture)


@pytest.fixture
def tue_thu_draft(planned):  # noqa: F811
    """A green user in Berlin asked "Save this plan?" for every Tue, Thu at 18:30."""
    assert "Save this plan?" in planned("every tue thu at 18:30")[-1].text
    return planned


@pytest.mark.parametrize("typed, days", [
    ("tuesdays dont work for me", "every Thu at 18:30"), ("cant do tuesdays", "every Thu at 18:30"),
    ("tuesday doesnt work", "every Thu at 18:30"), ("thursdays are bad for me", "every Tue at 18:30"),
    ("no thursday, wednesday instead", "every Tue, Wed at 18:30"),
    ("actually skip thursdays, do wed instead", "every Tue, Wed at 18:30"),
])
def test_a_day_said_not_to_work_at_save_is_taken_off_the_plan(tue_thu_draft, typed, days):
    shown = tue_thu_draft(typed)[-1].text
    assert days in shown and "Save this plan?" in shown and "I left out" not in shown


@pytest.mark.parametrize("typed, lead", [("at start", "when each session starts"), ("15 min", "15 min before"),
                                         ("⏰ 1 h", "1 h before")])
def test_a_lead_buttons_words_typed_at_save_set_that_lead(tue_thu_draft, typed, lead):
    shown = tue_thu_draft(typed)
    assert len(shown) == 1 and f"reminder {lead}" in shown[0].text and "Save this plan?" in shown[0].text


def test_no_reminder_needed_at_save_says_there_is_no_switch_and_asks_again(tue_thu_draft):
    shown = tue_thu_draft("no reminder needed")
    assert shown[0].text == t.NO_REMINDER_SWITCH and "Save this plan?" in shown[-1].text


@pytest.mark.parametrize("typed", ["no reminders please", "no need for reminders"])
def test_no_reminders_at_the_settings_says_how_to_stop_them_and_starts_no_plan(tue_thu_draft, coach, typed):
    tue_thu_draft("save")
    tue_thu_draft("/settings")
    shown = tue_thu_draft(typed)
    assert [r.text for r in shown] == [t.format_reminders_off(1)] and coach.dialogues.current(7) is None


def test_an_hour_alone_at_save_after_talk_about_the_time_is_the_new_hour(tue_thu_draft):
    tue_thu_draft("is 7 ok? or better morning")
    shown = tue_thu_draft("7")[-1].text
    assert "every Tue, Thu at 19:00" in shown and "I took 7 as 19:00" in shown


async def test_over_telegram_a_day_that_does_not_work_and_a_typed_lead_change_the_draft(tue_thu_draft, coach):
    sent = await feed_all(coach, [message_update("tuesdays dont work for me"), message_update("at start"),
                                  message_update("8")])
    texts = sent.texts()
    assert "every Thu at 18:30" in texts[0] and "reminder when each session starts" in texts[1]
    assert "every Thu at 20:00" in texts[-1] and "Save this plan?" in texts[-1]


async def test_over_telegram_no_reminders_at_the_settings_starts_no_plan(tue_thu_draft, coach):
    tue_thu_draft("save")
    sent = await feed_all(coach, [message_update("/settings"), message_update("no reminders please")])
    assert sent.texts()[-1] == t.format_reminders_off(1) and coach.dialogues.current(7) is None


def _green(say) -> None:
    """A green user with no time zone yet."""
    screen(say)


def test_a_day_retimed_at_the_zone_question_becomes_the_second_plan_not_a_lost_schedule(say):
    _green(say)
    say("can u remind me tue/thu 6:30pm")
    kept = say("actually make thursday 7pm instead")[0].text
    assert "Thu at 19:00 will be a plan of its own" in kept
    say(button(say("lisbon")[0], "Yes"), button=True)
    shown_reply = say("strength")[-1]
    assert "every Tue at 18:30" in shown_reply.text and "Save this plan?" in shown_reply.text
    saved = say(button(shown_reply, "Save"), button=True)
    assert "every Thu at 19:00" in saved[-1].text and "Save this plan?" in saved[-1].text


def test_a_change_at_the_zone_question_is_applied_to_the_kept_schedule(say):
    _green(say)
    say("remind me mon wed fri 7am")
    say("actually drop friday and make it 8am")
    say(button(say("berlin")[0], "Yes"), button=True)
    assert "every Mon, Wed at 08:00" in say("endurance")[-1].text


async def test_over_telegram_a_day_retimed_at_the_goal_question_is_kept_as_a_second_plan(say, coach):
    in_berlin(say, "/plan tue thu 6:30pm")
    sent = await feed_all(coach, [message_update("actually make thursday 7pm instead"), message_update("strength")])
    assert "Thu at 19:00 will be a plan of its own" in sent.texts()[0]
    assert "every Tue at 18:30" in sent.texts()[-1] and "Save this plan?" in sent.texts()[-1]


def _idle_with_goal(say, coach) -> None:
    """A green user in Berlin with the goal strength and no dialogue open."""
    in_berlin(say, "/plan")
    say("strength")
    say("/cancel")
    assert coach.dialogues.current(7) is None and coach.plans.load_profile(7).goal == "strength"


@pytest.mark.parametrize("told, asked", [
    ("i wanna do this 3 times a week after work", "Which 3 days"), ("weekends around lunch", "every Sat, Sun at 12:00"),
    ("twice a week, weekends, around lunch", "What time"),
])
def test_a_schedule_told_in_everyday_words_after_a_green_check_is_planned(say, coach, told, asked):
    _idle_with_goal(say, coach)
    assert asked in say(told)[-1].text


@pytest.mark.parametrize("asked", ["how many times a week should i train", "is it ok to train every day", "did it today"])
def test_a_question_or_talk_about_a_schedule_starts_no_plan(say, coach, asked):
    in_berlin(say, "/timezone")
    say(asked)
    assert coach.dialogues.current(7) is None


def test_a_schedule_said_at_the_plan_list_that_invites_it_is_planned(planned):  # noqa: F811
    planned(button(planned("every day at 7am")[-1], "Save"), button=True)
    assert "Your plans:" in planned("/plan")[0].text
    shown = planned("tue thu 6pm")[-1].text
    assert "every Tue, Thu at 18:00" in shown and "Save this plan?" in shown


def _mwf(say) -> None:
    """A green user in Berlin with the plan every Mon, Wed, Fri at 19:00 saved."""
    in_berlin(say, "/plan mon wed fri 7pm")
    say(button(say("strength")[-1], "Save"), button=True)


def test_a_new_routine_told_with_one_plan_saved_changes_that_plan_and_yes_takes_the_days_offered(say, coach):
    _mwf(say)
    first = say("i want to train 4x a week now")
    assert first[0].text.startswith("Changing your plan every Mon, Wed, Fri at 19:00") and "I left out" not in first[0].text
    assert "➕ New plan" in [b.label for b in first[-1].button_list()]
    say("can we do mornings instead, like 7")
    shown = say("yes")[-1].text
    assert "every Mon, Tue, Thu, Fri at 07:00" in shown and "I left out" not in shown
    say("save")
    assert [p.schedule.weekdays for p in coach.plans.load_plans(7)] == [frozenset({0, 1, 3, 4})]


def test_a_move_told_while_a_plan_is_made_sets_the_zone_and_the_plan_goes_on(say, coach):
    _mwf(say)
    say("i want to train 4x a week now")
    moved = say("i moved to lisbon last week")
    assert "Lisbon" in moved[0].text and not any("I left out" in r.text for r in moved)
    say(button(moved[0], "Yes"), button=True)
    assert coach.plans.load_profile(7).zone == "Europe/Lisbon"
    assert "every Mon, Tue, Thu, Fri at 19:00" in say("yes")[-1].text


def test_a_plan_change_worded_as_a_question_is_not_logged_as_unanswered(tue_thu_draft, coach):
    tue_thu_draft("skip thursdays, wed instead?")
    assert coach.store.load_misses() == []


async def test_over_telegram_a_schedule_in_everyday_words_and_a_new_routine_are_planned(say, coach):
    _idle_with_goal(say, coach)
    sent = await feed_all(coach, [message_update("weekends around lunch")])
    assert "every Sat, Sun at 12:00" in sent.texts()[-1]
    say("save")
    sent = await feed_all(coach, [message_update("i want to train 3x a week now"), message_update("yes")])
    assert sent.texts()[0].startswith("Changing your plan every Sat, Sun at 12:00")
    assert "every Mon, Wed, Fri at 12:00" in sent.texts()[-1]


async def test_over_telegram_a_plan_change_at_save_is_not_logged_as_unanswered(tue_thu_draft, coach):
    await feed_all(coach, [message_update("skip thursdays, wed instead?")])
    assert coach.store.load_misses() == []
