"""Health words asked about, not told, are no concern (saf31, the false health alarms on the question sets): a technique
one is allowed, soreness in general, getting hurt some day, a break-up, one's late grandmother, hands tired from
gripping; the same words telling a concern of the user's keep the doctor-first line."""

from __future__ import annotations

import pytest

from knowledge.safety import Safety


@pytest.mark.parametrize("text", [
    "am i allowed to bend my knees at the top", "on the bench am i allowed to grab the handles tight",
    "do reverse hypers help with soreness after leg day", "will this leave me sore for days like deadlifts",
    "could these make me less likely to hurt my back later in life", "what is the injury risk with reverse hypers",
    "how do people usually hurt themselves on this machine", "my boyfriend broke up with me so gym is my therapy now",
    "my hands are always tired after rows, straps ok?", "my seat has a broken leg so i stand at work lol, reps for strength?",
    "theres a crack in my bench frame, can i still use it", "that machine is a heart stopper at that price",
    "my heart is broken since the breakup, gym time. best glute exercise?", "my dog had a heart attack when the plates dropped lol",
    "my game character fainted again lmao, ok serious q: how many sets",
])
def test_health_words_asked_about_are_no_concern(understanding, text):
    assert understanding.read(text).safety is Safety.NONE


@pytest.mark.parametrize("text", [
    "am i allowed to lift again after my back surgery", "am i allowed to bend my knees with a torn meniscus",
    "does it help my sore lower back", "my lower back has been sore for weeks, will these help",
    "can it ease the soreness in my knee", "i broke my wrist last month, can i still do these",
    "i hurt my back last week, how do i avoid hurting it again",
])
def test_the_same_words_telling_a_concern_keep_the_doctor_first_line(understanding, text):
    assert understanding.read(text).safety is not Safety.NONE
