"""Text to speech with the espeak-ng library that the espeakng-loader wheel ships (via ctypes)."""

from __future__ import annotations

import ctypes
import re
import threading
from dataclasses import dataclass

import espeakng_loader
import numpy as np

from voice.audio import Clip

DEFAULT_VOICE = "en-us+m3"
DEFAULT_SPEED = 165              # words per minute
_SYNCHRONOUS = 2                 # espeak_AUDIO_OUTPUT: the callback gets samples, Synth returns when done
_RATE_PARAMETER = 1              # espeakRATE
_CHARS_UTF8 = 1
_IPA = 0x02                      # espeak_TextToPhonemes: IPA instead of espeak's own mnemonics
# espeak-ng's breathy voices (en-us+f2, +f5, ...: a voice file's "breath") add noise from its own random
# numbers, which espeak_Initialize seeds with the clock (time(NULL)): the same text in the same voice was
# other audio in each run, and Whisper heard 54 of the 168 development notes those two voices read
# otherwise from one run to the next (bench/voice_health_tuning.yaml). Seeded with this before each
# text, a text is spoken the same in every run (what was said before it in the process still counts:
# espeak-ng's state runs on from one text to the next).
NOISE_SEED = 1
_SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)
# espeak-ng keeps one global state per process, whatever object wraps it: every call holds this.
_LIBRARY_LOCK = threading.Lock()


class SpeechError(RuntimeError):
    """espeak-ng could not be loaded or refused a voice."""


@dataclass(frozen=True)
class VoiceStyle:
    """Which espeak-ng voice speaks, and how fast."""

    name: str = DEFAULT_VOICE
    speed: int = DEFAULT_SPEED


class Speaker:
    """Synthesises speech and spells words as IPA; one per process is plenty."""

    def __init__(self) -> None:
        self._lib = ctypes.CDLL(espeakng_loader.get_library_path())
        self._declare()
        self._chunks: list[np.ndarray] = []
        self._callback = _SynthCallback(self._collect)  # kept on self: C holds only a raw pointer
        with _LIBRARY_LOCK:
            rate = self._lib.espeak_Initialize(_SYNCHRONOUS, 0, espeakng_loader.get_data_path().encode(), 0)
            if rate <= 0:
                raise SpeechError("espeak-ng did not initialise")
            self.rate = int(rate)

    def _declare(self) -> None:
        """Argument and result types of the functions used."""
        lib = self._lib
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
        lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int]
        lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        lib.espeak_ng_SetRandSeed.argtypes = [ctypes.c_long]

    def _collect(self, wav: ctypes.Array[ctypes.c_short], count: int, events: int) -> int:
        """espeak-ng's callback: keep each chunk of samples."""
        if count > 0:
            self._chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
        return 0

    def synthesize(self, text: str, style: VoiceStyle = VoiceStyle()) -> Clip:
        """Speech for `text` as a mono clip at espeak-ng's own rate (22.05 kHz)."""
        data = text.encode("utf-8")
        with _LIBRARY_LOCK:
            self._use(style)
            self._lib.espeak_ng_SetRandSeed(NOISE_SEED)  # not the clock's seed (see NOISE_SEED)
            self._lib.espeak_SetSynthCallback(self._callback)
            self._chunks = []
            self._lib.espeak_Synth(data, len(data) + 1, 0, 0, 0, _CHARS_UTF8, None, None)
            chunks, self._chunks = self._chunks, []
        samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)
        return Clip(samples.astype(np.float32) / 32768.0, self.rate)

    def phonemes(self, word: str, voice: str = "en-us") -> str:
        """How espeak-ng would say a word, in IPA (stress marks included)."""
        with _LIBRARY_LOCK:
            self._use(VoiceStyle(voice))
            pointer = ctypes.c_char_p(word.encode("utf-8"))
            parts = []
            while pointer.value:
                parts.append((self._lib.espeak_TextToPhonemes(ctypes.byref(pointer), _CHARS_UTF8, _IPA) or b"").decode())
        return " ".join(parts)

    def _use(self, style: VoiceStyle) -> None:
        """Select the voice and speed (the caller holds the lock)."""
        if self._lib.espeak_SetVoiceByName(style.name.encode()) != 0:
            raise SpeechError(f"espeak-ng has no voice {style.name!r}")
        self._lib.espeak_SetParameter(_RATE_PARAMETER, style.speed, 0)


_RANGE = re.compile(r"(\d)\s*[–-]\s*(\d)")
_NOT_SPOKEN = re.compile(r"[^\w\s.,;:!?'’()%/+-]")


def format_spoken(text: str) -> str:
    """Reply text as it should be read aloud: ranges as "3 to 4", "×" as "by", no emoji."""
    text = _RANGE.sub(r"\1 to \2", text).replace("×", " by ").replace(" — ", ", ").replace("—", ", ").replace("–", ", ")
    text = _NOT_SPOKEN.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()
