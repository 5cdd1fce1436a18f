"""Where a clip is loud and where it pauses: 10 ms frame levels, and long notes cut at their pauses.

Whisper's encoder needs memory growing with the square of its window: a 30-second window peaked
at 70 MB over the loaded model, a 15-second one at 24 MB. A note longer than the shortest window
is cut at its quietest moments into pieces no longer than that window, decoded one at a time, so
a long note costs what a short one does."""

from __future__ import annotations

import numpy as np

from voice.audio import RECOGNIZER_RATE, Clip

FRAME = RECOGNIZER_RATE // 100  # 10 ms
PAUSE_FRAMES = 20               # a pause is judged by the level over 200 ms, not one quiet frame
SILENCE_DB = -45.0              # a clip whose loud frames are quieter than this holds no speech
MIN_SPEECH_SECONDS = 0.15       # less voiced audio than this is a tap on the button, not a word
# A pause inside a note (between sentences or clauses): at least SHORTEST_PAUSE frames QUIET_DB or more below
# its loud level (espeak-ng's voices pause 0.12-0.35 s at a full stop, 0.08 s between words).
QUIET_DB = 30.0
SHORTEST_PAUSE = 12


def frame_levels(clip: Clip) -> np.ndarray:
    """The level of each whole 10 ms frame of the clip, in dB below full scale."""
    frames = clip.samples[: len(clip.samples) // FRAME * FRAME].reshape(-1, FRAME)
    levels: np.ndarray = 10 * np.log10(np.mean(frames.astype(np.float64) ** 2, axis=1) + 1e-12)
    return levels


def speech_seconds(clip: Clip) -> float:
    """How much of the clip is loud enough to be speech (10 ms frames above SILENCE_DB)."""
    return float(np.sum(frame_levels(clip) > SILENCE_DB)) / 100


def has_speech(clip: Clip) -> bool:
    """Whether the clip holds enough loud audio to be a word (not silence, not a tap)."""
    return speech_seconds(clip) >= MIN_SPEECH_SECONDS


def pause_cuts(levels: np.ndarray, longest: int) -> list[int]:
    """Frame indices to cut at so that no piece is longer than `longest` frames: each cut at the
    quietest 200 ms in the second half of the stretch that must be cut."""
    cuts: list[int] = []
    start = 0
    while len(levels) - start > longest:
        lowest, highest = start + longest // 2, start + longest
        smoothed = np.convolve(levels[lowest:highest], np.ones(PAUSE_FRAMES) / PAUSE_FRAMES, mode="same")
        start = lowest + int(np.argmin(smoothed))
        cuts.append(start)
    return cuts


def split_at_pauses(clip: Clip, longest_seconds: int) -> list[Clip]:
    """The clip itself when it fits in `longest_seconds`, else pieces that do, cut at pauses."""
    if clip.seconds <= longest_seconds:
        return [clip]
    cuts = [cut * FRAME for cut in pause_cuts(frame_levels(clip), longest_seconds * 100)]
    bounds = [0, *cuts, len(clip.samples)]
    return [Clip(clip.samples[a:b], clip.rate) for a, b in zip(bounds, bounds[1:])]


def pause_middles(levels: np.ndarray, quiet_db: float = QUIET_DB, shortest: int = SHORTEST_PAUSE) -> list[int]:
    """The middle frame of every pause of at least `shortest` frames: a run of frames `quiet_db` or more
    below the clip's loud level (its 95th percentile; a recording's noise floor is not a pause)."""
    if not len(levels):
        return []
    quiet = np.concatenate([[0], levels < np.percentile(levels, 95) - quiet_db, [0]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(quiet))
    return [int(start + end) // 2 for start, end in zip(edges[::2], edges[1::2]) if end - start >= shortest]


def split_at_every_pause(clip: Clip) -> list[Clip]:
    """The clip cut in the middle of each of its pauses (a sentence's end), the pieces that hold speech."""
    bounds = [0, *(middle * FRAME for middle in pause_middles(frame_levels(clip))), len(clip.samples)]
    pieces = [Clip(clip.samples[a:b], clip.rate) for a, b in zip(bounds, bounds[1:])]
    return [piece for piece in pieces if has_speech(piece)]
