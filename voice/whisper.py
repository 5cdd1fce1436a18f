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
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voice.audio import MAX_SECONDS, RECOGNIZER_RATE, Clip
from voice.features import log_mel
from voice.memory import release_code_pages
from voice.pauses import has_speech, split_at_pauses
from voice.tokens import decode_tokens, prompt_tokens

WINDOW_STEP = 5            # seconds: the window is the clip's length rounded up to a multiple of this
MAX_WINDOW = 30            # Whisper's own window; longer notes are heard a piece at a time
NO_SPEECH = 0.6            # Whisper's own "there are no words here" probability, above which it is ignored
_LIBC = ctypes.CDLL(ctypes.util.find_library("c"))
M_MMAP_THRESHOLD = -3      # glibc's mallopt parameter number
# A phrase of 2+ words said again straight after itself: a decoding loop, not speech.
_REPEAT = re.compile(r"\b((?:[\w']+,?\s+)+[\w']+[,.?!]?)(?:\s+\1)+(?=\W|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Decoding:
    """How Whisper decodes a note: the shortest window (s), the beam, the repetition guard (at most
    `tokens_per_second` tokens per second of audio, plus `token_slack`; repeated phrases dropped),
    how many of the beam's hypotheses to return, and whether to prompt with the topics, and with
    how many of the content's topic words and health words (voice.prompt)."""

    min_window: int = 15
    beam: int = 5
    tokens_per_second: float = 6.0
    token_slack: int = 10
    drop_repeats: bool = True
    hypotheses: int = 5
    prompt: bool = True
    topic_words: int = 12
    health_words: int = 32


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


def release_freed_memory() -> None:
    """Give the memory the encoder freed back to the system: glibc would keep its 20-30 MB of
    scratch space for the life of the process (no-op on a C library without malloc_trim)."""
    trim = getattr(_LIBC, "malloc_trim", None)
    if trim is not None:
        trim(0)


class Whisper:
    """Whisper tiny.en on one core, prompted with what people ask about; one clip at a time."""

    def __init__(self, model_dir: Path, prompt: str, decoding: Decoding = DEFAULT) -> None:
        import ctranslate2  # imported here, in the loading thread: start-up does not wait for it

        return_large_blocks_at_once()
        self.decoding = decoding
        # Before the weights: when the prompt has changed, the tokenizer's 20 MB come and go first.
        self._prefix, self._end = prompt_tokens(model_dir, prompt if decoding.prompt else "")
        release_freed_memory()
        self._model = ctranslate2.models.Whisper(str(model_dir), device="cpu", compute_type="int8", intra_threads=1)
        self._storage = ctranslate2.StorageView.from_array
        release_freed_memory()  # the weights' file buffer
        self._lock = threading.Lock()
        release_code_pages()  # the code the start-up and the loading ran once
        self._warm_up()
        release_code_pages()  # and the code of CTranslate2's set-up

    def _warm_up(self) -> None:
        """Decode a second of silence as a note is decoded: CTranslate2's one-time set-up (its kernels
        and the code that makes them) runs in the loading thread, before its code pages are given
        back, instead of at the first note, where it added 5 MB to the peak."""
        silence = Clip(np.zeros(RECOGNIZER_RATE, np.float32), RECOGNIZER_RATE)
        features = self._storage(log_mel(silence.samples, 1)[None])
        self._model.generate(features, [self._prefix], **self._options(silence))
        release_freed_memory()

    def transcribe(self, clip: Clip) -> list[str]:
        """What the clip says, best hypothesis first; [] when it is longer than a voice note may be
        or Whisper thinks there are no words in it. A clip longer than the shortest window is heard a piece at a
        time (cut at pauses), and its readings are the pieces' readings of the same rank joined."""
        if clip.rate != RECOGNIZER_RATE:
            raise ValueError(f"Whisper needs {RECOGNIZER_RATE} Hz audio, got {clip.rate}")
        if clip.seconds > MAX_SECONDS:  # a note of 30-60 s is heard too (it was "I didn't catch that")
            return []
        pieces = [heard for piece in split_at_pauses(clip, self.decoding.min_window)
                  if has_speech(piece) and (heard := self._hear(piece))]  # a silent piece is heard as "Thank you"
        ranks = max((len(heard) for heard in pieces), default=0)
        texts = (" ".join(heard[min(rank, len(heard) - 1)] for heard in pieces) for rank in range(ranks))
        return list(dict.fromkeys(texts))

    def _hear(self, clip: Clip) -> list[str]:
        """One piece's readings, best first; [] when Whisper hears no words in it."""
        seconds = window_seconds(clip, self.decoding.min_window)
        if seconds is None:
            return []
        features = self._storage(log_mel(clip.samples, seconds)[None])
        with self._lock:
            release_code_pages()  # what ran since the last note is not kept through this one's peak
            result = self._model.generate(features, [self._prefix], **self._options(clip))[0]
            release_freed_memory()
        if result.no_speech_prob > NO_SPEECH:
            return []
        texts = [decode_tokens([token for token, i in zip(tokens, ids) if i < self._end]).strip()
                 for tokens, ids in zip(result.sequences, result.sequences_ids)]
        if self.decoding.drop_repeats:
            texts = [without_repeats(t) for t in texts]
        return list(dict.fromkeys(t for t in texts if t))

    def _options(self, clip: Clip) -> dict[str, object]:
        """Generation options for a clip: the beam and the length cap of the repetition guard."""
        d = self.decoding
        cap = len(self._prefix) + d.token_slack + math.ceil(d.tokens_per_second * clip.seconds)
        return {"beam_size": d.beam, "num_hypotheses": min(d.hypotheses, d.beam), "max_length": cap,
                "return_no_speech_prob": True}
