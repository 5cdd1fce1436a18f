"""The safety check hears what people tell it: a red flag told in chat before it, a yes told late
at a later question, a yes told as a story, everyday answers, a question with "stop" or "cancel" in
it, and what /mydata says of the conversation kept and of a check voided today (a third user tester)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.features.screening import texts
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import BY_ID, Status
from knowledge.screening import load_screening_words
from knowledge.training import TrainingDataError
from tests.test_screening import Screen, flagged_so_far
from tests.test_screening_replies import at

CHEST_PAIN = "i have chest pain when i train"


@pytest.fixture
def screen(coach) -> Screen:
    return Screen(coach)


def test_an_emergency_told_in_chat_keeps_the_check_from_beginning_that_day(screen, clock):
    assert screen.send(CHEST_PAIN)[0].safety == "emergency"
    refused = screen.send("/screen")
    assert "warning sign" in refused[0].text and "can't take the safety check" in refused[0].text
    for typed in ["ok", *["no"] * 15]:  # the tester's all-"no" run
        screen.send(typed)
    assert screen.status is Status.NOT_SCREENED and not screen.coach.need(ScreeningFlow).store.load_progress(7)
    clock.now += timedelta(hours=13)
    assert screen.send("/screen")[0].text == texts.CONSENT


def test_an_emergency_told_at_another_step_over_the_consent_counts_too(screen):
    screen.send("/screen")
    screen.send("/timezone")
    assert screen.send(CHEST_PAIN)[0].safety == "emergency"
    assert "can't take the safety check" in screen.send("/screen")[0].text


def test_an_emergency_told_in_chat_voids_a_green_result_and_mydata_says_so_in_plain_words(screen):
    screen.begin()
    screen.answer_all()
    assert screen.status is Status.GREEN
    screen.send(CHEST_PAIN)
    mydata = screen.send("/mydata")[0].text
    assert "Safety check: no longer counts, because you told me about a health change today" in mydata
    assert "expired" not in mydata and "Take it again with /screen" in mydata


def test_a_yes_told_late_is_recorded_at_the_question_it_answers(screen):
    at(screen, "chronic_condition")
    replies = screen.send("actually i do get out of breath on stairs, and my ankles swell")
    assert "question 5" in replies[-2].text and "recorded it there as a yes" in replies[-2].text
    assert "Question 6 of 15" in replies[-1].text and flagged_so_far(screen) == ("effort_symptoms",)
    for _ in range(10):
        screen.send("no")
    assert screen.status is Status.AMBER  # never green after it


def test_a_denial_about_an_earlier_question_is_not_recorded(screen):
    at(screen, "chronic_condition")
    assert "haven't recorded" in screen.send("i never get out of breath")[-2].text
    assert flagged_so_far(screen) == ()


@pytest.mark.parametrize("typed", ["sometimes when i run", "only when i sprint", "occasionally"])
def test_a_yes_told_as_a_story_at_the_chest_question_stops_the_check_red(screen, typed):
    at(screen, "chest_pain")
    screen.send(typed)
    assert screen.status is Status.RED


@pytest.mark.parametrize("typed", ["should i stop if it hurts?", "do i stop at parallel"])
def test_a_question_with_stop_or_cancel_in_it_is_answered_and_the_check_goes_on(screen, typed):
    at(screen, "heart_bp")
    replies = screen.send(typed)
    assert "Question 2 of 15" in replies[-1].text and "cancelled" not in " ".join(r.text for r in replies)
    assert "Question 3 of 15" in screen.send("no")[-1].text


@pytest.mark.parametrize("typed", ["stop", "cancel", "/cancel", "stop the check", "can we stop this now?"])
def test_a_plain_way_out_still_leaves(screen, typed):
    at(screen, "heart_bp")
    assert screen.send(typed)[0].text == texts.CANCELLED
    assert screen.status is Status.NOT_SCREENED


@pytest.mark.parametrize("typed", ["can i cancel this later?", "is it ok if i stop now?"])
def test_a_question_about_stopping_asks_first_and_says_it_can_be_stopped_later(screen, typed):
    at(screen, "heart_bp")
    asked = screen.send(typed)[-1]
    assert asked.text == texts.STOP_PROMPT and "any time later" in asked.text
    assert "Question 2 of 15" in screen.send("no")[-1].text


def test_an_unclear_way_out_asks_first_and_no_keeps_the_answers(screen):
    at(screen, "dizzy_faint")
    asked = screen.send("cancel the check, i'll talk to my doctor first")[-1]
    assert asked.text == texts.STOP_PROMPT and len(asked.button_list()) == 2
    replies = screen.send("no")
    assert replies[0].text == texts.CARRY_ON and "Question 4 of 15" in replies[-1].text
    assert "Question 5 of 15" in screen.send("no")[-1].text  # the answers so far were kept


def test_an_unclear_way_out_confirmed_by_button_leaves(screen):
    at(screen, "dizzy_faint")
    screen.send("cancel the check, i'll talk to my doctor first")
    assert screen.tap("Yes, stop the check")[-1].text == texts.CANCELLED
    assert screen.status is Status.NOT_SCREENED


def test_not_that_i_know_of_is_a_no(screen):
    at(screen, "dizzy_faint")
    assert "Question 5 of 15" in screen.send("not that i know of")[-1].text
    assert flagged_so_far(screen) == ()


def test_consent_in_everyday_words_starts_the_check(screen):
    screen.send("/screen")
    assert "Question 1 of 15" in screen.send("sure go ahead")[-1].text


def test_what_the_check_is_for_asked_in_other_words_then_the_same_question(screen):
    at(screen, "medication")
    replies = screen.send("whats the point of this")
    assert replies[0].text == texts.ABOUT_CHECK and BY_ID["medication"].text in replies[-1].text


def test_mydata_lists_the_conversation_kept_and_the_red_flag_time(say, clock):
    say("how many sets for strength")
    mydata = say("/mydata")[0].text
    assert "what we last talked about" in mydata and "(strength)" in mydata and "30 minutes" in mydata
    say(CHEST_PAIN)
    assert f"warning sign today, at {clock.now:%H:%M} UTC" in say("/mydata")[0].text
    clock.now += timedelta(hours=13)
    later = say("/mydata")[0].text
    assert "warning sign" not in later and "what we last talked about" not in later


@pytest.mark.parametrize("broken", ["exits: [oops]\n", "phrases: {maybe: [perhaps]}\n", "about_check: oops\n",
                                    "negations: {no: 1}\n"])
def test_a_broken_phrases_or_exits_section_is_reported(tmp_path, broken):
    path = tmp_path / "screening.yaml"
    path.write_text("topics: {medication: [pills]}\nacknowledgements: [ok]\nleading: {yes: [yes], no: [no]}\n" + broken)
    with pytest.raises(TrainingDataError, match="screening.yaml"):
        load_screening_words(path)
