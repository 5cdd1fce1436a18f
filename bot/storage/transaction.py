"""One logical change, one real transaction: BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

sqlite-utils commits each write statement on its own unless a transaction is already open, and
`with db.conn:` opens none (the connection is in autocommit mode), so a store that wrote two
statements under `with db.conn:` could be killed or fail between them and leave half a change.
IMMEDIATE takes the write lock at BEGIN, so a read-then-write inside one block (a claim) cannot
interleave with another connection's. A block inside another joins it as a savepoint.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import cast

from sqlite_utils import Database

from bot.storage.backend import SqlDatabase

# SQLite result codes that mean "the disk (or the file-size limit) is full", or a write failed.
_FULL_CODES = {sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR}


class StorageError(RuntimeError):
    """A change could not be stored; nothing of it was written."""


class StorageFull(StorageError):
    """The disk is full (or the file cannot grow): the change was rolled back, earlier data is intact."""


@contextmanager
def transaction(db: SqlDatabase) -> Iterator[SqlDatabase]:
    """Run the block as one transaction (a savepoint when one is already open); a backend with its
    own `transaction()` (another engine) runs it that way."""
    own = getattr(db, "transaction", None)
    if own is not None:
        with own():
            yield db
        return
    conn = cast(Database, db).conn
    if conn.in_transaction:
        with _savepoint(conn):
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        if _is_full(exc):
            name = getattr(exc, "sqlite_errorname", "SQLITE_FULL")
            raise StorageFull(f"the database cannot grow or be written ({name}: {exc})") from exc
        raise


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    """A nested block: undone on error without ending the outer transaction."""
    name = f"sp_{secrets.token_hex(6)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            conn.execute(f"RELEASE SAVEPOINT {name}")
        raise
    conn.execute(f"RELEASE SAVEPOINT {name}")


def _is_full(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite failed because the disk (or the file-size limit) is full."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _FULL_CODES
