"""Cross-validate the screening talk reader's threshold on the development set, through the core.

Usage: python -m bench.tune_screening [SET.yaml] [--folds 5]   (default: bench/screening_dev.yaml)

Every reply of the set is read once per threshold on a grid (the odds below which the reader says
none: knowledge.intents.MIN_ODDS["screening"]), as bench/bench_screening.py reads it. For each fold
the best threshold on the other folds is scored on it: the mean of those figures is the
cross-validated accuracy. Frozen unseen sets are never read here.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

from bench.bench_screening import label, reading, right
from bot.composition import assemble, build_understanding
from bot.features.screening.store import ScreeningStore
from bot.settings import load_settings
from bot.storage.database import open_database
from knowledge.intents import MIN_ODDS
from knowledge.understanding import Understanding

DEV_SET = Path(__file__).with_name("screening_dev.yaml")
GRID = (0.3, 0.4, 0.5, 0.6, 0.7)


def outcomes(understanding: Understanding, items: list[dict[str, object]], odds: float) -> list[bool]:
    """Whether each reply is read as labelled, with the reader's threshold at `odds`."""
    MIN_ODDS["screening"] = odds
    db = open_database(":memory:")
    coach, store = assemble(understanding, db), ScreeningStore(db)
    return [right(label(item["expect"]), reading(coach, store, user, str(item["question"]), str(item["text"])))
            for user, item in enumerate(items, start=1)]


def cross_validate(table: dict[float, list[bool]], folds: int) -> list[tuple[float, float]]:
    """Per fold: the threshold best on the other folds and its accuracy on this one."""
    order = list(range(len(next(iter(table.values())))))
    random.Random(7).shuffle(order)
    results = []
    for fold in range(folds):
        held = set(order[fold::folds])
        best = max(table, key=lambda odds: sum(ok for i, ok in enumerate(table[odds]) if i not in held))
        results.append((best, sum(table[best][i] for i in held) / len(held)))
    return results


def main() -> None:
    """Print each threshold's accuracy, the cross-validated figure and the best threshold."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", nargs="?", type=Path, default=DEV_SET)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    understanding = build_understanding(load_settings())
    items = yaml.safe_load(args.set.read_text(encoding="utf-8"))
    table = {odds: outcomes(understanding, items, odds) for odds in GRID}
    for odds, oks in table.items():
        print(f"threshold {odds:.2f}: {sum(oks)}/{len(oks)}")
    results = cross_validate(table, args.folds)
    for fold, (odds, accuracy) in enumerate(results, start=1):
        print(f"fold {fold}: threshold {odds:.2f} chosen on the others, {100 * accuracy:.1f}% here")
    print(f"cross-validated accuracy: {100 * sum(a for _, a in results) / len(results):.1f}% "
          f"(mean of {args.folds} folds)")


if __name__ == "__main__":
    main()
