"""Portable SQL text for the writes sqlite-utils would otherwise build: the same in PostgreSQL."""

from __future__ import annotations

from collections.abc import Mapping

from bot.storage.backend import SqlDatabase


def save_row(db: SqlDatabase, table: str, row: Mapping[str, object], key: str) -> None:
    """Insert `row`, or update every other column of the row with the same `key` (an upsert; a
    key of several columns is written "a, b")."""
    columns = list(row)
    keys = {part.strip() for part in key.split(",")}
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in keys)
    db.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
               f"ON CONFLICT ({key}) DO UPDATE SET {updates}", list(row.values()))
