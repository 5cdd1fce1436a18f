"""Fresh versus after: does an answer change a question's reply? Each two-turn item's second message
is sent by a new user (fresh) and right after the first message (after), through the core.

Printed per kind: right after, right fresh, fresh and after agreeing (same entry and the same health
line), "That's all the articles say" given after, and confident wrong answers after.
Usage: python bench/context_pairs.py [SET.yaml ...]   (default: bench/tester_context_dev.yaml)
Development sets only: a frozen set's items are never read one by one.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from bench.accuracy import _verdict  # noqa: E402
from bot.composition import assemble, build_understanding  # noqa: E402
from bot.core.coach import Coach  # noqa: E402
from bot.core.messages import Inbound, InboundKind, Reply  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from bot.storage.database import open_database  # noqa: E402

DEFAULT_SET = Path(__file__).with_name("tester_context_dev.yaml")
ALL_THERE_IS = "That's all the articles say"  # the opening of a reply to a follow-up asking for more (qa texts)


def ask(coach: Coach, user: int, text: str) -> Reply:
    """The first reply to one message."""
    return coach.handle(Inbound(user, InboundKind.TEXT, text))[0]


def compare(coach: Coach, items: list[dict[str, object]]) -> dict[str, list[int]]:
    """Per kind: [total, right after, right fresh, agree, all-there-is after, confident wrong after]."""
    table: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    for n, item in enumerate(items):
        raw = item.get("expect") or []
        kind, expected = str(item["kind"]), tuple(str(e) for e in raw) if isinstance(raw, list) else ()
        fresh = ask(coach, 2 * n + 1, str(item["then"]))
        ask(coach, 2 * n + 2, str(item["first"]))
        after = ask(coach, 2 * n + 2, str(item["then"]))
        right_after, wrong_after = _verdict(kind, expected, after)
        right_fresh = _verdict(kind, expected, fresh)[0]
        agree = (fresh.entry, fresh.safety) == (after.entry, after.safety)
        for key in (kind, "= all"):
            row = table[key]
            for i, value in enumerate((1, right_after, right_fresh, agree, ALL_THERE_IS in after.text, wrong_after)):
                row[i] += int(value)
    return table


def main() -> int:
    """Print the table of each set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_SET])
    args = parser.parse_args()
    understanding = build_understanding(load_settings())
    for path in args.paths:
        items = yaml.safe_load(path.read_text(encoding="utf-8"))
        print(f"== {path.name}\n{'kind':10} {'right after':>12} {'right fresh':>12} {'agree':>8} {'all-there-is':>13} {'wrong after':>12}")
        table = compare(assemble(understanding, open_database(":memory:")), items)
        for kind, (total, after, fresh, agree, more, wrong) in sorted(table.items()):
            print(f"{kind:10} {after:5}/{total:<6} {fresh:5}/{total:<6} {agree:3}/{total:<4} {more:6}/{total:<6} {wrong:6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
