"""The safety detector after session 32 (issue 11, point 4): acute red flags in more words (a slow heart rate read off
a watch with faintness, angina happening now at rest or not eased by its spray, a tearing pain through the belly or
chest, a red flag told while lying down beside a relative's history), a pregnancy told by its weeks as an aside; and
false alarms a user tester found, by class: breathing asked about as technique, the heart told as fine (at the safety
check's heart question too), the machine's strap, pad or handles pressing on a body part. Real concerns of the same
shapes still fire. Through the core and the Telegram adapter; the messages are in other words than the sets'."""

from __future__ import annotations

import pytest

from bot.features.qa import texts as qa
from bot.features.screening import texts
from bot.features.screening.questions import Status
from knowledge.safety import Safety
from tests.conftest import message_update
from tests.test_health_changes import green, status, texts_of  # noqa: F401 (a fixture)
from tests.test_screening import Screen
from tests.test_screening_replies import at
from tests.test_telegram_adapter import feed, tg  # noqa: F401 (the adapter fixture)


@pytest.mark.parametrize(("text", "level"), [
    ("pulse on my garmin reads 36 and i feel like im gonna pass out, im on bisoprolol", Safety.EMERGENCY),
    ("feeling really lightheaded and the watch shows a heart rate of 41", Safety.EMERGENCY),
    ("my resting heart rate is 48, is that fine for cardio?", Safety.NONE),
    ("my angina came back while sitting on the sofa and the spray isnt helping", Safety.EMERGENCY),
    ("angina kicked in at rest and it wont ease off", Safety.EMERGENCY),
    ("i get angina sometimes on hills, can i still train?", Safety.DOCTOR),
    ("a tearing pain shot from my chest into my back halfway through the set", Safety.EMERGENCY),
    ("my tummy feels like something is tearing in there", Safety.EMERGENCY),
    ("got a super bad sudden pain low in my back while lifting", Safety.EMERGENCY),
])
def test_acute_heart_and_tearing_pain_signs_get_emergency_advice(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("my uncle had an aneurysm years ago. i just collapsed off the bench and im lying here feeling cold", Safety.EMERGENCY),
    ("my grandad had a stroke years ago, im sitting on the floor and i feel dizzy and faint", Safety.EMERGENCY),
    ("my mum had a heart attack years ago so i just want to stay fit, how often?", Safety.DOCTOR),
])
def test_a_red_flag_told_as_happening_to_the_user_now_is_not_made_past_by_a_relatives_history(understanding, text,
                                                                                              level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("oh and btw 28 wks", Safety.DOCTOR),
    ("fyi 31 weeks", Safety.DOCTOR),
    ("the program runs 12 weeks", Safety.NONE),
])
def test_a_pregnancy_told_by_its_weeks_as_an_aside_is_a_concern(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("whats the right way to breathe", Safety.NONE),
    ("what's the proper way to breathe on these", Safety.NONE),
    ("any breathing tips for the reverse hyper?", Safety.NONE),
    ("how am i supposed to breathe, in on the way down?", Safety.NONE),
    ("should i be holding my breath during the reps", Safety.NONE),
    ("i get out of breath climbing stairs lately", Safety.DOCTOR),
    ("how should i breathe when my chest feels this tight", Safety.EMERGENCY),
    ("it hurts when i breathe in deeply", Safety.EMERGENCY),
])
def test_breathing_asked_about_as_technique_is_no_concern_but_breathlessness_and_pain_are(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("nope, heart's totally fine", Safety.NONE),
    ("my heart is perfectly healthy", Safety.NONE),
    ("heart is ok, asking for the reps", Safety.NONE),
    ("my heart is not ok", Safety.DOCTOR),
    ("heart is fine but it races when i sit still", Safety.DOCTOR),
    ("my heart pounds at rest some nights", Safety.DOCTOR),
])
def test_the_heart_told_as_fine_is_no_concern_but_a_racing_heart_is(understanding, text, level):
    assert understanding.read(text).safety is level


@pytest.mark.parametrize(("text", "level"), [
    ("that ankle strap really digs into my shins", Safety.NONE),
    ("the pad presses on my hip bones, can i add a towel", Safety.NONE),
    ("the handles hurt my hands after a few sets", Safety.NONE),
    ("the pad hurts my hip bones", Safety.NONE),
    ("my ankles puff up by the evening", Safety.DOCTOR),
    ("the strap hurts my broken ankle", Safety.DOCTOR),
    ("the pad digs into my hips and my leg goes numb after", Safety.DOCTOR),
])
def test_the_machine_pressing_on_a_body_part_is_no_concern_but_a_sign_beside_it_is(understanding, text, level):
    assert understanding.read(text).safety is level


def test_a_heart_told_fine_at_the_heart_question_is_a_no_without_the_doctor_line(coach):
    screen = at(Screen(coach), "heart_bp")
    replies = screen.send("no, my heart is good")
    assert not any(r.safety for r in replies) and "Question 3 of 15" in replies[-1].text
    assert screen.status is Status.IN_PROGRESS


def test_the_strap_pressing_keeps_a_green_result_but_a_swelling_marks_it_for_a_redo(green, coach):  # noqa: F811
    assert texts.REDO_AFTER_CONCERN not in texts_of(green("the strap hurts my ankles"))
    assert status(coach) is Status.GREEN
    assert texts.REDO_AFTER_CONCERN in texts_of(green("my ankles swell up"))


async def test_a_breathing_question_and_a_heart_told_fine_over_telegram_get_no_doctor_line(tg):  # noqa: F811
    app, request = tg
    await feed(app, message_update("whats the right way to breathe"))
    assert not any(qa.DOCTOR_FIRST in text or "⚕️" in text for text in request.texts())
    for text in ["/screen", "ok", "no", "no, my heart is good"]:
        await feed(app, message_update(text))
    told = request.texts()[-2:]
    assert "Question 3 of 15" in told[-1] and not any("⚕️" in text or "🚨" in text for text in told)
