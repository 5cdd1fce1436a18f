"""Static word embeddings: a message as the mean of its tokens' vectors, L2-normed, so that words
no phrasing shares ("booty" and "butt", "stronger" and "strength") still land near each other.

The vectors are WordLlama's 256-d "l2_supercat" model (MIT licence), shipped inside the
`wordllama` wheel (wordllama/weights/l2_supercat_256.safetensors, with its tokenizer in
wordllama/tokenizers/). Only the two files are read: the package itself is never imported (it
would look for its tokenizer online); the tokenizer is used at `kb build` only, and at run time
reading a message needs numpy alone (WordPieces). Both files are checked against a known sha256 when loaded: a missing, changed
or damaged file switches the channel off (with a warning in the log), and the bot reads messages
as it did before the channel existed; a model is always built and read with the same embedder.
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

log = logging.getLogger(__name__)
WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
SHA256 = {  # wordllama 0.4.0.post1's files
    WEIGHTS: "64b47a2dc493cb8e85944076601189739852d7b64e0e1eedcb1937a251cd9fd5",
    TOKENIZER: "93248f2a9ec36c7b35f700a033d5f36228aae48db61aee31007fa49062cdeb68",
}
MATRIX = "embedding.weight"
DIMENSIONS = 256


class EmbeddingsError(RuntimeError):
    """The embeddings' files are missing, changed or unreadable: the channel stays off."""


@dataclass(frozen=True)
class WordPieces:
    """Each word the bot can read and its token ids, built with the tokenizer at `kb build` and kept in the model,
    so that reading a message needs no tokenizer (WordLlama's holds 17 MB once loaded). The channel reads a message
    as its spelt words joined by spaces, and the tokenizer never merges across a space, so a text's ids are its
    words' ids in turn; a word outside the table (no English word, nor one of the content's or the training
    data's) adds nothing. `words`: sorted UTF-8 bytes; `starts`: where each word's ids begin in `ids`, and the end."""

    words: np.ndarray
    starts: np.ndarray
    ids: np.ndarray

    @classmethod
    def of(cls, words: Iterable[str], encode: Callable[[str], Sequence[int]]) -> WordPieces:
        """The table of these words, each encoded alone."""
        ordered = sorted({word.encode("utf-8") for word in words if word})
        pieces = [encode(word.decode("utf-8")) for word in ordered]
        starts = np.cumsum([0, *map(len, pieces)]).astype(np.int32)
        ids = np.fromiter((i for piece in pieces for i in piece), dtype=np.int16, count=int(starts[-1]))
        return cls(np.array(ordered, dtype=bytes), starts, ids)

    def of_text(self, text: str) -> tuple[int, ...]:
        """A text's token ids, word by word."""
        found: list[int] = []
        for word in text.split():
            key = word.encode("utf-8")
            at = int(np.searchsorted(self.words, key))
            if at < len(self.words) and self.words[at] == key:
                found.extend(self.ids[self.starts[at]:self.starts[at + 1]].tolist())
        return tuple(found)


class Embedder:
    """Turns text into one unit vector: the (weighted) mean of its tokens' embeddings. The tokenizer is
    read from its file the first time a text is encoded (`kb build`): a bot reading messages with the
    model's WordPieces never loads it."""

    def __init__(self, matrix: np.ndarray, tokenizer: Callable[[], Any]) -> None:
        self.matrix = matrix  # float16, a row per token id
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

    def weighted(self, ids: Sequence[int], weights: np.ndarray) -> np.ndarray:
        """The unit vector of the tokens' mean embedding, each weighed by `weights` (zeros for no tokens)."""
        if not ids:
            return np.zeros(DIMENSIONS, dtype=np.float32)
        rows = np.asarray(ids, dtype=np.int64)
        vectors = self.matrix[rows].astype(np.float32)
        mean: np.ndarray = (vectors * weights[rows, None]).sum(axis=0)
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
