"""The reminder claim is a compare-and-set: two connections (two processes) on one database
cannot both claim the same session of a plan."""

from __future__ import annotations

from datetime import time, timedelta

from bot.storage.database import open_database
from scheduler.dispatcher import Dispatcher
from scheduler.model import Schedule
from scheduler.planner import Planner
from scheduler.store import Profile, SchedulerStore
from tests.conftest import NOW, FakeClock

DUE = NOW + timedelta(days=1)


def two_stores(tmp_path) -> tuple[SchedulerStore, SchedulerStore]:
    """Two connections to one database file with one weekly plan of user 7."""
    path = tmp_path / "coach.db"
    first, second = SchedulerStore(open_database(path)), SchedulerStore(open_database(path))
    first.save_profile(Profile(7, "UTC", "strength", 30))
    weekly = Schedule(weekdays=frozenset({DUE.weekday()}), local_time=time(DUE.hour, DUE.minute))
    Planner(first, FakeClock()).create(first.load_profile(7), weekly)
    return first, second


def test_two_connections_that_read_the_same_due_plan_claim_it_once(tmp_path):
    first, second = two_stores(tmp_path)
    plan_a, plan_b = first.load_plans(7)[0], second.load_plans(7)[0]
    assert plan_a == plan_b and plan_a.next_at == DUE
    following = DUE + timedelta(days=7)
    won = first.advance(plan_a, "sending", False, following, following - timedelta(minutes=30))
    lost = second.advance(plan_b, "sending", False, following, following - timedelta(minutes=30))
    assert won is not None and lost is None
    assert second.load_sending() == [first.load_occurrence(won)]
    assert second.load_plan(plan_a.id).next_at == following  # type: ignore[union-attr]


async def test_two_dispatchers_on_one_database_queue_a_due_reminder_once(tmp_path):
    first, second = two_stores(tmp_path)
    clock = FakeClock(DUE - timedelta(minutes=30))
    senders = [Dispatcher(store, Planner(store, clock), _never, clock) for store in (first, second)]
    stale = [first.load_due_plans(clock(), 10), []]  # what the second read before the first claimed
    second.load_due_plans = lambda now, limit, user_id=None: stale.pop(0)  # type: ignore[method-assign]
    assert senders[0].tick() + senders[1].tick() == 1  # the second read the plan before the first moved it
    assert len(first.load_sending()) == 1


async def _never(_due) -> None:
    """A delivery that is never called: these tests only claim."""
    raise AssertionError("nothing is sent in these tests")


def test_the_claim_compares_the_reminder_time_too(tmp_path):
    """A plan whose reminder moved (a new lead time) after it was read is not claimed early."""
    first, second = two_stores(tmp_path)
    stale = second.load_plans(7)[0]
    later = DUE - timedelta(minutes=5)
    first.reschedule(stale.id, stale.next_at, later)
    assert second.advance(stale, "sending", False, None, None) is None
    assert first.load_plan(stale.id).remind_at == later and not first.load_sending()  # type: ignore[union-attr]
