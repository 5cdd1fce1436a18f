"""Kill -9 campaign on the real bot process (run on demand; prints numbers, asserts nothing).

`coachbot run` answers questions and sends due reminders over a loopback fake Bot API while it is
SIGKILLed again and again, each time at a random moment after it came up, and restarted. Before
each kill a few more users ask a question, so kills land in intake (journaled, being answered,
answered but not sent, sent but not finished) as well as in the reminder fan-out. After the last
restart the bot runs until everything is out; then it counts what was lost (a question never
answered, a reminder never sent) and what arrived more than once, against the bound: at most one
extra copy of a message per kill it was in flight at (two copies of a message with no kill between
them are counted as beyond the bound).

`--code DIR` runs the bot from another checkout (the code before a change).

Usage: python bench/bench_kills.py [--kills 50] [--reminders 300] [--seed 1] [--code DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_reminders import fill_due_reminders  # noqa: E402
from bench.bench_runner import QUESTIONS, start_process  # noqa: E402
from tests.botprocess import BotProcess  # noqa: E402
from tests.fakebotapi import FakeBotApi  # noqa: E402

FIRST_ASKER = 7000
PER_ROUND = 4  # users asking one question each before every kill


async def campaign(kills: int, reminders: int, seed: int, code: str | None) -> None:
    """Kill, restart and finally count."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        fill_due_reminders(Path(tmp) / "coach.db", range(1, reminders + 1), datetime.now(UTC)).conn.close()
        async with FakeBotApi(rate_limit_per_s=30) as api:
            start, killed_at = time.monotonic(), []
            for round_ in range(kills):
                bot = await up(api, Path(tmp), code, round_ + 1)
                ask(api, round_)
                await asyncio.sleep(rng.uniform(0.0, 1.5))
                await bot.kill()
                killed_at.append(time.monotonic())
            bot = await up(api, Path(tmp), code, kills + 1)
            ask(api, kills)
            try:
                await settle(api, (kills + 1) * PER_ROUND + reminders)
            finally:
                await bot.stop()
            report(api, killed_at, reminders, time.monotonic() - start, bot.log())


async def up(api: FakeBotApi, tmp: Path, code: str | None, life: int) -> BotProcess:
    """Start the bot and wait until it registered its commands (its `life`-th start)."""
    bot = start_process(api, tmp, code)
    deadline = time.monotonic() + 120
    while sum(c.method == "setMyCommands" for c in api.calls) < life and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return bot


def ask(api: FakeBotApi, round_: int) -> None:
    """PER_ROUND new users ask one question each."""
    for n in range(PER_ROUND):
        api.push_text(FIRST_ASKER + round_ * PER_ROUND + n, QUESTIONS[(round_ + n) % len(QUESTIONS)])


async def settle(api: FakeBotApi, expected: int, quiet: float = 10.0, limit: float = 600.0) -> None:
    """Wait until `expected` distinct messages arrived and nothing was sent for `quiet` seconds."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        sent = [c.at for c in api.calls if c.method == "sendMessage"]
        if len(delivered(api)) >= expected and time.monotonic() - max(sent, default=start) > quiet:
            return
        await asyncio.sleep(0.5)


def delivered(api: FakeBotApi) -> Counter[tuple[int, str]]:
    """Copies of each distinct message Telegram took (apologies aside)."""
    return Counter((c.params["chat_id"], c.params["text"]) for c in api.calls
                   if c.method == "sendMessage" and c.error_code is None and not c.params["text"].startswith("Sorry"))


def report(api: FakeBotApi, killed_at: list[float], reminders: int, elapsed: float, log: str) -> None:
    """Lost and doubled messages, and copies beyond the bound (two copies with no kill between)."""
    copies = delivered(api)
    kills = len(killed_at)
    askers = range(FIRST_ASKER, FIRST_ASKER + (kills + 1) * PER_ROUND)
    answered = len({chat for chat, _ in copies if chat in askers})
    reminded = len({chat for chat, _ in copies if chat <= reminders})
    doubled = Counter(n for n in copies.values() if n > 1)
    print(f"kills: {kills} SIGKILLs in {elapsed:.0f} s; questions answered {answered}/{len(askers)}, reminders "
          f"{reminded}/{reminders}, lost {len(askers) - answered + reminders - reminded}; messages delivered more "
          f"than once {sum(doubled.values())} (copies: {dict(sorted(doubled.items()))}), extra copies "
          f"{sum(n - 1 for n in copies.values())}, beyond the bound {beyond_bound(api, killed_at)}; "
          f"429 answers {len(api.rejected)}; tracebacks in the logs {log.count('Traceback')}")


def beyond_bound(api: FakeBotApi, killed_at: list[float]) -> int:
    """Extra copies that no kill explains: consecutive copies of one message with no kill between."""
    times: dict[tuple[int, str], list[float]] = {}
    for call in api.calls:
        if call.method == "sendMessage" and call.error_code is None and not call.params["text"].startswith("Sorry"):
            times.setdefault((call.params["chat_id"], call.params["text"]), []).append(call.at)
    return sum(1 for at in times.values() for a, b in zip(at, at[1:], strict=False)
               if not any(a < kill < b for kill in killed_at))


def main() -> int:
    """Run the campaign."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--reminders", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--code", help="run the bot process from this checkout instead")
    args = parser.parse_args()
    asyncio.run(campaign(args.kills, args.reminders, args.seed, args.code))
    return 0


if __name__ == "__main__":
    sys.exit(main())
