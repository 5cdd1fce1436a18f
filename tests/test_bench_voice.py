"""The voice benchmark's second instrument: flite's voices, recorded from people, beside espeak-ng's."""

from __future__ import annotations

import shutil

import pytest

from bench.bench_voice import FLITE_VOICES, voices
from tests.voice_support import shared_pipeline
from voice.words import sentence_words

needs_flite = pytest.mark.skipif(shutil.which("flite") is None, reason="flite is not installed (apt-get install flite)")


@needs_flite
def test_flite_reads_the_question_as_a_voice_note_whisper_hears():
    pipeline = shared_pipeline()
    readers = voices("flite", pipeline)
    assert list(readers) == [f"flite:{voice}" for voice in FLITE_VOICES]
    heard = pipeline.transcribe(readers["flite:slt"]("How many reps for endurance?"))
    assert sentence_words(heard.text) == ["how", "many", "reps", "for", "endurance"]


def test_espeak_stays_the_default_instrument():
    assert all("@" in name for name in voices("espeak", shared_pipeline()))
