"""A health question read as the last answer itself, alone too, though it points back with no word the
lexicon knows ("when can i straighten em again" after keeping the legs straight), keeps the doctor-first line
and that answer after it, not the general advice on medical care."""

from __future__ import annotations

from bot.features.qa.answerer import HEALTH_MARGIN
from knowledge.safety import Safety
from tests.conftest import follow_up

BENT, AGAIN = "should my knees be bent? i cant keep them straight", "when can i straighten em again"


def test_a_health_question_read_as_the_last_answer_is_as_sure_of_it_as_in_context(understanding):
    assert understanding.read(BENT).match.entry_id == "straight-legs"
    alone = understanding.read(AGAIN)
    assert alone.safety is Safety.DOCTOR and alone.match.entry_id == "straight-legs"
    assert alone.match.score < understanding.threshold + HEALTH_MARGIN
    reading = follow_up(understanding, BENT, AGAIN)
    assert reading.safety is Safety.DOCTOR and reading.match.entry_id == "straight-legs"
    assert reading.match.score >= understanding.threshold + HEALTH_MARGIN


def test_the_answer_keeps_the_doctor_first_line_and_the_last_answer(say):
    say(BENT)
    reply = say(AGAIN)[0]
    assert reply.safety == "doctor" and reply.entry == "straight-legs"

