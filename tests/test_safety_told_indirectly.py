"""The safety detector on concerns told indirectly, hedged or beside a denial, and on the look-alikes of the same
worlds (issue 11), learned from the twenty-seventh writer. Messages are in other words than the development sets'."""

from __future__ import annotations

import pytest

from knowledge.safety import Safety


@pytest.mark.parametrize(("spelt", "typed", "level"), [
    ("no pain at all but my leg singles down to my foot", "no pain at all but my leg tingles down to my foot", Safety.DOCTOR),
    ("no pain at all but my leg singles down to my foot", "no pain at all but my leg tingle down to my foot", Safety.DOCTOR),
    ("is it good for lower back pain", "is it good for lower bakc pain", Safety.NONE),
])
def test_a_sign_typed_beside_a_look_alike_is_heard_though_its_spelling_was_corrected(understanding, spelt, typed, level):
    assert understanding.safety.lexical(spelt, typed) is level


@pytest.mark.parametrize(("text", "level"), [
    ("i dont feel it when i wipe since the set, is that normal", Safety.EMERGENCY),
    ("weird q, i dont feel anything when i wipe and i leaked a bit", Safety.EMERGENCY),
    ("where should i feel it, glutes or hamstrings", Safety.NONE),
])
def test_not_feeling_it_when_wiping_is_a_red_flag_though_feeling_it_is_the_exercise(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("are these ok for folks with bad backs generally?", Safety.DOCTOR),
    ("would someone who has sciatica be fine doing them, in general", Safety.DOCTOR),
    ("is the reverse hyper hard on the knees in general?", Safety.NONE),
])
def test_a_general_question_about_people_with_a_condition_gets_the_doctor_line(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("my left leg has felt weaker than the right for a few weeks now", Safety.DOCTOR),
    ("right leg is a bit weaker than the left lately, just an imbalance?", Safety.DOCTOR),
    ("my left glute is a bit weaker than my right, single leg hypers?", Safety.NONE),
])
def test_a_leg_growing_weaker_lately_is_a_concern_though_an_imbalance_is_not(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("used to get tennis elbow years ago, long gone, which grip", Safety.NONE),
    ("got discharged from physio for my ankle in 2019 and havent had a problem since", Safety.NONE),
    ("had flu 3 years ago, full recovery, how many sets", Safety.NONE),
    ("broke my arm when i was 10, fine for 20 years now, what weight", Safety.NONE),
    ("had sciatica in 2019, fine for years now", Safety.DOCTOR),
    ("used to get shin splints years ago and they came back this week", Safety.DOCTOR),
])
def test_a_minor_thing_long_over_is_no_concern_in_more_words_unless_it_touched_the_back_or_is_back(understanding, text,
                                                                                                   level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("not hurting, not painful, just bored of them, variations?", Safety.NONE),
    ("dizzy no, sore no, tired yes. normal after 4 sets?", Safety.NONE),
    ("its not that painful but it shoots down my leg", Safety.DOCTOR),
    ("not painful exactly, more a burning down my thigh", Safety.DOCTOR),
])
def test_symptoms_denied_are_no_concern_but_a_hedge_keeps_the_one_told(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("arms are dead from arm day yesterday, can i still hold on", Safety.NONE),
    ("smashed legs yesterday and could barely walk the stairs, hypers or rest", Safety.NONE),
    ("my dad is 75 and super healthy, he got me lifting, where do i start", Safety.NONE),
    ("my doctor is the one who told me about reverse hypers, whats a session", Safety.NONE),
    ("lower back feels tight at the top like its working, correct?", Safety.NONE),
    ("are they just rehab stuff? why do physio clinics have them", Safety.NONE),
    ("my physio told me to avoid back extensions for now", Safety.DOCTOR),
    ("my legs went dead after the set", Safety.EMERGENCY),
])
def test_training_slang_a_relatives_good_health_and_a_doctor_who_named_the_exercise_are_no_concern(understanding, text,
                                                                                                   level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("my grandpa had a stroke at 60 so im worried about my own heart", Safety.DOCTOR),
    ("my mother died of a heart attack young, should i be careful with hypers", Safety.DOCTOR),
    ("my dad just had a stroke at the gym", Safety.EMERGENCY),
    ("my uncle had a seizure on the bench right now", Safety.EMERGENCY),
])
def test_an_elder_relatives_red_flag_told_as_family_history_is_doctor_first_unless_it_happens_now(understanding, text,
                                                                                                   level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("my chest has gone really tight during the set", Safety.EMERGENCY),
    ("lower back aching for days and my temp is 39 today", Safety.EMERGENCY),
    ("lower back aching for days took my temp and its normal", Safety.DOCTOR),
])
def test_a_chest_gone_tight_and_back_pain_with_a_measured_fever_are_red_flags_to_the_lexicon(understanding, text, level):
    assert understanding.safety.lexicon.level(text) is level
