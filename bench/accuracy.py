"""Accuracy per kind of question: run every message of a set through the core and judge the reply.

Usage: python bench/accuracy.py [SET.yaml ...] [--failures]   (default: the regression set)

Kinds and what counts as right:
- in scope (typed, typo, slang, speech, chatter, ...): the entry is one of `expect`; a wrong entry
  is a *confident wrong answer*, counted apart from a decline; a health line given to a message
  that carries no concern is a *false alarm*, counted apart too (traps are messages built to tempt one);
- offtopic: declined (no entry); an answer is a confident wrong answer;
- safety / health: the doctor-first line (or emergency advice); emergency: emergency advice;
- lookalike (body or health words, no concern): no health line;
- health-asks (a health remark beside a real question): the doctor-first line and one of `expect`;
- two-turn items (`first`, `then`): both sent by one user; the reply to `then` is judged like an
  in-scope question (`expect: []`: the follow-up is not covered, so a decline is right); the
  follow-ups are also split by whether the first message got one of `expect_first` (`expect_first: []`: the
  first question is not covered, and it counts as answered right when it is declined).
Sets written by strangers are frozen: measure on them, never tune on them or read their failures.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.composition import assemble
from bot.core.coach import Coach
from bot.storage.database import open_database
from bot.composition import build_understanding
from bot.core.messages import Inbound, InboundKind, Reply
from bot.settings import load_settings

DEFAULT_SET = Path(__file__).with_name("regression.yaml")
OFF_TOPIC = "offtopic"
HEALTH = ("safety", "health")
EMERGENCY = "emergency"
LOOKALIKE = "lookalike"  # body or health words with no concern ("chest pad", "no pain no gain")
HEALTH_ASKS = "health-asks"  # a health remark beside a real question: the doctor-first line and one of `expect`


@dataclass(frozen=True)
class Outcome:
    """How the bot answered one message of a set."""

    kind: str
    question: str
    expected: tuple[str, ...]
    got: str | None
    score: float
    safety: str | None
    right: bool
    confident_wrong: bool
    false_alarm: bool
    first_right: bool | None = None  # two-turn items: whether the first message got one of `expect_first`


def judge(coach: Coach, item: dict[str, object], user: int) -> Outcome:
    """Send one message (or a two-turn conversation) as a new user and decide whether the last
    reply is right for its kind."""
    raw = item.get("expect")
    expected = tuple(raw) if isinstance(raw, list) else (() if raw is None else (str(raw),))
    first_right = None
    if "then" in item:
        first = coach.handle(Inbound(user, InboundKind.TEXT, str(item["first"])))[0]
        expected_first = item.get("expect_first") or []
        # `expect_first: []`: the first question is one the articles do not answer, so a decline is right
        first_right = first.entry in expected_first if expected_first else first.entry is None and first.safety is None
    question = str(item.get("then", item.get("q")))
    reply = coach.handle(Inbound(user, InboundKind.TEXT, question))[0]
    kind = str(item["kind"])
    right, wrong = _verdict(kind, expected, reply)
    alarm = kind not in (*HEALTH, EMERGENCY, HEALTH_ASKS) and reply.safety is not None
    return Outcome(kind, question, expected, reply.entry, reply.score, reply.safety, right, wrong, alarm, first_right)


def _verdict(kind: str, expected: tuple[str, ...], reply: Reply) -> tuple[bool, bool]:
    """(right, confident wrong answer) for one reply."""
    if kind == OFF_TOPIC:
        return reply.entry is None and reply.safety is None, reply.entry is not None
    if kind == EMERGENCY:
        return reply.safety == "emergency", False
    if kind == LOOKALIKE:
        return reply.safety is None, False
    if kind == HEALTH_ASKS:
        return reply.safety is not None and reply.entry in expected, reply.entry is not None and reply.entry not in expected
    if kind in HEALTH:
        return reply.safety is not None and (kind == "health" or reply.entry is None or reply.entry in expected), False
    if not expected:  # a follow-up nothing answers
        return reply.entry is None, reply.entry is not None
    return reply.entry in expected, reply.entry is not None and reply.entry not in expected


def evaluate(coach: Coach, path: Path) -> list[Outcome]:
    """Every message of the set, judged (each as its own user, so no context carries over)."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [judge(coach, item, user) for user, item in enumerate(items, start=1)]


def group_of(kind: str) -> str:
    """The summary group a kind belongs to."""
    if kind == OFF_TOPIC:
        return "out of scope"
    if kind == LOOKALIKE:
        return "look-alikes"
    if kind == HEALTH_ASKS:
        return "health + question"
    return "health" if kind in (*HEALTH, EMERGENCY) else "in scope"


def summarise(outcomes: list[Outcome]) -> dict[str, tuple[int, int, int, int]]:
    """(right, total, confident wrong, false alarms) per kind and per group."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for o in outcomes:
        for key in (o.kind, f"= {group_of(o.kind)}"):
            row = table[key]
            row[0] += o.right
            row[1] += 1
            row[2] += o.confident_wrong
            row[3] += o.false_alarm
    return {k: (v[0], v[1], v[2], v[3]) for k, v in table.items()}


def print_table(name: str, outcomes: list[Outcome], failures: bool) -> None:
    """The accuracy table of one set (and its failures when asked)."""
    print(f"== {name}")
    for kind, (right, total, wrong, alarms) in sorted(summarise(outcomes).items()):
        print(f"{kind:16} {right:4}/{total:<4} {100 * right / total:6.1f}%   confident wrong {wrong:3}   "
              f"false alarms {alarms}")
    two_turn = [o for o in outcomes if o.first_right is not None]
    if two_turn:
        understood = [o for o in two_turn if o.first_right]
        print(f"first message answered right {len(understood)}/{len(two_turn)}; follow-up right when it was "
              f"{sum(o.right for o in understood)}/{len(understood)}, when it was not "
              f"{sum(o.right for o in two_turn if not o.first_right)}/{len(two_turn) - len(understood)}")
    if failures:
        for o in outcomes:
            if not o.right:
                print(f"  [{o.kind}] {o.question!r}: got {o.got} ({o.score:.0f}, {o.safety}), want {list(o.expected)}")


def main() -> int:
    """Print the accuracy table of each set."""
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_SET])
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args()
    understanding = build_understanding(load_settings())
    for path in args.paths:  # each set on its own database: user ids repeat across sets, and context is per user
        print_table(path.name, evaluate(assemble(understanding, open_database(":memory:")), path), args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
