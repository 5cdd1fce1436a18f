"""Regression accuracy: run every question of a set through the core and print accuracy per kind.

Usage: python bench/accuracy.py [bench/regression.yaml] [--failures]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.core import Coach
from bot.database import open_database
from bot.messages import Inbound, InboundKind
from bot.settings import Settings
from bot.texts import DOCTOR_FIRST
from bot.engine import build_matcher

DEFAULT_SET = Path(__file__).with_name("regression.yaml")


@dataclass(frozen=True)
class Outcome:
    """How the bot answered one regression question."""

    kind: str
    question: str
    expected: tuple[str, ...]
    got: str | None
    score: float
    right: bool


def judge(coach: Coach, item: dict[str, object]) -> Outcome:
    """Ask one question and decide whether the answer is right for its kind."""
    raw = item.get("expect")
    expected = tuple(raw) if isinstance(raw, list) else (() if raw is None else (str(raw),))
    reply = coach.handle(Inbound(1, InboundKind.TEXT, str(item["q"])))[0]
    kind = str(item["kind"])
    if kind == "offtopic":
        right = reply.entry is None
    elif kind == "safety":
        right = DOCTOR_FIRST in reply.text and (reply.entry is None or reply.entry in expected)
    else:
        right = reply.entry in expected
    return Outcome(kind, str(item["q"]), expected, reply.entry, reply.score, right)


def evaluate(path: Path) -> list[Outcome]:
    """Every question of the set, judged."""
    coach = Coach(build_matcher(Settings()), open_database(":memory:"))
    return [judge(coach, item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def summarise(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """(right, total) per kind, plus 'in scope' and 'out of scope' totals."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        for key in (o.kind, "out of scope" if o.kind == "offtopic" else "in scope"):
            table[key][0] += o.right
            table[key][1] += 1
    return {k: (v[0], v[1]) for k, v in table.items()}


def main() -> int:
    """Print the accuracy table (and the failures when asked)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_SET)
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args()
    outcomes = evaluate(args.path)
    for kind, (right, total) in sorted(summarise(outcomes).items()):
        print(f"{kind:14} {right:4}/{total:<4} {100 * right / total:6.1f}%")
    if args.failures:
        for o in outcomes:
            if not o.right:
                print(f"  [{o.kind}] {o.question!r}: got {o.got} ({o.score:.0f}), want {list(o.expected)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
