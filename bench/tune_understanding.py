"""Tune the understanding layer's few knobs on the tuning sets, with k-fold cross-validation.

Usage: python bench/tune_understanding.py [--folds 5]

Each message of the tuning sets (regression, holdout, holdout2, dev_strangers: sets we have looked at) is read
once; the decision (knowledge.fusion.decide) and the safety levels (SafetyDetector.level)
are then replayed for every setting on a grid. For each fold the best setting on the other folds is
scored on it: those are the cross-validated figures. The best setting on all of them is printed
last, to be written into Policy and SafetyOdds. Frozen unseen sets are never read here.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.composition import build_understanding
from bot.settings import Settings
from knowledge.safety import SafetyDetector, SafetyOdds
from knowledge.fusion import Evidence, Policy, decide
from knowledge.understanding import Understanding

BENCH = Path(__file__).parent
TUNING_SETS = ("regression.yaml", "holdout.yaml", "holdout2.yaml", "dev_strangers.yaml")
HEALTH_KINDS = ("safety", "health", "emergency")
POLICIES = [Policy(t, s, n, g) for t, s, n, g in itertools.product(
    range(10, 40, 2), (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8), (0.0, 0.1, 0.2), (0.1, 0.2, 0.3))]
ODDS = [SafetyOdds(c, 0.9, e) for c, e in itertools.product((0.6, 0.7, 0.8, 0.9, 0.95), (0.8, 0.9, 0.95))]


@dataclass(frozen=True)
class Item:
    """One tuning message, read once."""

    kind: str
    expected: tuple[str, ...]
    evidence: Evidence | None
    entries: tuple[str, ...]  # the entries any component scores at all (the rest can never win)
    cleaned: str
    odds: tuple[float, ...]


def read_item(understanding: Understanding, raw: dict[str, object]) -> Item:
    """Read one message into the evidence the decisions are replayed from."""
    normalizer = understanding.matcher.normalizer
    spelt, tokens = normalizer.read(str(raw["q"]))
    vector = understanding.model.vocabulary.vector(spelt, tokens)
    expect = raw.get("expect")
    expected = tuple(expect) if isinstance(expect, list) else (() if expect is None else (str(expect),))
    evidence = understanding.evidence(tokens, vector) if tokens else None
    entries = tuple(evidence.entries(understanding.kb.entries)) if evidence else ()
    return Item(str(raw["kind"]), expected, evidence, entries, " ".join(spelt),
                tuple(understanding.safety.odds(spelt, tokens)))


def topic_score(understanding: Understanding, items: list[Item], policy: Policy) -> float:
    """Balanced accuracy under one policy: the mean of the in-scope share answered right and the
    off-topic share declined (the targets are per kind, so neither may buy the other)."""
    right = {True: 0, False: 0}
    total = {True: 0, False: 0}
    for item in items:
        entry = None
        if item.evidence is not None:
            entry = decide(item.evidence, policy, item.entries, understanding.gaps.values()).match.entry_id
        off = item.kind == "offtopic"
        total[off] += 1
        right[off] += entry is None if off else entry in item.expected
    return sum(right[k] / total[k] for k in total if total[k]) / max(sum(1 for k in total if total[k]), 1)


def safety_score(detector: SafetyDetector, items: list[Item], odds: SafetyOdds) -> float:
    """Recall first: a missed concern costs five false alarms."""
    score = 0.0
    for item in items:
        level = detector.level(item.cleaned, item.odds, odds)
        concern = item.kind in HEALTH_KINDS
        score += (5.0 if level else -5.0) if concern else (-1.0 if level else 0.0)
    return score


def cross_validate(understanding: Understanding, items: list[Item], folds: int) -> tuple[Policy, SafetyOdds]:
    """Print the cross-validated figures; return the settings best on all items."""
    detector = understanding.safety
    shuffled = items[:]
    random.Random(7).shuffle(shuffled)
    topics = [i for i in items if i.kind not in HEALTH_KINDS]
    for k in range(folds):
        held, kept = shuffled[k::folds], [i for n, i in enumerate(shuffled) if n % folds != k]
        policy = max(POLICIES, key=lambda p: topic_score(understanding, [i for i in kept if i.kind not in HEALTH_KINDS], p))
        odds = max(ODDS, key=lambda o: safety_score(detector, kept, o))
        health = [i for i in held if i.kind in HEALTH_KINDS]
        recall = sum(bool(detector.level(i.cleaned, i.odds, odds)) for i in health) / max(len(health), 1)
        alarms = sum(bool(detector.level(i.cleaned, i.odds, odds)) for i in held if i.kind not in HEALTH_KINDS)
        test = [i for i in held if i.kind not in HEALTH_KINDS]
        print(f"fold {k + 1}: topics {100 * topic_score(understanding, test, policy):5.1f}%  health recall "
              f"{100 * recall:5.1f}%  false alarms {alarms}/{len(test)}  ({policy}, {odds})")
    return (max(POLICIES, key=lambda p: topic_score(understanding, topics, p)),
            max(ODDS, key=lambda o: safety_score(detector, items, o)))


def main() -> int:
    """Read the tuning sets, cross-validate, print the best settings."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    understanding = build_understanding(Settings())
    items = [read_item(understanding, raw) for name in TUNING_SETS
             for raw in yaml.safe_load((BENCH / name).read_text(encoding="utf-8"))]
    policy, odds = cross_validate(understanding, items, args.folds)
    print(f"best on all: {policy}\n             {odds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
