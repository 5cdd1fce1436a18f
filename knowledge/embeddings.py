"""Static word embeddings: a message as the mean of its tokens' vectors, L2-normed, so that words
no phrasing shares ("booty" and "butt", "stronger" and "strength") still land near each other.

The vectors are WordLlama's 256-d "l2_supercat" model (MIT licence), shipped inside the
`wordllama` wheel (wordllama/weights/l2_supercat_256.safetensors, with its tokenizer in
wordllama/tokenizers/). Only the two files are read: the package itself is never imported (it
would look for its tokenizer online); the tokenizer is used at `kb build` only, and at run time
reading a message needs numpy alone: `kb build` keeps in the model each word's token ids (WordPieces)
and the rows of the tokens those words use (knowledge.similarity), so a bot starting on a built model
never opens these files. Both are checked against a known sha256 when a model is built: a missing,
changed or damaged file builds the model without the channel (with a warning in the log), and the bot
reads messages as it did before the channel existed.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import struct
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.digests import check_digests
from knowledge.features import as_keys, found_in, key_hashes

log = logging.getLogger(__name__)
WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
SHA256 = {  # wordllama 0.4.0.post1's files
    WEIGHTS: "64b47a2dc493cb8e85944076601189739852d7b64e0e1eedcb1937a251cd9fd5",
    TOKENIZER: "93248f2a9ec36c7b35f700a033d5f36228aae48db61aee31007fa49062cdeb68",
}
MATRIX = "embedding.weight"
DIMENSIONS = 256
# What a model keeps of each vector: its first 128 values. WordLlama's models were trained so that a vector's
# first 64, 128 or 256 values are an embedding too (Matryoshka); on the question dev sets (dev_strangers,
# dev_strangers14-17, holdout, holdout2) 128 answered 1,436 of 1,538 in scope and declined 430/456 off topic,
# 256 1,437 and 430 (4 Dec 2026), for half the memory and half the product's time.
KEPT = 128


class EmbeddingsError(RuntimeError):
    """The embeddings' files are missing, changed or unreadable: the channel stays off."""


@dataclass(frozen=True)
class WordPieces:
    """Each word the bot can read and its token ids, built with the tokenizer at `kb build` and kept in the model,
    so that reading a message needs no tokenizer (WordLlama's holds 17 MB once loaded). The channel reads a message
    as its spelt words joined by spaces, and the tokenizer never merges across a space, so a text's ids are its
    words' ids in turn; a word outside the table (no English word, nor one of the content's or the training
    data's) adds nothing. `words`: the sorted 64-bit hashes of the words (knowledge.features.key_hashes, 8 bytes
    a word); `starts`: where each word's ids begin in `ids`, and the end."""

    words: np.ndarray
    starts: np.ndarray
    ids: np.ndarray

    @classmethod
    def of(cls, words: Iterable[str], encode: Callable[[str], Sequence[int]]) -> WordPieces:
        """The table of these words, each encoded alone."""
        unique = sorted({word for word in words if word})
        hashes = key_hashes(as_keys(unique))
        if len(np.unique(hashes)) != len(unique):  # two words' hashes alike: about one table in 10^10
            raise ValueError("two words share a hash")
        order = np.argsort(hashes)
        pieces = [encode(unique[i]) for i in order.tolist()]
        starts = np.cumsum([0, *map(len, pieces)]).astype(np.int32)
        ids = np.fromiter((i for piece in pieces for i in piece), dtype=np.int16, count=int(starts[-1]))
        return cls(hashes[order], starts, ids)

    def of_text(self, text: str) -> tuple[int, ...]:
        """A text's token ids, word by word."""
        words = text.split()
        found: list[int] = []
        for at in found_in(self.words, key_hashes(as_keys(words))).tolist() if words else ():
            if at >= 0:
                found.extend(self.ids[self.starts[at]:self.starts[at + 1]].tolist())
        return tuple(found)

    def renumbered(self, ids: np.ndarray) -> WordPieces:
        """The same table with each token id replaced by its place in the sorted `ids` (which hold them all)."""
        return WordPieces(self.words, self.starts, np.searchsorted(ids, self.ids).astype(np.int16))


class Embedder:
    """Turns text into one unit vector: the (weighted) mean of its tokens' embeddings. The tokenizer is
    read from its file the first time a text is encoded (`kb build`): a bot reading messages with the
    model's WordPieces never loads it."""

    def __init__(self, matrix: np.ndarray, tokenizer: Callable[[], Any]) -> None:
        self.matrix = matrix  # float16, a row per token id, mapped from the file
        self._tokenizer = tokenizer

    @cached_property
    def tokenizer(self) -> Any:
        """The tokenizer, loaded at first use."""
        return self._tokenizer()

    def ids(self, text: str) -> tuple[int, ...]:
        """A text's token ids, by the tokenizer."""
        return tuple(self.tokenizer.encode(text, add_special_tokens=False).ids)

    def pieces(self, words: Iterable[str]) -> WordPieces:
        """The token ids of each of these words, for reading messages without the tokenizer."""
        return WordPieces.of(words, self.ids)

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """The kept part (KEPT values) of these tokens' vectors, float16, read from the file."""
        return np.ascontiguousarray(self.matrix[ids, :KEPT])


def mean_vector(rows: np.ndarray, ids: Sequence[int], weights: np.ndarray) -> np.ndarray:
    """The unit vector of the mean of these tokens' rows, each weighed by `weights` (zeros for no tokens)."""
    if not ids:
        return np.zeros(rows.shape[1], dtype=np.float32)
    at = np.asarray(ids, dtype=np.int64)
    mean: np.ndarray = (rows[at].astype(np.float32) * weights[at, None]).sum(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else mean


@dataclass(frozen=True)
class Source:
    """Where the embeddings' two files are: the installed wordllama package's folder."""

    folder: Path

    @classmethod
    def bundled(cls) -> Source:
        """The installed wordllama package's folder, found without importing the package."""
        spec = importlib.util.find_spec("wordllama")
        if spec is None or not spec.submodule_search_locations:
            raise EmbeddingsError("the wordllama package is not installed")
        return cls(Path(next(iter(spec.submodule_search_locations))))


def load_embedder(source: Source | None = None) -> Embedder | None:
    """The checked embedder, or None (logged) when its files are missing, changed or unreadable."""
    try:
        folder = (source or Source.bundled()).folder
        check_files(folder)
        return Embedder(read_matrix(folder / WEIGHTS), partial(_tokenizer, folder / TOKENIZER))
    except (EmbeddingsError, OSError, ValueError) as exc:
        log.warning("word embeddings off: %s", exc)
        return None


def _tokenizer(path: Path) -> Any:
    """The tokenizer of a checked file."""
    from tokenizers import Tokenizer

    return Tokenizer.from_file(str(path))


def check_files(folder: Path) -> None:
    """Raise EmbeddingsError unless both files are in `folder` with their known sha256."""
    check_digests(folder, SHA256, EmbeddingsError)


def read_matrix(path: Path) -> np.ndarray:
    """The float16 embedding matrix of a safetensors file (its layout: an 8-byte header length, a JSON
    header naming each tensor's type, shape and byte range, then the data), mapped read-only from the
    file with numpy alone: only the rows of tokens a message uses are ever read into memory."""
    with path.open("rb") as stream:
        (length,) = struct.unpack("<Q", stream.read(8))
        header = json.loads(stream.read(length))
    spec = header.get(MATRIX) or {}
    if spec.get("dtype") != "F16" or len(spec.get("shape", ())) != 2 or spec["shape"][1] != DIMENSIONS:
        raise EmbeddingsError(f"{path.name}: no {DIMENSIONS}-d float16 '{MATRIX}'")
    start, end = spec["data_offsets"]
    rows, columns = spec["shape"]
    if end - start != rows * columns * 2:
        raise EmbeddingsError(f"{path.name}: '{MATRIX}' does not hold {rows} x {columns} values")
    return np.memmap(path, dtype="<f2", mode="r", offset=8 + length + start, shape=(rows, columns))
