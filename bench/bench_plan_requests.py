"""How well requests about stored plans are read: cancel, skip, edit, or none (a new plan, a question,
other talk), as the intent layer's `plans` reader reads an idle message.

Usage: python bench/bench_plan_requests.py [SET.yaml]   (default: bench/plan_requests_dev.yaml; a frozen set only when named)
Each item is {q, kind}; prints right per kind and the messages read as a request they are not
("acted wrongly": a plan cancelled, skipped or edited unasked is the costly error). Frozen sets:
totals only, never tune on them.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from bot.composition import build_understanding
from bot.settings import load_settings

DEFAULT_SET = Path(__file__).with_name("plan_requests_dev.yaml")  # never a frozen set by default


def main(path: Path) -> None:
    """Read every message of a set and print right / total per kind."""
    understanding = build_understanding(load_settings())
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong_act = 0
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        request = understanding.plan_request(item["q"])
        got = request.action.value if request else "none"
        total[item["kind"]] += 1
        right[item["kind"]] += got == item["kind"]
        wrong_act += got not in ("none", item["kind"])
    print(f"== {path.name}: {sum(right.values())}/{sum(total.values())} right, acted wrongly {wrong_act}")
    for kind in sorted(total):
        print(f"{kind:8} {right[kind]:4}/{total[kind]:<4} {100 * right[kind] / total[kind]:5.1f}%")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SET)
