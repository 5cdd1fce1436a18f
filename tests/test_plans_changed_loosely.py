"""Plan changes people typed in vain (issue 12, items 2-4 and 6): a plan named by its goal or day beside a
new schedule ("i want strength every weekday", "make saturday training 11am"), a change that names no plan
("can we do 8 instead": which plan is asked, with buttons or a typed answer), days for days ("tue wed fri
instead of mon wed fri"), a goal named as a change at "Save this plan?" ("endurance not strength"), the
Save button typed ("save pls"). A confirmation always stands before a stored plan changes. The clock is Sat
21 Nov 2026 10:30 in Berlin; plan 1 is strength Mon/Wed/Fri 19:00, plan 2 endurance Sat 09:00."""

from __future__ import annotations

from datetime import time

import pytest

from knowledge.intents import Intent
from knowledge.relative_changes import DayChange, day_change
from tests import test_planning, test_plans_changed_relatively, test_telegram_adapter
from tests.conftest import callback_update, message_update
from tests.test_planning import button
from tests.test_plans_changed_relatively import MWF, SAT, plans
from tests.test_telegram_adapter import feed

planned, tg, two = test_planning.planned, test_telegram_adapter.tg, test_plans_changed_relatively.two  # shared fixtures
WEEKDAYS = frozenset(range(5))


@pytest.mark.parametrize("typed, after", [
    ("i want strength every weekday", ("strength", WEEKDAYS, "19:00")),  # the goal names the plan
    ("endurance at 8am please, a bit earlier", ("endurance", SAT, "08:00")),
    ("make saturday training 11am", ("endurance", SAT, "11:00")),  # the day names the plan
    ("from now on do strength on tue wed fri instead of mon wed fri", ("strength", frozenset({1, 2, 4}), "19:00")),
    ("make strength half 6 in the evening from now on", ("strength", MWF, "18:30")),  # no "to": the whole message is the change
    ("shift the endurance one hour earlier", ("endurance", SAT, "08:00")),  # the session moves, not its reminder
    ("switch endurance to sunday", ("endurance", frozenset({6}), "09:00")),  # a day alone replaces a weekly plan's days
    ("change mon wed fri to tue thu", ("strength", frozenset({1, 3}), "19:00")),
    ("saturday session to sunday please", ("endurance", frozenset({6}), "09:00")),
    ("could you put my saturday workout on sunday", ("endurance", frozenset({6}), "09:00")),
    ("i cant do fridays anymore, make it thursday", ("strength", frozenset({0, 2, 3}), "19:00")),  # the plan's days, no skip
    ("can i do strength on mondays and thursdays only", ("strength", frozenset({0, 3}), "19:00")),  # leave asked, no "?"
])
def test_a_plan_named_by_its_goal_or_day_beside_a_new_schedule_is_edited_after_a_yes(two, coach, typed, after):
    before = plans(coach)
    assert "Save this plan?" in two(typed)[-1].text and plans(coach) == before
    two("yes")
    assert sorted(plans(coach)) == sorted([after, *(p for p in before if p[0] != after[0])])
    assert coach.plans.load_profile(7).lead_minutes == 30


def test_a_change_that_names_no_plan_asks_which_and_a_typed_answer_gets_it(two, coach):
    which = two("can we do 8 instead")[-1]
    assert which.text.startswith("Which plan do you want to edit?") and len(which.button_list()) == 2
    confirm = two("the strength one")[-1]
    assert "every Mon, Wed, Fri at 20:00" in confirm.text and "Save this plan?" in confirm.text
    two("yes")
    assert sorted(plans(coach)) == [("endurance", SAT, "09:00"), ("strength", MWF, "20:00")]


def test_a_change_that_names_no_plan_takes_the_plan_tapped(two, coach):
    which = two("can this be changed to 8pm")[-1]
    confirm = two(button(which, "every Sat"), button=True)[-1]
    assert "every Sat at 20:00" in confirm.text and plans(coach)[1] == ("endurance", SAT, "09:00")
    two(button(confirm, "Save"), button=True)
    assert sorted(plans(coach)) == [("endurance", SAT, "20:00"), ("strength", MWF, "19:00")]


def test_a_change_that_names_no_plan_edits_the_only_plan_without_asking(planned, coach):
    planned("every mon wed fri 7pm")
    planned("yes")
    assert "every Mon, Wed, Fri at 20:00" in planned("can we do 8 instead")[-1].text and plans(coach) == [("strength", MWF, "19:00")]


@pytest.mark.parametrize("typed", ["i hurt my back lifting on monday its pretty bad still", "the gym changed its opening hours to 6am",
                                   "is 8am better for strength?", "can i do strength on mondays?",
                                   "create a running plan for me, tuesdays at 6am", "can you add a second plan for mobility on thursdays"])
def test_talk_around_plans_or_a_new_plan_changes_no_plan(two, coach, typed):
    before = plans(coach)
    replies = two(typed)
    assert not any(r.text.startswith("Which plan") for r in replies) and plans(coach) == before
    assert not _editing(coach)  # a new plan may be offered, never an edit of one there


def _editing(coach) -> bool:
    """Whether a stored plan is being edited."""
    state = coach.kit.dialogues.current(7)
    return state is not None and state.data.get("editing") is not None


def test_a_plan_of_a_goal_nobody_has_is_no_edit(two, coach):
    assert coach.kit.words.plan_request("i want hypertrophy every weekday").goal == "hypertrophy"
    replies = two("i want hypertrophy every weekday")
    assert not any("Editing" in r.text for r in replies) and not _editing(coach)


def test_every_day_taken_from_a_plan_is_a_cancel_asked_first(two, coach):
    asked = two("delete my saturday endurance thing i dont need it anymore")[-1]
    assert asked.text.startswith("Cancel the plan every Sat at 09:00?") and len(plans(coach)) == 2
    two("yes")
    assert plans(coach) == [("strength", MWF, "19:00")]


def test_a_plan_named_by_a_misspelt_goal_is_the_one_cancelled(two, coach):
    asked = two("plz cancel strenght plan")[-1]
    assert asked.text.startswith("Cancel the plan every Mon, Wed, Fri at 19:00?")


@pytest.mark.parametrize("typed, change", [
    ("tue wed fri instead of mon wed fri", DayChange(frozenset({1, 2, 4}), frozenset({0}))),
    ("tuesday instead of mon wed", DayChange(frozenset({1}), frozenset({0, 2}))),
    ("almost, but friday should be saturday", DayChange(frozenset({5}), frozenset({4}))),
    ("wednesday no, put tuesday", DayChange(frozenset({1}), frozenset({2}))),
    ("change mon wed fri to tue thu", DayChange(frozenset({1, 3}), frozenset({0, 2, 4}))),
    ("saturday session to sunday please", DayChange(frozenset({6}), frozenset({5}))),
    ("i work late wednesdays, make it tuesday instead", DayChange(frozenset({1}), frozenset({2}))),
])
def test_days_said_for_other_days_are_read_as_days_in_and_out(typed, change):
    assert day_change(typed) == change


@pytest.mark.parametrize("typed, goal, days, at", [
    ("actually i want endurance not strength", "endurance", MWF, "19:00"),
    ("hypertrophy instead of strength", "hypertrophy", MWF, "19:00"),
    ("can it be an endurance plan instead", "endurance", MWF, "19:00"),  # a change asked as a question
    ("swap wed for thu", "strength", frozenset({0, 3, 4}), "19:00"),  # days swapped name no goal
    ("7am not 7pm", "strength", MWF, "07:00"),
    ("can we do 8 instead", "strength", MWF, "20:00"),
    ("wednesday no, put tuesday", "strength", frozenset({0, 1, 4}), "19:00"),
    ("wait i work late wednesdays, make it tuesday instead", "strength", frozenset({0, 1, 4}), "19:00"),
])
def test_at_save_this_plan_a_change_said_as_a_replacement_edits_the_plan_being_made(planned, coach, typed, goal, days, at):
    planned("every mon wed fri 7pm")
    assert "Save this plan?" in planned(typed)[-1].text and coach.plans.count_plans(7) == 0
    planned("yes")
    assert plans(coach) == [(goal, days, at)]


@pytest.mark.parametrize("typed", ["save pls", "ship it lol", "ok save it", "do it", "save"])
def test_at_save_this_plan_the_save_button_typed_saves(planned, coach, typed):
    planned("every mon wed fri 7pm")
    assert planned(typed)[-1].text.startswith("✅ Saved") and coach.plans.count_plans(7) == 1


def test_the_save_button_typed_saves_even_when_the_intents_read_an_interrupting_request(planned, coach, monkeypatch):
    words = coach.answers.understanding
    read = words.intent
    monkeypatch.setattr(words, "intent", lambda text: Intent.MY_DATA if text == "save pls" else read(text))
    planned("every mon wed fri 7pm")  # "save pls" was once read as "what data do you keep", which interrupts
    assert planned("save pls")[-1].text.startswith("✅ Saved") and coach.plans.count_plans(7) == 1


def test_at_save_this_plan_a_question_read_as_a_yes_saves_nothing(planned, coach):
    planned("every mon wed fri 7pm")
    replies = planned("do i need any equipment")
    assert "Save this plan?" in replies[-1].text and coach.plans.count_plans(7) == 0


async def test_a_change_naming_no_plan_over_telegram_asks_which_then_the_tap_edits_after_save(tg, two, coach):
    app, request = tg
    await feed(app, message_update("can we do 8 instead"))
    which = request.sent()[-1]
    keyboard = [row[0] for row in which["reply_markup"]["inline_keyboard"]]
    assert which["text"].startswith("Which plan do you want to edit?") and len(keyboard) == 2
    await feed(app, callback_update(keyboard[0]["callback_data"]))
    assert "every Mon, Wed, Fri at 20:00" in request.texts()[-1] and plans(coach)[0] == ("strength", MWF, "19:00")
    await feed(app, message_update("save pls"))
    assert request.texts()[-1].startswith("✅ Saved") and ("strength", MWF, "20:00") in plans(coach)


def test_a_cancel_after_its_reason_and_so_is_confirmed_for_the_plan_it_names(two, coach):
    asked = two("my weekends are busy from now on so cancel the endurance plan completely")[-1]
    assert asked.text.startswith("Cancel the plan every Sat at 09:00?") and len(plans(coach)) == 2


def test_a_skip_beside_a_one_word_reason_is_asked_first(two, coach):
    asked = two("skip mon 23rd pls, dentist")[-1]
    assert asked.text.startswith("Skip Mon 23 Nov 19:00") and coach.plans.cancelled_at(1) == set()


def test_a_question_after_a_reason_is_no_skip(coach):
    assert coach.kit.words.plan_request("my hamstring is tight since football on sunday should i skip today") is None


@pytest.mark.parametrize("typed, asked", [
    ("i want to quit the mon wed fri workouts completely", "Cancel the plan every Mon, Wed, Fri at 19:00?"),
    ("stop the strength one for good, im switching to yoga", "Cancel the plan every Mon, Wed, Fri at 19:00?"),
    ("stop doing the endurance workouts completely", "Cancel the plan every Sat at 09:00?"),
    ("stop all my plans pls moving abroad next week", "Cancel all 2 plans"),
])
def test_a_plan_ended_in_other_words_is_cancelled_only_after_a_yes(two, coach, typed, asked):
    assert two(typed)[-1].text.startswith(asked) and len(plans(coach)) == 2
    two("yes")
    assert len(plans(coach)) == (0 if "all" in asked else 1)


def test_a_day_ended_in_other_words_is_taken_from_its_plan_not_the_plan_cancelled(two, coach):
    asked = two("stop the friday workouts for good")[-1]
    assert "every Mon, Wed at 19:00" in asked.text and "Save this plan?" in asked.text and len(plans(coach)) == 2
    two("yes")
    assert sorted(plans(coach)) == [("endurance", SAT, "09:00"), ("strength", frozenset({0, 2}), "19:00")]


@pytest.mark.parametrize("typed", ["stop my session", "my gym cancelled the yoga class today", "cancel my netflix lol jk",
                                   "stop the plan for today?", "quit the strength plan?"])
def test_an_ending_word_beside_no_plan_or_one_session_or_a_question_cancels_no_plan(coach, typed):
    found = coach.kit.words.plan_request(typed)
    assert found is None or found.action.value != "cancel" or not found.loose


@pytest.mark.parametrize("typed", ["make wednesday's strength 6pm", "endurance at 11 this saturday please",
                                   "do strength at 8pm tomorrow instead", "next monday strength at 7am instead"])
def test_one_session_named_beside_a_new_time_never_edits_the_plan(two, coach, typed):
    two(typed)
    two("yes")  # a session moved adds a one-off; the weekly plans stay as they were
    weekly = {(p.goal, p.schedule.weekdays, p.schedule.local_time) for p in coach.plans.load_plans(7) if p.schedule.weekdays}
    assert weekly == {("strength", MWF, time(19)), ("endurance", SAT, time(9))}
