"""The small interface every store is written against, so another engine is a new backend, not a rewrite.

A store needs three things from its database: run one statement (`execute`, `?` placeholders,
returning a cursor with fetchone/fetchall/rowcount), read rows as dicts (`query`), and one
transaction per logical change (`bot.storage.transaction.transaction`, which uses the backend's own
`transaction()` when it has one). sqlite-utils' Database is the SQLite backend as it is. The SQL in
the stores is kept portable (no INSERT OR ..., no PRAGMA, upserts as ON CONFLICT ... DO UPDATE,
RETURNING), so a PostgreSQL backend translates placeholders and supplies BEGIN ... COMMIT.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol


class Cursor(Protocol):
    """The result of one statement."""

    @property
    def rowcount(self) -> int:
        """How many rows the statement changed (read-only, as sqlite3's)."""

    def fetchone(self) -> Any:
        """The next row, or None."""

    def fetchall(self) -> list[Any]:
        """Every remaining row."""


class SqlDatabase(Protocol):
    """What the stores use: one statement at a time, and rows as dicts."""

    def execute(self, sql: str, parameters: Sequence[Any] = ...) -> Cursor:
        """Run one statement."""

    def query(self, sql: str, params: Sequence[Any] = ...) -> Iterator[dict[str, Any]]:
        """Run a SELECT and yield each row as a dict."""
