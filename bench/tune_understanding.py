"""Tune the understanding layer's few knobs on the tuning sets, with k-fold cross-validation.

Usage: python bench/tune_understanding.py [--folds 5] [--beside | --embedded]

The tuning sets are the held-out development sets (dev_strangers, calib_strangers: strangers' questions we have
looked at but never train on) and offtopic_dev's held-apart half; the sets that are also training data
(regression, holdout, holdout2, ...) would flatter any setting. Each message is read once; the decision
(knowledge.fusion.decide) and the safety levels (SafetyDetector.level) are then replayed for every setting on a
grid. For each fold the best setting on the other folds is scored on it: those are the cross-validated figures.
The best setting on all of them is printed last, to be written into Policy and SafetyOdds. Frozen unseen sets
are never read here.

--embedded cross-validates Policy.embedded_share (the embedding channel's weight) with the threshold, the other
knobs as Policy has them: each fold's pick, scored on that fold, and each share's figure on every fold.

--beside tunes Policy.beside_concern (how clearly what is asked beside a health concern must read) on
bench/health_asks_dev.yaml through the core, in halves (odd and even items): each half's best bar is scored on
the other half.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from bench.accuracy import HEALTH_ASKS, judge  # noqa: E402
from bench.make_dev_training import HALVED, HELD_OUT, held  # noqa: E402
from bot.composition import assemble, build_understanding  # noqa: E402
from bot.storage.database import open_database  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from knowledge.safety import SafetyDetector, SafetyOdds  # noqa: E402
from knowledge.fusion import Evidence, Policy, decide  # noqa: E402
from knowledge.understanding import Understanding  # noqa: E402

BENCH = Path(__file__).parent
# blind writers' development sets: read, never trained on (18 and 23 are held out: measured only)
WRITERS = tuple(f"dev_strangers{n}.yaml" for n in (14, 15, 16, 17, 19, 20, 21, 22, 23))
HEALTH_KINDS = ("safety", "health", "emergency")
POLICIES = [Policy(t, s, n, g) for t, s, n, g in itertools.product(
    range(10, 40, 2), (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8), (0.0, 0.1, 0.2), (0.1, 0.2, 0.3))]
EMBEDDED = [Policy(threshold=t, embedded_share=s) for t, s in itertools.product(range(26, 36, 2), (0.0, 0.15, 0.3, 0.45, 0.6))]
BESIDE_SET = "health_asks_dev.yaml"
BESIDE_BARS = (15.0, 20.0, 25.0, 30.0, 35.0)  # below the answer's own health margin (15) the bar changes nothing
# The concern bar is chosen writer by writer (bench/safety_folds.py): on these sets the lexicon, tuned on their
# concerns, leaves the classifier nothing to catch, and any lower bar would look like false alarms alone.
ODDS = [SafetyOdds(emergency_alone=e) for e in (0.8, 0.9, 0.95)]


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
    evidence = understanding.evidence(tokens, vector, spelt) if tokens else None
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


def cross_validate_embedded(understanding: Understanding, items: list[Item], folds: int) -> None:
    """Print, per fold, the share and threshold best on the other folds and their score on it, and each share's
    mean held-out score at its best threshold (Policy.embedded_share's cross-validation)."""
    topics = [i for i in items if i.kind not in HEALTH_KINDS]
    random.Random(7).shuffle(topics)
    held_out: dict[float, list[float]] = {}
    for k in range(folds):
        test, kept = topics[k::folds], [i for n, i in enumerate(topics) if n % folds != k]
        scores = {p: topic_score(understanding, kept, p) for p in EMBEDDED}
        pick = max(EMBEDDED, key=lambda p: (scores[p], p.embedded_share == Policy().embedded_share))
        print(f"fold {k + 1}: share {pick.embedded_share} threshold {pick.threshold:.0f}: "
              f"held-out {100 * topic_score(understanding, test, pick):5.1f}%")
        for share in sorted({p.embedded_share for p in EMBEDDED}):
            best = max((p for p in EMBEDDED if p.embedded_share == share), key=lambda p: scores[p])
            held_out.setdefault(share, []).append(topic_score(understanding, test, best))
    for share, figures in held_out.items():
        print(f"share {share:4.2f}: mean held-out {100 * sum(figures) / len(figures):5.2f}%  per fold "
              + " ".join(f"{100 * f:5.1f}" for f in figures))


def beside_right(understanding: Understanding, items: list[dict[str, object]], bar: float) -> list[bool]:
    """Whether each health-asks item gets the doctor-first line and one of its entries, through the
    core, with `bar` as Policy.beside_concern."""
    u = understanding
    tuned = Understanding(u.matcher, u.model, u.safety, u.gaps, replace(u.policy, beside_concern=bar), u.context_policy,
                          u.screening, u.languages)
    coach = assemble(tuned, open_database(":memory:"))
    return [judge(coach, item, user).right for user, item in enumerate(items, start=1)]


def tune_beside(understanding: Understanding) -> None:
    """Print each bar's figures per half of the health-asks set, and each half's pick scored on the other."""
    items = [i for i in yaml.safe_load((BENCH / BESIDE_SET).read_text(encoding="utf-8")) if i["kind"] == HEALTH_ASKS]
    right = {bar: beside_right(understanding, items, bar) for bar in BESIDE_BARS}
    halves = {name: {bar: sum(r[start::2]) for bar, r in right.items()} for name, start in (("odd", 0), ("even", 1))}
    for bar in BESIDE_BARS:
        print(f"bar {bar:4.0f}: odd {halves['odd'][bar]}/{len(items[0::2])}  even {halves['even'][bar]}/{len(items[1::2])}")
    for tuned, other in (("odd", "even"), ("even", "odd")):
        pick = max(BESIDE_BARS, key=lambda b: (halves[tuned][b], -b))  # ties: the lower bar
        print(f"tuned on {tuned}: bar {pick:.0f}, held-out {other} {halves[other][pick]}")


def tuning_messages() -> list[dict[str, object]]:
    """The held-out development sets' items (the strangers' and the blind writers') and the off-topic sets' held-apart halves."""
    def load(name: str) -> list[dict[str, object]]:
        return list(yaml.safe_load((BENCH / name).read_text(encoding="utf-8")))
    return [raw for name in HELD_OUT + WRITERS for raw in load(name)] + [raw for name in HALVED for raw in load(name) if held(raw)]


def main() -> int:
    """Read the tuning sets, cross-validate, print the best settings."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--beside", action="store_true", help="tune Policy.beside_concern on the health-asks set")
    parser.add_argument("--embedded", action="store_true", help="cross-validate Policy.embedded_share")
    args = parser.parse_args()
    understanding = build_understanding(load_settings())
    if args.beside:
        tune_beside(understanding)
        return 0
    items = [read_item(understanding, raw) for raw in tuning_messages()]
    if args.embedded:
        cross_validate_embedded(understanding, items, args.folds)
        return 0
    policy, odds = cross_validate(understanding, items, args.folds)
    print(f"best on all: {policy}\n             {odds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
