"""Audio in and out: decode OGG/Opus or WAV to 16 kHz mono, encode speech as Telegram's OGG/Opus."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
import soundfile
import soxr

RECOGNIZER_RATE = 16_000   # what the acoustic model was trained on
VOICE_NOTE_RATE = 48_000   # what Telegram voice notes use
MAX_SECONDS = 60           # longer notes get "please keep it short"
MAX_BYTES = 20 * 2**20     # the Bot API's download limit for bots


class AudioError(ValueError):
    """The bytes are not audio this bot can read."""


class TooLong(AudioError):
    """The audio is longer than MAX_SECONDS."""


@dataclass(frozen=True)
class Clip:
    """Mono float samples in [-1, 1] at `rate` Hz."""

    samples: np.ndarray
    rate: int

    @property
    def seconds(self) -> float:
        """The clip's duration."""
        return len(self.samples) / self.rate

    def pcm16(self) -> bytes:
        """The samples as 16-bit little-endian PCM (what pocketsphinx reads)."""
        pcm: bytes = (np.clip(self.samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
        return pcm


def decode_audio(data: bytes, max_seconds: float = MAX_SECONDS) -> Clip:
    """Decode OGG/Opus, OGG/Vorbis, WAV or FLAC bytes to a 16 kHz mono clip.

    Raises TooLong before decoding a long file, AudioError for anything unreadable."""
    if len(data) > MAX_BYTES:
        raise TooLong(f"{len(data)} bytes is over the {MAX_BYTES} byte limit")
    try:
        with soundfile.SoundFile(io.BytesIO(data)) as sound:
            if sound.frames > max_seconds * sound.samplerate:
                raise TooLong(f"{sound.frames / sound.samplerate:.0f} s is over {max_seconds} s")
            samples, rate = sound.read(dtype="float32", always_2d=True), sound.samplerate
    except (soundfile.LibsndfileError, RuntimeError, TypeError):
        raise AudioError("not a readable audio file (OGG/Opus, OGG/Vorbis, WAV or FLAC)") from None
    if not len(samples):
        raise AudioError("no audio in the file")
    return resample(Clip(samples.mean(axis=1), rate), RECOGNIZER_RATE)


def resample(clip: Clip, rate: int) -> Clip:
    """The clip at another sample rate."""
    if clip.rate == rate:
        return clip
    return Clip(soxr.resample(clip.samples, clip.rate, rate).astype(np.float32), rate)


def encode_voice_note(clip: Clip) -> bytes:
    """OGG/Opus at 48 kHz mono, as Telegram sends and plays voice notes."""
    out = io.BytesIO()
    soundfile.write(out, resample(clip, VOICE_NOTE_RATE).samples, VOICE_NOTE_RATE, format="OGG", subtype="OPUS")
    return out.getvalue()


def encode_wav(clip: Clip) -> bytes:
    """16-bit PCM WAV at the clip's own rate."""
    out = io.BytesIO()
    soundfile.write(out, clip.samples, clip.rate, format="WAV", subtype="PCM_16")
    return out.getvalue()
