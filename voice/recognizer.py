"""Speech to text with pocketsphinx on the domain language model, and whether to trust the result.

Why pocketsphinx: its wheel ships an English acoustic model, so voice needs no download, and a
language model of the content makes it the most accurate recognizer found here for this domain:
on bench/bench_voice.py's main set it gets the right entry for about 84% of notes, Whisper
tiny.en (voice.whisper) for about 76%, moonshine-cpp 0.1.4 (base-en) for 71% at about 380 MB and a
real-time factor of 0.33. pocketsphinx and Whisper mishear different notes, so the pipeline
asks both (voice.pipeline): together they get about 93%."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from pocketsphinx import Decoder

from voice.audio import RECOGNIZER_RATE, Clip
from voice.language_model import ModelFiles

DITHER = 0.0015            # RMS of the noise floor added before decoding (about -56 dBFS)
SILENCE_DB = -45.0         # a clip whose loud frames are quieter than this holds no speech
MIN_SPEECH_SECONDS = 0.15  # less voiced audio than this is a tap on the button, not a word
FRAME = RECOGNIZER_RATE // 100
# Decoder settings measured with bench/bench_voice.py: more Gaussians per frame (topn, default 4)
# and a higher word insertion penalty (wip, default 0.65) each got the right entry a little more
# often on both question sets, for a real-time factor of about 0.11 on one core. Wider search beams
# (beam and pbeam 1e-60, with or without wider lookahead beams) gained 1-2 points on the main set,
# none on the held-out set, and cost up to twice the decoding time.
DECODER_SETTINGS = {"topn": 8, "wip": 2.0}


@dataclass(frozen=True)
class Transcript:
    """What was heard: `text` is empty unless the recognizer is confident it heard words; the
    `alternative` is a second recognizer's transcript ("" when it heard nothing or was not asked)."""

    text: str
    confident: bool
    seconds: float = 0.0
    alternative: str = ""


def speech_seconds(clip: Clip) -> float:
    """How much of the clip is loud enough to be speech (10 ms frames above SILENCE_DB)."""
    frames = clip.samples[: len(clip.samples) // FRAME * FRAME].reshape(-1, FRAME)
    if not len(frames):
        return 0.0
    level = 10 * np.log10(np.mean(frames.astype(np.float64) ** 2, axis=1) + 1e-12)
    return float(np.sum(level > SILENCE_DB)) / 100


def has_speech(clip: Clip) -> bool:
    """Whether the clip holds enough loud audio to be a word (not silence, not a tap)."""
    return speech_seconds(clip) >= MIN_SPEECH_SECONDS


class Recognizer:
    """A pocketsphinx decoder on one domain model; decodes one clip at a time (thread-safe)."""

    def __init__(self, files: ModelFiles) -> None:
        self._decoder = Decoder(lm=str(files.lm), dict=str(files.dictionary), loglevel="FATAL", **DECODER_SETTINGS)
        # feat.params in the acoustic model turns spectral noise removal on, which smears the
        # clean, quiet gaps of compressed voice notes; it can only be switched off after loading.
        self._decoder.config["remove_noise"] = False
        self._decoder.reinit_feat()
        self._lock = threading.Lock()

    def transcribe(self, clip: Clip) -> Transcript:
        """The words in a 16 kHz clip, or an unconfident empty transcript for silence and noise."""
        if clip.rate != RECOGNIZER_RATE:
            raise ValueError(f"the recognizer needs {RECOGNIZER_RATE} Hz audio, got {clip.rate}")
        if not has_speech(clip):
            return Transcript("", False, seconds=clip.seconds)
        with self._lock:
            text = self._decode(_dithered(clip))
        return Transcript(text, bool(text), clip.seconds)

    def _decode(self, clip: Clip) -> str:
        """The best hypothesis, "" when there is none (the caller holds the lock)."""
        self._decoder.start_utt()
        self._decoder.process_raw(clip.pcm16(), full_utt=True)
        self._decoder.end_utt()
        best = self._decoder.hyp()
        return best.hypstr.strip() if best is not None else ""


def _dithered(clip: Clip) -> Clip:
    """The clip over a faint, fixed noise floor: digital silence (synthesised or gated audio) has no
    spectrum, and the features' log energies of such frames throw the acoustic model off."""
    noise = np.random.default_rng(0).standard_normal(len(clip.samples)).astype(np.float32) * DITHER
    return Clip(clip.samples + noise, clip.rate)
