"""Detours in the middle of a dialogue, through the core and the Telegram adapter: a command or a
screen opened on top (/settings, /forget, a plan-cancel confirmation) never answers the step below
it, and the pending step is asked again once the detour is over (the user test's sections 3, 4, 10)."""

from __future__ import annotations

import pytest

from bot.core.confirmation import Choices
from bot.features.planning.texts import ZONE_SCREEN
from bot.features.screening.flow import ScreeningFlow
from tests import test_dialogues, test_telegram_adapter
from tests.conftest import callback_update, message_update
from tests.test_planning import button
from tests.test_telegram_adapter import feed

ready = test_dialogues.ready  # a green user with zone and goal, in no dialogue
tg = test_telegram_adapter.tg  # the application on a recording request


def mid_check(say, answered: int = 4) -> None:
    """Consent given and `answered` questions answered "no"."""
    say("/screen")
    say("ok")
    for _ in range(answered):
        say("no")


def flagged(coach) -> tuple[str, ...]:
    progress = coach.need(ScreeningFlow).store.load_progress(7)
    assert progress is not None
    return progress.flagged


@pytest.mark.parametrize("command", ["/topics", "/help", "/start", "/mydata", "/sessions", "/nosuchthing"])
def test_a_command_mid_check_is_answered_then_the_question_comes_back(say, command):
    mid_check(say, 1)
    replies = say(command)
    assert len(replies) >= 2 and "Question 2 of 15" in replies[-1].text
    assert "Question 3 of 15" in say("no")[-1].text


@pytest.mark.parametrize("command", ["/topics", "/help", "/mydata", "/sessions"])
def test_a_command_while_planning_is_answered_then_the_plan_step_comes_back(ready, command):
    ready("/plan every Mon at 7am")
    assert "Save this plan?" in ready(command)[-1].text


def test_screen_mid_check_resumes_where_the_user_was(say, coach):
    mid_check(say, 4)
    say("yes")  # question 5 flagged
    note, question = say("/screen")
    assert "answers so far are kept" in note.text and "Question 6 of 15" in question.text
    assert flagged(coach) == ("effort_symptoms",)


def test_forget_then_keep_mid_check_asks_the_question_again(say, coach):
    mid_check(say, 3)
    prompt = say("/forget")[-1]
    kept, question = say(button(prompt, "Keep my data"), button=True)
    assert "nothing was erased" in kept.text and "Question 4 of 15" in question.text
    assert "Question 5 of 15" in say("no")[-1].text  # the next "no" answers the check, not a question


def test_forget_then_a_typed_no_mid_check_asks_the_question_again(say):
    mid_check(say, 3)
    say("/forget")
    kept, question = say("no")
    assert "nothing was erased" in kept.text and "Question 4 of 15" in question.text


def test_thats_all_at_settings_opened_over_a_plan_confirmation_saves_nothing(ready, coach):
    assert "Save this plan?" in ready("/plan every Mon at 7am")[0].text
    shown = ready("/settings")
    assert "Reminders come" in shown[-1].text
    closed, again = ready("that's all")
    assert "settings kept" in closed.text and "Save this plan?" in again.text
    assert coach.plans.count_plans(7) == 0
    assert "Saved" in ready("yes")[0].text and coach.plans.count_plans(7) == 1


def test_typed_changes_while_settings_are_open_change_the_settings_not_the_plan(ready, coach):
    ready("/plan every Mon at 7am")
    ready("/settings")
    assert "your goal is endurance" in ready("endurance")[0].text
    assert "reminders come" in ready("remind me 2 hours before")[0].text
    profile = coach.plans.load_profile(7)
    assert (profile.goal, profile.lead_minutes) == ("endurance", 120)
    assert coach.plans.count_plans(7) == 0
    again = ready("that's all")[-1]
    assert "Save this plan?" in again.text and "every Mon at 07:00" in again.text


def test_moving_on_in_the_plan_closes_the_settings_left_open(ready, coach):
    ready("/plan")
    ready("/settings")
    assert "Save this plan?" in ready("every Tue at 6pm")[-1].text  # not a settings change: the plan takes it
    assert "Saved" in ready("yes")[0].text and coach.plans.count_plans(7) == 1


def test_the_zone_question_after_a_detour_does_not_speak_of_a_plan(say):
    say("/timezone")
    again = say("how many reps for endurance?")[-1]
    assert again.text == ZONE_SCREEN and "plan" not in again.text.lower()


async def test_keep_my_data_tapped_mid_check_asks_the_question_again_over_the_adapter(tg):
    app, request = tg
    for text in ["/screen", "ok", "no", "no"]:
        await feed(app, message_update(text))
    await feed(app, message_update("/forget"))
    prompt = request.sent()[-1]
    keep = prompt["reply_markup"]["inline_keyboard"][0][1]["callback_data"]
    await feed(app, callback_update(keep, message_id=88))
    assert "nothing was erased" in request.sent("editMessageText")[-1]["text"]
    assert "Question 3 of 15" in request.sent()[-1]["text"]


async def test_a_plan_cancel_confirmation_typed_yes_over_the_adapter(tg):
    app, request = tg
    for text in ["/screen", "ok"] + ["no"] * 15 + ["/timezone Berlin", "yes", "/settings"]:
        await feed(app, message_update(text))
    await feed(app, callback_update(request.sent()[-1]["reply_markup"]["inline_keyboard"][1][0]["callback_data"]))
    for text in ["that's all", "/plan every Mon at 7am", "yes", "/plan"]:
        await feed(app, message_update(text))
    await feed(app, callback_update(request.sent()[-1]["reply_markup"]["inline_keyboard"][-1][0]["callback_data"]))
    await feed(app, message_update("/sessions"))
    sessions = next(p for p in reversed(request.sent()) if "Your sessions" in p["text"])
    assert "Back to your plan" in request.sent()[-1]["text"]  # the planning dialogue /plan left open
    cancel = next(b["callback_data"] for row in sessions["reply_markup"]["inline_keyboard"] for b in row
                  if "Cancel plan" in b["text"])
    await feed(app, callback_update(cancel))
    assert "Cancel the plan" in request.sent()[-1]["text"]
    await feed(app, message_update("yes"))
    assert any("Plan cancelled" in text for text in request.texts()[-2:])
    assert app.bot_data["coach"].plans.count_plans(7) == 0


@pytest.mark.parametrize("text", ["keep it", "keep", "Keep my data please"])
def test_forget_then_a_typed_keep_erases_nothing(say, text):
    mid_check(say, 3)
    say("/forget")
    kept, question = say(text)
    assert "nothing was erased" in kept.text and "Question 4 of 15" in question.text


@pytest.mark.parametrize(("text", "answer"), [("keep it", "no"), ("erase it", "yes"), ("don't erase", "no"),
                                              ("not erase", "no"), ("Noah", None)])
def test_a_confirmation_reads_a_word_only_one_of_its_buttons_has(text, answer):
    assert Choices.of(("🗑 Yes, erase everything", "Keep my data")).read(text) == answer

