"""A red flag denied is an answer, never an alarm (tester s33: "never fainted in my life", "I have never had chest pain",
"No, I have not had any pain, pressure or tightness in my chest…" typed at the safety check set off the emergency stop
and a red result for a year). Red flags told as now, as new, or beside a denial still stop everything. Through the
understanding layer, the safety check in the core, and the Telegram adapter."""

from __future__ import annotations

import pytest

from knowledge.safety import Safety
from tests.conftest import message_update
from tests.test_telegram_adapter import feed, tg  # noqa: F401 (the adapter fixture)

DENIALS = ["I have never had chest pain", "I don't faint or get dizzy", "never fainted in my life", "nope, no fainting",
           "No fainting or dizziness that I can remember in the past year.",
           "No, I have not had any pain, pressure or tightness in my chest, neither at rest nor when exercising.",
           "I have not fainted and I have not lost my balance because of dizziness at any point in the past year."]


@pytest.mark.parametrize("text", DENIALS)
def test_a_red_flag_denied_is_no_concern(understanding, text):
    assert understanding.read(text).safety is Safety.NONE


@pytest.mark.parametrize("text", ["no, i fainted on the machine", "never had chest pain like this before",
                                  "i havent fainted but my chest is tight", "not fainted until today",
                                  "i dont have chest pain but i feel dizzy and my arm is numb", "he is not breathing"])
def test_a_red_flag_told_beside_a_denial_or_as_new_is_still_an_emergency(understanding, text):
    assert understanding.read(text).safety is Safety.EMERGENCY


def test_a_denial_typed_at_the_chest_question_is_recorded_as_no(say, coach):
    say("/screen")
    say("ok")
    say("no")
    say("no")
    replies = say(DENIALS[5])
    assert not any(r.text.startswith("🚨") for r in replies) and "Question 4 of 15" in replies[-1].text


async def test_a_denial_over_telegram_gets_no_emergency_advice(tg):  # noqa: F811
    app, request = tg
    await feed(app, message_update("never fainted in my life"))
    assert not any(text.startswith("🚨") for text in request.texts())
