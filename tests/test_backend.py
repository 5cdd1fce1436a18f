"""The stores use only the small backend interface and portable SQL, so a PostgreSQL backend is a
new class like MinimalBackend below, not a rewrite of the stores."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest

from bot.features.privacy import records as privacy
from bot.features.screening.questions import Outcome
from bot.features.screening.store import Progress, Result, ScreeningStore
from bot.storage.database import open_database
from bot.storage.dialogues import DialogueStore, State
from bot.storage.users import Store
from scheduler.store import Profile, SchedulerStore, epoch
from tests.conftest import NOW

SQLITE_ONLY = re.compile(r"INSERT OR|REPLACE INTO|PRAGMA|AUTOINCREMENT|\browid\b|GLOB|\bIFNULL\(|strftime\(|"
                         r"datetime\(|julianday\(", re.IGNORECASE)


class MinimalBackend:
    """Exactly the interface (execute, query, transaction) over a plain DB-API connection: no
    sqlite-utils. A PostgreSQL backend is this with psycopg, `?` turned into `%s`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.statements: list[str] = []

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        """Run one statement."""
        self.statements.append(sql)
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows as dicts."""
        cursor = self.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return (dict(zip(names, row, strict=True)) for row in cursor.fetchall())

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN ... COMMIT, or a savepoint inside another (psycopg's conn.transaction() does the same)."""
        nested = self.conn.in_transaction
        self.conn.execute("SAVEPOINT inner" if nested else "BEGIN")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO SAVEPOINT inner" if nested else "ROLLBACK")
            raise
        self.conn.execute("RELEASE SAVEPOINT inner" if nested else "COMMIT")


@pytest.fixture
def backend(tmp_path) -> MinimalBackend:
    """A migrated database reached only through MinimalBackend, with one plan for user 7."""
    path = tmp_path / "coach.db"
    open_database(path).conn.close()
    backend = MinimalBackend(sqlite3.connect(path, isolation_level=None))
    backend.execute("INSERT INTO plans (user_id, weekdays, local_time, zone, goal, created_at, active, next_at, "
                    "remind_at) VALUES (7, 1, '07:00', 'UTC', 'strength', ?, 1, ?, ?)",
                    [epoch(NOW), epoch(NOW + timedelta(days=2)), epoch(NOW + timedelta(days=2))])
    return backend


def test_every_store_works_through_the_minimal_interface(backend):
    store, screening, plans = Store(backend), ScreeningStore(backend), SchedulerStore(backend)  # type: ignore[arg-type]
    assert store.touch_user(7, NOW) and not store.touch_user(7, NOW)
    store.save_miss(7, "kettlebells?", 10.0, None, NOW)
    assert store.claim_update(1, NOW) and not store.claim_update(1, NOW)
    screening.save_progress(Progress(7, 1, "abcd", NOW, True, 14, ()))
    screening.complete(Result(7, 1, NOW, NOW, Outcome.GREEN, ()))
    assert screening.load_progress(7) is None and screening.load_result(7).outcome is Outcome.GREEN  # type: ignore[union-attr]
    plans.save_profile(Profile(7, "UTC", "strength", 15))
    DialogueStore(backend).save(State(7, "plan", "when", "abcd", {"days": [1]}, NOW))  # type: ignore[arg-type]
    assert DialogueStore(backend).load(7, "plan").data == {"days": [1]}  # type: ignore[arg-type,union-attr]
    plan = plans.load_plans(7)[0]
    assert plans.advance(plan, "sending", False, None, None) is not None
    assert plans.advance(plan, "sending", False, None, None) is None  # the compare-and-set
    assert plans.claim_due_snoozes(NOW) == [] and store.prune_updates(NOW) == 0
    privacy.forget_user(backend, 7, [screening.forget])  # type: ignore[arg-type]
    assert store.load_first_seen(7) is None and plans.load_profile(7) == Profile(7)
    assert plans.load_occurrence(1) is None and screening.load_result(7) is None
    assert DialogueStore(backend).load(7) is None  # type: ignore[arg-type]
    assert [s for s in backend.statements if SQLITE_ONLY.search(s)] == []  # portable SQL only


def test_a_failure_inside_a_change_rolls_back_through_the_backends_transaction(backend):
    store = Store(backend)  # type: ignore[arg-type]
    store.touch_user(7, NOW)
    store.save_miss(7, "kettlebells?", 10.0, None, NOW)
    original = backend.execute
    backend.execute = lambda sql, parameters=(): (_ for _ in ()).throw(RuntimeError) if "users" in sql and \
        sql.startswith("DELETE") else original(sql, parameters)  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        privacy.forget_user(backend, 7)  # type: ignore[arg-type]
    assert store.count_misses(7) == 1
