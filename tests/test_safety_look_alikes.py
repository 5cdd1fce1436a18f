"""The safety detector's precision on look-alikes (issue 11), learned from the twenty-sixth writer and the look-alikes
every development writer shares, each with the concern beside it that must still be heard (recall comes first).
Messages are in other words than the development sets'."""

from __future__ import annotations

import pytest

from knowledge.safety import Safety


@pytest.mark.parametrize(("text", "level"), [
    ("radiologist here, what tempo for endurance", Safety.NONE),
    ("retired physio, how do i set the strap", Safety.NONE),
    ("i am doctor in a clinic, best rep range for size?", Safety.NONE),
    ("nurse on nights, when should i train", Safety.NONE),
    ("my client is a gp, she wants a 20 minute session", Safety.NONE),
    ("physio said i should skip back work for now", Safety.DOCTOR),
    ("nurse here, my knee swells after every session", Safety.DOCTOR),
    ("doctor here and my chest is tight", Safety.EMERGENCY),
])
def test_a_health_job_told_as_who_one_is_is_no_concern_but_what_a_professional_said_is(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("sprained my wrist in 2011, all good now, how many sets", Safety.NONE),
    ("had my appendix out in 2010, zero problems since", Safety.NONE),
    ("golfers elbow healed years ago, which grip", Safety.NONE),
    ("sprained my wrist in 2011, still hurts when i grip", Safety.DOCTOR),
    ("had sciatica years ago, totally gone since", Safety.DOCTOR),
    ("smashed my pelvis in a crash in 2015, plates in, walk fine now", Safety.DOCTOR),
])
def test_a_minor_injury_told_as_long_over_is_no_concern_unless_it_still_hurts_or_touched_the_back(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("that alarm gave me a heart attack lol, how many reps", Safety.NONE),
    ("heartbroken after the match, hypers tonight?", Safety.NONE),
    ("out of breath from laughing at the gym video", Safety.NONE),
    ("the rower is killing me today, then hypers", Safety.NONE),
    ("heart pounding finish on the bike, now hypers", Safety.NONE),
    ("the rower is killing me and my chest is tight", Safety.EMERGENCY),
])
def test_idioms_of_the_heart_breath_and_pain_are_no_concern_unless_a_sign_is_told_too(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("hamstrings a bit sore the day after my first session", Safety.NONE),
    ("sore glutes 2 days after hypers, train again?", Safety.NONE),
    ("forearms ache from gripping the handles, straps?", Safety.NONE),
    ("glutes sore 2 days after and a sharp pain in my lower back", Safety.DOCTOR),
    ("my fingers go numb from gripping the handles", Safety.DOCTOR),
    ("i get really out of breath after one set", Safety.DOCTOR),
])
def test_soreness_after_training_is_no_concern_but_numbness_or_breathlessness_beside_it_is(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize("text", [
    "do my knees come towards my chest at the start",
    "im broke this month, can i do hypers at home",
    "hips on or off the pad?",
    "did they use mri on the hamstrings in that study",
    "is posterior chain a medical term",
])
def test_questions_about_the_start_position_money_and_studies_are_no_concern(understanding, text):
    assert understanding.read(text).safety is Safety.NONE


@pytest.mark.parametrize(("text", "level"), [
    ("heart keeps pausing then thumping and im light headed", Safety.EMERGENCY),
    ("my feet go puffy after a long day", Safety.DOCTOR),
    ("taking risedronate, anything to know", Safety.DOCTOR),
    ("they keep an eye on my aorta, fine to lift?", Safety.DOCTOR),
    ("had a knee reconstruction in march", Safety.DOCTOR),
])
def test_the_lexicon_itself_reads_the_twenty_sixth_writers_signs(understanding, text, level):
    lexicon = understanding.safety.lexicon
    assert max(lexicon.level(" ".join(understanding.spelt(text))), lexicon.level(" ".join(understanding.words(text)))) is level


def test_a_red_flag_told_as_over_and_fine_now_is_doctor_first_not_an_emergency(understanding):
    assert understanding.read("had chest pains in 2018, fine now").safety is Safety.DOCTOR
    assert understanding.read("had chest pains in 2018, and now again").safety is Safety.EMERGENCY


@pytest.mark.parametrize(("text", "level"), [
    ("leg pain spreading into my chest", Safety.EMERGENCY),
    ("was seen by a doctor in hospital yesterday", Safety.DOCTOR),
    ("spent 3 days in hospital last month", Safety.DOCTOR),
    ("watched a movie last night and now my back hurts", Safety.DOCTOR),
    ("had a cold, chest still tight, not over it", Safety.EMERGENCY),
    ("i used to get mri scans for my back", Safety.DOCTOR),
    ("passed out at my medical", Safety.EMERGENCY),
    ("the steroids gave me a heart attack in 2019", Safety.DOCTOR),
    ("its not the normal kind of ache, its sharp and stabbing", Safety.DOCTOR),
    ("i have a medical thing", Safety.DOCTOR),
    ("my chest hurts after laughing", Safety.EMERGENCY),
])
def test_a_look_alike_phrase_never_swallows_the_concern_told_with_it(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("twisted my knee playing football 6 years ago, completely healed, how wide should my feet go", Safety.NONE),
    ("broke a finger in 2014, fine since, what grip do you suggest", Safety.NONE),
    ("caught a cold two weeks ago, all better now, back to 3 sets?", Safety.NONE),
    ("finished a course of antibiotics for my chest, done with them now, can i train", Safety.NONE),
    ("my brother says these cure lower back pain, any truth in it", Safety.NONE),
    ("heart is pumping after that set lol, go again?", Safety.NONE),
    ("caught a cold two weeks ago and still wheezy on the stairs", Safety.DOCTOR),
    ("finished the antibiotics but my kidney still aches", Safety.DOCTOR),
    ("twisted my knee playing football 6 years ago, completely healed but it swells again now", Safety.DOCTOR),
])
def test_a_minor_illness_or_injury_told_as_over_is_no_concern_unless_something_is_still_there(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("got a high temperature and a throbbing lower back", Safety.EMERGENCY),
    ("chest pian when i breathe in, is that the set", Safety.EMERGENCY),
])
def test_back_pain_told_as_throbbing_with_a_fever_and_chest_pain_typed_pian_are_red_flags(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("my cousin had meningitis as a kid and shes doing great, what weight should i start on", Safety.NONE),
    ("my sister tore her achilles last spring, fully healed now, she wants to train with me. how many sets", Safety.NONE),
    ("my grandpa had a stroke back in 2005, totally unrelated, but how high do my legs go", Safety.NONE),
    ("my mums knee op went well, so can i train tonight", Safety.NONE),
    ("my dad had a heart attack at 48 and im 45 now, how many sets is safe", Safety.DOCTOR),
    ("heart problems run in my family and my dad is fine now but i get chest flutters", Safety.DOCTOR),
    ("my brother tore his acl, fully healed, but my own knee swells after hypers", Safety.DOCTOR),
    ("my dad fell off the bench and hit his head, he says hes fine but hes confused", Safety.EMERGENCY),
])
def test_a_relatives_health_told_in_passing_as_fine_is_no_concern_but_family_history_of_ones_own_still_is(
        understanding, text, level):
    read = understanding.read(text).safety
    assert read is level if level is not Safety.DOCTOR else read >= Safety.DOCTOR  # a concern: the line, or more
