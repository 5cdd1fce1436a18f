"""Open the SQLite database: create it when missing, migrate it, refuse damaged or newer files."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from bot.intake import create_inbox_table
from bot.screening.store import add_screening_redo, create_screening_tables
from scheduler.store import create_scheduler_tables


class DatabaseError(RuntimeError):
    """The database file cannot be used; the message says why and what to do."""


def _v1_users_and_misses(db: Database) -> None:
    """Users, the unanswered-question log, and handled Telegram update ids."""
    db["users"].create({"id": int, "first_seen": str, "last_seen": str}, pk="id")
    db["misses"].create(
        {"id": int, "user_id": int, "text": str, "at": str, "score": float, "best_entry": str},
        pk="id",
    )
    db["misses"].create_index(["user_id"])
    db["updates"].create({"update_id": int, "at": str}, pk="update_id")


def add_voice_setting(db: Database) -> None:
    """Whether each user wants answers to voice notes read aloud (/voice on|off)."""
    db["users"].add_column("voice_replies", int, not_null_default=0)


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_users_and_misses,
    create_screening_tables,
    create_scheduler_tables,
    add_screening_redo,
    add_voice_setting,
    create_inbox_table,
]
SCHEMA_VERSION = len(MIGRATIONS)


def open_database(path: str | Path) -> Database:
    """Open (creating if needed) and migrate the database at `path`; ':memory:' for tests."""
    memory = str(path) == ":memory:"
    if not memory:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        db = Database(memory=True) if memory else Database(path)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        db.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is not a Coachbot database or is damaged ({exc}). "
                            "Restore a backup or point COACHBOT_DB at a new file.") from None
    if version > SCHEMA_VERSION:
        raise DatabaseError(f"{path} was written by a newer Coachbot (schema {version}, this one "
                            f"knows {SCHEMA_VERSION}). Upgrade Coachbot or use another COACHBOT_DB.")
    if not memory:
        db.enable_wal()
        # WAL + NORMAL: no corruption on a crash, and a commit no longer waits for the disk, so
        # marking each reminder sent does not stall the event loop.
        db.execute("PRAGMA synchronous = NORMAL")
    _migrate(db, version)
    return db


def _migrate(db: Database, version: int) -> None:
    """Apply every migration after `version`, each in its own transaction."""
    for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
        with db.conn:
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
