"""What a user tester found in planning (2026-12-02): places with everyday words around them, a goal
or a bare hour answered out of order, and times and weekdays typed at the confirmation."""

from __future__ import annotations

import pytest

from bot.features.planning import texts as t
from scheduler.model import Question, ScheduleError
from scheduler.parsing import mentions_time, read_schedule
from scheduler.timezones import find_zone, zone_info
from tests.conftest import NOW
from tests.test_planning import button, in_berlin, screen


@pytest.mark.parametrize("typed, zone", [
    ("no, Berlin", "Europe/Berlin"), ("no Berlin", "Europe/Berlin"), ("no, London", "Europe/London"),
    ("actually I'm in Madrid", "Europe/Madrid"), ("actually Madrid", "Europe/Madrid"), ("sorry, Paris", "Europe/Paris"),
    ("I'm in Lagos but my knee hurts", "Africa/Lagos"), ("wait no, Tokyo", "Asia/Tokyo"), ("bay area", "America/Los_Angeles"),
])
def test_everyday_words_around_a_place_are_not_part_of_its_name(typed, zone):
    assert find_zone(typed).zone == zone


def test_a_named_place_with_a_lead_word_of_its_own_is_still_found():
    assert find_zone("New Berlin").zone == "America/Chicago" and find_zone("Berlin area").zone == "Europe/Berlin"


def test_no_berlin_after_a_wrong_guess_is_confirmed_as_berlin(say, coach):
    screen(say)
    say("/timezone")
    assert "Europe/Berlin" in say("no, Berlin")[0].text
    say("yes")
    assert coach.plans.load_profile(7).zone == "Europe/Berlin"


def test_a_goal_typed_at_the_zone_question_is_kept(say, coach):
    screen(say)
    say("/plan")
    assert say("strength")[0].text == t.KEPT_ASK_ZONE
    replies = say(button(say("Berlin")[0], "Yes"), button=True)
    assert replies[-1].text.startswith("When do you want to train?")  # the goal question is answered already
    confirm = say("mon 7am")[0]
    assert "goal: strength" in confirm.text and coach.plans.load_profile(7).goal is None  # kept until Save
    say(button(confirm, "Save"), button=True)
    assert coach.plans.load_profile(7).goal == "strength"


def test_a_goal_typed_at_the_zone_question_is_dropped_with_the_plan(say, coach):
    screen(say)
    say("/plan")
    say("endurance")
    say("cancel")
    assert coach.plans.load_profile(7).goal is None


@pytest.mark.parametrize("goal", ["strength", "build muscle", "endurance"])
def test_the_goal_answer_is_followed_by_the_when_question_not_a_hint(say, goal):
    in_berlin(say, "/plan")
    replies = say(goal)
    assert replies[-1].text.startswith("When do you want to train?") and "couldn't find" not in replies[-1].text


def test_a_bare_hour_answers_the_part_of_day_question_of_a_schedule_said_first(say, coach):
    screen(say)
    say("remind me tomorrow morning")
    say(button(say("Brisbane")[0], "Yes"), button=True)
    assert say("mobility")[-1].text.startswith("What time in the morning?")
    confirm = say("8")[0]
    assert "once, Sun 22 Nov 08:00" in confirm.text and "Save this plan?" in confirm.text
    assert coach.plans.load_profile(7).goal == "mobility"


@pytest.fixture
def asked_when(say):
    """A green user in Berlin, goal strength, asked when to train (the goal typed)."""
    in_berlin(say, "/plan")
    say("strength")
    return say


@pytest.fixture
def weekly(asked_when):
    """At the confirmation of Mon Wed Fri 7am."""
    asked_when("mon wed fri 7am")
    return asked_when


@pytest.mark.parametrize("typed", ["8am", "at 8", "08:00"])
def test_a_bare_time_at_the_confirmation_changes_the_time(weekly, typed):
    assert "every Mon, Wed, Fri at 08:00" in weekly(typed)[0].text


@pytest.mark.parametrize("typed", ["8pm", "at 8", "20:00"])
def test_a_bare_time_at_the_confirmation_of_a_one_off_moves_it_that_day(asked_when, typed):
    say = asked_when
    assert "once, Sun 22 Nov 19:00" in say("tomorrow 7pm")[0].text
    assert "once, Sun 22 Nov 20:00" in say(typed)[0].text


def test_a_weekday_and_time_typed_over_a_weekly_plan_keep_it_weekly(weekly, coach):
    confirm = weekly("thu 9am")[0]
    assert "every Thu at 09:00" in confirm.text
    weekly("yes")
    assert coach.plans.load_plans(7)[0].schedule.weekdays == frozenset({3})


def test_a_weekday_and_time_alone_is_one_session_and_the_confirmation_says_how_to_repeat(asked_when):
    say = asked_when
    confirm = say("tue 6pm")[0].text
    assert "once, Tue 24 Nov 18:00" in confirm and "Just this once" in confirm and '"every Tue 18:00"' in confirm
    assert "Just this once" not in say("every tue 6pm")[0].text


def test_mydata_words_a_reminder_at_the_start_as_settings_do(say):
    screen(say)
    say("/timezone")
    say("Berlin")
    say("yes")
    say(button(say("/settings")[0], "at start"), button=True)
    stored = say("/mydata")[0].text
    assert "reminders when each session starts" in stored and "0 min" not in stored


@pytest.fixture
def green(say):
    """A green user in Berlin, goal strength, not in any dialogue."""
    screen(say)
    say("/timezone")
    say("Berlin")
    say("yes")
    return say


@pytest.mark.parametrize("typed", ["done", "that's all"])
def test_closing_the_settings_says_whether_they_changed(green, typed):
    green("/settings")
    assert "kept as they are" in green(typed)[0].text
    green("/settings")
    green("remind me 1 hour before")
    closed = green(typed)[0].text
    assert "changes are saved" in closed and "kept as they are" not in closed


def test_a_lead_past_four_hours_says_the_limit(green, coach):
    green("/settings")
    assert "up to 4 hours" in green("remind me 5 hours before")[0].text
    assert "up to 4 hours" in green("/settings remind me 5 hours before")[0].text
    assert coach.plans.load_profile(7).lead_minutes == 30


@pytest.mark.parametrize("typed", ["remind me never", "turn off reminders", "stop reminding me", "i don't want reminders"])
def test_asking_for_no_reminders_says_how_to_stop_them(weekly, typed):
    weekly("yes")
    answer = weekly(typed)[0].text
    assert "cancel the plan in /sessions" in answer and "safety check" not in answer


def test_asking_for_no_reminders_without_plans_says_none_will_come(green):
    assert "no reminder will come" in green("remind me never")[0].text


def test_a_new_zone_says_what_happens_to_the_sessions_times(weekly):
    weekly("yes")
    weekly("/timezone")
    moved = weekly(button(weekly("GMT+2")[0], "Yes"), button=True)[0].text
    assert "UTC+02:00" in moved and "keeps its clock times" in moved
    weekly("/timezone")
    assert "clock times" not in weekly(button(weekly("GMT+2")[0], "Yes"), button=True)[0].text  # the same zone again


def test_other_days_at_the_am_pm_question_move_its_readings_to_them(asked_when):
    ask = asked_when("every wensday at quarter to 8")[0]
    assert [b.label for b in ask.button_list()][:2] == ["Wed at 07:45", "Wed at 19:45"]
    moved = asked_when("no wait, thursdays instead")[0]
    assert moved.text.startswith("7:45 in the morning or in the evening?")
    assert "every Thu at 19:45" in asked_when(button(moved, "every Thu at 19:45"), button=True)[0].text


def test_a_leading_no_is_a_correction_not_an_exclusion():
    assert mentions_time("no wait, thursdays instead")
    assert read_schedule("no wait, thursdays instead", NOW, zone_info("UTC")).weekdays == frozenset({3})  # type: ignore[union-attr]


def test_a_short_weekday_and_a_bare_hour_offer_both_halves_of_the_day():
    asked = read_schedule("fri 6", NOW, zone_info("UTC"))
    assert isinstance(asked, Question) and [label for label, _ in asked.options] == ["Fri 27 Nov 06:00", "Fri 27 Nov 18:00"]


def test_a_long_phrase_with_two_times_says_one_plan_has_one_time():
    with pytest.raises(ScheduleError, match="one time of day"):
        read_schedule("every monday wednesday and friday at 7 in the morning but not on public holidays and also "
                      "maybe on saturdays at 10am", NOW, zone_info("UTC"))


def test_a_goal_typed_when_asked_when_is_acknowledged_and_when_asked_again(asked_when, coach):
    replies = asked_when("endurance")
    assert replies[0].text == "Goal set: endurance." and replies[-1].text.startswith("When do you want to train?")
    assert coach.plans.load_profile(7).goal == "endurance"


def test_an_alias_is_named_back_without_the_words_around_it():
    assert find_zone("no, bay area").place == "Bay Area" and find_zone("est").place == "EST"
