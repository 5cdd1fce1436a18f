"""Whisper's input: the log-mel spectrogram of a clip, computed in float64 a block of frames at a time
and rounded to float32 at the end.

Computed in one go, the spectrogram of a 15-second window passed through 12 MB of short-lived arrays; a
block of frames at a time it needs about 2 MB beyond its result. In float64, because the filter bank's
matrix product is numpy's BLAS, whose kernel depends on the processor: in float32 the features of the
same note differed in their last bits between OpenBLAS's kernels (Haswell, SkylakeX, Sandybridge) and
Whisper heard 13 of 172 development notes otherwise; in float64, rounded once at the end, they were the
same bit for bit on all three."""

from __future__ import annotations

import math

import numpy as np

from voice.audio import RECOGNIZER_RATE

N_FFT = 400                # 25 ms analysis windows
HOP = 160                  # every 10 ms
N_MELS = 80
FRAME_BLOCK = 250          # frames transformed at a time (2.5 s of audio)


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
    weights: np.ndarray = (np.maximum(0, np.minimum(rising, falling)) * area[:, None]).astype(np.float32)
    return weights.astype(np.float64)  # Whisper's float32 filters, used in float64 (see the module's docstring)


FILTERS = mel_filters()
HANN = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)).astype(np.float32).astype(np.float64)


def log_mel(samples: np.ndarray, seconds: int) -> np.ndarray:
    """Whisper's input: the log-mel spectrogram of the samples padded with silence to `seconds`,
    clamped to 8 (log10) below its peak and scaled to about [-1, 1]; shape (N_MELS, 100 * seconds)."""
    audio = np.zeros(RECOGNIZER_RATE * seconds + N_FFT, np.float64)
    length = min(len(samples), RECOGNIZER_RATE * seconds)
    audio[N_FFT // 2: N_FFT // 2 + length] = samples[:length]
    audio[: N_FFT // 2] = audio[N_FFT: N_FFT // 2: -1]  # reflected at the start, as Whisper pads
    audio[-(N_FFT // 2):] = audio[-(N_FFT // 2) - 2: -N_FFT - 2: -1]
    frames = np.lib.stride_tricks.sliding_window_view(audio, N_FFT)[::HOP][:-1]
    spectrum = np.empty((len(frames), N_MELS), np.float64)
    for start in range(0, len(frames), FRAME_BLOCK):
        power = np.abs(np.fft.rfft(frames[start:start + FRAME_BLOCK] * HANN, axis=1)) ** 2
        np.matmul(power, FILTERS.T, out=spectrum[start:start + FRAME_BLOCK])
    np.log10(np.maximum(spectrum, 1e-10, out=spectrum), out=spectrum)
    np.maximum(spectrum, spectrum.max() - 8.0, out=spectrum)
    return np.ascontiguousarray(((spectrum + 4.0) / 4.0).T, np.float32)
