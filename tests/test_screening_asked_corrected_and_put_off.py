"""Typed replies at the safety check that record no health answer the user did not give (tester s28): a question about
why the check asks about a topic ("wait why do u need to know about my heart") gets why it asks, nothing recorded; going
back to correct an answer to "no" records No there; asking to change an answer tells nothing yet (no doctor-first
line); a denial in offhand English ("my father have diabetes, me no", "i slipped on ice in january, wasnt dizzy") is a
no; putting the check off ("can we carry on with this tomorrow") pauses it with the answers kept; "back" right after a
pause says the user is back; and "delete my safety check answers" never starts the check."""

from __future__ import annotations

import pytest

from bot.features.screening import texts
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import Status
from tests import test_screening_exits_and_asides
from tests.conftest import message_update
from tests.test_screening import flagged_so_far
from tests.test_screening_exits_and_asides import DOCTOR_LINE, progress
from tests.test_screening_replies import at, number
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the adapter fixture)

screen = test_screening_exits_and_asides.screen  # the fixture


def doctor_line(replies) -> bool:
    return any(DOCTOR_LINE in r.text for r in replies)


@pytest.mark.parametrize("typed", [
    "wait why do u need to know about my heart",  # had been recorded as a yes to the heart question, with the doctor line
    "whats my heart got to do with it",  # had got the doctor-first line and what a reverse hyperextension is
    "why do you ask about my heart",  # had got the doctor-first line before the "why I ask" text
])
def test_a_question_about_why_a_topic_is_asked_records_nothing_and_says_why(screen, typed):
    at(screen, "chest_pain")
    replies = screen.send(typed)
    assert not doctor_line(replies) and replies[0].text == texts.ABOUT_CHECK
    assert "Question 3 of 15" in replies[-1].text and flagged_so_far(screen) == ()


@pytest.mark.parametrize("typed", [
    "wait why do u need to know, i had a heart attack last year",
    "hold on why do you need to know about my high blood pressure",
])
def test_a_condition_told_beside_why_the_check_asks_is_still_recorded(screen, typed):
    at(screen, "chest_pain")
    replies = screen.send(typed)
    assert flagged_so_far(screen) == ("heart_bp",) and "Question 3 of 15" in replies[-1].text


def test_a_condition_told_beside_why_the_check_asks_still_gets_the_doctor_line(screen):
    at(screen, "chest_pain")
    assert doctor_line(screen.send("why do you ask about my heart, i had a heart attack last year"))


@pytest.mark.parametrize("typed", [
    "actually go back, the dizzy one should be no its just when i stand up quick",  # had recorded "Yes" there
    "go back, dizzy one is a no",  # had got the doctor-first line and gone back one question
    "change the dizziness answer to no",  # had got the doctor-first line and asked question 4 again
])
def test_going_back_to_correct_an_earlier_answer_to_no_records_no(screen, typed):
    at(screen, "dizzy_faint")
    screen.tap("Not sure")
    screen.tap("No")
    assert flagged_so_far(screen) == ("dizzy_faint",)
    replies = screen.send(typed)
    assert replies[0].text.startswith("Back to question 4") and '"No"' in replies[0].text
    assert "Question 5 of 15" in replies[-1].text and flagged_so_far(screen) == () and not doctor_line(replies)


def test_going_back_to_correct_an_earlier_answer_to_yes_still_records_yes(screen):
    at(screen, "chronic_condition")
    replies = screen.send("go back, the dizzy one should be a yes")
    assert '"Yes"' in replies[0].text and flagged_so_far(screen) == ("dizzy_faint",)


@pytest.mark.parametrize(("question_id", "typed", "asked"), [
    ("supervised_only", "wait i want to change the medicine one", "medication"),  # had got the doctor-first line
    ("chronic_condition", "i want to change what i said about the heart", "heart_bp"),
])
def test_asking_to_change_an_earlier_answer_tells_nothing_yet(screen, question_id, typed, asked):
    at(screen, question_id)
    replies = screen.send(typed)
    assert not doctor_line(replies) and f"Question {number(asked)} of 15" in replies[-1].text
    assert flagged_so_far(screen) == () and screen.status is Status.IN_PROGRESS


def test_going_back_to_a_red_flag_question_still_hears_what_it_tells(screen):
    at(screen, "dizzy_faint")
    screen.send("i want to change the chest one i do get chest pain")
    assert screen.status is Status.RED


@pytest.mark.parametrize(("question_id", "typed"), [
    ("chronic_condition", "my father have diabetes, me no"),  # had been recorded as a yes with the doctor-first line
    ("dizzy_faint", "one time i fall on the ice last winter but no dizzy"),  # had been recorded as a yes
    ("dizzy_faint", "i slipped on ice in january, wasnt dizzy"),
    ("back_pain_now", "my knee hurts sometimes but no back pain"),
])
def test_a_denial_in_offhand_english_is_a_no(screen, question_id, typed):
    at(screen, question_id)
    replies = screen.send(typed)
    assert f"Question {number(question_id) + 1} of 15" in replies[-1].text and flagged_so_far(screen) == ()


@pytest.mark.parametrize(("question_id", "typed"), [
    ("dizzy_faint", "i cant stand up fast without getting dizzy"),
    ("dizzy_faint", "no dizziness but i did black out once"),
    ("dizzy_faint", "not dizzy, but i lost my balance and fell in may"),
])
def test_a_topic_told_beside_a_denial_is_still_a_yes(screen, question_id, typed):
    at(screen, question_id)
    screen.send(typed)
    assert screen.status is Status.RED or question_id in flagged_so_far(screen)


@pytest.mark.parametrize(("typed", "said"), [
    ("can we carry on with this tomorrow", texts.LEFT),  # had deleted every answer
    ("i'll do it later", texts.LEFT),
    ("pause this please", texts.PAUSED),  # had deleted every answer
])
def test_putting_the_check_off_pauses_it_with_the_answers_kept(screen, typed, said):
    at(screen, "heart_bp")
    screen.tap("Yes")
    replies = screen.send(typed)
    assert replies[-1].text == said and screen.status is Status.IN_PROGRESS
    assert progress(screen).step == number("chest_pain") - 1 and flagged_so_far(screen) == ("heart_bp",)
    assert "Question 3 of 15" in screen.send("/screen")[-1].text


def test_stop_said_with_putting_off_still_leaves(screen):
    at(screen, "chest_pain")
    screen.send("stop, i'll do it later")
    assert progress(screen) is None


@pytest.mark.parametrize("typed", ["ok back", "back", "sorry back"])
def test_back_right_after_a_pause_says_the_user_is_back(screen, typed):
    at(screen, "dizzy_faint")
    screen.send("brb")
    replies = screen.send(typed)  # had gone back to question 3
    assert replies[0].text == texts.RESUMED_AFTER_PAUSE and "Question 4 of 15" in replies[-1].text


def test_back_not_after_a_pause_still_goes_back_a_question(screen):
    at(screen, "dizzy_faint")
    screen.send("brb")
    screen.send("no")
    assert "Question 4 of 15" in screen.send("back")[-1].text  # from question 5, the pause long over


@pytest.mark.parametrize("typed", ["delete my safety check answers", "can you erase my screening answers"])
def test_a_request_to_erase_the_check_never_starts_it(screen, typed):
    replies = screen.send(typed)  # had started the check: "Safety check before you start ... Ready?"
    assert replies[-1].text == texts.ERASE_WITH_FORGET and "/forget" in replies[-1].text
    assert progress(screen) is None


def test_a_request_to_redo_the_check_and_erase_the_old_answers_starts_it(screen):
    assert screen.send("redo the safety check and delete my old answers")[-1].text == texts.CONSENT


@pytest.mark.parametrize(("steps", "shown", "not_shown"), [
    (["whats my heart got to do with it"], "Question 3 of 15", DOCTOR_LINE),
    (["no", "not sure", "no", "change the dizziness answer to no"], "Back to question 4", DOCTOR_LINE),
    (["no", "no", "no", "no", "no", "no", "wait i want to change the medicine one"], "Question 7 of 15", DOCTOR_LINE),
    (["no", "no", "no", "my father have diabetes, me no"], "Question 7 of 15", DOCTOR_LINE),
    (["can we carry on with this tomorrow"], "kept your place", "deleted"),
    (["brb", "ok back"], "Question 3 of 15", "Question 2 of 15"),
])
async def test_the_checks_readings_over_telegram(tg, steps, shown, not_shown):  # noqa: F811
    app, request = tg
    *before, last = ("/screen", "ok", "no", "no", *steps)
    for text in before:
        await feed(app, message_update(text))
    seen = len(request.texts())
    await feed(app, message_update(last))
    after = request.texts()[seen:]
    assert any(shown in t for t in after) and not any(not_shown in t for t in after)


async def test_a_request_to_erase_the_check_over_telegram(tg):  # noqa: F811
    app, request = tg
    await feed(app, message_update("delete my safety check answers"))
    assert "/forget" in request.texts()[-1] and "Safety check before you start" not in request.texts()[-1]


@pytest.mark.parametrize("asked", ["is it ok to keep going?", "is that fine?"])
def test_a_question_whose_only_yes_is_its_ok_answers_nothing(say, coach, asked):
    for text in ["/screen", "ok", "no", "no"]:  # doccheck s28: at the chest question it was a yes: a red stop
        say(text)
    say(asked)
    progress = coach.need(ScreeningFlow).store.load_progress(7)
    assert progress is not None and progress.step == 2 and progress.flagged == ()


async def test_a_question_whose_only_yes_is_its_ok_over_telegram(tg, coach):  # noqa: F811
    app, request = tg
    for text in ["/screen", "ok", "no", "no", "is it ok to keep going?"]:
        await feed(app, message_update(text))
    assert request.texts()[-1].startswith("Question 3 of 15") and coach.need(ScreeningFlow).store.load_progress(7).flagged == ()


def test_asking_whether_a_thing_counts_gets_the_checks_hint_not_a_knowledge_answer(say, coach):
    for text in ["/screen", "ok", "no", "no"]:  # doccheck s28: "does a cold count?" got the reps-per-set answer
        say(text)
    replies = say("does a cold count?")
    assert replies[0].entry is None and replies[0].text == texts.ABOUT_CHECK and "Not sure" in replies[-1].text
    assert coach.need(ScreeningFlow).store.load_progress(7).step == 2


async def test_asking_whether_a_thing_counts_over_telegram(tg, coach):  # noqa: F811
    app, request = tg
    for text in ["/screen", "ok", "no", "no", "does a cold count?"]:
        await feed(app, message_update(text))
    assert request.texts()[-2] == texts.ABOUT_CHECK
