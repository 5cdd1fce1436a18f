"""Real transactions: a failure between the statements of any change leaves nothing half-done."""

from __future__ import annotations

import sqlite3
from datetime import time, timedelta

import pytest
from sqlite_utils import Database

from bot.composition import assemble
from bot.core.messages import Inbound, InboundKind
from bot.features.privacy import records as privacy
from bot.features.screening.questions import Outcome
from bot.features.screening.store import Progress, Result, ScreeningStore
from bot.storage.database import MIGRATIONS, prepare
from bot.storage.dialogues import DialogueStore
from bot.storage.transaction import transaction
from bot.storage.users import Store
from scheduler.model import Schedule
from scheduler.planner import Planner
from scheduler.store import Profile, SchedulerStore
from tests.conftest import NOW, FakeClock
from tests.faults import assert_all_or_nothing, faulty_database, snapshot

WEEKLY = Schedule(weekdays=frozenset({0, 2, 4}), local_time=time(7, 0))


def seed_user(db: Database, user: int = 7) -> None:
    """A user with a record in every table: misses, a safety check (in progress: a dialogue), a profile, a plan."""
    store, screening, plans = Store(db), ScreeningStore(db), SchedulerStore(db)
    store.touch_user(user, NOW)
    store.save_miss(user, "kettlebells?", 20.0, None, NOW)
    screening.complete(Result(user, 1, NOW, NOW, Outcome.GREEN, ()))
    screening.save_progress(Progress(user, 1, "abcd", NOW, True, 2, ()))
    plans.save_profile(Profile(user, "Europe/Berlin", "strength", 30))
    plan_id = Planner(plans, FakeClock()).create(plans.load_profile(user), WEEKLY)
    plans.cancel_occurrence(plans.load_plan(plan_id), NOW + timedelta(days=9))  # type: ignore[arg-type]


def test_the_helper_rolls_back_everything_on_any_error():
    db = faulty_database()
    with pytest.raises(ZeroDivisionError), transaction(db):
        db.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (1, 'a', 'a')")
        _ = 1 / 0
    assert db["users"].count == 0 and not db.conn.in_transaction


def test_a_nested_block_that_fails_is_undone_and_the_outer_one_goes_on():
    db = faulty_database()
    with transaction(db):
        db.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (1, 'a', 'a')")
        with pytest.raises(KeyError), transaction(db):
            db.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (2, 'a', 'a')")
            raise KeyError
    assert [r[0] for r in db.execute("SELECT id FROM users")] == [1]


def test_sqlite_utils_with_conn_alone_would_not_roll_back():
    """Why the helper exists: sqlite-utils commits each statement; `with db.conn:` opens nothing."""
    db = faulty_database()
    with pytest.raises(ZeroDivisionError), db.conn:
        db.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (1, 'a', 'a')")
        _ = 1 / 0
    assert db["users"].count == 1


def test_forget_user_erases_all_or_nothing():
    writes = assert_all_or_nothing(seed_user, lambda db: privacy.forget_user(db, 7, [ScreeningStore(db).forget]))
    assert writes >= 8


def test_core_store_changes_are_all_or_nothing():
    def seed(db: Database) -> None:
        seed_user(db)
        Store(db).claim_update(1, NOW - timedelta(days=3))
    assert assert_all_or_nothing(seed, lambda db: Store(db).forget_user(7)) == 2
    assert assert_all_or_nothing(seed, lambda db: Store(db).claim_update(2, NOW)) == 2
    # the user seen, and what no longer counts erased for everyone (four kinds of timed records): one transaction
    assert assert_all_or_nothing(seed, lambda db: Store(db).touch_user(7, NOW + timedelta(hours=1))) == 6


def test_completing_the_safety_check_is_all_or_nothing():
    result = Result(7, 1, NOW, NOW + timedelta(minutes=3), Outcome.AMBER, ("q2",))
    assert assert_all_or_nothing(seed_user, lambda db: ScreeningStore(db).complete(result)) == 2
    assert assert_all_or_nothing(seed_user, lambda db: ScreeningStore(db).forget(7)) == 2


def test_scheduler_changes_are_all_or_nothing():
    def advance(db: Database) -> object:
        store = SchedulerStore(db)
        return store.advance(store.load_plans(7)[0], "sending", False, NOW + timedelta(days=7), NOW + timedelta(days=7))

    def snoozed(db: Database) -> None:
        seed_user(db)
        store = SchedulerStore(db)
        for _ in range(2):
            occurrence = advance(db)
            store.set_status(occurrence, "snoozed", NOW, snooze_until=NOW)  # type: ignore[arg-type]
    assert assert_all_or_nothing(seed_user, advance) == 2
    assert assert_all_or_nothing(snoozed, lambda db: SchedulerStore(db).claim_due_snoozes(NOW)) == 2
    assert assert_all_or_nothing(seed_user, lambda db: SchedulerStore(db).forget(7)) == 3


def test_planner_changes_are_all_or_nothing():
    def new_zone(db: Database) -> None:
        Planner(SchedulerStore(db), FakeClock()).update_profile(Profile(7, "Asia/Tokyo", "strength", 60))

    def cancel_next(db: Database) -> bool:
        store = SchedulerStore(db)
        plan = store.load_plans(7)[0]
        return Planner(store, FakeClock()).cancel_session(7, plan.id, plan.next_at)  # type: ignore[arg-type]
    assert assert_all_or_nothing(seed_user, new_zone) >= 3
    assert assert_all_or_nothing(seed_user, cancel_next) == 2


def test_saving_a_plan_is_all_or_nothing(understanding):
    def confirming(db: Database) -> None:
        coach = assemble(understanding, db, FakeClock())
        for text in ("/screen", "ok", *["no"] * 15, "/plan", "Berlin", "yes"):
            replies = coach.handle(Inbound(7, InboundKind.TEXT, text))
        strength = next(b.data for b in replies[-1].button_list() if "Strength" in b.label)
        coach.handle(Inbound(7, InboundKind.BUTTON, strength))
        coach.handle(Inbound(7, InboundKind.TEXT, "Mon Wed Fri at 7am"))

    def save(db: Database) -> None:
        nonce = DialogueStore(db).load(7).nonce  # type: ignore[union-attr]
        saved = assemble(understanding, db, FakeClock()).handle(Inbound(7, InboundKind.BUTTON, f"plan:{nonce}:confirm:save"))
        assert "Saved" in saved[0].text
    assert assert_all_or_nothing(confirming, save) >= 4


def test_a_failed_migration_step_leaves_the_previous_version_whole_and_the_next_start_finishes():
    clean = {}
    for steps in range(len(MIGRATIONS) + 1):
        db = Database(memory=True)
        for number, migration in enumerate(MIGRATIONS[:steps], start=1):
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
        clean[steps] = snapshot(db)
    for fail_at in range(1, 30):
        db = faulty_database(fail_at, migrate=False)
        try:
            prepare(db, ":memory:")
        except Exception:  # noqa: BLE001 - the injected fault, reported as a DatabaseError
            version = db.execute("PRAGMA user_version").fetchone()[0]
            assert snapshot(db) == clean[version], f"half-migrated after a fault at write {fail_at}"
            db.conn.fail_at = None  # type: ignore[attr-defined]
            assert snapshot(prepare(db, ":memory:")) == clean[len(MIGRATIONS)]
            continue
        break
    assert fail_at > len(MIGRATIONS)


def test_the_fault_injection_really_fails_the_chosen_write():
    db = faulty_database(fail_at=2)
    Store(db).save_miss(7, "one", 1.0, None, NOW)
    with pytest.raises(sqlite3.OperationalError, match="injected fault"):
        Store(db).save_miss(7, "two", 1.0, None, NOW)


def test_a_process_that_read_an_old_version_skips_the_steps_another_one_applied_meanwhile(tmp_path):
    from bot.storage.database import SCHEMA_VERSION, _migrate, open_database
    path = tmp_path / "coach.db"
    late = Database(path)  # read version 0, then waited for the write lock while the other migrated
    open_database(path)
    _migrate(late, 0)
    assert late.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
