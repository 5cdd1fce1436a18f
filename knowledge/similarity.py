"""The embedding channel: how close a message's meaning is to each entry's phrasings.

Every phrasing the ranker learns an entry from (titles, `ask` lines, the paraphrase files) is kept
as a unit vector (knowledge.embeddings): the IDF-weighted mean of its tokens' embeddings, the
weights learned from those phrasings' tokens at `kb build`, so that "how", "do" and "the" say
less than "booty". A message scores each entry by its best cosine with that entry's phrasings;
knowledge.fusion blends the scores of the best few entries into rapidfuzz's. The channel keeps the
embedding rows of the tokens its words use (12,190 of WordLlama's 32,000, numbered afresh), so a
message is read from the model alone: mapping the embeddings' file instead, the rows a bot had read
stayed resident, 9 MB after 100 messages and 15 MB after a thousand.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from knowledge.embeddings import KEPT, Embedder, WordPieces, mean_vector

NEAREST = 5  # entries whose similarity is reported for one message (the rest never win)


@dataclass(frozen=True)
class Similarity:
    """Phrasing vectors grouped by entry (`starts`: where each entry's rows begin; kept as float32 in
    memory, numpy having no fast float16 product, and as float16 on disk), the word table, and the
    rows and weights of the tokens its words use (`rows`, float16, a token's id being its place there)."""

    labels: tuple[str, ...]
    starts: np.ndarray
    vectors: np.ndarray
    token_weights: np.ndarray
    pieces: WordPieces
    rows: np.ndarray

    @classmethod
    def fit(cls, embedder: Embedder, texts: Sequence[str], labels: Sequence[str], entries: Container[str],
            words: Iterable[str] = ()) -> Similarity:
        """Learn the token weights from all the texts, keep the vector of each text labelled with one of
        `entries` under its label, and the token ids of the texts' words and of `words` (English)."""
        table = embedder.pieces([*words, *(word for text in texts for word in text.split())])
        used = np.unique(table.ids)
        pieces, rows = table.renumbered(used), embedder.rows(used)
        ids = [pieces.of_text(text) for text in texts]
        weights = idf_weights([set(x) for x in ids], len(rows))
        kept = sorted((label, i) for i, label in enumerate(labels) if label in entries)
        names = sorted({label for label, _ in kept})
        counts = Counter(label for label, _ in kept)
        starts = np.cumsum([0] + [counts[name] for name in names[:-1]]).astype(np.int32)
        vectors = np.vstack([mean_vector(rows, ids[i], weights) for _, i in kept]) if kept \
            else np.zeros((0, KEPT), dtype=np.float32)
        return cls(tuple(names), starts, vectors, weights, pieces, rows)

    @cached_property
    def index(self) -> dict[str, int]:
        """Each entry's place in `labels`."""
        return {label: i for i, label in enumerate(self.labels)}

    def nearest(self, text: str, also: Iterable[str] = ()) -> dict[str, float]:
        """The cosine similarity of a message to the NEAREST entries (best phrasing each), best first,
        and to the entries in `also` (those the other components score: a close entry outside the
        nearest few keeps its similarity, not nothing)."""
        if not self.labels:
            return {}
        query = self.embedded(text)
        if not query.any():
            return {}
        # einsum, not `@`: BLAS spreads a product this small over threads, and on a busy machine the
        # waiting for them cost 8 ms at the 99th percentile (einsum: 0.25 ms, on one core)
        best = np.maximum.reduceat(np.einsum("ij,j->i", self.vectors, query), self.starts)
        top = np.argpartition(-best, NEAREST)[:NEAREST] if len(best) > NEAREST else np.arange(len(best))
        found = {self.labels[i]: float(best[i]) for i in sorted(top.tolist(), key=lambda i: -best[i])}
        return found | {label: float(best[self.index[label]]) for label in also if label in self.index and label not in found}

    def embedded(self, text: str) -> np.ndarray:
        """A text's unit vector (the IDF-weighted mean of its tokens' embeddings; zeros when no word is known)."""
        return mean_vector(self.rows, self.pieces.of_text(text), self.token_weights)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The arrays to save, named under `prefix`."""
        return {f"{prefix}.labels": np.array(self.labels), f"{prefix}.starts": self.starts,
                f"{prefix}.vectors": self.vectors.astype(np.float16), f"{prefix}.token_weights": self.token_weights,
                f"{prefix}.words": self.pieces.words, f"{prefix}.word_starts": self.pieces.starts,
                f"{prefix}.word_ids": self.pieces.ids, f"{prefix}.rows": self.rows}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> Similarity | None:
        """A saved channel (see `arrays`), or None when the model was built without one."""
        if f"{prefix}.rows" not in arrays:
            return None
        return cls(tuple(str(x) for x in arrays[f"{prefix}.labels"]), arrays[f"{prefix}.starts"],
                   arrays[f"{prefix}.vectors"].astype(np.float32), arrays[f"{prefix}.token_weights"],
                   WordPieces(arrays[f"{prefix}.words"], arrays[f"{prefix}.word_starts"], arrays[f"{prefix}.word_ids"]),
                   arrays[f"{prefix}.rows"])


def idf_weights(documents: Sequence[set[int]], size: int) -> np.ndarray:
    """Each token id's inverse document frequency over the documents (unseen ids weigh the most)."""
    df = Counter(i for document in documents for i in document)
    n = len(documents)
    weights = np.full(size, math.log(n + 1) + 1, dtype=np.float32)
    for token, count in df.items():
        weights[token] = math.log((n + 1) / (count + 1)) + 1
    return weights
