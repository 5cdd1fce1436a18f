"""Whose a spoken question's miss is: the recognizer's, the text understanding's or the voice path's
choice among the readings. Used by bench/bench_voice.py --split.

- UNDERSTANDING: the question typed, word for word, is not answered right either: the ceiling of the
  spoken run, the knowledge layer's to raise, not voice's.
- SELECTION: one of the note's readings, typed, is answered right, but the voice path answered
  another reading or asked "did I catch that?" (split into UNSURE: no answer, suggestions instead;
  and OTHER: another entry answered).
- RECOGNIZER: typed, no reading of the note is answered right: the words were lost in hearing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

UNDERSTANDING = "understanding"
SELECTION_UNSURE = "selection: unsure step"
SELECTION_OTHER = "selection: another reading or entry"
RECOGNIZER = "recognizer"
KINDS = (RECOGNIZER, UNDERSTANDING, SELECTION_UNSURE, SELECTION_OTHER)


@dataclass(frozen=True)
class Miss:
    """A spoken question answered wrongly: what typing the question and each reading gives."""

    question_right: bool          # the question itself, typed
    readings_right: tuple[bool, ...]  # each of the note's readings, typed
    answered: str | None          # the entry the note got (None: no answer)


def whose(miss: Miss) -> str:
    """The kind of a miss (see the module's docstring)."""
    if not miss.question_right:
        return UNDERSTANDING
    if any(miss.readings_right):
        return SELECTION_UNSURE if miss.answered is None else SELECTION_OTHER
    return RECOGNIZER


def find_miss(readings: Iterable[str], typed_right: Callable[[str], bool], question: str,
              answered: str | None) -> Miss:
    """Type the question and each reading (best first) to see whose the miss is."""
    return Miss(typed_right(question), tuple(typed_right(text) for text in readings), answered)


def format_split(kinds: Iterable[str]) -> str:
    """The count of misses of each kind, on one line."""
    counts = Counter(kinds)
    return ", ".join(f"{kind} {counts[kind]}" for kind in KINDS)
