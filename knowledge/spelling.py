"""Spelling that knows English: only words that are neither English nor ours are corrected.

The English word list is symspellpy's bundled frequency dictionary (82,765 words with their counts
in a large corpus). A message word found there, or in the content's own vocabulary, is kept as
typed, so "tall" never becomes "all" and "paint" never becomes "pain". Anything else is a typo: it
becomes the closest of the content's words and the commonest English words (rapidfuzz), the
content winning a tie and then the commoner word, so "hamstirngs" means hamstrings and "wieght"
means weight (a swap of two letters is one edit).

The safety reading's speller heeds health words (`Speller.heeded`; the matcher's and the talk readers' does
not): the words written concerns use ("fainted", "hernia", "copd", "statin") are targets too, so a typo of
one becomes it ("fanted" fainted, "hernea" hernia), a health word wins a tie ("murmer" is a murmur, not a
murder) and one typed is never corrected into a word that names no concern, or another level of one
("tingles" is not "singles", "copd" not "cold", "slurred" not "blurred"), while a misspelt one still becomes
the health word ("arthritus" arthritis).

The English words are kept as two arrays in the words' byte order (words and counts), searched with
numpy: as a dict and a set of 43,500 strings they held 7 MB for the life of the bot.
"""

from __future__ import annotations

import bisect
import copy
import hashlib
import itertools
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.arrays import load_arrays, save_arrays

MIN_LENGTH = 4          # shorter words are too ambiguous to correct
CUTOFF_SHORT = 75.0     # one wrong or swapped letter in a 4-5 letter word
CUTOFF = 80.0
CLOSEST = 8  # the closest targets compared by the tie-breaks
STRETCHED = re.compile(r"(.)\1{2,}")  # a letter typed three times or more ("whyyy", "go onnn", "pleaseee")
ENGLISH_MIN_COUNT = 200_000  # rarer dictionary words are mostly names and misspellings: not English enough
INFLECTED_MIN_COUNT = 40_000  # ...but one this common that inflects an English word is English ("twitches", "tingly")
ENDINGS = ("ing", "es", "ed", "ly", "s", "y")  # the endings of an inflected word ("twitch-es", "gas-sed", "tingl(e)-y")
TARGET_COUNT = 2_000_000     # English words common enough to be what a typo meant
DICTIONARY = "frequency_dictionary_en_82_765.txt"


@dataclass(frozen=True)
class Fix:
    """One corrected word."""

    typed: str
    meant: str


@dataclass(frozen=True)
class EnglishWords:
    """English words (byte strings, sorted) and their corpus counts, in the same order."""

    words: np.ndarray
    counts: np.ndarray

    def _place(self, word: str) -> int:
        """The word's index in the arrays, -1 when it is not in the list."""
        key = word.encode("utf-8")
        at = bisect.bisect_left(self.words, key)
        return at if at < len(self.words) and self.words[at] == key else -1

    def count(self, word: str) -> int:
        """The corpus count of a word, 0 for one not in the list."""
        at = self._place(word)
        return int(self.counts[at]) if at >= 0 else 0

    def __contains__(self, word: str) -> bool:
        """Whether the word is in the list."""
        return self._place(word) >= 0

    def at_least(self, min_count: int) -> EnglishWords:
        """The words counted at least `min_count` times (in the same order)."""
        chosen = self.counts >= min_count
        return EnglishWords(self.words[chosen], self.counts[chosen])

    def common(self, min_count: int, min_length: int) -> set[str]:
        """The words counted at least `min_count` times and at least `min_length` letters long."""
        return set(self.common_in_order(min_count, min_length))

    def common_in_order(self, min_count: int, min_length: int) -> list[str]:
        """`common`, in the list's order (byte order, which is the strings' order too)."""
        chosen = (self.counts >= min_count) & (np.char.str_len(self.words) >= min_length)
        return [word.decode("utf-8") for word in self.words[chosen].tolist()]


def load_english(min_count: int = ENGLISH_MIN_COUNT, cache_dir: Path | None = None) -> EnglishWords:
    """English words with their corpus counts, from symspellpy's dictionary; with `cache_dir`, kept
    there as arrays once read (named by a hash of the dictionary and `min_count`), so a start reads
    them in milliseconds instead of reading 82,765 lines."""
    if cache_dir is None:
        return _read_english(min_count)
    source = files("symspellpy").joinpath(DICTIONARY).read_bytes()
    path = cache_dir / f"english-{hashlib.sha256(source + str(min_count).encode()).hexdigest()[:20]}.npz"
    del source
    try:
        arrays = load_arrays(path)
        return EnglishWords(arrays["words"], arrays["counts"])
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        english = _read_english(min_count)
    try:
        save_arrays(path, {"words": english.words, "counts": english.counts})
        for old in cache_dir.glob("english-*.npz"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only folder costs a read of the dictionary next time, nothing else
        pass
    return english


def _read_english(min_count: int) -> EnglishWords:
    """English words with their corpus counts, from symspellpy's dictionary, read a line at a time
    (the whole text and its 82,765 lines at once left 3 MB more of the heap in use)."""
    words: list[bytes] = []
    counts: list[int] = []
    with files("symspellpy").joinpath(DICTIONARY).open("rb") as lines:
        for line in lines:
            word, _, count = line.partition(b" ")
            if int(count) >= min_count:
                words.append(word)
                counts.append(int(count))
    keys = np.array(words, dtype=bytes)
    order = np.argsort(keys, kind="stable")  # byte order: the order the lookup searches in
    return EnglishWords(keys[order], np.array(counts, dtype=np.int64)[order])


def _no_concern(_word: str) -> int:
    """No word names a concern (a speller told of no safety lexicon)."""
    return 0


class Speller:
    """Corrects words that are neither English nor the content's own; built once, cached per word."""

    def __init__(self, english: EnglishWords, ours: Iterable[str]) -> None:
        self._ours = frozenset(w for w in ours if w.isalpha())
        self._english = english
        self._common = list(dict.fromkeys(english.common_in_order(TARGET_COUNT, 3)))  # sorted, each once
        self._health: frozenset[str] = frozenset()
        self._concern: Callable[[str], int] = _no_concern
        self._inflected: EnglishWords | None = None  # rarer English words kept when they inflect a known one (heeding)
        self._index()
        self.correct = lru_cache(maxsize=20_000)(self._correct)

    def _index(self) -> None:
        """The targets a typo may become, by length: common English, ours and the health words."""
        extra = sorted((self._ours | self._health).difference(self._common))
        targets = sorted([*self._common, *extra])  # two sorted runs: one merge, not a sort
        self._targets = sorted(targets, key=len)  # by length, then alphabetically (a stable sort)
        ends = list(itertools.accumulate(Counter(map(len, targets))[n] for n in range(len(self._targets[-1]) + 1)))
        self._starts = [0, *ends]  # where the words of each length start, and the end

    def heeded(self, concern: Callable[[str], int], health: Iterable[str] = (),
               inflected: EnglishWords | None = None) -> Speller:
        """A copy of this speller that heeds health words (see `heed`); this one is left as it is. With `inflected`
        (English words down to INFLECTED_MIN_COUNT), a word of it that inflects a word this speller knows is English
        too, and kept as typed ("twitches" is not "switches", "concussions" not "concessions"), unless its correction
        names a concern it does not (recall first: "crapped" still becomes "cramped")."""
        speller = copy.copy(self)
        speller.correct = lru_cache(maxsize=20_000)(speller._correct)
        speller._inflected = inflected
        speller.heed(concern, health)
        return speller

    def heed(self, concern: Callable[[str], int], health: Iterable[str] = ()) -> None:
        """Heed health words: `health` (the words written concerns use, knowledge/data/safety_words.yaml) are
        kept as typed and are targets; `concern` gives the level of concern a word alone names (the safety
        lexicon's reading, 0 for none): one that names a concern wins a tie, and is never corrected into a
        word naming another level ("tingles" is not "singles", "slurred" not "blurred")."""
        self._health = frozenset(w for w in health if w.isalpha())
        self._concern = concern
        self._index()
        self.correct.cache_clear()

    def words(self) -> list[str]:
        """Every word it knows: the content's own and English."""
        return [*self._ours, *(word.decode("utf-8") for word in self._english.words.tolist())]

    def knows(self, word: str) -> bool:
        """Whether a word is English or the content's own."""
        return word in self._ours or word in self._english

    def aims_at(self, word: str) -> bool:
        """Whether a typo may become this word without heeding health words: the content's own, or common English."""
        return word in self._ours or self._english.count(word) >= TARGET_COUNT

    def close(self, word: str, words: Iterable[str]) -> bool:
        """Whether one of `words` is as close to `word` as a typo's correction may be."""
        cutoff = (CUTOFF_SHORT if len(word) < 6 else CUTOFF) / 100
        return process.extractOne(word, list(words), scorer=OSA.normalized_similarity, processor=None,
                                  score_cutoff=cutoff) is not None

    def keeps(self, word: str) -> bool:
        """Whether a word stays as typed: English, the content's own or a health word (`knows` leaves the
        health words out: "duele" or "schmerzen" still tell another language)."""
        return word in self._health or self.knows(word)

    def _correct(self, word: str) -> str:
        """The word as meant: itself when known, short or not a word; else the closest known word."""
        if not word.isalpha() or self.keeps(word):
            return word
        if STRETCHED.search(word):  # "whyyy" is "why", "goood" is "good": a known word with the letter once or twice
            word = next((w for w in (STRETCHED.sub(r"\1\1", word), STRETCHED.sub(r"\1", word)) if self.keeps(w)), word)
        if len(word) < MIN_LENGTH or self.keeps(word):
            return word
        cutoff = CUTOFF_SHORT if len(word) < 6 else CUTOFF
        found = process.extract(word, self._near(len(word), cutoff / 100), scorer=OSA.normalized_similarity,
                                processor=None, score_cutoff=cutoff / 100, limit=None)
        found = sorted(found, key=lambda f: (-f[1], f[0]))[:CLOSEST]  # best first, a tie in alphabetical order
        if not found:
            return word
        meant = max(found, key=lambda f: (round(f[1], 3), f[0] in self._ours, self._concern(f[0]) > 0, self._english.count(f[0])))[0]
        if self._concern(word) and self._concern(word) != self._concern(meant):
            return word
        return word if self._inflects(word) and self._concern(meant) <= self._concern(word) else meant

    def _inflects(self, word: str) -> bool:
        """Whether a word is an English word of `_inflected` made of a known word and an ending: "twitches" (twitch),
        "gassed" (gas), "tingly" (tingle); "feets" or "achey" are no English words, "ballance" ends in none."""
        if self._inflected is None or word not in self._inflected:
            return False
        for ending in (e for e in ENDINGS if word.endswith(e) and len(word) - len(e) >= 3):
            stem = word[: -len(ending)]
            doubled = stem[:-1] if stem[-1] == stem[-2] else ""
            if any(s and self.knows(s) for s in (stem, stem + "e", doubled, stem[:-1] + "y" if stem[-1] == "i" else "")):
                return True
        return False

    def _near(self, length: int, cutoff: float) -> list[str]:
        """The targets whose length lets them reach `cutoff` against a word of `length`: a length
        differing by d costs d edits at least, so similarity 1 - d / the longer length at most (a
        typo is scored against some 40 % of the words, not all)."""
        lengths = [n for n in range(1, len(self._starts) - 1) if abs(n - length) <= (1 - cutoff) * max(n, length) + 0.01]
        return self._targets[self._starts[lengths[0]]:self._starts[lengths[-1] + 1]] if lengths else []

    def fixes(self, words: Iterable[str]) -> list[Fix]:
        """The corrections made to these words, for curators."""
        return [Fix(w, m) for w in words if (m := self.correct(w)) != w]
