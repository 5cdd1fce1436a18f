"""Seeing stars told as something that comes and goes ("sometimes when i stand up fast i see stars") is a concern for a
doctor first, not an emergency (it got "stop now, call 112", a red result and a 12-hour lock-out at the dizziness
question); seeing stars now, or after a blow to the head, is still an emergency."""

from __future__ import annotations

import pytest

from knowledge.safety import Safety


@pytest.mark.parametrize("text, level", [
    ("sometimes when i stand up fast i see stars", Safety.DOCTOR), ("i see stars", Safety.DOCTOR),
    ("im seeing stars right now", Safety.EMERGENCY), ("hit my head and seeing stars", Safety.EMERGENCY),
    ("the stars are out tonight", Safety.NONE)])
def test_seeing_stars_is_urgent_only_when_it_is_now(understanding, text, level):
    assert understanding.read(text).safety is level


def test_seeing_stars_on_standing_at_the_dizziness_question_is_a_yes_not_a_red_result(say):
    say("/screen")
    say("ok")
    for _ in range(3):
        say("no")
    reply = say("sometimes when i stand up fast i see stars")
    assert not any("Stop now" in r.text or "🚨" in r.text for r in reply)
    assert any("Question 5 of 15" in r.text for r in reply)
