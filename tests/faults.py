"""Fault injection for the database: a connection that fails its Nth write, and a full disk."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from bot.storage.database import prepare

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "ALTER", "DROP")


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, and the open transaction is undone (the helper
    rolls it back, as SQLite does when it reopens the file after a kill)."""


class FaultyConnection(sqlite3.Connection):
    """A connection whose write statement number `fail_at` (from 1) raises, as a crash would stop it,
    whose write number `kill_at` raises Killed, or, while `full`, fails every write as SQLite does
    on a full disk."""

    fail_at: int | None = None
    kill_at: int | None = None
    writes = 0
    full = False
    seen: set[str] | None = None  # when a set, every statement's text is added to it

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:  # type: ignore[override]
        """Count write statements and fail the chosen one before it runs."""
        if self.seen is not None:
            self.seen.add(sql)
        if sql.lstrip().split(None, 1)[0].upper() in WRITES:
            self.writes += 1
            if self.full:
                raise disk_full()
            if self.writes == self.fail_at:
                raise sqlite3.OperationalError("injected fault")
            if self.writes == self.kill_at:
                raise Killed
        return super().execute(sql, parameters)


def disk_full() -> sqlite3.OperationalError:
    """The error SQLite gives when the disk is full (SQLITE_FULL)."""
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
    return error


def faulty_database(fail_at: int | None = None, migrate: bool = True) -> Database:
    """An in-memory database on a FaultyConnection (migrated first, without faults, unless told not to)."""
    conn = sqlite3.connect(":memory:", factory=FaultyConnection)
    db = Database(conn)
    if migrate:
        prepare(db, ":memory:")
    conn.writes, conn.fail_at = 0, fail_at  # type: ignore[attr-defined]
    return db


def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, and the schema version: what a half-done change would alter."""
    tables = {name: sorted(db.execute(f"SELECT * FROM [{name}]").fetchall(), key=repr) for name in db.table_names()}
    return {**tables, "_schema": [tuple(r) for r in db.execute("SELECT name, sql FROM sqlite_master ORDER BY name")],
            "_version": [db.execute("PRAGMA user_version").fetchone()]}


def assert_all_or_nothing(seed: Callable[[Database], None], change: Callable[[Database], object]) -> int:
    """Fail `change` at each of its write statements in turn: every time nothing of it may remain.
    Returns how many writes the change makes (so a test can insist there is more than one)."""
    fail_at = 1
    while True:
        db = faulty_database()
        seed(db)
        before = snapshot(db)
        db.conn.writes, db.conn.fail_at = 0, fail_at  # type: ignore[attr-defined]
        try:
            change(db)
        except sqlite3.OperationalError as exc:
            assert str(exc) == "injected fault"
            assert snapshot(db) == before, f"half-done after a fault at write {fail_at}"
            fail_at += 1
            continue
        return fail_at - 1


def fill_disk(db: Database) -> None:
    """Let the database file grow no further, as on a full disk (SQLite then answers SQLITE_FULL)."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
