"""The safety detector on concerns told sideways (what a doctor wants, a body that swells or a pulse slow to settle,
a pregnancy told by its weeks, a hand that will not grip) and on the look-alikes of the same worlds: a birth years
over, a list of denials, the exercise's own risk, a health job, a pill told as unrelated, training feelings told as
fine (issue 11), learned from the thirtieth writer. Messages are in other words than the development sets'."""

from __future__ import annotations

import pytest

from knowledge.safety import Safety


@pytest.mark.parametrize(("cleaned", "level"), [
    ("doc wants me to steer clear of bending for now which variation then", Safety.DOCTOR),
    ("feet have gone puffy by the afternoon lately what rep range", Safety.DOCTOR),
    ("after a set my pulse takes forever to come back down normal", Safety.DOCTOR),
    ("im 36 weeks today can i still train glutes", Safety.DOCTOR),
    ("im 6 weeks into the program add weight", Safety.NONE),
    ("my doctor told me to exercise more where do i start", Safety.NONE),
])
def test_the_lexicon_reads_a_doctors_restriction_puffy_feet_a_slow_pulse_and_weeks_of_pregnancy(understanding, cleaned,
                                                                                                level):
    assert understanding.safety.lexicon.level(cleaned) is level


@pytest.mark.parametrize(("text", "level"), [
    ("typing is weird and my hand cant grip the phone", Safety.EMERGENCY),
    ("my hand wont grip the handle all of a sudden", Safety.EMERGENCY),
    ("my grip gives out on the last reps", Safety.NONE),
])
def test_a_hand_that_will_not_grip_with_typing_gone_wrong_or_all_of_a_sudden_is_an_emergency(understanding, text, level):
    assert understanding.safety.lexicon.level(" ".join(understanding.spelt(text))) is level
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("c section 4 years ago, two kids since, which variation for glutes", Safety.NONE),
    ("c section 4 months ago, can i start", Safety.DOCTOR),
    ("injuries? no. surgery? no. meds? no. how do i begin", Safety.NONE),
    ("stent? yes. how do i begin", Safety.DOCTOR),
    ("what are the odds of getting injured on this machine", Safety.NONE),
    ("will i hurt myself if i go heavy on these", Safety.NONE),
    ("are reverse hypers ok for people with bad backs in general? mine is fine, asking for a client", Safety.NONE),
    ("is it safe for people with bad backs in general?", Safety.DOCTOR),
])
def test_a_birth_years_over_a_list_of_denials_and_the_exercises_own_risk_are_no_concern(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("i work at a hospital, seen plenty of back injuries, which cue matters most", Safety.NONE),
    ("what does the article say about disc pressure past parallel", Safety.NONE),
    ("what does the article say about my disc bulge", Safety.DOCTOR),
    ("took an ibuprofen for a headache this morning, unrelated, rep range?", Safety.NONE),
])
def test_a_health_job_the_article_asked_about_and_a_pill_told_as_unrelated_are_no_concern(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("tongue still numb after the dentist injection, ok to train legs", Safety.NONE),
    ("my lip went numb out of nowhere on the bench", Safety.EMERGENCY),
    ("arm fell asleep lying on it, ok now, next set?", Safety.NONE),
    ("my arm keeps falling asleep during sets", Safety.DOCTOR),
    ("slight ache in my hamstrings 2 days later, expected?", Safety.NONE),
    ("feels like a stretch not pain at the bottom", Safety.NONE),
    ("feels like a stretch then sharp pain at the bottom", Safety.DOCTOR),
    ("tore my hamstring in 2017, all clear since, what weight", Safety.NONE),
    ("my buddy pulled his hamstring doing these, how do i avoid that", Safety.NONE),
    ("my buddy pulled his hamstring doing these, can he still train", Safety.DOCTOR),
])
def test_training_feelings_told_as_fine_are_no_concern_but_the_same_body_words_as_a_sign_are(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("lower back feels loads better after a few sessions, the stiffness in my back has gone. add weight?", Safety.NONE),
    ("my face turns bright red when im upside down on the bench, is that the blood rush", Safety.NONE),
    ("tummy keeps growling when im face down on the pad, eat before?", Safety.NONE),
    ("my face went red and numb on one side", Safety.EMERGENCY),
])
def test_a_tightness_gone_a_face_red_from_hanging_and_a_growling_stomach_are_no_concern(understanding, text, level):
    assert understanding.read(text).safety is level
