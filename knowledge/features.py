"""Text features for the learned parts: words, word pairs and character n-grams, TF-IDF weighted.

The same code turns text into features when the model is trained (`kb build`) and when a message
is read, so the two can never disagree. Character n-grams make the features robust to typos and
word forms the curators did not write ("hamstring", "hammies"); word pairs keep some order.
"""

from __future__ import annotations

import math
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

CHAR_SIZES = (3, 4, 5)
GRAMS_KEPT = 2048  # tokens whose letter n-grams are kept (a few hundred KB)
TOKENS_KEPT = 512  # tokens whose letter n-grams' indices each vocabulary keeps (common words come back in most messages)


def feature_keys(words: Sequence[str], tokens: Sequence[str]) -> Counter[str]:
    """How often each feature occurs in a message: its canonical tokens and their letter n-grams,
    and the pairs of its words as spelt (small words like "up" or "on" matter there: "set up")."""
    keys = [f"w:{t}" for t in tokens]
    keys += [f"b:{a} {b}" for a, b in zip(words, words[1:])]
    for token in tokens:
        keys += _letter_grams(token)
    return Counter(keys)  # counted in the order first seen, as the vector's sums expect


@lru_cache(maxsize=GRAMS_KEPT)
def _letter_grams(token: str) -> tuple[str, ...]:
    """A token's letter n-gram features, shortest first (most of a message's features: kept per token,
    as the same words come back in message after message)."""
    padded = f"<{token}>"
    return tuple(f"c:{padded[i:i + size]}" for size in CHAR_SIZES for i in range(max(len(padded) - size + 1, 1)))


@dataclass(frozen=True)
class Vector:
    """A sparse, L2-normalised feature vector: feature indices and their weights."""

    indices: np.ndarray
    values: np.ndarray


class Vocabulary:
    """Every feature seen in training, kept as the sorted 64-bit hashes of its name (a feature's index is
    its hash's place: 8 bytes a feature, where the names took 29), its inverse document frequency, and
    the words among its features (what a talk reader was taught: see knowledge.intents.TaughtWords)."""

    def __init__(self, hashes: np.ndarray, idf: np.ndarray, words: Sequence[str] = ()) -> None:
        self.hashes = hashes
        self.idf = idf
        self.words = tuple(words)
        self._grams: OrderedDict[str, tuple[int, ...]] = OrderedDict()  # tokens' letter n-grams' indices (`_counted`)

    @classmethod
    def fit(cls, documents: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Vocabulary:
        """Learn the features of the training documents (their words and tokens)."""
        df: Counter[str] = Counter()
        n = 0
        for words, tokens in documents:
            df.update(feature_keys(words, tokens).keys())
            n += 1
        keys = list(df)
        hashes = key_hashes(as_keys(keys))
        if len(np.unique(hashes)) != len(keys):  # two names of 64 bits alike: about one vocabulary in 10^9
            raise ValueError("two features share a hash")
        order = np.argsort(hashes)
        idf = np.array([math.log((1 + n) / (1 + df[keys[i]])) + 1 for i in order.tolist()], dtype=np.float32)
        return cls(hashes[order], idf, sorted(k[2:] for k in keys if k.startswith("w:")))

    def lookup(self, keys: Sequence[str]) -> np.ndarray:
        """The index of each feature, -1 for one never seen in training."""
        return self._found(as_keys(keys))

    def _found(self, wanted: np.ndarray) -> np.ndarray:
        """The index of each feature (as bytes), -1 for one never seen in training."""
        return found_in(self.hashes, key_hashes(wanted))

    def vector(self, words: Sequence[str], tokens: Sequence[str]) -> Vector:
        """TF-IDF vector of a message; features never seen in training are left out."""
        indices, counts = self._counted(words, tokens)
        if not len(indices):
            return Vector(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
        values = (1 + np.log(counts)) * self.idf[indices]
        return Vector(indices, values / np.linalg.norm(values))

    def _counted(self, words: Sequence[str], tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """The indices of a message's known features in the order `feature_keys` first sees them, and
        how often each occurs: its words and pairs looked up with the letter n-grams of the tokens not kept
        yet, in one search (a token's are then kept), and the kept tokens' n-grams as kept (counted in Python:
        a message has a few hundred features, too few for numpy's sorting to pay)."""
        head = [f"w:{t}" for t in tokens] + [f"b:{a} {b}" for a, b in zip(words, words[1:])]
        kept = {token: self._kept_grams(token) for token in tokens}
        missing = [token for token, grams in kept.items() if grams is None]
        names = [_letter_grams(token) for token in missing]
        found = self._found(as_keys([*head, *(name for grams in names for name in grams)])).tolist()
        at = len(head)
        for token, grams in zip(missing, names):
            kept[token] = self._keep_grams(token, tuple(index for index in found[at:at + len(grams)] if index >= 0))
            at += len(grams)
        found = found[:len(head)]
        for token in tokens:
            found += kept[token] or ()
        counts = Counter(found)  # in the order first seen
        counts.pop(-1, None)  # features never seen in training
        return (np.fromiter(counts.keys(), dtype=np.int32, count=len(counts)),
                np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))

    def _kept_grams(self, token: str) -> tuple[int, ...] | None:
        """The indices of a token's letter n-grams seen in training, if kept (then kept as the most recent)."""
        grams = self._grams.pop(token, None)  # (no look-then-move: a message read on another thread may drop it between)
        if grams is not None:
            self._grams[token] = grams
        return grams

    def _keep_grams(self, token: str, grams: tuple[int, ...]) -> tuple[int, ...]:
        """Keep a token's n-grams' indices, the least recently used token's given up past TOKENS_KEPT."""
        self._grams[token] = grams
        if len(self._grams) > TOKENS_KEPT:
            self._grams.popitem(last=False)
        return grams

    def __len__(self) -> int:
        return len(self.hashes)


def as_keys(keys: Sequence[str]) -> np.ndarray:
    """Feature names as the byte strings a vocabulary keeps (text is ASCII after cleaning)."""
    try:
        return np.array(keys, dtype=bytes)  # numpy's own ASCII encoding: the same bytes, faster
    except UnicodeEncodeError:
        return np.array([k.encode("utf-8") for k in keys], dtype=bytes)


def found_in(hashes: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The place of each wanted hash in the sorted `hashes`, -1 for one not there."""
    if not len(hashes) or not len(wanted):
        return np.full(len(wanted), -1, dtype=np.int32)
    where = hashes.searchsorted(wanted)
    where[where == len(hashes)] = len(hashes) - 1
    return np.where(hashes[where] == wanted, where, -1).astype(np.int32)


_SEED = np.uint64(0x9E3779B97F4A7C15)


def key_hashes(keys: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each byte string (numpy's fixed-width bytes, as `as_keys` makes them), read eight
    bytes at a time with splitmix64's mixing, the same whatever the array's width: the bytes past a
    string's end are zeros, and text holds no zero byte, so a word of eight zeros ends it."""
    width = keys.dtype.itemsize
    if not len(keys) or not width:
        return np.full(len(keys), _SEED, dtype=np.uint64)
    padded = keys.astype(f"S{width + (-width % 8)}") if width % 8 else keys
    words = np.ascontiguousarray(padded).view("<u8").reshape(len(keys), -1)
    hashes = np.full(len(keys), _SEED, dtype=np.uint64)
    for column in words.T:
        hashes = np.where(column != 0, _mixed(hashes ^ column), hashes)
    return hashes


def _mixed(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every bit of the input moves about half the bits of the output."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    mixed: np.ndarray = x ^ (x >> np.uint64(31))
    return mixed
