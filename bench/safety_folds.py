"""How the safety classifier generalises to a writer it never saw: each safety development writer left out in
turn (knowledge/data/safety_messages_dev.yaml), the classifier trained on the rest, and scored on that writer.

Usage: python bench/safety_folds.py [--writers safety_dev18,safety_dev21] [--held bench/safety_dev22.yaml ...]

The lexicon was tuned on every development writer, so the whole detector flatters them; what matters is what the
classifier catches alone. Printed per writer (and summed), for each bar of SafetyOdds.concern:
- concerns: the writer's concerns (health and emergency) the classifier alone reads as one;
- missed by the lexicon: of those, the ones the lexicon alone does not see (for a held-out set, --held, the
  lexicon never saw it, so these are the concerns only the classifier can save);
- look-alikes: the writer's look-alikes the whole detector leaves harmless;
- questions: strangers' ordinary questions (the held-out development sets, never trained on) the whole detector
  leaves harmless.
A --held set is scored by the classifier trained on every development writer (it is in none of them).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from bench.make_dev_training import HELD_OUT  # noqa: E402
from bot.composition import build_understanding  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from knowledge.build import fit_safety  # noqa: E402
from knowledge.features import Vocabulary  # noqa: E402
from knowledge.safety import Safety, SafetyOdds  # noqa: E402
from knowledge.training import DATA_DIR, KIND_LEVELS, load_safety_messages, load_training  # noqa: E402
from knowledge.understanding import Understanding  # noqa: E402

BENCH = Path(__file__).parent
BARS = (0.5, 0.6, 0.7, 0.8, 0.9)
QUESTION_SETS = (*HELD_OUT, "dev_strangers15.yaml")  # strangers' questions never trained on
NOT_QUESTIONS = {"safety", "health", "emergency", "lookalike", "health-asks"}
Labelled = list[tuple[str, str]]


def writers() -> dict[str, Labelled]:
    """Each development writer's messages as (text, level)."""
    data = yaml.safe_load((DATA_DIR / "safety_messages_dev.yaml").read_text(encoding="utf-8"))
    return {name: [(item["q"], KIND_LEVELS[item["kind"]]) for item in items] for name, items in data.items()}


def questions() -> list[str]:
    """The strangers' ordinary questions of the held-out development sets."""
    items = [item for name in QUESTION_SETS for item in yaml.safe_load((BENCH / name).read_text(encoding="utf-8"))]
    return [str(item["q"]) for item in items if "q" in item and str(item.get("kind", "")) not in NOT_QUESTIONS]


def retrain(u: Understanding, data: Labelled) -> None:
    """Give the detector a classifier trained on `data` alone."""
    docs = [u.safety_normalizer.read(text) for text, _ in data]
    vocabulary = Vocabulary.fit(docs)
    u.safety.classifier = fit_safety(vocabulary, docs, [level for _, level in data])
    u.safety.vocabulary = vocabulary
    u.forget_readings()


def concern_odds(u: Understanding, text: str) -> float:
    odds = u.read(text).safety_odds
    return sum(odds[1:]) if odds else 0.0


def harmless_at(u: Understanding, texts: Sequence[str], bar: float) -> int:
    """How many texts the whole detector leaves harmless with `bar` as the concern bar."""
    u.safety.thresholds = replace(SafetyOdds(), concern=bar)
    u.forget_readings()
    return sum(u.read(text).safety is Safety.NONE for text in texts)


def score(u: Understanding, messages: Labelled, asked: list[str]) -> list[tuple[int, ...]]:
    """Per bar: concerns caught, lexicon misses, of them caught, look-alikes and questions left harmless."""
    concerns = [text for text, level in messages if level != "none"]
    looks = [text for text, level in messages if level == "none"]
    unseen = [text for text in concerns if u.safety.lexicon.level(" ".join(u.spelt(text))) is Safety.NONE]
    odds = {text: concern_odds(u, text) for text in concerns}
    return [(sum(odds[t] >= bar for t in concerns), len(concerns), sum(odds[t] >= bar for t in unseen), len(unseen),
             harmless_at(u, looks, bar), len(looks), harmless_at(u, asked, bar), len(asked)) for bar in BARS]


def show(name: str, rows: list[tuple[int, ...]]) -> None:
    for bar, (c, nc, m, nm, lk, nl, q, nq) in zip(BARS, rows):
        print(f"{name:14} {bar:.1f}  concerns {c:4}/{nc:<4}  missed by the lexicon {m:3}/{nm:<3}  "
              f"look-alikes {lk:4}/{nl:<4}  questions {q:4}/{nq}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writers", help="comma-separated writers to leave out (default: all)")
    parser.add_argument("--held", nargs="*", default=[], help="held-out safety sets scored by the full classifier")
    args = parser.parse_args()
    u = build_understanding(load_settings())
    developed = set(load_safety_messages(DATA_DIR, "safety_messages_dev.yaml"))
    base = [pair for pair in load_training(u.kb).safety if pair not in developed]
    by_writer, asked = writers(), questions()
    totals: list[tuple[int, ...]] = []
    for name in (args.writers.split(",") if args.writers else by_writer):
        retrain(u, base + [pair for other, pairs in by_writer.items() if other != name for pair in pairs])
        rows = score(u, by_writer[name], asked)
        show(name, rows)
        totals = [tuple(map(sum, zip(t, r))) for t, r in zip(totals, rows)] if totals else rows
    if totals:
        show("= left out", totals)
    retrain(u, base + [pair for pairs in by_writer.values() for pair in pairs])
    for path in args.held:
        items = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        show(Path(path).stem, score(u, [(i["q"], KIND_LEVELS[i["kind"]]) for i in items], asked))


if __name__ == "__main__":
    main()
