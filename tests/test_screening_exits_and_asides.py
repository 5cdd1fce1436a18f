"""Typed replies at the safety check that leave, pause, go back with an answer, tell of someone else or answer and ask
at once: a short goodbye ("gtg", "k bye") pauses the check with the answers kept (it had deleted them unasked), "brb" pauses with the
answers kept, "wait the heart one, i do have high bp" goes back there and takes the answer (no doctor-first line),
"my dad has heart stuff, not me" is a no with no doctor-first line, and "no. why do you need that?" takes the no and
says what the check is for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.features.screening import texts
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import Status
from tests.test_screening import Screen, flagged_so_far
from tests.test_screening_replies import at, number

DOCTOR_LINE = "Talk to your doctor or a physiotherapist first"


@pytest.fixture
def screen(coach) -> Screen:
    return Screen(coach)


def progress(screen: Screen):
    return screen.coach.need(ScreeningFlow).store.load_progress(screen.user)


@pytest.mark.parametrize(("question_id", "typed"), [
    ("dizzy_faint", "gtg"),  # had got "I'm not sure I can answer that one" and the question again
    ("supervised_only", "gtg gym is closing"),
    ("chronic_condition", "gotta go, baby woke up"),  # a later question's topic named, nothing told
    ("surgery", "cya"),
    ("red_flags", "k bye"),
])
def test_a_short_goodbye_pauses_the_check_with_the_answers_kept(screen, question_id, typed):
    at(screen, question_id)
    before = progress(screen)
    replies = screen.send(typed)
    assert replace(progress(screen), paused=False) == before and screen.status is Status.IN_PROGRESS  # had deleted them
    assert replies[-1].text == texts.LEFT and "/screen" in replies[-1].text and "cancel" in replies[-1].text
    after = screen.send("no")[-1].text  # carried on where it was
    assert f"Question {number(question_id) + 1} of 15" in after if number(question_id) < 15 else "Question" not in after


@pytest.mark.parametrize("typed", ["brb", "hold on someones asking for the machine brb", "one sec"])
def test_brb_pauses_the_check_with_the_answers_kept_and_says_how_to_carry_on(screen, typed):
    at(screen, "heart_bp")
    screen.tap("Yes")
    replies = screen.send(typed)
    assert replies[-1].text == texts.PAUSED and "/screen" in replies[-1].text
    assert progress(screen).step == number("chest_pain") - 1 and flagged_so_far(screen) == ("heart_bp",)
    assert "Question 4 of 15" in screen.send("no")[-1].text  # carried on where it was


@pytest.mark.parametrize(("question_id", "typed"), [
    ("dizzy_faint", "wait the heart one, i do have high bp"),  # had got the doctor-first line, recorded at question 4
    ("chest_pain", "go back pls, the blood pressure one should be a yes"),  # had asked the heart question again
])
def test_going_back_to_an_earlier_question_with_its_answer_takes_it_there_without_the_doctor_line(
        screen, question_id, typed):
    at(screen, question_id)
    replies = screen.send(typed)
    assert not any(DOCTOR_LINE in r.text for r in replies)
    assert replies[0].text.startswith("Back to question 2") and "Question 3 of 15" in replies[-1].text
    assert flagged_so_far(screen) == ("heart_bp",)


def test_going_back_with_an_answer_still_hears_an_emergency_told_beside_it(screen):
    at(screen, "dizzy_faint")
    screen.send("wait the heart one, i do have high bp and chest pain right now")
    assert screen.status is Status.RED


def test_going_back_naming_an_earlier_topic_with_no_answer_asks_it_again(screen):
    at(screen, "chest_pain")
    replies = screen.send("wait the one before, the bp thing, i wanna change it")
    assert "Question 2 of 15" in replies[-1].text and not replies[0].text.startswith("Back to question")


@pytest.mark.parametrize(("question_id", "typed"), [
    ("heart_bp", "my dad has heart stuff, not me"),  # had got the doctor-first line
    ("chronic_condition", "diabetes runs in my family but i dont have it"),  # had read as a yes
    ("injury_in_care", "not me, my training partner is the one in rehab lol"),  # had been asked again
])
def test_someone_elses_health_denied_of_the_user_is_a_no_without_the_doctor_line(screen, question_id, typed):
    at(screen, question_id)
    replies = screen.send(typed)
    assert f"Question {number(question_id) + 1} of 15" in replies[-1].text and flagged_so_far(screen) == ()
    assert not any(DOCTOR_LINE in r.text for r in replies)


@pytest.mark.parametrize(("question_id", "typed", "flagged"), [
    ("heart_bp", "no. why do you need that?", ()),  # had taken the no and left the question unanswered
    ("age_minor", "yes. why does age matter for a back exercise??", ("age_minor",)),
])
def test_an_answer_with_a_question_takes_the_answer_and_answers_the_question(screen, question_id, typed, flagged):
    at(screen, question_id)
    replies = screen.send(typed)
    assert [r.text for r in replies[:-1]] == [texts.ABOUT_CHECK]
    assert f"Question {number(question_id) + 1} of 15" in replies[-1].text and flagged_so_far(screen) == flagged


def test_an_answer_then_a_question_about_what_was_told_is_not_answered_apart(screen):
    at(screen, "chronic_condition")
    replies = screen.send("osteopenia, does that count? basically yes")
    assert texts.ABOUT_CHECK not in [r.text for r in replies]


def test_a_question_the_articles_answer_about_back_pain_does_not_go_back(screen):
    at(screen, "back_pain_now")
    screen.send("can reverse hypers fix back pain?")
    assert progress(screen).step == number("back_pain_now") - 1


@pytest.mark.parametrize(("question_id", "typed"), [
    ("pregnancy", "gave birth 8 weeks ago, midwife said im fine to move"),  # had read as a no
    ("spine_diagnosis", "cracked a vertebra snowboarding in 2012, healed fine"),  # had been asked again
])
def test_a_topic_told_beside_a_fine_about_something_else_is_a_yes(screen, question_id, typed):
    at(screen, question_id)
    screen.send(typed)
    assert question_id in flagged_so_far(screen)


def test_a_topic_told_as_fine_in_its_own_clause_is_still_asked_again(screen):
    at(screen, "leg_symptoms")
    assert "Question 10 of 15" in screen.send("legs r fine")[-1].text


@pytest.mark.parametrize(("question_id", "typed"), [
    ("effort_symptoms", "not really sure, sometimes my watch says high heart rate"),  # had been taken as the heart one's
    ("heart_bp", "maybe? had an ecg years ago but nobody told me the result"),  # had been asked again
])
def test_a_reply_opening_with_a_doubt_is_a_not_sure_whatever_topic_it_names(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == (question_id,)


@pytest.mark.parametrize(("question_id", "typed"), [
    ("back_pain_now", "no back pain, just want a bigger butt 🍑"),  # had gone back a question
    ("chronic_condition", "n0"),  # had been asked again
    ("spine_diagnosis", "nnoo"),
])
def test_a_no_before_back_pain_or_typed_with_a_slip_is_a_no(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == ()


@pytest.mark.parametrize(("question_id", "typed"), [
    ("leg_symptoms", "sometimes my calf feels weird but not sure its from my back"),  # had been taken as question 5's
    ("surgery", "they did an injection thing in my spine, not sure if thats surgery"),  # had been asked again
    ("pregnancy", "might be? im late this month"),
])
def test_a_doubt_beside_a_topic_told_is_a_not_sure(screen, question_id, typed):
    at(screen, question_id)
    screen.send(typed)
    assert flagged_so_far(screen) == (question_id,)


def test_go_back_read_as_nothing_else_goes_back(screen):
    at(screen, "medication")
    replies = screen.send("wait go back i forgot i have high cholesterol, thats a condition right")
    assert "Question 6 of 15" in replies[-1].text  # had been asked question 7 again


def test_is_this_the_last_question_is_no_way_back(screen):
    at(screen, "red_flags")
    assert "Question 15 of 15" in screen.send("is this the last question?")[-1].text


@pytest.mark.parametrize("typed", ["is this gonna take long", "will it take much time", "how long till we're done"])
def test_asking_how_long_the_check_takes_gets_its_length_and_the_question_again(screen, typed):
    at(screen, "heart_bp")
    replies = screen.send(typed)
    assert [r.text for r in replies[:-1]] == [texts.ABOUT_CHECK]
    assert f"Question {number('heart_bp')} of 15" in replies[-1].text and flagged_so_far(screen) == ()
