"""Every step reads what people type and never acts on a misreading (tester s27, findings 5, 6, 10, 12, 15, 22, 25;
14 is in test_screening_exits_and_asides.py): a request made plainly at a safety-check question or at a yes / no
confirmation is done, never taken as its answer ("forget me", "delete all my data"); "ok do it" confirms; a question
about what /forget erases is told what it erases; a schedule said at the guessed time zone asks the guess again; a
place is found with when the move was after it; "brb" at any step pauses; the consent button's words typed start the
check; and in the terminal a typed number always means the button the question shows under it. Through the core,
the Telegram adapter and the terminal adapter."""

from __future__ import annotations

import io

import pytest

from bot.adapters.terminal.chat import run_chat
from bot.core.texts import PAUSED
from bot.features.planning import texts as planning_texts
from bot.features.privacy.dialog import ABOUT, PROMPT
from bot.features.privacy.records import FORGOTTEN
from bot.features.screening.flow import ScreeningFlow
from scheduler.timezones import find_zone
from tests import test_dialogues, test_telegram_adapter
from tests.conftest import message_update
from tests.test_planning import screen
from tests.test_telegram_adapter import feed

ready = test_dialogues.ready  # a green user with zone Berlin and goal strength, in no dialogue
tg = test_telegram_adapter.tg  # the application on a recording request
DOCTOR_LINE = "Talk to your doctor or a physiotherapist first"
CHECK = ["/screen", "ok"]
GREEN = [*CHECK, *["no"] * 15]


def progress(coach):
    return coach.need(ScreeningFlow).store.load_progress(7)


def at_medication(say) -> None:
    """Consent given and questions 1-6 answered no: "Do you take prescribed medicine...?" waits."""
    for text in [*CHECK, *["no"] * 6]:
        say(text)


def saved_plan(ready) -> None:
    """A saved plan every Mon at 07:00."""
    ready("/plan every Mon at 7am")
    assert "Saved" in ready("yes")[0].text


# 5: a request made plainly at a question of the check is the request, never a health answer

@pytest.mark.parametrize("text", ["forget me", "forget me pls"])
def test_forget_me_at_a_check_question_opens_the_erase_confirmation_and_answers_nothing(say, coach, text):
    at_medication(say)
    assert say(text)[-1].text == PROMPT  # had been recorded as a yes to the medicine question
    assert progress(coach).flagged == () and progress(coach).step == 6
    kept, question = say("keep my data")
    assert "nothing was erased" in kept.text and "Question 7 of 15" in question.text


def test_my_data_at_a_check_question_shows_it_then_the_question_again(say, coach):
    at_medication(say)
    shown, question = say("show me my data")
    assert "everything I store" in shown.text and "Question 7 of 15" in question.text
    assert progress(coach).flagged == ()


def test_i_forget_at_a_check_question_is_still_a_not_sure(say, coach):
    at_medication(say)
    assert "Question 8 of 15" in say("i forget")[-1].text  # telling of the user: no request to erase anything
    assert progress(coach).flagged == ("medication",)


async def test_forget_me_at_a_check_question_over_the_adapter(tg, coach):
    app, request = tg
    for text in [*CHECK, *["no"] * 6, "forget me"]:
        await feed(app, message_update(text))
    assert request.texts()[-1].startswith("This erases everything")
    assert progress(coach).flagged == () and progress(coach).step == 6


# 6: a yes / no confirmation takes no other request for its answer; "ok do it" is a yes; what /forget erases is told

def test_another_request_at_a_plan_cancel_confirmation_is_done_and_cancels_nothing(ready, coach):
    saved_plan(ready)
    assert "Cancel the plan" in ready("cancel my plan")[0].text
    assert ready("delete all my data")[-1].text == PROMPT  # had cancelled the plan: "delet" is a word of its Yes
    assert coach.plans.count_plans(7) == 1
    kept, again = ready("no")
    assert "nothing was erased" in kept.text and "Cancel the plan" in again.text  # the question under it comes back
    assert "Plan cancelled" in ready("delete it")[0].text and coach.plans.count_plans(7) == 0  # its own words answer


def test_a_request_done_while_a_confirmation_is_open_asks_the_confirmation_again(ready, coach):
    saved_plan(ready)
    ready("cancel my plan")
    shown, again = ready("show me my data")
    assert "everything I store" in shown.text and "Cancel the plan" in again.text  # had been left open silently
    assert coach.plans.count_plans(7) == 1


def test_ok_do_it_at_forget_erases(say, coach):
    for text in GREEN:
        say(text)
    say("/forget")
    assert [r.text for r in say("ok do it")] == [FORGOTTEN.text]  # had been taken for a question
    assert progress(coach) is None and coach.store.load_first_seen(7) is None


@pytest.mark.parametrize("text", ["hmm does that delete my safety check too?", "what does it erase"])
def test_a_question_about_what_forget_erases_is_told_what_it_erases(say, coach, text):
    for typed in GREEN:
        say(typed)
    say("/forget")
    replies = say(text)
    assert [r.text for r in replies] == [ABOUT, PROMPT]  # had got a knowledge answer (and a doctor-first line)
    assert not any(DOCTOR_LINE in r.text for r in replies)
    assert coach.store.load_first_seen(7) is not None


async def test_ok_do_it_and_a_question_at_forget_over_the_adapter(tg, coach):
    app, request = tg
    for text in ["/screen", "/forget", "does that delete my safety check too?"]:
        await feed(app, message_update(text))
    assert request.texts()[-2] == ABOUT and request.texts()[-1] == PROMPT
    await feed(app, message_update("ok do it"))
    assert request.texts()[-1] == FORGOTTEN.text and coach.store.load_first_seen(7) is None


async def test_another_request_at_a_plan_cancel_confirmation_over_the_adapter(tg, coach):
    app, request = tg
    for text in [*GREEN, "/timezone Berlin", "yes", "/plan every Mon at 7am", "strength", "yes", "cancel my plan",
                 "delete all my data"]:
        await feed(app, message_update(text))
    assert request.texts()[-1].startswith("This erases everything") and coach.plans.count_plans(7) == 1


async def test_a_request_done_while_a_confirmation_is_open_over_the_adapter(tg):
    app, request = tg
    for text in ["/screen", "/forget", "show me my data"]:
        await feed(app, message_update(text))
    assert "everything I store" in request.texts()[-2] and request.texts()[-1] == PROMPT


# 10: a schedule or a detour at the guessed time zone asks the guess again, never for a place from scratch

def test_a_schedule_said_at_the_guessed_zone_asks_the_guess_again(say):
    screen(say)
    for text in ["/plan", "strength"]:
        say(text)
    assert "Lisbon (Portugal)" in say("im in lisbon")[0].text
    kept = say("every other day at 7ish")[-1]  # had asked "Type your city" again
    assert kept.text.startswith(planning_texts.GUESS_KEPT) and "Europe/Lisbon" in kept.text
    assert any(b.label.startswith("✅") for b in kept.button_list())
    assert "Europe/Lisbon" in say("how many reps for endurance?")[-1].text  # after a detour, the guess again
    assert "Time zone set: Europe/Lisbon" in say("yes")[0].text


async def test_a_schedule_said_at_the_guessed_zone_over_the_adapter(tg):
    app, request = tg
    for text in [*GREEN, "/plan", "strength", "im in lisbon", "every other day at 7ish"]:
        await feed(app, message_update(text))
    last = request.sent()[-1]
    assert "Europe/Lisbon" in last["text"] and last["reply_markup"]["inline_keyboard"][0][0]["text"].startswith("✅")


# 12: a place with when the move was after it

@pytest.mark.parametrize("text", ["actually i moved to toronto last week", "i moved to toronto 2 weeks ago",
                                  "im in toronto since yesterday"])
def test_a_place_with_when_the_move_was_after_it_is_found(text):
    assert find_zone(text).zone == "America/Toronto"


def test_a_move_told_with_when_it_was_asks_about_that_place(ready):
    saved_plan(ready)
    assert "Toronto (Canada)" in ready("actually i moved to toronto last week")[-1].text  # had "couldn't place that"


async def test_a_move_told_with_when_it_was_over_the_adapter(tg):
    app, request = tg
    for text in [*GREEN, "actually i moved to toronto last week"]:
        await feed(app, message_update(text))
    assert "Toronto (Canada)" in request.texts()[-1]


# 22: "brb" at any step pauses it; nothing is read from it

def test_brb_at_the_zone_question_pauses_and_is_no_place(say):
    screen(say)
    say("can u remind me tue/thu 6:30pm")
    assert say("brb") == [PAUSED]  # had been "I couldn't place that"
    back, question = say("ok im back")
    assert back.text == "Welcome back!" and "your time zone" in question.text
    assert "London (United Kingdom)" in say("london")[0].text


def test_hold_on_at_save_this_plan_pauses_and_saves_nothing(ready, coach):
    ready("/plan every Mon at 7am")
    assert ready("hold on") == [PAUSED] and coach.plans.count_plans(7) == 0
    assert "Saved" in ready("save")[0].text


async def test_brb_at_the_zone_question_over_the_adapter(tg):
    app, request = tg
    for text in [*GREEN, "can u remind me tue/thu 6:30pm", "brb"]:
        await feed(app, message_update(text))
    assert request.texts()[-1] == PAUSED.text


# 15: the consent button's words typed start the check

@pytest.mark.parametrize("text", ["I agree, start", "agree, lets start", "agree and start"])
def test_the_consent_buttons_words_typed_start_the_check(say, text):
    say("/screen")
    assert "Question 1 of 15" in say(text)[-1].text  # had got /help or "I'm not sure I can answer that one"


async def test_the_consent_buttons_words_typed_over_the_adapter(tg):
    app, request = tg
    for text in ["/screen", "I agree, start"]:
        await feed(app, message_update(text))
    assert "Question 1 of 15" in request.texts()[-1]


# 25: in the terminal, a number always means the button the question shows under it

def test_a_number_typed_in_the_terminal_means_the_question_button_shown_with_it(coach):
    out = io.StringIO()
    run_chat(coach, ["/screen", "ok", "asdf", "2"], out, 7)  # "asdf" gets a hint with 📚 Topics above the question
    shown = out.getvalue()
    assert "  • 📚 Topics" in shown and "[3] No\n" not in shown  # the hint's button is chosen by its label only
    assert progress(coach).step == 1 and progress(coach).flagged == ()  # "2" was No: it had recorded Yes at "under 18"
