"""Open the SQLite database: create it when missing, migrate it, refuse damaged or newer files."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from bot.features.planning.zone_screen import move_zone_runs
from bot.features.screening.store import add_screening_redo, create_screening_tables
from bot.storage.dialogues import create_dialogue_table, key_dialogues_by_name
from bot.storage.inbox import create_inbox_table
from bot.storage.transaction import StorageError, transaction
from bot.storage.users import (
    add_alarm_time,
    add_concern_time,
    add_conversation_context,
    add_offered_entries,
    add_offered_entry,
    index_timed_columns,
)
from scheduler.store import add_plan_span, add_previous_zone, add_recurrence_kinds, create_scheduler_tables


class DatabaseError(RuntimeError):
    """The database file cannot be used; the message says why and what to do."""


def _v1_users_and_misses(db: Database) -> None:
    """Users, the unanswered-question log, and handled Telegram update ids."""
    db.table("users").create({"id": int, "first_seen": str, "last_seen": str}, pk="id")
    db.table("misses").create(
        {"id": int, "user_id": int, "text": str, "at": str, "score": float, "best_entry": str},
        pk="id",
    )
    db.table("misses").create_index(["user_id"])
    db.table("updates").create({"update_id": int, "at": str}, pk="update_id")


def add_voice_setting(db: Database) -> None:
    """Whether each user wants answers to voice notes read aloud (/voice on|off)."""
    db.table("users").add_column("voice_replies", int, not_null_default=0)


def add_update_time_index(db: Database) -> None:
    """Index handled update ids by time: pruning the old ones no longer scans the whole table."""
    db.table("updates").create_index(["at"])


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_users_and_misses,
    create_screening_tables,
    create_scheduler_tables,
    add_screening_redo,
    add_voice_setting,
    add_update_time_index,
    add_recurrence_kinds,
    create_inbox_table,
    create_dialogue_table,
    add_conversation_context,
    key_dialogues_by_name,
    move_zone_runs,
    add_plan_span,
    add_alarm_time,
    add_concern_time,
    add_offered_entries,
    add_offered_entry,
    add_previous_zone,
    index_timed_columns,
]
SCHEMA_VERSION = len(MIGRATIONS)


def open_database(path: str | Path) -> Database:
    """Open (creating if needed) and migrate the database at `path`; ':memory:' for tests."""
    if str(path) == ":memory:":
        return prepare(Database(memory=True, execute_plugins=False), ":memory:")
    return prepare(_connect(Path(path)), str(path), wal=True)


def _connect(path: Path) -> Database:
    """Open the file, creating its folder; a path that cannot hold a database is a DatabaseError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return Database(path, execute_plugins=False)  # no sqlite-utils plugins: a scan of every installed package
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"cannot open the database {path}: {_reason(exc)}. "
                            "Point COACHBOT_DB at a file in a writable folder.") from None


def prepare(db: Database, name: str, wal: bool = False) -> Database:
    """Check, tune and migrate an open database; every problem becomes one DatabaseError line."""
    try:
        version = _check(db, name)
        if wal:
            db.enable_wal()
            # WAL + NORMAL: no corruption on a crash, and a commit no longer waits for the disk, so
            # marking each reminder sent does not stall the event loop.
            db.execute("PRAGMA synchronous = NORMAL")
        _migrate(db, version)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")  # a harmless write: fails now if read-only
    except (sqlite3.Error, StorageError) as exc:
        raise DatabaseError(f"{name} cannot be used: {_reason(exc)}. "
                            "Check the file's permissions and free disk space, or set COACHBOT_DB.") from None
    return db


def _check(db: Database, name: str) -> int:
    """The schema version of a database this Coachbot can use; refuse damaged, foreign or newer files."""
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        problems = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems != ["ok"]:
        raise DatabaseError(f"{name} is not a Coachbot database or is damaged ({' '.join(problems[0].split())}). "
                            "Restore a backup or point COACHBOT_DB at a new file.")
    if version > SCHEMA_VERSION:
        raise DatabaseError(f"{name} was written by a newer Coachbot (schema {version}, this one "
                            f"knows {SCHEMA_VERSION}). Upgrade Coachbot or use another COACHBOT_DB.")
    if version == 0 and db.table_names():
        raise DatabaseError(f"{name} is an SQLite database of another program (it has tables but no "
                            "Coachbot schema). Point COACHBOT_DB at a new file.")
    return version


def _reason(exc: BaseException) -> str:
    """The cause of an error in a few words, on one line."""
    return (getattr(exc, "strerror", None) or str(exc) or type(exc).__name__).replace("\n", " ")


def _migrate(db: Database, version: int) -> None:
    """Apply every migration after `version`, each in its own transaction with its version number
    (skipping a step another process applied while this one waited for the write lock)."""
    for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
        with transaction(db):
            if db.execute("PRAGMA user_version").fetchone()[0] >= number:
                continue
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
