"""Typed replies at the safety check's questions that are easy to misread: a question worded as one is
no answer, a red flag told with back pain flags the red-flag question, the body's back is no "back", a
complaint about the questions is no way out, a way out said with putting it off leaves, a doubt
anywhere is a not sure, a topic told as fine is no yes, correcting the previous answer goes back, and
someone else's health is no answer."""

from __future__ import annotations

import pytest

from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import BY_ID, Status
from bot.features.screening.reading import Readers, read_reply
from knowledge.screening import TypedReply, load_screening_words
from tests.test_screening import Screen, flagged_so_far
from tests.test_screening_replies import at, number


@pytest.fixture
def screen(coach) -> Screen:
    return Screen(coach)


@pytest.mark.parametrize(("question_id", "typed"), [
    ("surgery", "why only the last 6 months"),
    ("surgery", "why the past 6 months?"),
    ("age_minor", "does it matter that im exactly 18"),
])
def test_a_reply_that_opens_by_asking_is_asked_again_and_never_recorded(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id)} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == () and screen.status is Status.IN_PROGRESS


@pytest.mark.parametrize(("question_id", "typed"), [
    ("effort_symptoms", "calf aches when i walk to the shops"),  # "when" is no question here
    ("back_pain_now", "my lower back is aching since two weeks"),
    ("heart_bp", "my bp is a bit high says my gp"),
])
def test_a_statement_with_a_question_word_inside_that_names_the_topic_is_a_yes(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen)[-1] == question_id


@pytest.mark.parametrize("typed", ["my back has ached since i had a temperature", "back aches and im peeing a lot"])
def test_a_red_flag_told_with_back_pain_at_the_red_flag_question_flags_that_question(screen, coach, typed):
    at(screen, "red_flags")
    screen.send(typed)
    assert screen.status is Status.RED
    assert "red_flags" in coach.need(ScreeningFlow).store.load_result(screen.user).flagged


def test_a_no_that_says_the_pain_stays_in_the_lower_back_answers_and_never_steps_back(screen):
    at(screen, "leg_symptoms")
    assert f"Question {number('leg_symptoms') + 1} of 15" in screen.send("no, it stays in my lower back")[-1].text
    assert flagged_so_far(screen) == ()


def test_a_complaint_about_how_many_questions_there_are_does_not_leave_the_check(screen):
    at(screen, "medication")
    replies = screen.send("so many questions omg")
    assert screen.status is Status.IN_PROGRESS and f"Question {number('medication')} of 15" in replies[-1].text


@pytest.mark.parametrize("typed", ["stop, i'll finish it tomorrow", "im going to stop here"])
def test_a_way_out_said_with_putting_it_off_leaves_without_asking_first(screen, typed):
    at(screen, "heart_bp")
    replies = screen.send(typed)
    assert screen.status is Status.NOT_SCREENED and "Stop the safety check?" not in replies[-1].text


@pytest.mark.parametrize("typed", ["can we carry on with this tomorrow", "ill come back later"])
def test_putting_the_check_off_in_words_pauses_it_for_a_user_without_plans(screen, typed):
    at(screen, "injury_in_care")
    replies = screen.send(typed)  # had deleted every answer (tester s28): it pauses, as "gtg" does
    assert screen.status is Status.IN_PROGRESS and "no plans" not in replies[0].text


def test_correcting_the_previous_answer_by_its_topic_goes_back_to_it(screen):
    at(screen, "effort_symptoms")
    assert f"Question {number('dizzy_faint')} of 15" in screen.send("i want to change what i said about dizziness")[-1].text
    assert flagged_so_far(screen) == ()


def test_going_back_to_an_earlier_question_by_its_topic_asks_it_and_the_ones_after_it_again(screen):
    at(screen, "heart_bp")
    screen.send("yes")
    screen.send("no")
    assert flagged_so_far(screen) == ("heart_bp",) and BY_ID["dizzy_faint"].text in screen.last.text
    assert f"Question {number('heart_bp')} of 15" in screen.send("i want to change my answer to the blood pressure one")[-1].text
    assert flagged_so_far(screen) == ()  # its answer and those after it are asked again
    assert f"Question {number('chest_pain')} of 15" in screen.send("no")[-1].text


def test_a_change_naming_no_plan_at_the_safety_check_is_the_checks_to_read(screen):
    at(screen, "dizzy_faint")
    replies = screen.send("hang on, the heart one, i need to change it")
    assert f"Question {number('heart_bp')} of 15" in replies[-1].text
    assert not any(r.text.startswith("Let's finish this first") for r in replies)  # no plan edit kept waiting


def test_a_doubt_at_the_end_of_a_reply_is_a_not_sure_never_a_no(screen):
    at(screen, "supervised_only")
    screen.send("they said go easy but nothing specific, so not sure")
    assert flagged_so_far(screen)[-1] == "supervised_only"


def test_a_topic_told_as_fine_is_asked_again_never_a_yes(screen):
    at(screen, "leg_symptoms")
    assert f"Question {number('leg_symptoms')} of 15" in screen.send("legs r ok")[-1].text
    assert flagged_so_far(screen) == ()


@pytest.mark.parametrize(("typed", "code"), [
    ("on thyroxine since forever", "y"),  # the topic told, no word of denial: the reader's no is wrong
    ("not on any thyroxine", "n"),  # denied: the reader's no stands
])
def test_a_no_from_the_reader_that_names_this_topic_undenied_is_a_yes(typed, code):
    words = load_screening_words()
    readers = Readers(reply=lambda _text, _question: TypedReply(label="no", this_topic=True), words=words)
    reading = read_reply(typed, BY_ID["medication"], readers)
    assert reading.code == code


@pytest.mark.parametrize(("question_id", "typed"), [
    ("chronic_condition", "my grandma has osteoporosis"),
    ("age_minor", "my daughter is 12, can she train with me?"),
])
def test_someone_elses_health_or_age_is_asked_again_never_the_users_yes(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id)} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == ()


def test_a_denial_that_names_a_relative_is_still_a_no(screen):
    at(screen, "chronic_condition")
    assert f"Question {number('chronic_condition') + 1} of 15" in screen.send("no my sister has arthritis not me")[-1].text
    assert flagged_so_far(screen) == ()
