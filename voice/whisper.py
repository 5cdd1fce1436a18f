"""The recognizer: Whisper tiny.en, run with CTranslate2 on int8 weights (voice.weights).

Whisper reads 30-second windows; CTranslate2 also runs the encoder on a shorter one, which is what
makes it cheap on voice notes of a few seconds. Too short a window makes it loop, though: fitted
to the note (rounded up to 5 s), it repeated its sentence on a third of the held-out notes and
heard nothing in a 10-second recording. bench/bench_heard.py measures windows, beams and the
repetition guard on recorded human speech; the settings below are its best (see DEFAULT)."""

from __future__ import annotations

import ctypes
import ctypes.util
import math
import os
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

import numpy as np

from voice.audio import MAX_SECONDS, RECOGNIZER_RATE, Clip
from voice.coverage import heard_too_short
from voice.features import log_mel
from voice.memory import release_file_pages, release_freed_memory
from voice.pauses import has_speech, split_at_every_pause, split_at_pauses
from voice.tokens import decode_tokens, prompt_tokens
from voice.words import sentence_words

WINDOW_STEP = 5            # seconds: the window is the clip's length rounded up to a multiple of this
MAX_WINDOW = 30            # Whisper's own window; longer notes are heard a piece at a time
SEED = 1                   # a process samples the same readings for the same notes in the same order (benchmarks)
NO_SPEECH = 0.6            # Whisper's own "there are no words here" probability, above which it is ignored
_LIBC = ctypes.CDLL(ctypes.util.find_library("c"))
M_MMAP_THRESHOLD = -3      # glibc's mallopt parameter number
# CTranslate2 4.8 keeps a second, MKL-packed copy of the output projection (tied to the 12 MB token
# table) unless told not to: 12 MB of the peak (157 -> 145 MB), for the same readings.
PACKED_GEMM = "CT2_PACKED_GEMM"
# One code path for every x86-64 processor with AVX2, so a note is heard the same on every machine: by
# default CTranslate2 does its matrix products in Intel MKL on Intel processors (whose code path follows
# the processor: MKL's AVX2 path heard "I have become down my right leg" where the AVX-512 one heard "I have
# decided to calm ...") and in oneDNN on others, and its own kernels take the widest instructions there
# are. oneDNN and CTranslate2's kernels capped at AVX2 instead (MKL's own cap, MKL_CBWR, does not hold on
# AMD processors): 25 of 172 development notes heard otherwise here than by MKL at AVX-512, and the same
# whatever numpy's and OpenBLAS's paths (see README, readings the same on every machine).
SAME_EVERYWHERE = {"CT2_USE_MKL": "0", "ONEDNN_MAX_CPU_ISA": "AVX2", "CT2_FORCE_CPU_ISA": "AVX2"}
# A phrase of 2+ words said again straight after itself: a decoding loop, not speech.
_REPEAT = re.compile(r"\b((?:[\w']+,?\s+)+?[\w']+[,.?!]?)(?:\s+\1)+(?=\W|$)", re.IGNORECASE)  # the shortest phrase that repeats


@dataclass(frozen=True)
class Decoding:
    """How Whisper decodes a note: the shortest window (s), the beam, the repetition guard (at most
    `tokens_per_second` tokens per second of audio, plus `token_slack`; repeated phrases dropped),
    how many of the beam's hypotheses to return, whether to prompt with the topics, and with
    how many of the content's topic words and health words (voice.prompt), and how a second hearing
    samples further readings from the same encoded note."""

    min_window: int = 15
    beam: int = 5
    tokens_per_second: float = 6.0
    token_slack: int = 10
    drop_repeats: bool = True
    hypotheses: int = 5
    prompt: bool = True
    topic_words: int = 12
    health_words: int = 32
    # Readings sampled in a second hearing, for health concerns only, each kept only when it is close
    # to the beam's best reading (voice.recognizer.SAMPLE_WORDS_APART); 0, none: on the frozen sets,
    # filtered, two caught no more spoken concerns (63/72, 48/48) and still added false health lines
    # (23 -> 27/540 espeak-ng, 21 -> 22/360 flite; 33 and 24 unfiltered). See README.
    samples: int = 0
    temperature: float = 0.5   # ... at this temperature, from the `top_k` likeliest tokens at each step
    top_k: int = 10


# Measured with bench/bench_heard.py on recorded people (WER, 126 words): window >= 5 s without the
# guard 0.270, >= 10 s 0.056, >= 15 s 0.040, 30 s 0.048; greedy instead of beam 5: 0.071; no prompt:
# 0.056 (0.040 with the float32 features and the derived prompt: 126 words tell them apart by one
# or two words at most). Five readings instead of two: 85.1% against 80.2% right on the spoken questions, 86.1%
# against 81.9% doctor first. The prompt's words and how many of each: see voice.prompt.
DEFAULT = Decoding()


def window_seconds(clip: Clip, shortest: int = DEFAULT.min_window) -> int | None:
    """The window a clip is decoded in, None when it is too long for one."""
    if clip.seconds > MAX_WINDOW:
        return None
    return min(MAX_WINDOW, max(shortest, math.ceil(clip.seconds / WINDOW_STEP) * WINDOW_STEP))


def without_repeats(text: str) -> str:
    """The text with any phrase said twice or more in a row kept once (Whisper's loops)."""
    return _REPEAT.sub(r"\1", text)


def return_large_blocks_at_once() -> None:
    """Have glibc give blocks of 128 KB or more back to the system as soon as they are freed: the
    encoder's passing buffers otherwise stay in the heap, 15-20 MB over the peak that matters
    (no-op on a C library without mallopt)."""
    mallopt = getattr(_LIBC, "mallopt", None)
    if mallopt is not None:
        mallopt(M_MMAP_THRESHOLD, 128 * 1024)


@dataclass(frozen=True)
class Hearing:
    """A clip's readings: the beam's, best first, and a second hearing's `samples` (for health
    concerns only: sampled readings are likelier to be wrong, and kept apart); `certainty`, how sure
    the beam is of its best reading: its mean log-probability per token, in the least sure piece
    (0 for no reading)."""

    beam: list[str]
    samples: list[str]
    certainty: float = 0.0
    heard_again: bool = False  # heard too short at first, and heard again cut at its pauses (voice.coverage)


class Model(Protocol):
    """What the bot uses of CTranslate2's Whisper: encode a note once, generate readings from it."""

    def encode(self, features: Any) -> Any:
        """The encoder's output for a batch of log-mel features."""

    def generate(self, features: Any, prompts: list[list[int]], **options: Any) -> list[Any]:
        """Readings of encoded features (mel features are encoded again: never passed here)."""


def load_model(model_dir: Path) -> Model:
    """CTranslate2's Whisper on int8 weights and one core, its random sampling seeded, its weights
    used as loaded (not packed into a second copy for MKL: see PACKED_GEMM), on the code path every
    x86-64 machine with AVX2 shares (SAME_EVERYWHERE)."""
    os.environ.update(SAME_EVERYWHERE)  # read once, at CTranslate2's and oneDNN's first use: set before any
    os.environ[PACKED_GEMM] = "0"  # read by CTranslate2 once, when it loads its first model
    import ctranslate2  # imported here, in the loading thread: start-up does not wait for it

    ctranslate2.set_random_seed(SEED)  # read once, by the thread that decodes, at its first sample
    model: Model = ctranslate2.models.Whisper(str(model_dir), device="cpu", compute_type="int8", intra_threads=1)
    return model


def as_storage(array: np.ndarray) -> Any:
    """A numpy array as CTranslate2's StorageView."""
    import ctranslate2

    return ctranslate2.StorageView.from_array(array)


class Whisper:
    """Whisper tiny.en on one core, prompted with what people ask about; one clip at a time."""

    def __init__(self, model_dir: Path, prompt: str, decoding: Decoding = DEFAULT,
                 model: Callable[[Path], Model] = load_model, storage: Callable[[np.ndarray], Any] = as_storage,
                 contexts: Mapping[str, str] = MappingProxyType({})) -> None:
        return_large_blocks_at_once()
        self.decoding = decoding
        # Before the weights: when the prompt has changed, the tokenizer's 20 MB come and go first.
        said = prompt if decoding.prompt else ""
        self._prefix, self._end = prompt_tokens(model_dir, said)
        # What the bot has just asked, said after the prompt (Whisper reads a prompt as the words said before the
        # note): a note answering "When do you want to train?" is heard with the days' names said just before it.
        self._prefixes = {name: prompt_tokens(model_dir, f"{said} {text}".strip())[0] for name, text in contexts.items()}
        release_freed_memory()
        self._model = model(model_dir)
        self._storage = storage
        release_freed_memory()  # the weights' file buffer
        self._lock = threading.Lock()
        release_file_pages()  # the code and read-only data the start-up and the loading read once
        self._warm_up()
        release_file_pages()  # and those of CTranslate2's set-up

    def _warm_up(self) -> None:
        """Decode a second of silence as a note is decoded: CTranslate2's one-time set-up (its kernels
        and the code that makes them) runs in the loading thread, before the pages it read are given
        back, instead of at the first note, where it added 5 MB to the peak."""
        silence = Clip(np.zeros(RECOGNIZER_RATE, np.float32), RECOGNIZER_RATE)
        encoded = self._model.encode(self._storage(log_mel(silence.samples, 1)[None]))
        self._model.generate(encoded, [self._prefix], **self._options(silence, len(self._prefix)))
        if self.decoding.samples:
            self._model.generate(encoded, [self._prefix], **self._sampling(silence, len(self._prefix)))
        release_freed_memory()

    def transcribe(self, clip: Clip) -> list[str]:
        """What the clip says, best hypothesis first (the beam's readings only: no second hearing)."""
        return self.listen(clip, sample=False).beam

    def listen(self, clip: Clip, sample: bool = True, context: str = "") -> Hearing:
        """What the clip says: the beam's readings, best first, and (with `sample`) a second
        hearing's, sampled from the same encoded audio (the encoder runs once a piece); nothing when
        the clip is longer than a voice note may be or Whisper thinks there are no words in it. A
        clip longer than the shortest window is heard a piece at a time (cut at pauses), and its
        readings are the pieces' readings of the same rank joined. A clip heard too short for its
        speech (a sentence dropped: voice.coverage) is heard again cut at every pause, and the fuller
        reading comes first. A `context` the Whisper was given (what the bot has just asked) is said before the
        note; an unknown one, or none, is not."""
        if clip.rate != RECOGNIZER_RATE:
            raise ValueError(f"Whisper needs {RECOGNIZER_RATE} Hz audio, got {clip.rate}")
        if clip.seconds > MAX_SECONDS:  # a note of 30-60 s is heard too (it was "I didn't catch that")
            return Hearing([], [])
        prefix = self._prefixes.get(context, self._prefix)
        hearing = self._in_pieces(split_at_pauses(clip, self.decoding.min_window), sample, prefix)
        if not heard_too_short(clip, hearing.beam[0] if hearing.beam else ""):
            return hearing
        pieces = [piece for part in split_at_every_pause(clip) for piece in split_at_pauses(part, self.decoding.min_window)]
        return _fuller(hearing, self._in_pieces(pieces, sample, prefix)) if len(pieces) > 1 else hearing

    def _in_pieces(self, clips: list[Clip], sample: bool, prefix: list[int]) -> Hearing:
        """The readings of pieces of a clip heard one at a time, those of the same rank joined; a piece
        without speech is skipped (silence is heard as "Thank you")."""
        pieces = [heard for piece in clips if has_speech(piece) and (heard := self._hear(piece, sample, prefix)).beam]
        return Hearing(_joined([heard.beam for heard in pieces]), _joined([heard.samples for heard in pieces]),
                       min((heard.certainty for heard in pieces), default=0.0))

    def _hear(self, clip: Clip, sample: bool, prefix: list[int]) -> Hearing:
        """One piece's readings, its audio encoded once for the beam and the samples; none when
        Whisper hears no words in it."""
        seconds = window_seconds(clip, self.decoding.min_window)
        if seconds is None:
            return Hearing([], [])
        features = self._storage(log_mel(clip.samples, seconds)[None])
        with self._lock:
            release_file_pages()  # what was read since the last note is not kept through this one's peak
            hearing = self._decode(self._model.encode(features), clip, sample and self.decoding.samples > 0, prefix)
            release_freed_memory()
        return hearing

    def _decode(self, encoded: Any, clip: Clip, sample: bool, prefix: list[int]) -> Hearing:
        """The beam's readings of an encoded piece, and with `sample` the second hearing's from the
        same encoding; none when Whisper thinks there are no words in it. The encoder's code is given
        back first: the beam's peak, the note's, is then 4 MB lower (the encoded note held for the
        samples costs 1.1 MB of it)."""
        release_file_pages()
        result = self._model.generate(encoded, [prefix], **self._options(clip, len(prefix)))[0]
        if result.no_speech_prob > NO_SPEECH:
            return Hearing([], [])
        sampled = self._model.generate(encoded, [prefix], **self._sampling(clip, len(prefix)))[0] if sample else None
        return Hearing(self._texts(result), self._texts(sampled) if sampled is not None else [], result.scores[0])

    def _texts(self, result: Any) -> list[str]:
        """A generation result's readings as text, each once, a loop's repeats dropped."""
        texts = [decode_tokens([token for token, i in zip(tokens, ids) if i < self._end]).strip()
                 for tokens, ids in zip(result.sequences, result.sequences_ids)]
        if self.decoding.drop_repeats:
            texts = [without_repeats(t) for t in texts]
        return list(dict.fromkeys(t for t in texts if t))

    def _options(self, clip: Clip, prefix: int) -> dict[str, object]:
        """Generation options for a clip after a prefix of `prefix` tokens: the beam and the length cap of the
        repetition guard."""
        d = self.decoding
        cap = prefix + d.token_slack + math.ceil(d.tokens_per_second * clip.seconds)
        return {"beam_size": d.beam, "num_hypotheses": min(d.hypotheses, d.beam), "max_length": cap,
                "return_no_speech_prob": True, "return_scores": True}

    def _sampling(self, clip: Clip, prefix: int) -> dict[str, object]:
        """Generation options for the second hearing: readings sampled from the likeliest tokens at
        a temperature instead of the beam's, where a health word the beam lost can come back ("I
        have epilepsy" for "I am empty, empty")."""
        d = self.decoding
        return {**self._options(clip, prefix), "beam_size": 1, "num_hypotheses": d.samples, "sampling_topk": d.top_k,
                "sampling_temperature": d.temperature, "return_no_speech_prob": False, "return_scores": False}


def _fuller(first: Hearing, again: Hearing) -> Hearing:
    """The note heard again, cut at its pauses, when its best reading holds more words than the first
    hearing's (its readings first, the first hearing's after them, so a concern in either is heard);
    else the first hearing."""
    if not again.beam or len(sentence_words(again.beam[0])) <= len(sentence_words(first.beam[0] if first.beam else "")):
        return first
    return Hearing(list(dict.fromkeys([*again.beam, *first.beam])), list(dict.fromkeys([*again.samples, *first.samples])),
                   again.certainty, heard_again=True)


def _joined(pieces: list[list[str]]) -> list[str]:
    """A clip's readings from its pieces' (each best first): the readings of the same rank joined."""
    ranks = max((len(heard) for heard in pieces), default=0)
    texts = (" ".join(heard[min(rank, len(heard) - 1)] for heard in pieces if heard) for rank in range(ranks))
    return list(dict.fromkeys(texts))
