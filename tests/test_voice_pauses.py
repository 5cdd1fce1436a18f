"""Long voice notes are heard a piece at a time, cut at their pauses, so the encoder's window (and
its memory, which grows with the square of the window) stays that of a short note."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from tests.voice_support import human_speech, shared_pipeline
from voice.audio import Clip, decode_audio
from voice.pauses import frame_levels, split_at_pauses
from voice.words import sentence_words

RATE = 16_000
THIRTY_SECONDS = ("austen-0870", "austen-0880", "austen-0890", "austen-0920", "austen-0930", "cards-005", "cards-001")


def noise(seconds: float, level: float, seed: int = 1) -> np.ndarray:
    """Steady noise standing in for speech (or, quiet, for a pause)."""
    return (np.random.default_rng(seed).standard_normal(int(seconds * RATE)) * level).astype(np.float32)


def test_a_note_that_fits_the_window_is_heard_whole():
    clip = Clip(noise(14.9, 0.1), RATE)
    assert split_at_pauses(clip, 15) == [clip]


def test_a_long_note_is_cut_at_its_pause_into_pieces_that_fit_the_window():
    samples = np.concatenate([noise(12, 0.1), noise(0.5, 0.0005, 2), noise(9, 0.1, 3)])
    pieces = split_at_pauses(Clip(samples, RATE), 15)
    assert len(pieces) == 2 and 12 * RATE <= len(pieces[0].samples) <= 12.5 * RATE  # within the pause
    assert np.array_equal(np.concatenate([p.samples for p in pieces]), samples)  # nothing lost or doubled


def test_a_note_without_pauses_is_still_cut_into_pieces_that_fit():
    pieces = split_at_pauses(Clip(noise(40, 0.1), RATE), 15)
    assert len(pieces) >= 3 and all(p.seconds <= 15 for p in pieces)
    assert sum(len(p.samples) for p in pieces) == 40 * RATE


def test_frame_levels_are_decibels_of_each_10_ms():
    levels = frame_levels(Clip(np.concatenate([np.zeros(RATE // 10), np.full(RATE // 10, 0.5)]).astype(np.float32), RATE))
    assert len(levels) == 20 and levels[0] < -100 and levels[-1] == pytest.approx(20 * np.log10(0.5))


class RecordingModel:
    """Whisper's CTranslate2 model, recording the number of frames of each window it decodes."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.frames: list[int] = []

    def encode(self, features: Any) -> Any:
        """Encode, noting the window's length in frames."""
        self.frames.append(features.shape[-1])
        return self.model.encode(features)

    def generate(self, features: Any, *args: Any, **kwargs: Any) -> Any:
        """Decode the encoded window."""
        return self.model.generate(features, *args, **kwargs)


def test_a_30_second_note_of_people_is_heard_in_windows_of_at_most_15_seconds(monkeypatch):
    whisper = shared_pipeline().recognizer.wait()
    parts = [human_speech(name) for name in THIRTY_SECONDS]
    clip = Clip(np.concatenate([decode_audio(data).samples for data, _ in parts]), RATE)
    recording = RecordingModel(whisper._model)
    monkeypatch.setattr(whisper, "_model", recording)
    heard = sentence_words(whisper.transcribe(clip)[0])
    assert 25 < clip.seconds <= 30 and len(recording.frames) >= 2 and set(recording.frames) == {1500}
    assert {"dashwood", "amiable", "spades", "hearts"} <= set(heard)  # the start, middle and end of the note
