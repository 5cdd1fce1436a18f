"""Numbers Whisper writes in words are read in digits too: the safety lexicon reads a pulse or an age in digits."""

from __future__ import annotations

import pytest

from bot.features.voice.engine import voice_inbound
from voice.numbers import written_in_digits
from voice.recognizer import Recognizer, Transcript

RACING = "My heart rate is one hundred eighty sitting and I'm dizzy, is that bad?"


@pytest.mark.parametrize(("said", "written"), [
    (RACING, "My heart rate is 180 sitting and I'm dizzy, is that bad?"),
    ("My mum is seventy-four and wants to try", "My mum is 74 and wants to try"),
    ("one hundred and five", "105"),
    ("Seventeen and eighteen reps", "17 and 18 reps"),  # 'and' joins only after a hundred
    ("I'm ninety and two sets in", "I'm 90 and 2 sets in"),
    ("how many reps for endurance", "how many reps for endurance"),
])
def test_numbers_said_in_words_are_written_in_digits(said, written):
    assert written_in_digits(said) == written


def test_a_reading_with_numbers_in_words_is_followed_by_the_same_in_digits():
    transcript = Recognizer.transcript([RACING, "How long should I rest?"], 3.0)
    assert transcript == Transcript(RACING, True, 3.0, ("How long should I rest?",
                                                        "My heart rate is 180 sitting and I'm dizzy, is that bad?"))
    assert Recognizer.transcript(["How long should I rest?"], 1.0).alternatives == ()


def test_a_second_hearings_samples_are_kept_apart_with_their_numbers_in_digits_and_none_twice():
    busy = "My heart rate is one hundred eighty sitting and I'm busy, is that bad?"
    transcript = Recognizer.transcript([busy], 3.0, [RACING, busy])
    assert transcript.alternatives == ("My heart rate is 180 sitting and I'm busy, is that bad?",)
    assert transcript.samples == (RACING, "My heart rate is 180 sitting and I'm dizzy, is that bad?")


def test_a_racing_pulse_heard_in_words_gets_the_emergency_advice(coach):
    assert coach.handle(voice_inbound(1, Transcript(RACING, True)))[0].safety == "doctor"  # the words alone
    reply = coach.handle(voice_inbound(2, Recognizer.transcript([RACING], 3.0)))[0]
    assert reply.safety == "emergency" and "I heard: “My heart rate is 180 sitting" in reply.text


def test_a_heard_ill_is_no_health_concern(coach):
    heard = "I'll show the complete beginner get started."  # Whisper's reading of 'how should a ...'
    reply = coach.handle(voice_inbound(2, Recognizer.transcript([heard], 3.0)))[0]
    assert reply.safety is None and reply.entry == "beginner-progression"
    assert "I heard: “I'll show the complete beginner" in reply.text  # shown as heard; read as "I will"
