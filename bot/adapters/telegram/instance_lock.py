"""One bot process per database: a second `coachbot run` on the same file refuses to start."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.storage.database import DatabaseError


class AlreadyRunning(DatabaseError):
    """Another process serves this database."""


@contextmanager
def hold_instance_lock(db_path: str) -> Iterator[None]:
    """Hold an exclusive lock on `<db>.lock` while the bot runs; the kernel drops it when the
    process ends, however it ends, so a crash never leaves a stale lock."""
    if db_path == ":memory:":
        yield
        return
    with Path(f"{db_path}.lock").open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            pid = handle.read().strip() or "?"
            raise AlreadyRunning(f"another Coachbot (pid {pid}) is already running on {db_path}; "
                                 "stop it first, or point COACHBOT_DB at another file") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
