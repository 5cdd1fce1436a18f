"""Text features for the learned parts: words, word pairs and character n-grams, TF-IDF weighted.

The same code turns text into features when the model is trained (`kb build`) and when a message
is read, so the two can never disagree. Character n-grams make the features robust to typos and
word forms the curators did not write ("hamstring", "hammies"); word pairs keep some order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

CHAR_SIZES = (3, 4, 5)


def feature_keys(words: Sequence[str], tokens: Sequence[str]) -> Counter[str]:
    """How often each feature occurs in a message: its canonical tokens and their letter n-grams,
    and the pairs of its words as spelt (small words like "up" or "on" matter there: "set up")."""
    keys: Counter[str] = Counter(f"w:{t}" for t in tokens)
    keys.update(f"b:{a} {b}" for a, b in zip(words, words[1:]))
    for token in tokens:
        padded = f"<{token}>"
        for size in CHAR_SIZES:
            keys.update(f"c:{padded[i:i + size]}" for i in range(max(len(padded) - size + 1, 1)))
    return keys


@dataclass(frozen=True)
class Vector:
    """A sparse, L2-normalised feature vector: feature indices and their weights."""

    indices: np.ndarray
    values: np.ndarray


class Vocabulary:
    """Feature index and inverse document frequency of every feature seen in training."""

    def __init__(self, index: dict[str, int], idf: np.ndarray) -> None:
        self.index = index
        self.idf = idf

    @classmethod
    def fit(cls, documents: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Vocabulary:
        """Learn the features of the training documents (their words and tokens)."""
        df: Counter[str] = Counter()
        n = 0
        for words, tokens in documents:
            df.update(feature_keys(words, tokens).keys())
            n += 1
        index = {key: i for i, key in enumerate(sorted(df))}
        idf = np.array([math.log((1 + n) / (1 + df[k])) + 1 for k in sorted(df)], dtype=np.float32)
        return cls(index, idf)

    def vector(self, words: Sequence[str], tokens: Sequence[str]) -> Vector:
        """TF-IDF vector of a message; features never seen in training are left out."""
        found = [(self.index[k], c) for k, c in feature_keys(words, tokens).items() if k in self.index]
        if not found:
            return Vector(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
        indices = np.fromiter((i for i, _ in found), dtype=np.int32, count=len(found))
        counts = np.fromiter((c for _, c in found), dtype=np.float32, count=len(found))
        values = (1 + np.log(counts)) * self.idf[indices]
        return Vector(indices, values / np.linalg.norm(values))

    def __len__(self) -> int:
        return len(self.index)
