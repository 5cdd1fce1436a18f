"""After a health concern: a bare follow-up about doing the exercise ("can i still do it?") keeps the
doctor-first line for 30 minutes, even when it is answered with a specific entry. Only the time the
concern was told is kept (no words, no level): listed in /mydata, erased by /forget, never logged."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from bot.core.coach import Coach
from bot.features.qa.texts import AFTER_EMERGENCY, DOCTOR_AGAIN, DOCTOR_FIRST
from bot.storage.users import CONCERN_TTL
from tests.conftest import message_update
from tests.recording_request import feed_all

CONCERN_WITH_QUESTION = "how many reps for strength btw my knee is a bit sore"  # answered with the programme
FOLLOW_UPS = ("can i still do it?", "is it ok to keep going", "should i skip today then",
              "is it safe to continue")  # the last read clearly alone (the injury risk): a yes/no question about it


@pytest.mark.parametrize("then", FOLLOW_UPS)
def test_a_bare_follow_up_after_a_concern_answered_with_an_entry_keeps_the_doctor_first_line(say, then):
    first = say(CONCERN_WITH_QUESTION)[0]
    assert first.safety == "doctor" and first.entry == "program-strength"
    reply = say(then)[0]
    assert reply.safety == "doctor" and reply.text.startswith((DOCTOR_FIRST, DOCTOR_AGAIN)), then  # s33: one line unless leave


def test_a_clear_question_of_its_own_after_a_concern_gets_no_line(say):
    say(CONCERN_WITH_QUESTION)
    reply = say("what muscles does it work")[0]
    assert reply.entry == "muscles-worked" and reply.safety is None


def test_a_concern_told_after_a_red_flag_gets_the_reminder_to_stop_not_the_doctor_first_line(say):
    assert say("i have chest pain")[0].safety == "emergency"
    reply = say("my knee is sore too, how many sets should i do")[0]
    assert reply.text.startswith(AFTER_EMERGENCY) and DOCTOR_FIRST not in reply.text


def test_a_follow_up_after_a_red_flag_gets_the_reminder_to_stop_even_when_nothing_answers_it(say):
    assert say("i have chest pain")[0].safety == "emergency"
    reply = say("can i still do it?")[0]
    assert reply.text.startswith(AFTER_EMERGENCY) and DOCTOR_FIRST not in reply.text


def test_the_line_lapses_30_minutes_after_the_concern(say, clock):
    say(CONCERN_WITH_QUESTION)
    clock.now += CONCERN_TTL - timedelta(minutes=1)
    assert say("is it ok to keep going")[0].safety == "doctor"
    clock.now += timedelta(minutes=2)  # 31 minutes after the concern, though a question came in between
    assert say("is it ok to keep going")[0].safety is None


def test_without_a_concern_the_same_follow_up_gets_no_line(say):
    say("how many reps for strength")
    assert say("can i still do it?")[0].safety is None


def test_only_the_time_of_the_concern_is_stored(say, coach: Coach, clock):
    say(CONCERN_WITH_QUESTION)
    assert coach.store.load_concern(7, clock()) == clock()
    rows = [str(row) for table in coach.store.db.table_names() for row in coach.store.db.execute(f"SELECT * FROM [{table}]")]
    assert not any("knee" in row or "sore" in row for row in rows)


def test_mydata_lists_the_concern_and_forget_erases_it(say, coach: Coach, clock):
    say(CONCERN_WITH_QUESTION)
    assert "health concern in the last 30 minutes" in say("/mydata")[0].text
    say("/forget")
    say("yes")
    assert coach.store.load_concern(7, clock()) is None
    assert "health concern" not in say("/mydata")[0].text
    assert say("can i still do it?")[0].safety is None


def test_mydata_no_longer_lists_a_concern_once_it_lapsed(say, clock):
    say(CONCERN_WITH_QUESTION)
    clock.now += CONCERN_TTL + timedelta(minutes=1)
    assert "health concern" not in say("/mydata")[0].text


def test_the_concern_is_never_logged(say, caplog):
    with caplog.at_level(logging.DEBUG):
        say(CONCERN_WITH_QUESTION)
        say("can i still do it?")
    assert "knee" not in caplog.text and "still do it" not in caplog.text


async def test_can_i_still_do_it_after_a_concern_with_a_question_gets_the_line_over_telegram(coach: Coach):
    updates = [message_update(t) for t in (CONCERN_WITH_QUESTION, "can i still do it?")]
    texts = (await feed_all(coach, updates)).texts()
    assert len(texts) == 2 and all(DOCTOR_FIRST in text for text in texts)


async def test_forget_over_telegram_erases_the_concern(coach: Coach):
    updates = [message_update(t) for t in (CONCERN_WITH_QUESTION, "/forget", "yes", "can i still do it?")]
    texts = (await feed_all(coach, updates)).texts()
    assert DOCTOR_FIRST in texts[0] and DOCTOR_FIRST not in texts[-1]
