"""Named numpy arrays kept in a file: written atomically, read with numpy alone (no pickles)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np


def save_arrays(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write the arrays atomically (a crash never leaves half a file under the real name)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
        try:
            np.savez(tmp, **arrays)  # type: ignore[arg-type]  # numpy's stub reads ** as its allow_pickle flag
        except OSError:
            Path(tmp.name).unlink(missing_ok=True)
            raise
    os.replace(tmp.name, path)


def load_arrays(path: Path) -> dict[str, np.ndarray]:
    """Every array of a file written by `save_arrays`."""
    with np.load(path, allow_pickle=False) as saved:
        return {name: saved[name] for name in saved.files}
