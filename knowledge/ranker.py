"""A linear classifier over text features, stored sparse so that reading a message costs only the
weights of the features it has (fast at 80 entries and at 10,000).

Trained at `kb build` time with scikit-learn (multinomial logistic regression); at run time only
numpy is needed: the weights are kept per feature (CSR rows), tiny ones dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from knowledge.features import Vector

PRUNE = 0.02  # weights below this share of the largest are dropped: they never change a ranking
INDEX = np.int32  # where each feature's row starts: far below 2**31 weights even at 10,000 entries
CLASS = np.int16  # class numbers: at most 32,767 entries (the 10,000-entry benchmark fits); half of int32


@dataclass(frozen=True)
class Ranker:
    """Class labels, a bias per class, and per-feature weight rows (CSR)."""

    labels: tuple[str, ...]
    bias: np.ndarray
    indptr: np.ndarray
    classes: np.ndarray
    weights: np.ndarray
    dense: np.ndarray | None = None  # (dense inputs x classes) weights of a message's dense part (its embedding)

    @cached_property
    def index(self) -> dict[str, int]:
        """Each label's class number."""
        return {label: i for i, label in enumerate(self.labels)}

    @classmethod
    def from_dense(cls, labels: Sequence[str], coef: np.ndarray, bias: np.ndarray, dense: int = 0) -> Ranker:
        """Keep a trained (classes x features) weight matrix sparsely, by feature; its last `dense` columns
        (the weights of a dense input, every message having all of them) are kept whole."""
        kept = coef[:, coef.shape[1] - dense:].T.astype(np.float32) if dense else None
        by_feature = coef[:, :coef.shape[1] - dense].T.astype(np.float32)
        by_feature[np.abs(by_feature) < PRUNE * np.abs(by_feature).max()] = 0.0
        rows, classes = np.nonzero(by_feature)
        indptr = np.zeros(by_feature.shape[0] + 1, dtype=np.int64)
        np.add.at(indptr, rows + 1, 1)
        return cls(tuple(labels), bias.astype(np.float32), np.cumsum(indptr).astype(INDEX), classes.astype(CLASS),
                   by_feature[rows, classes], kept)

    @classmethod
    def from_rows(cls, labels: Sequence[str], indptr: np.ndarray, classes: np.ndarray, weights: np.ndarray,
                  bias: np.ndarray) -> Ranker:
        """A ranker from weights already kept by feature (CSR rows of features x classes)."""
        return cls(tuple(labels), bias.astype(np.float32), indptr.astype(INDEX), classes.astype(CLASS),
                   weights.astype(np.float32))

    def logits(self, vector: Vector, dense: np.ndarray | None = None) -> np.ndarray:
        """The score of every class for one message (and its dense part, when the ranker was trained with one)."""
        bias = self.bias if dense is None or self.dense is None else self.bias + np.einsum("ij,i->j", self.dense, dense)
        if not len(vector.indices):
            return bias.copy()
        starts, ends = self.indptr[vector.indices], self.indptr[vector.indices + 1]
        lengths = ends - starts
        picks = np.repeat(ends - lengths.cumsum(), lengths) + np.arange(lengths.sum())
        scaled = self.weights[picks] * np.repeat(vector.values, lengths)
        logits: np.ndarray = bias + np.bincount(self.classes[picks], weights=scaled, minlength=len(self.labels))
        return logits

    def probabilities(self, vector: Vector, dense: np.ndarray | None = None) -> np.ndarray:
        """Softmax of the logits: how likely each class is."""
        z = self.logits(vector, dense)
        e = np.exp(z - z.max())
        odds: np.ndarray = e / e.sum()
        return odds

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The arrays to save, named under `prefix`."""
        return {f"{prefix}.bias": self.bias, f"{prefix}.indptr": self.indptr,
                f"{prefix}.classes": self.classes, f"{prefix}.weights": self.weights,
                **({f"{prefix}.dense": self.dense} if self.dense is not None else {})}

    @classmethod
    def from_arrays(cls, labels: Sequence[str], arrays: dict[str, np.ndarray], prefix: str) -> Ranker:
        """A saved ranker (see `arrays`)."""
        return cls(tuple(labels), arrays[f"{prefix}.bias"], arrays[f"{prefix}.indptr"],
                   arrays[f"{prefix}.classes"], arrays[f"{prefix}.weights"], arrays.get(f"{prefix}.dense"))
