"""Named numpy arrays kept in a file: written atomically, read with numpy alone (no pickles).

The file is numpy's own .npz layout (an uncompressed zip of .npy files: `np.load` reads it), each
array's data placed at a multiple of 64 bytes of the file, so a start maps the arrays read-only from
the file instead of copying them onto the heap: the understanding model's 10 MB are then pages the
system can give back (voice.memory does before each voice note's decoding, whose peak they were in)
and read again from its file cache when a message needs them."""

from __future__ import annotations

import io
import mmap
import os
import struct
import tempfile
import zipfile
from pathlib import Path

import numpy as np

ALIGN = 64                 # bytes: where each array's data starts in the file (numpy's own .npy alignment)
_PADDING = 0xD935          # the zip extra field that pads a member's local header (the id zipalign uses)
_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")  # a zip member's local header, before its name and extra field
_LOCAL_SIGNATURE = 0x04034B50


def save_arrays(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write the arrays atomically (a crash never leaves half a file under the real name), each
    one's data at a multiple of ALIGN bytes of the file (a padding extra field in its zip header)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as archive:
                for name, array in arrays.items():
                    _write_aligned(archive, tmp.tell(), f"{name}.npy", np.asanyarray(array))
        except OSError:
            Path(tmp.name).unlink(missing_ok=True)
            raise
    os.replace(tmp.name, path)


def _write_aligned(archive: zipfile.ZipFile, offset: int, name: str, array: np.ndarray) -> None:
    """One array as the .npy member `name` whose local header starts at `offset` of the file, padded
    so that the array's data (after the .npy header) starts at a multiple of ALIGN."""
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=False)
    data = buffer.getvalue()
    buffer.seek(0)
    _read_npy_header(buffer)
    before = offset + _LOCAL_HEADER.size + len(name.encode("utf-8")) + buffer.tell()
    pad = -(before + 4) % ALIGN  # the extra field's own 4 bytes (id and size), then `pad` zeros
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.extra = struct.pack("<HH", _PADDING, pad) + bytes(pad)
    archive.writestr(info, data, compress_type=zipfile.ZIP_STORED)


def load_arrays(path: Path) -> dict[str, np.ndarray]:
    """Every array of a file written by `save_arrays`, mapped read-only from the file (an array whose
    data is not aligned for its type, as an older file holds them, is copied, and the file is written
    again aligned for the next start). ValueError when the file is not such a file."""
    with path.open("rb") as stream:
        try:
            archive = zipfile.ZipFile(stream)
        except zipfile.BadZipFile as exc:
            raise ValueError(f"{path.name} is not an array file: {exc}") from None
        with archive:
            members = archive.infolist()
        mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) if members else b""
        arrays, copied = {}, False
        for member in members:
            array, aligned = _member_array(stream, mapped, member)
            arrays[member.filename.removesuffix(".npy")] = array
            copied |= not aligned
    if copied:
        try:
            save_arrays(path, arrays)
        except OSError:  # a read-only folder: the copies serve, as they always did
            pass
    return arrays


def _member_array(stream: io.BufferedReader, mapped: mmap.mmap | bytes, member: zipfile.ZipInfo) -> tuple[np.ndarray, bool]:
    """One stored .npy member: a read-only view of the mapped file, or a copy when its data is not
    aligned for its type (with False)."""
    if member.compress_type != zipfile.ZIP_STORED or not member.filename.endswith(".npy"):
        raise ValueError(f"{member.filename}: not an uncompressed .npy member")
    stream.seek(member.header_offset)
    header = _LOCAL_HEADER.unpack(stream.read(_LOCAL_HEADER.size))
    if header[0] != _LOCAL_SIGNATURE:
        raise ValueError(f"{member.filename}: no zip header where the directory says")
    start = member.header_offset + _LOCAL_HEADER.size + header[-2] + header[-1]
    stream.seek(start)
    shape, fortran, dtype = _read_npy_header(stream)
    count = int(np.prod(shape))
    offset = stream.tell()
    if offset + count * dtype.itemsize > start + member.file_size:
        raise ValueError(f"{member.filename}: its data is shorter than its shape")
    flat = np.frombuffer(mapped, dtype, count, offset) if count else np.empty(0, dtype)
    array = flat.reshape(shape[::-1]).T if fortran else flat.reshape(shape)
    aligned = offset % max(dtype.alignment, 1) == 0
    return (array if aligned else array.copy()), aligned


def _read_npy_header(stream: io.BufferedIOBase) -> tuple[tuple[int, ...], bool, np.dtype]:
    """Shape, Fortran order and type from a .npy header, the stream left at the data; ValueError for
    arrays of objects (they would need pickles)."""
    version = np.lib.format.read_magic(stream)
    read = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}.get(version)
    if read is None:
        raise ValueError(f".npy version {version} is not read here")
    shape, fortran, dtype = read(stream)
    if dtype.hasobject:
        raise ValueError("arrays of objects are not read (they need pickles)")
    return shape, fortran, dtype
