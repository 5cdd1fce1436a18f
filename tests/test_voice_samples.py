"""The second hearing's samples count only when they stay close to what the beam heard."""

from __future__ import annotations

from voice.recognizer import SAMPLE_WORDS_APART, Recognizer
from voice.words import words_apart

BEAM = "I can tell my right leg, can I still do reverse hypers?"
PUT_BACK = "I have sciatica down my right leg, can I still do reverse hypers?"  # a word the beam lost


def test_readings_are_compared_word_by_word_without_case_punctuation_or_digits():
    assert words_apart(BEAM, PUT_BACK) == 3  # can -> have, tell -> sciatica, + down
    assert words_apart("My pulse is 180.", "my pulse is one hundred eighty") == 0
    assert words_apart("", "back pain") == 2


def test_a_sample_that_puts_back_a_word_or_two_is_kept():
    assert words_apart(BEAM, PUT_BACK) <= SAMPLE_WORDS_APART
    assert Recognizer.transcript([BEAM], 3.0, [PUT_BACK]).samples == (PUT_BACK,)


def test_a_sample_that_heard_another_sentence_is_dropped():
    beam = "Our hyperextension's med for your med."
    elsewhere = "Ar Hyper extension, meds for your back."  # a health word the beam never came near
    near = "Our hyperextension's bad for your back."
    assert words_apart(beam, elsewhere) > SAMPLE_WORDS_APART
    assert Recognizer.transcript([beam], 2.0, [elsewhere, near]).samples == (near,)


def test_a_sample_is_measured_against_the_beams_best_reading_only():
    second = "I have become on my right leg, can I still do reverse hypers?"
    assert words_apart(second, PUT_BACK) <= SAMPLE_WORDS_APART < words_apart("Is this safe?", PUT_BACK)
    assert Recognizer.transcript(["Is this safe?", second], 3.0, [PUT_BACK]).samples == ()
    assert Recognizer.transcript([second, "Is this safe?"], 3.0, [PUT_BACK]).samples == (PUT_BACK,)
