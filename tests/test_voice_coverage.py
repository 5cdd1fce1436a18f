"""A note heard too short is heard again: Whisper sometimes drops the whole first sentence of a note of
two (the concern was in it, the question after it was all it kept). The note's speech against the words
heard tells; the note is then heard again cut at its pauses, and the fuller reading is answered."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from bot.features.qa.texts import DOCTOR_FIRST
from bot.features.voice.engine import voice_inbound
from bot.features.voice.notes import HEARD
from tests.voice_support import voice_dir
from voice.audio import Clip
from voice.coverage import WORDS_PER_SECOND, heard_too_short, words_heard
from voice.pauses import FRAME, frame_levels, pause_middles
from voice.recognizer import Recognizer
from voice.weights import load_int8_weights
from voice.whisper import Whisper

RATE = 16_000
CONCERN = "My chest has been hurting since last night."
QUESTION = "How many sets should I do today?"


def sound(seconds: float, level: float, seed: int = 1) -> np.ndarray:
    """Steady noise standing in for a sentence said (or, at level 0, a pause)."""
    return (np.random.default_rng(seed).standard_normal(int(seconds * RATE)) * level).astype(np.float32)


def two_sentences() -> Clip:
    """A note of two sentences, 3 s and 2.5 s of speech, with a pause of 0.4 s between them."""
    return Clip(np.concatenate([sound(3, 0.1), sound(0.4, 0.0), sound(2.5, 0.1, 2)]), RATE)


class DroppingModel:
    """Stands in for CTranslate2's Whisper as it heard such a note: the whole note as its question
    alone (its first sentence dropped), each sentence heard alone as said. Its generations in turn:
    the warm-up's, the whole note's, then one for each piece."""

    def __init__(self, *heard: str) -> None:
        self.heard = ["", *heard]
        self.generations = 0

    def encode(self, features):
        return features

    def generate(self, features, prompts, **options):
        words = [f"Ġ{word}" for word in self.heard[self.generations].split()]
        self.generations += 1
        count = options["num_hypotheses"]
        return [SimpleNamespace(no_speech_prob=0.0, sequences=[words] * count, sequences_ids=[[1] * len(words)] * count,
                                scores=[-0.1] * count)]


def whisper_on(model: DroppingModel) -> Whisper:
    """Whisper on the real tokenizer and a stand-in for its model."""
    return Whisper(load_int8_weights(None, voice_dir()), "Questions.", model=lambda path: model, storage=lambda a: a)


def test_a_note_that_lost_its_first_sentence_is_heard_again_at_its_pause():
    model = DroppingModel(QUESTION, CONCERN, QUESTION)
    hearing = whisper_on(model).listen(two_sentences())
    assert hearing.beam[0] == f"{CONCERN} {QUESTION}" and QUESTION in hearing.beam and hearing.heard_again
    assert model.generations == 4  # the warm-up, the whole note, its two sentences


def test_its_concern_is_answered_with_the_doctor_first_line_and_shown_as_heard(coach):
    recognizer = Recognizer(lambda: whisper_on(DroppingModel(QUESTION, CONCERN, QUESTION)))
    reply = coach.handle(voice_inbound(7, recognizer.transcribe(two_sentences())))[0]
    assert reply.safety == "doctor" and DOCTOR_FIRST in reply.text
    assert reply.text.startswith(HEARD.format(f"{CONCERN} {QUESTION}"))


def test_a_note_heard_whole_is_decoded_once():
    model = DroppingModel(f"{CONCERN} {QUESTION}")
    hearing = whisper_on(model).listen(two_sentences())
    assert hearing.beam == [f"{CONCERN} {QUESTION}"] and not hearing.heard_again and model.generations == 2


def test_heard_again_no_fuller_the_first_hearing_stands():
    model = DroppingModel(QUESTION, "Today.", "Sets.")
    hearing = whisper_on(model).listen(two_sentences())
    assert hearing.beam == [QUESTION] and not hearing.heard_again


def test_too_few_words_for_the_speech_is_heard_too_short_and_a_short_note_never():
    note = two_sentences()
    assert heard_too_short(note, QUESTION) and not heard_too_short(note, f"{CONCERN} {QUESTION}")
    assert not heard_too_short(Clip(sound(1.5, 0.1), RATE), "Yes.")  # a word said slowly
    assert 7 / 5.5 < WORDS_PER_SECOND < 15 / 5.5  # the question alone against both sentences


def test_a_loop_of_one_letter_is_no_words_heard():
    loop = "M-" + "-".join(["N"] * 25)  # a sentence in Russian, and the chest pain said after it, heard as this
    assert words_heard(loop) == 2 and words_heard("very very sore") == 2 and heard_too_short(two_sentences(), loop)


def test_a_pause_between_sentences_is_found_and_a_noise_floor_is_not_one():
    middles = pause_middles(frame_levels(two_sentences()))
    assert len(middles) == 1 and 3 * RATE < middles[0] * FRAME < 3.4 * RATE
    floor = Clip(np.concatenate([sound(3, 0.1), sound(0.4, 0.05), sound(2.5, 0.1, 2)]), RATE)
    assert pause_middles(frame_levels(floor)) == []
