"""Runner benchmarks (run on demand; print numbers, assert nothing):

- capacity: updates/s the bot processes in-process (journal, per-user order, core, sends to a
  request that answers at once) with 300k users' rows in the database and the send budget raised.
  Target >= 500/s on 2 cores for text questions.
- burst: 300 questions from 50 users to the real `coachbot run` process over a fake Bot API that
  allows 30 sends/s (429 beyond). Target: answered at >= 90% of 30/s.
- latency: 50 users write at once while one user's chat answers 4 s late; reply times per user.
- faults: 20% of sends fail (500, dropped before/after delivery, answers 10-30 s late) while 50
  users ask 2 questions each and 100 reminders fall due. Target 0 lost, duplicates within the
  bound (at most one per lost answer, never a third copy).
- outage: the Bot API refuses connections for 30 s after start; how long after it returns the bot
  is up.

`--code DIR` runs the bot process from another checkout (e.g. `git archive main | tar -x -C DIR`)
to measure the code before a change with the same harness.

Usage: python bench/bench_runner.py capacity|burst|latency|faults|outage [--code DIR] [--rate N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_reminders import fill_due_reminders  # noqa: E402
from bot.storage.database import open_database  # noqa: E402
from tests.botprocess import BotProcess  # noqa: E402
from tests.fakebotapi import FakeBotApi, Faults  # noqa: E402

QUESTIONS = ("how many reps for endurance?", "what muscles do reverse hypers work", "can I bend my knees",
             "how high should my legs go", "how often should I train", "what are banded hypers",
             "how long should I rest between sets", "is it good for lower back pain")


def fill_users(path: Path, users: int, now: datetime, index_updates: bool = False) -> None:
    """`users` users, each with a profile, a weekly plan and a handled update within two days
    (`index_updates`: with the index on updates.at that the storage side of issue 14 adds)."""
    db = open_database(path)
    if index_updates:
        db.execute("CREATE INDEX IF NOT EXISTS bench_updates_at ON updates (at)")
    at = now.isoformat()
    first = int((now + timedelta(days=7)).timestamp())
    with db.conn:
        db.conn.executemany("INSERT INTO users (id, first_seen, last_seen) VALUES (?,?,?)",
                            ((u, at, at) for u in range(1, users + 1)))
        db.conn.executemany("INSERT INTO updates (update_id, at) VALUES (?,?)",
                            ((10**9 + u, (now - timedelta(seconds=u % 86400)).isoformat()) for u in range(users)))
        db.conn.executemany("INSERT INTO profiles (user_id, zone, goal, lead_minutes) VALUES (?,?,?,?)",
                            ((u, "UTC", "strength", 30) for u in range(1, users + 1)))
        db.conn.executemany("INSERT INTO plans (user_id, weekdays, local_time, zone, goal, created_at, active, "
                            "next_at, remind_at) VALUES (?,?,?,?,?,?,?,?,?)",
                            ((u, 0b10101, "07:00", "UTC", "strength", first, 1, first, first - 1800)
                             for u in range(1, users + 1)))
    db.conn.close()


async def bench_capacity(updates: int, users: int, active: int, index_updates: bool) -> None:
    """Updates per second through the application, in process."""
    from telegram import Update

    from bot.composition import build_coach
    from bot.settings import Settings
    from bot.adapters.telegram.app import build_application
    from tests.conftest import message_update
    from tests.recording_request import RecordingRequest

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.db"
        fill_users(path, users, datetime.now(UTC), index_updates)
        settings = Settings(token="123:ABC", db_path=str(path), send_rate=1_000_000)
        app = build_application(settings, build_coach(settings), request=RecordingRequest())
        async with app:
            await app.start()
            batch = [Update.de_json(message_update(QUESTIONS[i % len(QUESTIONS)], user_id=1 + i % active), app.bot)
                     for i in range(updates)]
            start, cpu = time.perf_counter(), time.process_time()
            for update in batch:
                await app.update_queue.put(update)
            await app.update_queue.join()
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            await app.stop()
    print(f"capacity: {updates:,} text questions from {active:,} users, {users:,} users' rows "
          f"(users, profiles, plans, {users:,} handled update ids{', updates.at indexed' if index_updates else ''}): "
          f"{elapsed:.1f} s, {updates / elapsed:.0f} updates/s; CPU {1000 * cpu / updates:.2f} ms per update = "
          f"{updates / cpu:.0f} updates per CPU-second (the event loop uses one core; the machine is shared)")


def start_process(api: FakeBotApi, tmp: Path, code: str | None, env: dict[str, str] | None = None) -> BotProcess:
    """The real bot process, from this checkout or `code`."""
    bot = BotProcess(api, tmp / "coach.db", tmp / "bot.log", {"COACHBOT_LOG_LEVEL": "INFO", **(env or {})})
    if code:
        bot.command = [sys.executable, "-m", "bot"]
        bot.env["PYTHONPATH"] = code
    bot.start()
    return bot


async def answers(api: FakeBotApi, chats: list[int], timeout: float) -> list[float]:
    """Wait for one answer per entry of `chats` (a chat may repeat); returns their arrival times."""
    times = []
    for chat in chats:
        await api.wait_for("sendMessage", lambda p, c=chat: p["chat_id"] == c, timeout=timeout)
        times.append(max(c.at for c in api.calls if c.method == "sendMessage" and c.params.get("chat_id") == chat))
    return times


async def bench_burst(code: str | None, users: int = 50, each: int = 6) -> None:
    """300 questions at once through the real sending budget against a 30/s API."""
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeBotApi(rate_limit_per_s=30) as api:
            bot = start_process(api, Path(tmp), code)
            try:
                await api.wait_for("setMyCommands", timeout=300)
                api.mark()
                chats = [9000 + u for _ in range(each) for u in range(users)]
                start = time.monotonic()
                for n, chat in enumerate(chats):
                    api.push_text(chat, QUESTIONS[n % len(QUESTIONS)])
                times = await answers(api, chats, 600)
                elapsed = max(times) - start
            finally:
                await bot.stop()
        sent = [c for c in api.calls if c.method == "sendMessage"]
        actions = sum(c.method == "sendChatAction" for c in api.calls)
        print(f"burst: {len(chats)} questions from {users} users answered in {elapsed:.1f} s = "
              f"{len(chats) / elapsed:.1f}/s ({100 * len(chats) / elapsed / 30:.0f}% of 30/s); "
              f"{len(sent)} messages, {actions} chat actions, {len(api.rejected)} answered 429")


async def bench_latency(code: str | None, users: int = 50, slow: float = 4.0) -> None:
    """Reply times with everyone writing at once and one chat whose answers come back late."""
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeBotApi() as api:
            bot = start_process(api, Path(tmp), code)
            try:
                await api.wait_for("setMyCommands", timeout=300)
                chats = [8000 + u for u in range(users)]
                api.slow_chats[chats[0]] = slow
                api.push_text(chats[0], QUESTIONS[0])  # the slow reply is under way first
                await api.wait_for("sendMessage", lambda p: p["chat_id"] == chats[0], timeout=60)
                start = time.monotonic()
                for n, chat in enumerate(chats[1:]):
                    api.push_text(chat, QUESTIONS[n % len(QUESTIONS)])
                times = await answers(api, chats[1:], 120)
            finally:
                await bot.stop()
    waits = sorted(t - start for t in times)
    p99 = waits[min(len(waits) - 1, int(0.99 * len(waits)))]
    print(f"latency: {len(waits)} users writing at once while one reply takes {slow:.0f} s: "
          f"p50 {statistics.median(waits):.2f} s, p99 {p99:.2f} s, max {waits[-1]:.2f} s")


async def bench_faults(code: str | None, users: int = 50, each: int = 2, reminders: int = 100) -> None:
    """Questions and reminders while a fifth of sends fail; counts lost and duplicated messages."""
    with tempfile.TemporaryDirectory() as tmp:
        db = fill_due_reminders(Path(tmp) / "coach.db", range(1, reminders + 1), datetime.now(UTC))
        if code:  # the code before issue 14 knew 5 migrations; the journal table is this change's
            db.execute("DROP TABLE inbox")
            db.execute("PRAGMA user_version = 5")
        db.conn.close()
        async with FakeBotApi() as api:
            api.faults = Faults(rate=0.2, delay=(10.0, 30.0))
            bot = start_process(api, Path(tmp), code)
            try:
                await api.wait_for("setMyCommands", timeout=300)
                asked = {7000 + u: [QUESTIONS[(u + k) % len(QUESTIONS)] for k in range(each)] for u in range(users)}
                for chat, questions in asked.items():
                    for question in questions:
                        api.push_text(chat, question)
                start = time.monotonic()
                await _quiet(api, start, users * each + reminders)
            finally:
                await bot.stop()
        _report_faults(api, users * each, reminders, time.monotonic() - start, bot.log())


async def _quiet(api: FakeBotApi, start: float, expected: int, settle: float = 45.0, limit: float = 600) -> None:
    """Wait until `expected` messages arrived and no send came for `settle` seconds (late retries)."""
    while time.monotonic() - start < limit:
        sent = [c.at for c in api.calls if c.method == "sendMessage"]
        if len(_delivered(api)) >= expected and time.monotonic() - max(sent, default=start) > settle:
            return
        await asyncio.sleep(1)


def _sends(api: FakeBotApi) -> list:
    """Delivered sendMessage calls."""
    return [c for c in api.calls if c.method == "sendMessage" and c.error_code is None]


def _key(call) -> tuple[int, str]:
    """What makes two sends the same message: chat and text."""
    return call.params["chat_id"], call.params["text"]


def _delivered(api: FakeBotApi) -> Counter[tuple[int, str]]:
    """Copies of each distinct message delivered, apologies ("Sorry, something went wrong") aside."""
    return Counter(_key(c) for c in _sends(api) if not c.params["text"].startswith("Sorry"))


def _report_faults(api: FakeBotApi, questions: int, reminders: int, elapsed: float, log: str) -> None:
    """Lost and duplicated messages against the injected faults."""
    copies = _delivered(api)
    apologies = sum(c.params["text"].startswith("Sorry") for c in _sends(api))
    answered = sum(1 for (chat, _t) in copies if chat >= 7000)
    reminded = sum(1 for (chat, _t) in copies if chat <= reminders)
    duplicates = sum(n - 1 for n in copies.values())
    unknown = api.faults.counts["drop_after"] + api.faults.counts["slow"] if api.faults else 0
    print(f"faults: {sum(api.faults.counts.values()) if api.faults else 0} injected {dict(api.faults.counts) if api.faults else {}} "
          f"in {elapsed:.0f} s; answers {answered}/{questions}, reminders {reminded}/{reminders}, "
          f"lost {questions + reminders - answered - reminded}; duplicates {duplicates} "
          f"(bound: {unknown} sends delivered with the answer lost or late), most copies of one message "
          f"{max(copies.values(), default=0)}; apologies {apologies}; "
          f"tracebacks in log {log.count('Traceback')}")


async def bench_outage(code: str | None, down: float = 30.0) -> None:
    """Start the bot while the Bot API refuses connections; bring it back after `down` seconds."""
    async def refuse(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    server = await asyncio.start_server(refuse, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        api = FakeBotApi(port=port)
        bot = start_process(api, Path(tmp), code)
        await asyncio.sleep(down)
        server.close()
        await server.wait_closed()
        async with api:
            back = time.monotonic()
            try:
                await api.wait_for("setMyCommands", timeout=120)
                api.push_text(6000, QUESTIONS[0])
                await api.wait_for("sendMessage", timeout=60)
                print(f"outage: API down {down:.0f} s; bot up {time.monotonic() - back:.1f} s after it returned "
                      f"(answered a question); tracebacks in log {bot.log().count('Traceback')}")
            except AssertionError:
                exited = bot.proc.poll() if bot.proc else None
                print(f"outage: bot not up 120 s after the API returned (process exit code {exited}); "
                      f"tracebacks in log {bot.log().count('Traceback')}")
            finally:
                await bot.stop()


def main() -> int:
    """Run one benchmark."""
    parser = argparse.ArgumentParser()
    parser.add_argument("which", choices=["capacity", "burst", "latency", "faults", "outage"])
    parser.add_argument("--code", help="run the bot process from this checkout instead")
    parser.add_argument("--updates", type=int, default=5000)
    parser.add_argument("--users", type=int, default=300_000)
    parser.add_argument("--rate", help="COACHBOT_SEND_RATE for the bot process")
    parser.add_argument("--index-updates", action="store_true", help="capacity: index updates.at first")
    args = parser.parse_args()
    os.environ.pop("TELEGRAM_BOT_TOKEN", None)
    if args.rate:
        os.environ["COACHBOT_SEND_RATE"] = args.rate
    runs = {"capacity": lambda: bench_capacity(args.updates, args.users, 1000, args.index_updates), "burst": lambda: bench_burst(args.code),
            "latency": lambda: bench_latency(args.code), "faults": lambda: bench_faults(args.code),
            "outage": lambda: bench_outage(args.code)}
    asyncio.run(runs[args.which]())
    return 0


if __name__ == "__main__":
    sys.exit(main())
