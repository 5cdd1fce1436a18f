"""Spelling that knows English: only words that are neither English nor ours are corrected.

The English word list is symspellpy's bundled frequency dictionary (82,765 words with their counts
in a large corpus). A message word found there, or in the content's own vocabulary, is kept as
typed, so "tall" never becomes "all" and "paint" never becomes "pain". Anything else is a typo: it
becomes the closest of the content's words and the commonest English words (rapidfuzz), the
content winning a tie and then the commoner word, so "hamstirngs" means hamstrings and "wieght"
means weight (a swap of two letters is one edit).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_LENGTH = 4          # shorter words are too ambiguous to correct
CUTOFF_SHORT = 75.0     # one wrong or swapped letter in a 4-5 letter word
CUTOFF = 80.0
ENGLISH_MIN_COUNT = 200_000  # rarer dictionary words are mostly names and misspellings: not English enough
TARGET_COUNT = 2_000_000     # English words common enough to be what a typo meant


@dataclass(frozen=True)
class Fix:
    """One corrected word."""

    typed: str
    meant: str


def load_english(min_count: int = ENGLISH_MIN_COUNT) -> dict[str, int]:
    """English words with their corpus counts, from symspellpy's dictionary."""
    text = files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8")
    words: dict[str, int] = {}
    for line in text.splitlines():
        word, _, count = line.partition(" ")
        if int(count) >= min_count:
            words[word] = int(count)
    return words


class Speller:
    """Corrects words that are neither English nor the content's own; built once, cached per word."""

    def __init__(self, english: dict[str, int], ours: Iterable[str]) -> None:
        self._ours = frozenset(w for w in ours if w.isalpha())
        self._known = self._ours | english.keys()
        targets = self._ours | {w for w, c in english.items() if c >= TARGET_COUNT and len(w) >= 3}
        self._counts = {w: english[w] for w in targets if w in english}  # tie-breaks among targets only
        self._targets = sorted(targets)
        self.correct = lru_cache(maxsize=20_000)(self._correct)

    def knows(self, word: str) -> bool:
        """Whether a word is English or the content's own."""
        return word in self._known

    def _correct(self, word: str) -> str:
        """The word as meant: itself when known, short or not a word; else the closest known word."""
        if len(word) < MIN_LENGTH or not word.isalpha() or word in self._known:
            return word
        cutoff = CUTOFF_SHORT if len(word) < 6 else CUTOFF
        found = process.extract(word, self._targets, scorer=OSA.normalized_similarity, processor=None,
                                score_cutoff=cutoff / 100, limit=8)
        if not found:
            return word
        return max(found, key=lambda f: (round(f[1], 3), f[0] in self._ours, self._counts.get(f[0], 0)))[0]

    def fixes(self, words: Iterable[str]) -> list[Fix]:
        """The corrections made to these words, for curators."""
        return [Fix(w, m) for w in words if (m := self.correct(w)) != w]
