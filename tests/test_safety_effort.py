"""Ordinary effort told after a set is no concern (saf31): breathing hard after a set, told at the start of a message with
no sign besides it ("i was out of breath after the set lol") had read as an emergency; breathlessness told as new, lasting
or after hardly any effort, or beside a red flag, keeps its reading."""

from __future__ import annotations

import pytest

from knowledge.safety import Safety


@pytest.mark.parametrize("text", ["i was out of breath after the set lol", "totally out of breath after that set haha",
                                  "gassed after 3 sets lol, how long should i rest", "breathing hard after the set",
                                  "puffing after the last set, then fine", "winded after the workout",
                                  "out of breath after the set lol, legs are jelly"])
def test_breathing_hard_after_a_set_is_no_concern(understanding, text):
    assert understanding.read(text).safety is Safety.NONE


@pytest.mark.parametrize(("text", "level"), [
    ("out of breath after the set and my chest is tight", Safety.EMERGENCY),
    ("out of breath after the set and i cant breathe properly", Safety.EMERGENCY),
    ("out of breath after the set, heart pounding and i feel faint", Safety.EMERGENCY),
    ("out of breath after just one set lately, never used to be", Safety.DOCTOR),
    ("i get out of breath after a single set now", Safety.DOCTOR),
    ("out of breath after the set and it wont settle for 20 min", Safety.DOCTOR),
    ("im out of breath all the time", Safety.DOCTOR),
    ("calf swollen and out of breath after the set", Safety.DOCTOR),
])
def test_breathlessness_told_as_new_lasting_or_beside_a_sign_keeps_its_reading(understanding, text, level):
    assert understanding.read(text).safety >= level
