"""/settings as a typed dialogue (reminder lead, goal, time zone; typed and tapped; stale buttons),
and the reminder lead edited in the planning dialogue, typed and tapped."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.core.dialogue import STALE
from tests.test_dialogues import rows
from tests.test_planning import button, in_berlin


@pytest.fixture
def green(say):
    """A green user with zone Berlin and goal strength, not in any dialogue."""
    in_berlin(say, "/timezone")
    say("change the goal to strength")
    return say


def test_settings_change_by_button_and_by_words(green, coach):
    shown = green("/settings")[0]
    assert "Reminders come 30 min before each session" in shown.text and rows(coach) == [("set", "menu")]
    tapped = green(button(shown, "15 min"), button=True)[0]
    assert tapped.edit and "Reminders come 15 min before" in tapped.text and coach.plans.load_profile(7).lead_minutes == 15
    assert "1 h before" in green("remind me 1 hour before")[0].text and coach.plans.load_profile(7).lead_minutes == 60
    assert "endurance" in green("change the goal to endurance")[0].text and coach.plans.load_profile(7).goal == "endurance"
    assert "mobility" in green("mobility")[0].text  # a goal named alone while the settings are open
    assert "your changes are saved" in green("that's all")[0].text and rows(coach) == []
    assert green(button(shown, "at start"), button=True) == [STALE]  # a button of the closed settings


@pytest.mark.parametrize("typed", ["leave it as it is", "all good thanks", "nothing to change"])
def test_settings_close_on_closing_words_read_by_the_understanding_layer(green, coach, typed):
    green("/settings")
    assert "kept as they are" in green(typed)[0].text and rows(coach) == []


def test_an_older_settings_message_no_longer_applies(green, coach):
    old = green("/settings")[0]
    new = green("/settings")[0]
    assert green(button(old, "at start"), button=True) == [STALE] and coach.plans.load_profile(7).lead_minutes == 30
    assert "when each session starts" in green(button(new, "at start"), button=True)[0].text


def test_settings_in_words_without_opening_them(green, coach):
    assert "30 min before" not in green("remind me 45 minutes before")[0].text
    assert coach.plans.load_profile(7).lead_minutes == 45
    check = green("change my timezone to new york")[0]
    assert "New York (United States), now" in check.text
    green("yes")
    assert coach.plans.load_profile(7).zone == "America/New_York"


def test_goal_words_in_a_question_do_not_change_the_goal_later(green, coach, clock):
    green("/settings")
    clock.now += timedelta(minutes=11)  # typed changes are read only for a while
    assert green("endurance")[0].entry is not None and coach.plans.load_profile(7).goal == "strength"


def test_the_time_zone_button_asks_for_the_zone(green, coach):
    asked = green(button(green("/settings")[0], "time zone"), button=True)[0]
    assert "time zone" in asked.text and asked.location
    green(button(green("Tokyo")[0], "Yes"), button=True)
    assert coach.plans.load_profile(7).zone == "Asia/Tokyo"


def test_settings_opened_mid_plan_keep_the_plan_being_made(green, coach):
    green("/plan")
    green(button(green("/settings")[0], "at start"), button=True)
    confirm = green("every Mon at 7am")[0]
    assert "Save this plan?" in confirm.text and "reminder when each session starts" in confirm.text


def test_the_lead_is_edited_in_the_plan_dialogue_typed_and_tapped(green, coach):
    confirm = green("/plan every Mon at 7am")[-1]
    assert "reminder 30 min before each session" in confirm.text
    typed = green("remind me 1 hour before")[0]
    assert "reminder 1 h before each session" in typed.text and "Save this plan?" in typed.text
    tapped = green(button(typed, "15 min"), button=True)[0]
    assert tapped.edit and "reminder 15 min before" in tapped.text
    assert green(button(confirm, "Save"), button=True) == [STALE]  # the first confirmation's Save
    assert "15 min before each session" in green(button(tapped, "Save"), button=True)[0].text
    plan = coach.plans.load_plans(7)[0]
    assert plan.next_at - plan.remind_at == timedelta(minutes=15)


def test_a_saved_plan_is_edited_with_a_new_lead_and_time(green, coach):
    green(button(green("/plan every Mon at 7am")[-1], "Save"), button=True)
    editing = green(button(green("/plan")[0], "Edit"), button=True)[0]
    edited = green("make it 8am, remind me 2 hours before")[0]
    assert "every Mon at 08:00" in edited.text and "2 h before" in edited.text, editing.text
    green("yes")
    plan = coach.plans.load_plans(7)[0]
    assert coach.plans.count_plans(7) == 1 and plan.next_at - plan.remind_at == timedelta(hours=2)
