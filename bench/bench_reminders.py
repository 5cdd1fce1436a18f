"""Reminder benchmarks (run on demand; prints numbers):

1. start-up with 100,000 users holding 300,000 weekly sessions (3 per user): time and peak memory
   of a fresh process that opens the database, builds the engine and starts the dispatcher.
   Targets: under 3 s and under 300 MB.
2. fan-out: 10,000 reminders due in the same minute, sent through the real Telegram path to a
   loopback fake Bot API that allows 30 messages/s and answers 429 beyond it. All must arrive,
   none twice, in a total time within 10% of 10,000 / 30 s.

Usage: python bench/bench_reminders.py [startup|fanout|all] [--users N] [--reminders N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.storage.database import open_database  # noqa: E402
from bot.features.screening.questions import VERSION, Outcome  # noqa: E402
from bot.features.screening.store import Result, ScreeningStore  # noqa: E402
from scheduler.store import epoch  # noqa: E402

STARTUP_PROBE = """
import sys, time
start = time.perf_counter()
import asyncio
from bot.composition import build_coach
from bot.settings import load_settings
from scheduler.dispatcher import Dispatcher

async def main():
    coach = build_coach(load_settings())
    async def deliver(due): pass
    d = Dispatcher(coach.plans, coach.planner, deliver, coach.clock)
    d.start()
    queued = d.tick()
    await d.stop()
    return queued, coach.plans.db.execute("select count(*) from plans").fetchone()[0]

queued, plans = asyncio.run(main())
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]
print(f"{time.perf_counter() - start:.3f} {hwm} {plans} {queued}")
"""


# VmHWM (peak resident memory) is reset by exec, unlike ru_maxrss, so it measures the child alone.
BARE_PROBE = 'print(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])'


def fill_plans(path: Path, users: int, now: datetime) -> None:
    """users plans on Mon/Wed/Fri at 07:00 UTC, next session next week (nothing due now)."""
    db = open_database(path)
    first = now + timedelta(days=7)
    rows = [(u, 0b10101, "07:00", "UTC", "strength", epoch(now), 1, epoch(first), epoch(first - timedelta(minutes=30)))
            for u in range(1, users + 1)]
    with db.conn:
        db.conn.executemany("INSERT INTO plans (user_id, weekdays, local_time, zone, goal, created_at, active, "
                            "next_at, remind_at) VALUES (?,?,?,?,?,?,?,?,?)", rows)
        db.conn.executemany("INSERT INTO profiles (user_id, zone, goal, lead_minutes) VALUES (?,?,?,?)",
                            [(u, "UTC", "strength", 30) for u in range(1, users + 1)])
    db.conn.close()


def fill_due_reminders(path: Path, users: range, now: datetime):
    """One screened user per id with a one-off session in 20 minutes whose reminder is due now."""
    db = open_database(path)
    session = now + timedelta(minutes=20)
    rows = [(u, 0, None, epoch(session), "UTC", "strength", epoch(now), 1, epoch(session), epoch(now)) for u in users]
    with db.conn:
        db.conn.executemany("INSERT INTO plans (user_id, weekdays, local_time, once_at, zone, goal, created_at, "
                            "active, next_at, remind_at) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    screening = ScreeningStore(db)
    for u in users:
        screening.complete(Result(u, VERSION, now, now, Outcome.GREEN, ()))
    return db


def bench_startup(users: int) -> None:
    """Time and peak memory of a fresh process starting on a big database."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.db"
        fill_plans(path, users, datetime.now(UTC))
        env = {**os.environ, "COACHBOT_DB": str(path)}
        baseline = subprocess.run([sys.executable, "-c", BARE_PROBE], capture_output=True, text=True,
                                  check=True).stdout.strip()
        for run in range(3):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", STARTUP_PROBE], env=env, capture_output=True, text=True,
                                 check=True, cwd=tmp).stdout.split()
            wall = time.perf_counter() - start
            print(f"start-up with {users:,} users / {3 * users:,} weekly sessions (run {run + 1}): "
                  f"in-process {float(out[0]):.2f} s, whole process {wall:.2f} s, peak RSS {int(out[1]) / 1024:.0f} MB "
                  f"(bare python {int(baseline) / 1024:.0f} MB), plans {out[2]}, due now {out[3]}")


async def bench_fanout(count: int) -> None:
    """count reminders due now, through the Telegram deliver path, against a 30/s fake API."""
    from bot.composition import build_coach
    from bot.settings import Settings
    from bot.adapters.telegram.app import build_application
    from bot.adapters.telegram.reminders import CLAIMS_PER_TICK, TICK_SECONDS, start_reminders, stop_reminders
    from tests.fakebotapi import FakeBotApi

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fan.db"
        db = fill_due_reminders(path, range(1, count + 1), datetime.now(UTC))
        async with FakeBotApi(rate_limit_per_s=30) as api:
            settings = Settings(token=api.token, api_base_url=api.base_url, api_base_file_url=api.base_file_url,
                                db_path=str(path))
            coach = build_coach(settings)
            app = build_application(settings, coach)
            async with app:  # the production path: the reminder bot and dispatcher of a running app
                start, cpu = time.monotonic(), time.process_time()
                dispatcher = await start_reminders(app, coach)
                queued, claiming = 0, 0.0
                while claimed := dispatcher.tick(CLAIMS_PER_TICK):  # as the JobQueue job does, each second
                    queued += claimed
                    claiming = time.monotonic()
                    await asyncio.sleep(TICK_SECONDS)
                await dispatcher.drain()
                end, cpu = time.monotonic(), time.process_time() - cpu
                await stop_reminders(app)
            delivered = [c.params["chat_id"] for c in api.calls if c.method == "sendMessage"]
            ideal = count / 30
            elapsed = end - start
            print(f"fan-out: queued {queued:,}, delivered {len(delivered):,}, distinct users {len(set(delivered)):,}, "
                  f"duplicates {len(delivered) - len(set(delivered))}, 429 answers {len(api.rejected)}, "
                  f"time {elapsed:.1f} s vs ideal {ideal:.1f} s ({100 * (elapsed / ideal - 1):+.1f}%), "
                  f"rate {settings.send_rate}/s (shared budget); CPU {1000 * cpu / count:.2f} ms per reminder "
                  f"(bot and fake API in one process)")
            print(format_timeline(sorted(c.at for c in api.calls if c.method == "sendMessage"), start, end,
                                  claiming, settings.send_rate))
            statuses = dict(db.execute("select status, count(*) from occurrences group by status").fetchall())
            print(f"occurrence statuses: {statuses}")


def format_timeline(sends: list[float], start: float, end: float, claiming: float, rate: float) -> str:
    """Where the fan-out's time went: before the first send, gaps between sends beyond the pace
    (wake-ups late, the event loop busy), while plans were still being claimed and after, and after
    the last send."""
    pace = 1 / rate
    gaps = [(b, b - a - pace) for a, b in zip(sends, sends[1:], strict=False)]
    during = sum(extra for at, extra in gaps if extra > 0 and at <= claiming)
    after = sum(extra for at, extra in gaps if extra > 0 and at > claiming)
    ahead = -sum(extra for _at, extra in gaps if extra < 0)
    long = sum(1 for _at, extra in gaps if extra > 0.1)
    ideal = (len(sends) - 1) * pace
    return (f"time: first send {sends[0] - start:.2f} s after start; {len(sends) - 1:,} gaps at 1/{rate:g} s = "
            f"{ideal:.1f} s; lateness beyond the pace {during:.1f} s while claiming (until "
            f"{claiming - start:.0f} s) + {after:.1f} s after, {long} gaps over 0.1 s; sends earlier than the "
            f"pace (catching up) {ahead:.1f} s; last send to the end {end - sends[-1]:.2f} s")


def main() -> int:
    """Run the chosen benchmarks."""
    parser = argparse.ArgumentParser()
    parser.add_argument("which", nargs="?", default="all", choices=["startup", "fanout", "all"])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--reminders", type=int, default=10_000)
    args = parser.parse_args()
    if args.which in ("startup", "all"):
        bench_startup(args.users)
    if args.which in ("fanout", "all"):
        asyncio.run(bench_fanout(args.reminders))
    return 0


if __name__ == "__main__":
    sys.exit(main())
