"""The database: created when missing, migrated, WAL, clear errors for damaged or newer files."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from bot.cli import main
from bot.storage.database import SCHEMA_VERSION, DatabaseError, open_database
from bot.storage.users import Store
from tests.conftest import NOW


def test_missing_file_is_created_migrated_and_in_wal_mode(tmp_path):
    path = tmp_path / "sub" / "coach.db"
    db = open_database(path)
    assert path.exists()
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"users", "misses", "updates"} <= set(db.table_names())


def test_reopening_keeps_data(tmp_path):
    path = tmp_path / "coach.db"
    Store(open_database(path)).save_miss(3, "what about kettlebells", 40.0, None, NOW)
    assert Store(open_database(path)).load_misses()[0]["text"] == "what about kettlebells"


def test_corrupt_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "coach.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DatabaseError, match="not a Coachbot database or is damaged"):
        open_database(path)


def test_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "coach.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(DatabaseError, match="newer Coachbot"):
        open_database(path)


def test_cli_reports_a_damaged_database_without_a_traceback(tmp_path, monkeypatch, capsys):
    path = tmp_path / "coach.db"
    path.write_bytes(b"garbage" * 500)
    monkeypatch.setenv("COACHBOT_DB", str(path))
    monkeypatch.chdir(tmp_path)
    assert main(["ask", "hello"]) == 2
    err = capsys.readouterr().err
    assert "not a Coachbot database" in err and "Traceback" not in err


def test_forget_user_erases_their_rows_only(tmp_path):
    store = Store(open_database(":memory:"))
    for user in (1, 2):
        store.touch_user(user, NOW)
        store.save_miss(user, f"q{user}", 10.0, None, NOW)
    store.forget_user(1)
    assert [m["text"] for m in store.load_misses()] == ["q2"]
    assert store.db["users"].count == 1


def test_touch_user_says_new_only_once():
    store = Store(open_database(":memory:"))
    assert store.touch_user(5, NOW) is True
    assert store.touch_user(5, NOW) is False


def test_old_update_ids_are_forgotten_after_two_days():
    store = Store(open_database(":memory:"))
    assert store.claim_update(1, NOW)
    assert not store.claim_update(1, NOW + timedelta(hours=1))
    assert store.claim_update(2, NOW + timedelta(days=3))
    assert store.db["updates"].count == 1


def test_old_update_ids_are_pruned_in_bounded_batches_through_an_index():
    store = Store(open_database(":memory:"))
    for update_id in range(250):
        store.claim_update(update_id, NOW - timedelta(days=3))
    later = NOW + timedelta(minutes=1)
    assert store.claim_update(1000, later) and store.db["updates"].count == 151  # 100 pruned, 1 added
    assert store.prune_updates(later) == 100 and store.prune_updates(later) == 50
    assert store.prune_updates(later) == 0 and store.db["updates"].count == 1
    plan = " ".join(row[3] for row in store.db.execute(
        "EXPLAIN QUERY PLAN SELECT update_id FROM updates WHERE at < ? ORDER BY at LIMIT 100", [NOW.isoformat()]))
    assert "USING COVERING INDEX idx_updates_at" in plan


def _database_before(tmp_path, step):
    """A database file migrated up to (not including) `step`, and the number of steps applied."""
    from sqlite_utils import Database

    from bot.storage.database import MIGRATIONS

    db = Database(tmp_path / "old.db")
    before = MIGRATIONS.index(step)
    for number, migration in enumerate(MIGRATIONS[:before], start=1):
        migration(db)
        db.execute(f"PRAGMA user_version = {number}")
    return db, before


def test_a_weekly_plan_saved_before_the_recurrence_migration_still_loads_as_weekly(tmp_path):
    from bot.storage.database import _migrate
    from scheduler.store import SchedulerStore, add_recurrence_kinds

    db, before = _database_before(tmp_path, add_recurrence_kinds)
    db["plans"].insert({"user_id": 7, "weekdays": 0b10101, "local_time": "07:00", "zone": "Europe/Berlin",
                        "goal": "strength", "created_at": 0, "active": 1})
    _migrate(db, before)
    plan = SchedulerStore(db).load_plans(7)[0]
    assert plan.schedule.kind == "weekly" and plan.schedule.weekdays == {0, 2, 4}


def test_a_dialogue_in_progress_before_the_side_dialogue_migration_resumes(tmp_path):
    from bot.storage.database import _migrate
    from bot.storage.dialogues import DialogueStore, State, key_dialogues_by_name

    db, before = _database_before(tmp_path, key_dialogues_by_name)
    db["dialogues"].insert({"user_id": 7, "dialogue": "plan", "step": "when", "data": "{}", "nonce": "ab12cd34"})
    _migrate(db, before)
    store = DialogueStore(db)
    assert store.load(7) == State(7, "plan", "when", "ab12cd34", {}, None, False)
    store.save(State(7, "rem", "open", "ee", {"occurrence": 1}, None, side=True))
    assert store.load(7).dialogue == "plan" and [s.dialogue for s in store.load_side(7)] == ["rem"]  # side by side
