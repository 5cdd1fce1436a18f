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
    ("had a disc bulge years ago, totally gone since", Safety.DOCTOR),
    ("smashed my pelvis in a crash in 2015, plates in, walk fine now", Safety.DOCTOR),
])
def test_a_minor_injury_told_as_long_over_is_no_concern_unless_it_still_hurts_or_touched_the_spine(understanding, text, level):
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
    ("had sciatica years ago, totally gone since", Safety.NONE),
    ("my back was bad in my teens but been fine for years, what weight", Safety.DOCTOR),  # no healing past a time: still read
    ("bad back in my thirties, no problems since, what tempo", Safety.NONE),
    ("had an umbilical hernia as a baby, how many sets", Safety.NONE),
    ("had sciatica in 2012, gone since but it came back this week", Safety.DOCTOR),
    ("back pain 6 years ago, fully recovered, but now it twinges again", Safety.DOCTOR),
    ("had a hernia as a baby and it still aches", Safety.DOCTOR),
    ("bad back in 2015 after a fusion, no issues since", Safety.DOCTOR),
    ("sciatica 4 years ago, no problems since, and my leg is numb today", Safety.DOCTOR),
])
def test_a_bad_back_sciatica_or_hernia_told_as_long_healed_is_no_concern_unless_it_returned_or_was_operated(
        understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("cardiologist here, i read hundreds of scans, what tempo", Safety.NONE),
    ("got my flu jab this morning, arm a bit sore, legs ok to train?", Safety.NONE),
    ("had my covid booster, no side effects, heavy today?", Safety.NONE),
    ("so sore from leg day but normal doms, rest or train", Safety.NONE),
    ("my dad had his knee replaced and hes doing great, he wants to watch", Safety.NONE),
    ("my recovery score is 40 today, light or heavy", Safety.NONE),
    ("my face goes red every rep lol, totally fine, keep going?", Safety.NONE),
    ("physio discharged me last year, all good since, more sets?", Safety.NONE),
    ("got my flu jab and now i have a fever", Safety.DOCTOR),
    ("so sore from leg day and my knee is swollen", Safety.DOCTOR),
    ("my face goes red and i get dizzy every set", Safety.DOCTOR),
    ("physio discharged me but my ankle still hurts", Safety.DOCTOR),
])
def test_a_vaccine_a_scan_read_at_work_normal_soreness_a_score_or_a_red_face_told_as_fine_is_no_concern(
        understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("tore my acl in college 9 years ago, had it fixed, been skiing fine since, what tempo", Safety.NONE),
    ("broke my wrist in 2012, fully healed, grip tips?", Safety.NONE),
    ("tore my acl 9 years ago, had surgery, but my knee still aches after runs", Safety.DOCTOR),
    ("tore my meniscus in 2015, no issues since but this week it clicks and hurts", Safety.DOCTOR),
    ("tore my acl 3 months ago, had surgery, been running fine since", Safety.DOCTOR),
])
def test_a_ligament_or_bone_operated_years_ago_with_sport_since_is_no_concern_unless_it_still_troubles(
        understanding, text, level):
    assert understanding.read(text).safety is level
