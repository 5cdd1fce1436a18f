"""Whether the user may train, asked after a health concern or the day a red flag was told, gets the advice on medical
care: never the last answer again or instructions that read as a go-ahead; pain told during a set says to stop the set
first."""

from __future__ import annotations

from bot.features.qa.texts import AFTER_EMERGENCY, DOCTOR_FIRST, STOP_SET
from tests.conftest import message_update
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the adapter fixture)


def test_a_question_beside_a_concern_still_gets_its_answer(say):
    reply = say("how many reps should i do at 55, im on blood thinners btw")[0]
    assert reply.text.startswith(DOCTOR_FIRST) and reply.entry == "reps-general"


def test_may_i_after_a_concern_gets_medical_care_not_the_last_answer(say):
    say("how many reps should i do at 55, im on blood thinners btw")
    reply = say("and is it ok for me?")[0]
    assert reply.text.startswith(DOCTOR_FIRST) and reply.entry == "medical-care"


def test_may_i_finish_after_a_red_flag_gets_the_reminder_and_medical_care(say):
    say("mid set rn, sharp pain shooting down my leg and my foot feels numb")
    reply = say("ok its gone now, can i finish my sets")[0]
    assert reply.text.startswith(AFTER_EMERGENCY) and reply.entry == "medical-care"


async def test_may_i_after_a_concern_over_telegram(tg):  # noqa: F811
    app, request = tg
    await feed(app, message_update("how many reps should i do at 55, im on blood thinners btw"))
    await feed(app, message_update("and is it ok for me?"))
    assert DOCTOR_FIRST in request.texts()[-1] and "Under medical care" in request.texts()[-1]


def test_pain_told_during_a_set_says_stop_the_set_first(say):
    reply = say("hey coach im doing my 3rd set rn and my lower back is kinda pinching, keep going?")[0]
    assert reply.text.startswith(STOP_SET) and DOCTOR_FIRST in reply.text and reply.safety == "doctor"


def test_pain_told_now_but_not_while_training_gets_no_stop_line(say):
    assert STOP_SET not in say("my knee hurts rn, can i do hypers")[0].text


KNEES_SHOT = "im 67 and my knees are shot, can i still do these"


def test_leave_asked_beside_its_concern_gets_medical_care_and_no_tip(say):
    reply = say(KNEES_SHOT)[0]
    assert reply.text.startswith(DOCTOR_FIRST) and reply.entry == "medical-care"
    assert "bend your knees" not in reply.text


def test_leave_asked_with_words_of_its_own_beside_a_concern_keeps_its_entry(say):
    reply = say("my knee hurt when i straighten it all the way. can i still do with legs straight?")[0]
    assert reply.text.startswith(DOCTOR_FIRST) and reply.entry == "straight-legs"
    reply = say("what weight should i start with, i had a hip replacement last year", user=8)[0]
    assert reply.text.startswith(DOCTOR_FIRST) and reply.entry != "medical-care"


async def test_leave_asked_beside_its_concern_over_telegram(tg):  # noqa: F811
    app, request = tg
    await feed(app, message_update(KNEES_SHOT))
    assert DOCTOR_FIRST in request.texts()[-1] and "Under medical care" in request.texts()[-1]
    assert "bend your knees" not in request.texts()[-1]
