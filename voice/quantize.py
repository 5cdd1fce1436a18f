"""CTranslate2's model.bin, read and written: Whisper's float16 weights copied as int8 (voice.weights).

A layer weight is read, quantized and written a block of rows at a time, the other variables (all
small) one at a time, so the build holds a few MB of weights at any moment: read whole, the 40 MB
token table, the rows kept of it and their float32 copy were held together."""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence
from typing import BinaryIO

import numpy as np

BINARY_VERSION = 6             # CTranslate2's model.bin layout this converter reads and writes
DTYPES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")  # CTranslate2's type ids, in order
ROW_BLOCK = 256                # rows of a weight read and quantized at a time (of the token table: 0.2 MB)


class LayoutError(ValueError):
    """A model.bin this converter cannot read (voice.weights reports it as the weights being wrong)."""


def quantize_model(reader: BinaryIO, writer: BinaryIO, rows: dict[str, Sequence[int]] | None = None) -> None:
    """Copy a CTranslate2 model.bin, storing every layer weight as int8 with a float32 scale per row
    (as CTranslate2's own int8 conversion does) and every other float as float32, and of the
    variables named in `rows` only the rows listed (in order)."""
    version, = _read(reader, "I")
    if version != BINARY_VERSION:
        raise LayoutError(f"model.bin has layout version {version}, not {BINARY_VERSION}")
    writer.write(struct.pack("I", version))
    _write_string(writer, _read_string(reader))
    writer.write(reader.read(4))  # the spec's revision
    count, = _read(reader, "I")
    count_at = writer.tell()
    writer.write(struct.pack("I", count))  # rewritten below: each weight adds a scale
    written = 0
    for _ in range(count):
        name, shape, dtype = _read_header(reader)
        kept = (rows or {}).get(name)
        if _is_layer_weight(name, shape, dtype):
            scale = _quantize_streamed(reader, writer, name, shape, dtype, kept)
            _write_variable(writer, f"{name}_scale", scale)
            written += 2
            continue
        value = _read_data(reader, shape, dtype)
        if kept is not None:
            value = value[np.asarray(kept)]
        _write_variable(writer, name, value.astype(np.float32) if value.dtype.kind == "f" and value.ndim else value)
        written += 1
    writer.write(reader.read())  # the aliases, unchanged
    writer.seek(count_at)
    writer.write(struct.pack("I", written))


def _is_layer_weight(name: str, shape: tuple[int, ...], dtype: np.dtype) -> bool:
    """Whether a variable is stored as int8 with a scale per row: a float weight of 2 or more dimensions."""
    return dtype.kind == "f" and name.endswith("/weight") and len(shape) >= 2


def _quantize_streamed(reader: BinaryIO, writer: BinaryIO, name: str, shape: tuple[int, ...], dtype: np.dtype,
                       kept: Sequence[int] | None) -> np.ndarray:
    """Read a layer weight a block of rows at a time and write it as int8 (only the `kept` rows, when
    given, in their order), as its own variable; its scale per row, returned, is written after it."""
    width = int(np.prod(shape[1:]))
    keep = np.zeros(shape[0], bool)
    keep[np.asarray(kept) if kept is not None else slice(None)] = True
    if kept is not None and list(kept) != sorted(set(kept)):
        raise ValueError("the rows kept must be in order, each once")
    out_rows = int(keep.sum())
    _write_string(writer, name)
    writer.write(struct.pack("B", len(shape)) + struct.pack("<" + "I" * len(shape), out_rows, *shape[1:]))
    writer.write(struct.pack("<BI", DTYPES.index("int8"), out_rows * width))
    scales = []
    for start, block in _row_blocks(reader, shape[0], width, dtype):
        quantized, scale = _quantized(block[keep[start:start + len(block)]])
        writer.write(quantized.tobytes())
        scales.append(scale)
    return np.concatenate(scales) if scales else np.empty(0, np.float32)


def _row_blocks(reader: BinaryIO, count: int, width: int, dtype: np.dtype) -> Iterator[tuple[int, np.ndarray]]:
    """A weight's rows, ROW_BLOCK at a time, each block with the number of its first row."""
    for start in range(0, count, ROW_BLOCK):
        rows = min(ROW_BLOCK, count - start)
        yield start, np.frombuffer(_read_exactly(reader, rows * width * dtype.itemsize), dtype).reshape(rows, width)


def _quantized(block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows as int8 and the float32 scale of each (127 over the row's largest magnitude)."""
    rows = block.astype(np.float32)
    amax = np.abs(rows).max(axis=1) if len(rows) else np.empty(0, np.float32)
    amax[amax == 0] = 127.0
    scale = (127.0 / amax).astype(np.float32)
    return np.rint(rows * scale[:, None]).astype(np.int8), scale


def _read(reader: BinaryIO, fmt: str) -> tuple[int, ...]:
    """Unpack fixed-size values."""
    return struct.unpack(fmt, _read_exactly(reader, struct.calcsize(fmt)))


def _read_exactly(reader: BinaryIO, size: int) -> bytes:
    """`size` bytes, or LayoutError when the file ends first."""
    data = reader.read(size)
    if len(data) != size:
        raise LayoutError("model.bin ends in the middle of a variable")
    return data


def _read_string(reader: BinaryIO) -> str:
    """A length-prefixed, NUL-terminated string."""
    length, = _read(reader, "H")
    return _read_exactly(reader, length)[:-1].decode("utf-8")


def _write_string(writer: BinaryIO, text: str) -> None:
    """Write a length-prefixed, NUL-terminated string."""
    data = text.encode("utf-8") + b"\0"
    writer.write(struct.pack("H", len(data)) + data)


def _read_header(reader: BinaryIO) -> tuple[str, tuple[int, ...], np.dtype]:
    """A variable's name, shape and type; its data follows (its size: prefixed, checked here)."""
    name = _read_string(reader)
    rank, = _read(reader, "B")
    shape = _read(reader, "<" + "I" * rank)
    dtype_id, size = _read(reader, "<BI")
    if DTYPES[dtype_id] == "bfloat16":
        raise LayoutError("bfloat16 weights are not supported")
    dtype = np.dtype(DTYPES[dtype_id])
    if size != int(np.prod(shape)) * dtype.itemsize:
        raise LayoutError(f"model.bin's {name} is {size} bytes, not its shape's")
    return name, shape, dtype


def _read_data(reader: BinaryIO, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    """A variable's data, after its header."""
    return np.frombuffer(_read_exactly(reader, int(np.prod(shape)) * dtype.itemsize), dtype).reshape(shape)


def _write_variable(writer: BinaryIO, name: str, value: np.ndarray) -> None:
    """Write one named array."""
    _write_string(writer, name)
    writer.write(struct.pack("B", value.ndim) + struct.pack("<" + "I" * value.ndim, *value.shape))
    data = np.ascontiguousarray(value).tobytes()
    writer.write(struct.pack("<BI", DTYPES.index(value.dtype.name), len(data)))
    writer.write(data)
