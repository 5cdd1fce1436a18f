"""The safety detector after session 33 (issue 11, point 4): lumbago, sciatica and back pain in other languages' words,
a resting heart rate over 100 told as a reading, a fall or a blow on a blood thinner with swelling or bleeding (an
emergency); false alarms a user tester found, by class: "academia" (a gym) read as an -emia, what a coach said told as
fine, a general claim about "your" back, a joke about a heart attack. Real concerns of the same shapes still fire.
After a remark, later answers carry a one-line reminder, not the whole doctor-first paragraph; a muscle told tight
gets the flexibility entry with a short line. Through the core and the Telegram adapter; the messages are in other
words than the sets'."""

from __future__ import annotations

import pytest

from bot.features.qa import texts as qa
from knowledge.safety import Safety
from tests.conftest import message_update
from tests.test_telegram_adapter import feed, tg  # noqa: F401 (the adapter fixture)


@pytest.mark.parametrize("text", [
    "seit gestern Hexenschuss, soll ich heute trainieren?",
    "Ischias rechts seit einer Woche, geht das trotzdem?",
    "ho mal di schiena da ieri, va bene lo stesso?",
    "tengo lumbago desde el lunes",
    "j'ai une sciatique depuis un mois",
])
def test_back_pain_and_sciatica_in_other_languages_are_doctor_first(understanding, text):
    assert understanding.read(text).safety is Safety.DOCTOR


@pytest.mark.parametrize(("text", "level"), [
    ("my resting heart rate has sat around 112 for days now, ok to lift?", Safety.DOCTOR),
    ("pulse at rest 104 since the weekend", Safety.DOCTOR),
    ("resting hr 58 this morning, all good for a heavy day?", Safety.NONE),
])
def test_a_resting_heart_rate_over_100_told_as_a_reading_is_doctor_first(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("i take eliquis and just banged my hip on the frame, it's swelling quickly", Safety.EMERGENCY),
    ("on blood thinners, slipped off the bench and my elbow wont stop bleeding", Safety.EMERGENCY),
    ("im on warfarin, is it ok to train my glutes?", Safety.DOCTOR),
])
def test_a_fall_or_a_blow_on_a_blood_thinner_with_swelling_or_bleeding_is_an_emergency(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize("text", [
    "where is the machine? in my academia they dont have",
    "my coach at the club said its fine to do them",
    "the trainer says my form is good",
    "everyone knows hypers wreck your back, right?",
    "hyperextensions are bad for your spine, people say",
    "this app nearly gave me a heart attack with all those questions haha",
])
def test_tester_false_alarm_classes_get_no_health_line(understanding, text):
    assert understanding.read(text).safety is Safety.NONE


@pytest.mark.parametrize("text", [
    "my physio said i shouldnt do these",
    "it hurts my back when i do them",
    "i had a heart attack two years back",
    "my coach said its fine but my knee still hurts",
    "people say hypers hurt your back and mine aches after them",
    "i have anaemia",
])
def test_real_concerns_of_the_same_shapes_still_fire(understanding, text):
    assert understanding.read(text).safety is not Safety.NONE


def test_answers_after_a_remark_carry_the_one_line_reminder_not_the_whole_paragraph(say):
    assert say("my knee clicked a little on the way down")[0].text.startswith(qa.DOCTOR_FIRST)
    for then in ("how often should i train", "is it better than deadlifts"):
        reply = say(then)[0]
        assert reply.safety == "doctor" and reply.text.startswith(qa.DOCTOR_AGAIN) and qa.DOCTOR_FIRST not in reply.text


def test_asking_leave_after_a_remark_still_gets_the_advice_on_medical_care(say):
    say("my knee clicked a little on the way down")
    reply = say("can i still do it?")[0]
    assert reply.entry == "medical-care" and reply.text.startswith(qa.DOCTOR_FIRST)


async def test_answers_after_a_remark_over_telegram_carry_the_one_line_reminder(tg):  # noqa: F811
    app, request = tg
    for text in ("my knee clicked a little on the way down", "how often should i train"):
        await feed(app, message_update(text))
    assert qa.DOCTOR_AGAIN in request.texts()[-1] and qa.DOCTOR_FIRST not in request.texts()[-1]


@pytest.mark.parametrize("text", ["my hamstrings are tight from football"])
def test_a_muscle_told_tight_gets_the_flexibility_entry_with_a_short_line(say, text):
    reply = say(text)[0]
    assert reply.safety == "doctor" and reply.entry == "hip-flexors"
    assert reply.text.startswith(qa.DOCTOR_MILD) and qa.DOCTOR_FIRST not in reply.text


def test_a_tight_muscle_told_with_more_keeps_the_whole_line(say):
    reply = say("my hamstrings are tight and it hurts to walk")[0]
    assert reply.safety == "doctor" and reply.text.startswith(qa.DOCTOR_FIRST)


async def test_a_muscle_told_tight_over_telegram_gets_the_flexibility_entry(tg):  # noqa: F811
    app, request = tg
    await feed(app, message_update("my hamstrings are tight from football"))
    last = request.texts()[-1]
    assert "If the tightness hurts" in last and "flexibility" in last and qa.DOCTOR_FIRST[2:40] not in last
