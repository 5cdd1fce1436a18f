"""The understanding model's arrays are mapped read-only from their file (knowledge.arrays): pages the
system can give back, not copies on the heap; an older file is read as before and written again aligned."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.arrays import ALIGN, load_arrays, save_arrays

ARRAYS = {
    "hashes": np.arange(1000, dtype=np.uint64),
    "labels": np.array(["back", "sets"]),
    "words": np.array([b"ab", b"abc"]),
    "empty": np.zeros((0, 3), np.float32),
    "fortran": np.asfortranarray(np.arange(12, dtype=np.float64).reshape(3, 4)),
    "half": np.arange(9, dtype=np.float16).reshape(3, 3),
}


def _mapped_from(path: Path, array: np.ndarray) -> bool:
    """Whether the array's data lies in a mapping of `path` (in /proc/self/maps)."""
    address = array.__array_interface__["data"][0]
    for line in Path("/proc/self/maps").read_text().splitlines():
        fields = line.split()
        start, end = (int(x, 16) for x in fields[0].split("-"))
        if start <= address < end:
            return len(fields) >= 6 and Path(fields[5]) == path.resolve()
    return False


def _same(loaded: dict[str, np.ndarray]) -> None:
    assert loaded.keys() == ARRAYS.keys()
    for name, array in ARRAYS.items():
        assert loaded[name].dtype == array.dtype and loaded[name].shape == array.shape
        assert np.array_equal(loaded[name], array)


def test_arrays_are_mapped_read_only_from_their_file(tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    save_arrays(path, ARRAYS)
    loaded = load_arrays(path)
    _same(loaded)
    for name, array in loaded.items():
        if array.size:
            assert not array.flags.writeable
            assert _mapped_from(path, array), name
            assert array.__array_interface__["data"][0] % ALIGN == 0


def test_numpy_reads_the_file_as_its_own_npz(tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    save_arrays(path, ARRAYS)
    with np.load(path, allow_pickle=False) as saved:
        _same({name: saved[name] for name in saved.files})


def test_an_older_unaligned_file_is_read_and_written_again_aligned(tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    np.savez(path, **ARRAYS)  # type: ignore[arg-type]  # how the files were written before
    first = load_arrays(path)
    _same(first)
    assert any(array.flags.writeable for array in first.values() if array.size)  # some were not aligned: copied
    again = load_arrays(path)
    _same(again)
    assert all(_mapped_from(path, array) for array in again.values() if array.size)


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_a_file_that_is_not_an_array_file_is_a_value_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "model.npz"
    path.write_bytes(content)
    with pytest.raises(ValueError):
        load_arrays(path)


def test_a_member_shorter_than_its_shape_is_a_value_error(tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    save_arrays(path, {"a": np.arange(100, dtype=np.int32)})
    data = bytearray(path.read_bytes())
    header = data.index(b"(100,)")
    data[header:header + 6] = b"(900,)"  # the header now promises more than the member holds
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError):
        load_arrays(path)
