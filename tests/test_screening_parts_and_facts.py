"""Typed replies at the safety check that answer by a part, a fact, a changed mind or another language: a part
told is a yes whatever else is denied, a doubt with a question mark is no clean no, a fact naming the topic in
other words ("on ramipril for it", "L5 S1 bulge") is a yes, "not normal" is no all clear, and a no said last after a
question, in a few other languages or as "post menopausal" is a no."""

from __future__ import annotations

import pytest

from bot.features.screening.questions import Status
from tests.test_screening import Screen, flagged_so_far, told_then
from tests.test_screening_replies import at, number


@pytest.fixture
def screen(coach) -> Screen:
    return Screen(coach)


@pytest.mark.parametrize(("question_id", "typed"), [
    ("effort_symptoms", "only the irregular heartbeat thing, the rest no"),  # had read as a no
    ("leg_symptoms", "only numbness, no pain"),  # had read as a no
    ("injury_in_care", "only the hip, back is fine"),  # had gone back a question
    ("heart_bp", "they said borderline once? never put me on anything"),  # a doubt: had read as a no
    ("heart_bp", "on ramipril for it"),  # a blood-pressure medicine at the heart question
    ("spine_diagnosis", "L5 S1 bulge on the mri"),
    ("spine_diagnosis", "something about wear and tear on the xray, no idea what that is"),
    ("effort_symptoms", "get winded going up one flight of stairs which is not normal for me"),  # "not normal"
    ("leg_symptoms", "si, me baja hasta la rodilla"),
    ("supervised_only", "sim, meu fisio falou pra evitar"),
])
def test_a_part_a_fact_or_a_doubt_told_is_flagged(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == (question_id,)


@pytest.mark.parametrize(("question_id", "typed"), [
    ("medication", "does caffeine count lol. no"),  # a no said last, after a full stop
    ("back_pain_now", "neg"),
    ("pregnancy", "post menopausal"),
    ("medication", "just the pill"),  # a no in other words there, though it opens with "just"
    ("chest_pain", "i wouldnt say i dont get no chest pain.. i mean no i dont get any"),
])
def test_a_no_said_last_briefly_or_in_other_words_is_a_no(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == ()


def test_a_mind_changed_to_yes_at_the_chest_question_stops_the_check_red(screen):
    at(screen, "chest_pain")
    assert "seek medical care" in screen.send("no... well actually yes last week on the bike")[-1].text


def test_a_changing_word_with_no_answer_before_it_changes_nothing(screen):
    at(screen, "age_minor")
    replies = screen.send("actually nah dont wanna do this rn")
    assert not any("Question 2 of 15" in r.text for r in replies)  # never read as a no


@pytest.mark.parametrize(("typed", "flagged"), [
    ("blood pressure is a bit low if anything", ()),  # had read as a yes
    ("my bp was actually low at my last checkup, 110 over 70", ()),
    ("yes, low blood pressure and a heart murmur", ("heart_bp",)),  # a heart condition told too
    ("high bp", ("heart_bp",)),
])
def test_a_low_blood_pressure_is_no_yes_at_the_heart_question(screen, typed, flagged):
    at(screen, "heart_bp")
    assert "Question 3 of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == flagged


def test_a_red_flag_told_with_my_back_and_a_go_in_it_is_a_yes_not_going_back(screen):
    at(screen, "red_flags")
    screen.send("peeing is weird since last week, cant always tell when I need to go, and my back hurts")
    assert screen.status is Status.RED  # had gone back to the pregnancy question


@pytest.mark.parametrize(("question_id", "typed", "then"), [
    ("red_flags", "no. my back pain is old and hasnt changed", "✅"),  # had gone back
    ("red_flags", "is this the last question?", "Question 15 of 15"),  # had gone back
    ("leg_symptoms", "can i change my back pain answer to yes", "Question 10 of 15"),  # goes back, the yes taken there
    ("effort_symptoms", "heart races sometimes for no reason, maybe 2 3 times a month", "Question 6 of 15"),
])
def test_the_body_back_and_a_question_about_the_check_are_no_way_back(screen, question_id, typed, then):
    at(screen, question_id)
    assert told_then(screen.send(typed)[-1].text, then)


@pytest.mark.parametrize("typed", ["not pain exactly more like pressure", "not really, just tightness when i sprint"])
def test_the_chest_questions_own_words_told_at_it_stop_the_check_red(screen, typed):
    at(screen, "chest_pain")
    screen.send(typed)
    assert screen.status is Status.RED  # had been asked again, and read as a no


@pytest.mark.parametrize("typed", ["my hamstrings are tight", "my blood pressure is high"])
def test_tight_muscles_or_blood_pressure_at_the_chest_question_are_no_chest_pain(screen, typed):
    at(screen, "chest_pain")
    screen.send(typed)
    assert screen.status is Status.IN_PROGRESS and "chest_pain" not in flagged_so_far(screen)


@pytest.mark.parametrize(("question_id", "typed", "flagged"), [
    ("pregnancy", "38 weeks", ("pregnancy",)),  # weeks name the pregnancy question while it is asked
    ("pregnancy", "embarazada de 5 meses", ("pregnancy",)),
    ("surgery", "appendix out when i was 12", ()),  # long ago, at a question about 6 months
    ("spine_diagnosis", "can reverse hypers help a disc", ()),  # a question the articles answer, "?" or not
])
def test_facts_told_in_other_words_and_questions_without_a_mark_are_read_as_meant(screen, question_id, typed, flagged):
    at(screen, question_id)
    screen.send(typed)
    assert flagged_so_far(screen) == flagged and screen.status is Status.IN_PROGRESS
