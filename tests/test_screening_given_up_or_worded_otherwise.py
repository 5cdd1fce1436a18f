"""Typed replies at the safety check that give it up in so many words ("too long, im done": it leaves as "cancel" does,
also when a complaint stands beside "cancel"), and answers worded otherwise: yes and no in more languages ("da",
"tak", "nie"), a refusal emoji (🙅), a condition named by its type alone ("type 1"), "male" at the pregnancy question."""

from __future__ import annotations

import pytest

from bot.features.screening.questions import Status
from tests import test_screening_exits_and_asides
from tests.test_screening import flagged_so_far
from tests.test_screening_exits_and_asides import progress
from tests.test_screening_replies import at, number

STOP_QUESTION = "Stop the safety check?"
screen = test_screening_exits_and_asides.screen  # the fixture shared with those tests



@pytest.mark.parametrize(("question_id", "typed"), [
    ("heart_bp", "so long omg, im done"),  # had been asked again
    ("leg_symptoms", "this is pointless, leaving"),
    ("surgery", "im not doing this anymore"),  # had been recorded as a no
    ("pregnancy", "why would you even ask that, im out"),  # had been taken for a question about the check
    ("medication", "nah not doing a quiz, just show me the exercise"),  # had been recorded as a no
])
def test_a_reply_giving_the_check_up_leaves_it_like_cancel(screen, question_id, typed):
    at(screen, question_id)
    replies = screen.send(typed)
    assert progress(screen) is None and screen.status is Status.NOT_SCREENED
    assert "/screen" in replies[-1].text and "cancelled" in replies[-1].text


@pytest.mark.parametrize(("question_id", "typed", "flagged"), [
    ("effort_symptoms", "im out of breath on the stairs", ("effort_symptoms",)),  # "im out" followed by more
    ("injury_in_care", "im done with physio for my knee but it still hurts", ("injury_in_care",)),
])
def test_words_of_giving_up_followed_by_more_or_beside_a_topic_do_not_leave(screen, question_id, typed, flagged):
    at(screen, question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == flagged


@pytest.mark.parametrize("typed", ["ugh this takes too long, cancel", "im so tired of these questions, stop"])
def test_a_complaint_beside_a_way_out_word_leaves_without_asking_first(screen, typed):
    at(screen, "spine_diagnosis")
    replies = screen.send(typed)  # had asked "Stop the safety check?" first
    assert progress(screen) is None and not any(STOP_QUESTION in r.text for r in replies)


def test_a_complaint_alone_is_no_way_out(screen):
    at(screen, "surgery")
    screen.send("this is too long")
    assert progress(screen).step == number("surgery") - 1


@pytest.mark.parametrize(("typed", "flagged"), [
    ("da", ("dizzy_faint",)),  # each had been asked again
    ("tak", ("dizzy_faint",)),
    ("evet", ("dizzy_faint",)),
    ("nie", ()),
    ("hayir", ()),
    ("negatory", ()),
])
def test_yes_and_no_in_more_languages_and_words_answer(screen, typed, flagged):
    at(screen, "dizzy_faint")
    assert f"Question {number('dizzy_faint') + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == flagged


@pytest.mark.parametrize("typed", ["🙅\u200d♀️", "🚫"])
def test_a_refusal_emoji_is_a_no(screen, typed):
    at(screen, "leg_symptoms")
    assert f"Question {number('leg_symptoms') + 1} of 15" in screen.send(typed)[-1].text  # had been asked again
    assert flagged_so_far(screen) == ()


def test_a_diabetes_named_by_its_type_alone_is_a_yes(screen):
    at(screen, "chronic_condition")
    screen.send("type 1 since i was 9")  # had been asked again
    assert flagged_so_far(screen) == ("chronic_condition",)


@pytest.mark.parametrize("typed", ["male", "a guy lol"])
def test_male_at_the_pregnancy_question_is_a_no(screen, typed):
    at(screen, "pregnancy")
    assert "Question 15 of 15" in screen.send(typed)[-1].text  # had been asked again
    assert flagged_so_far(screen) == ()


@pytest.mark.parametrize(("question_id", "typed"), [
    ("leg_symptoms", "only after hours at my desk"),  # had been asked again
    ("back_pain_now", "mostly after gardening"),
    ("pregnancy", "just found out on sunday!"),
    ("age_minor", "i think so? adopted, no birth certificate"),  # had been asked again
])
def test_a_yes_told_as_when_or_a_doubtful_yes_flags_the_question(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert question_id in flagged_so_far(screen)


@pytest.mark.parametrize("typed", ["zero", "0 issues"])
def test_zero_is_a_no(screen, typed):
    at(screen, "back_pain_now")
    assert f"Question {number('back_pain_now') + 1} of 15" in screen.send(typed)[-1].text  # had been asked again
    assert flagged_so_far(screen) == ()


@pytest.mark.parametrize(("question_id", "typed"), [
    ("chronic_condition", "asthma counts?"),  # had been recorded as a yes
    ("chest_pain", "does tight pecs after chest day count lol"),  # had stopped the check red
])
def test_asking_whether_a_thing_counts_records_nothing(screen, question_id, typed):
    at(screen, question_id)
    screen.send(typed)
    assert progress(screen).step == number(question_id) - 1 and flagged_so_far(screen) == ()


def test_a_topic_told_then_does_that_count_is_still_a_not_sure(screen):
    at(screen, "chronic_condition")
    screen.send("gout, does that count?")
    assert flagged_so_far(screen) == ("chronic_condition",)


@pytest.mark.parametrize(("question_id", "typed"), [
    ("heart_bp", "I do not, thanks."),  # each had been asked again
    ("dizzy_faint", "I have not, thanks"),
    ("injury_in_care", "all good"),
])
def test_an_everyday_answer_that_is_the_whole_reply_is_a_no(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == ()


@pytest.mark.parametrize(("question_id", "typed"), [
    ("surgery", "fully healed now"),  # a healed surgery is still a surgery: no no where the question asks about ever
    ("injury_in_care", "all good apart from my knee"),  # more than the everyday answer: read as usual
])
def test_an_everyday_answer_is_no_no_where_the_question_asks_about_more_or_with_more(screen, question_id, typed):
    at(screen, question_id)
    screen.send(typed)
    assert progress(screen).step == number(question_id) - 1 or question_id in flagged_so_far(screen)


def test_a_back_arrow_emoji_goes_back_and_the_shrug_is_a_not_sure(screen):
    at(screen, "surgery")
    assert f"Question {number('surgery') - 1} of 15" in screen.send("↩️")[-1].text  # had been asked again
    screen.send("¯\\_(ツ)_/¯")  # had been asked again
    assert flagged_so_far(screen) == ("spine_diagnosis",)


def test_a_no_beside_a_way_out_word_is_still_a_plain_way_out(screen):
    at(screen, "age_minor")
    replies = screen.send("nah, stop the quiz")  # had asked "Stop the safety check?" first
    assert progress(screen) is None and not any(STOP_QUESTION in r.text for r in replies)


@pytest.mark.parametrize(("question_id", "typed"), [
    ("supervised_only", "kinda? she told me to go easy on my back"),  # had been asked again
    ("dizzy_faint", "sort of? felt woozy after leg day a few times, never fell"),
])
def test_a_yes_asked_as_how_much_is_a_not_sure(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == (question_id,)
