"""Kill -9 fault benchmark (run on demand; prints numbers).

Subprocesses do real writes through the stores, back to back for many users, and are killed with
SIGKILL at a random moment. After each kill the database is checked: every record must be whole.
Four kinds of change, the kills spread evenly over them:

- forget:   /forget erases a user who has a record in every table -> all of them or none remain;
- complete: finishing the safety check replaces its progress with a result -> exactly one remains;
- save:     saving a confirmed plan ends its draft -> (draft, no plan) or (plan, no draft);
- claim:    a due reminder's claim records the session and moves the plan on -> both or neither.

A partial state is any user (or plan) in neither shape. `PRAGMA quick_check` must also say ok.

Usage: python bench/bench_crash.py [--kills 50] [--users 400] [--seed 1] [--src DIR]
(--src runs another checkout of the code, e.g. the commit before a change, for a before/after.)
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

SCENARIOS = ("forget", "complete", "save", "claim")
NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)  # a Saturday
SESSION = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # the Monday 07:00 Berlin session every plan starts at


class Clock:
    """A fixed clock for the stores."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        """The fixed time."""
        return self.now


def weekly() -> Any:
    """Every Monday at 07:00."""
    from datetime import time as clock_time

    from scheduler.model import Schedule
    return Schedule(weekdays=frozenset({0}), local_time=clock_time(7, 0))


def seed(db: Any, scenario: str, users: int) -> None:
    """Give every user the records the scenario's change works on."""
    from bot.features.screening.questions import VERSION, Outcome
    from bot.features.screening.store import Progress, Result, ScreeningStore
    from bot.storage.users import Store
    from scheduler.planner import Planner
    from bot.features.planning.draft import Draft, Step, draft_data
    from bot.storage.dialogues import DialogueStore, State
    from scheduler.store import Profile, SchedulerStore
    store, screening, plans = Store(db), ScreeningStore(db), SchedulerStore(db)
    planner = Planner(plans, Clock(NOW))
    for user in range(1, users + 1):
        store.touch_user(user, NOW)
        if scenario in ("forget", "save", "claim"):
            screening.complete(Result(user, VERSION, NOW, NOW, Outcome.GREEN, ()))
            plans.save_profile(Profile(user, "Europe/Berlin", "strength", 30))
        if scenario == "forget":
            store.save_miss(user, "kettlebells?", 10.0, None, NOW)
            screening.save_progress(Progress(user, VERSION, "abcd", NOW, True, 3, ()))
        if scenario in ("forget", "claim"):
            planner.create(plans.load_profile(user), weekly())
        if scenario == "forget":
            plans.cancel_occurrence(plans.load_plans(user)[0], SESSION + timedelta(days=7))
        if scenario == "complete":
            screening.save_progress(Progress(user, VERSION, "abcd", NOW, True, 14, ("q2",)))
        if scenario == "save":
            DialogueStore(db).save(State(user, "plan", "confirm", "abcd",
                                         draft_data(Draft(user, Step.CONFIRM, pending=weekly())), NOW))


def work(db: Any, scenario: str, users: int) -> None:
    """Do the scenario's change for every user, one after another, as fast as the code allows."""
    from bot.features.privacy import records as privacy
    from bot.core.callbacks import Tap
    from bot.core.dialogue import Dialogues
    from bot.features.planning.dialog import PlanningDialog
    from bot.features.planning.gate import Gate
    from bot.storage.dialogues import DialogueStore
    from bot.features.screening.flow import ScreeningFlow
    from bot.features.screening.questions import VERSION, Outcome
    from bot.features.screening.store import Result, ScreeningStore
    from bot.storage.users import Store
    from scheduler.dispatcher import Dispatcher
    from scheduler.planner import Planner
    from scheduler.store import SchedulerStore
    clock = Clock(NOW)
    screening, plans = ScreeningStore(db), SchedulerStore(db)
    if scenario == "claim":
        clock.now = SESSION - timedelta(minutes=30)
        Dispatcher(plans, Planner(plans, clock), _unused, clock).tick()
        return
    dialogues = Dialogues(DialogueStore(db), clock)
    dialog = PlanningDialog(dialogues, plans, Planner(plans, clock), Gate(ScreeningFlow(screening, clock)), None, clock)  # type: ignore[arg-type]
    for user in range(1, users + 1):
        if scenario == "forget" and hasattr(privacy, "forget_user"):
            privacy.forget_user(db, user)
        elif scenario == "forget":  # the code before privacy.forget_user: what Coach.erase did
            screening.forget(user)
            plans.forget(user)
            Store(db).forget_user(user)
        elif scenario == "complete":
            screening.complete(Result(user, VERSION, NOW, NOW, Outcome.AMBER, ("q2",)))
        else:
            dialogues.register(dialog)
            dialogues.on_tap(user, Tap("plan", "abcd", "confirm", "save"))


async def _unused(_due: Any) -> None:
    """Nothing is sent: the benchmark stops at the claim."""


def partial(db: Any, scenario: str, users: int) -> tuple[int, int]:
    """(users or plans in a partial state, changes completed) after a kill."""
    checks: dict[str, Callable[[Any, int], str]] = {
        "forget": _forget_state, "complete": _complete_state, "save": _save_state, "claim": _claim_state}
    states = [checks[scenario](db, user) for user in range(1, users + 1)]
    return sum(s == "partial" for s in states), sum(s == "done" for s in states)


def _count(db: Any, table: str, user: int, where: str = "") -> int:
    """Rows of `table` for one user."""
    return db.execute(f"SELECT count(*) FROM {table} WHERE user_id = ? {where}", [user]).fetchone()[0]


def _forget_state(db: Any, user: int) -> str:
    """All eight kinds of record, none, or partial."""
    tables = ("misses", "dialogues", "screening_results", "profiles", "plans", "occurrences")
    counts = [db.execute("SELECT count(*) FROM users WHERE id = ?", [user]).fetchone()[0]]
    counts += [_count(db, table, user) for table in tables]
    return "done" if not any(counts) else "before" if all(counts) else "partial"


def _complete_state(db: Any, user: int) -> str:
    """Progress and no result, a result and no progress, or partial."""
    progress, result = _count(db, "dialogues", user), _count(db, "screening_results", user)
    return {(1, 0): "before", (0, 1): "done"}.get((progress, result), "partial")


def _save_state(db: Any, user: int) -> str:
    """A draft and no plan, a plan and no draft, or partial."""
    draft, plan = _count(db, "dialogues", user), _count(db, "plans", user)
    return {(1, 0): "before", (0, 1): "done"}.get((draft, plan), "partial")


def _claim_state(db: Any, user: int) -> str:
    """Plan still at the session and no occurrence, plan moved on and the session claimed, or partial."""
    at = int(SESSION.timestamp())
    next_at = db.execute("SELECT next_at FROM plans WHERE user_id = ?", [user]).fetchone()[0]
    claimed = _count(db, "occurrences", user, f"AND at = {at} AND status = 'sending'")
    rows = _count(db, "occurrences", user)
    if next_at == at and rows == 0:
        return "before"
    return "done" if next_at == at + 7 * 86400 and claimed == 1 and rows == 1 else "partial"


def run_worker(src: Path, db_path: Path, scenario: str, users: int) -> None:
    """The killed subprocess: signal readiness, then write until done (or killed)."""
    from bot.storage.database import open_database
    db = open_database(db_path)
    print("go", flush=True)
    work(db, scenario, users)
    print("finished", flush=True)


def start_worker(src: Path, scenario: str, users: int, folder: Path) -> tuple[subprocess.Popen[str], Path]:
    """Seed a database and start a worker on it; returns once the worker is about to write."""
    from bot.storage.database import open_database
    path = folder / f"{scenario}-{time.monotonic_ns()}.db"
    seed(open_database(path), scenario, users)
    worker = subprocess.Popen([sys.executable, __file__, "--worker", scenario, "--db", str(path), "--src", str(src),
                               "--users", str(users)], stdout=subprocess.PIPE, text=True)
    assert worker.stdout is not None and worker.stdout.readline().strip() == "go"
    return worker, path


def time_full_run(src: Path, scenario: str, users: int, folder: Path) -> float:
    """Seconds a worker takes to do every user's change (so kills can land anywhere in that span)."""
    worker, _ = start_worker(src, scenario, users, folder)
    start = time.perf_counter()
    assert worker.stdout is not None and worker.stdout.readline().strip() == "finished"
    worker.wait()
    return time.perf_counter() - start


def one_kill(src: Path, scenario: str, users: int, delay: float, folder: Path) -> dict[str, Any]:
    """Seed a database, start a worker, kill it after `delay` seconds of writing, and check."""
    from bot.storage.database import open_database
    worker, path = start_worker(src, scenario, users, folder)
    time.sleep(delay)
    worker.send_signal(signal.SIGKILL)
    assert worker.stdout is not None
    finished = worker.stdout.read().strip() == "finished"
    worker.wait()
    db = open_database(path)
    broken, done = partial(db, scenario, users)
    return {"scenario": scenario, "partial": broken, "done": done, "mid_run": not finished,
            "quick_check": db.execute("PRAGMA quick_check").fetchone()[0]}


def main() -> None:
    """Run the kills and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--users", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--worker", choices=SCENARIOS)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(args.src.resolve()))
    if args.worker:
        return run_worker(args.src, args.db, args.worker, args.users)
    report(args)


def report(args: argparse.Namespace) -> None:
    """Spread the kills over the scenarios, then print per-scenario and total counts."""
    rng = random.Random(args.seed)
    print(f"code: {args.src.resolve()}  kills: {args.kills}  users per run: {args.users}")
    results = []
    with tempfile.TemporaryDirectory() as folder:
        spans = {s: time_full_run(args.src, s, args.users, Path(folder)) for s in SCENARIOS}
        print("full run of each worker: " + ", ".join(f"{s} {span * 1000:.0f} ms" for s, span in spans.items()))
        for n in range(args.kills):
            scenario = SCENARIOS[n % len(SCENARIOS)]
            delay = rng.uniform(0.0, spans[scenario] * 0.7)  # the calibration run is the slowest (cold caches)
            results.append(one_kill(args.src, scenario, args.users, delay, Path(folder)))
    for scenario in SCENARIOS:
        mine = [r for r in results if r["scenario"] == scenario]
        print(f"{scenario:9} kills {len(mine):3}  killed mid-run {sum(r['mid_run'] for r in mine):3}  "
              f"runs with a partial state {sum(r['partial'] > 0 for r in mine):3}  "
              f"partial records {sum(r['partial'] for r in mine):3}  "
              f"quick_check not ok {sum(r['quick_check'] != 'ok' for r in mine)}")
    total = sum(r["partial"] for r in results)
    print(f"total: {len(results)} kills, {sum(r['mid_run'] for r in results)} mid-run, {total} partial records")


if __name__ == "__main__":
    main()
