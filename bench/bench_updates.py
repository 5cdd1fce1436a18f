"""Update-id bookkeeping benchmark (run on demand; prints numbers).

Each handled Telegram update records its id (so a redelivery is answered once) and prunes ids older
than two days. This measures the cost per update of that bookkeeping (`Store.claim_update`) on a
file database whose `updates` table already holds N rows (recent ones, as on a busy bot, plus a
day's worth of expired ones to prune), at 10k and 300k rows.

Usage: python bench/bench_updates.py [--rows 10000 300000] [--updates 2000] [--src DIR]
(--src runs another checkout of the code, e.g. the commit before a change, for a before/after.)
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


def fill(db: object, rows: int) -> None:
    """`rows` recent update ids, and 5% expired ones, written in one go."""
    expired = rows // 20
    recent = [(i, (NOW - timedelta(seconds=i % 86_400)).isoformat()) for i in range(rows - expired)]
    old = [(rows + i, (NOW - timedelta(days=3, seconds=i)).isoformat()) for i in range(expired)]
    db.conn.executemany("INSERT INTO updates (update_id, at) VALUES (?, ?)", recent + old)  # type: ignore[attr-defined]
    db.conn.commit()  # type: ignore[attr-defined]


def measure(rows: int, updates: int) -> tuple[float, float]:
    """Median and p95 milliseconds per claimed update with `rows` ids already stored."""
    open_database = importlib.import_module("bot.storage.database").open_database
    store_class = importlib.import_module("bot.storage.users").Store
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db")
        fill(db, rows)
        store = store_class(db)
        timings = []
        for n in range(updates):
            start = time.perf_counter()
            assert store.claim_update(10_000_000 + n, NOW + timedelta(milliseconds=n))
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95)]


def main() -> None:
    """Print the per-update cost at each table size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 300_000])
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    sys.path.insert(0, str(args.src.resolve()))
    print(f"code: {args.src.resolve()}")
    for rows in args.rows:
        median, p95 = measure(rows, args.updates)
        print(f"{rows:>8} rows in updates: {median:6.3f} ms per update (median), p95 {p95:6.3f} ms, "
              f"~{1000 / median:,.0f} updates/s of bookkeeping alone")


if __name__ == "__main__":
    main()
