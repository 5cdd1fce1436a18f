"""Matcher speed: reply latency (median, p99) and start-up time, on our content and on a
synthetic knowledge base of 10,000 entries. Run on demand: python bench/bench_matcher.py

Targets: p99 under 2 ms on our content and under 20 ms at 10,000 entries; start-up under 1 s.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from bot.core import Coach
from bot.database import open_database
from bot.messages import Inbound, InboundKind
from knowledge.loader import load_knowledge
from knowledge.matcher import Matcher
from knowledge.model import Article, Entry, KnowledgeBase, SourceRef
from knowledge.normalize import Normalizer, load_lexicon

QUESTIONS = Path(__file__).with_name("regression.yaml")
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "do", "gi", "fu", "be", "xo"]


def timed(fn: Callable[[], object]) -> tuple[object, float]:
    """Run fn once; return its result and the seconds it took."""
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def latencies(answer: Callable[[str], object], questions: list[str], rounds: int) -> list[float]:
    """Milliseconds per question over several rounds (after one warm-up round)."""
    for q in questions:
        answer(q)
    out = []
    for _ in range(rounds):
        for q in questions:
            start = time.perf_counter()
            answer(q)
            out.append((time.perf_counter() - start) * 1000)
    return out


def report(name: str, startup: float, ms: list[float]) -> None:
    """Print one line of numbers."""
    ms = sorted(ms)
    p99 = ms[int(len(ms) * 0.99) - 1]
    print(f"{name:28} start-up {startup * 1000:7.1f} ms   median {statistics.median(ms):6.3f} ms   "
          f"p99 {p99:6.3f} ms   max {ms[-1]:6.2f} ms   ({len(ms)} replies)")


def synthetic_kb(n: int, rng: random.Random) -> KnowledgeBase:
    """n entries of made-up words, Zipf-distributed like real vocabulary, 6 phrasings each."""
    words = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(8000)})
    weights = [1 / (i + 1) for i in range(len(words))]
    entries = {}
    for i in range(n):
        topic = rng.sample(words, 3)
        ask = tuple(" ".join(topic[:rng.randint(1, 3)] + rng.choices(words, weights, k=rng.randint(2, 5)))
                    for _ in range(6))
        entries[f"e{i}"] = Entry(id=f"e{i}", title=" ".join(topic), ask=ask, answer=" ".join(ask[:2]),
                                 source=(SourceRef("a", "s"),))
    return KnowledgeBase(articles={"a": Article("a", "A")}, entries=entries)


def perturb(phrasing: str, rng: random.Random) -> str:
    """A phrasing as a person might type it: a word dropped, a letter swapped, filler added."""
    words = phrasing.split()
    if len(words) > 2:
        words.pop(rng.randrange(len(words)))
    w = rng.randrange(len(words))
    if len(words[w]) > 4:
        chars = list(words[w])
        chars[1], chars[2] = chars[2], chars[1]
        words[w] = "".join(chars)
    return "um how about " + " ".join(words)


def main() -> int:
    """Measure and print."""
    rng = random.Random(7)
    questions = [str(item["q"]) for item in yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))]
    lexicon = load_lexicon()

    matcher, startup = timed(lambda: Matcher(load_knowledge(), Normalizer(load_lexicon())))
    coach = Coach(matcher, open_database(":memory:"))  # type: ignore[arg-type]
    report("our content: matcher", startup, latencies(matcher.match, questions, 20))  # type: ignore[attr-defined]
    report("our content: whole reply", startup,
           latencies(lambda q: coach.handle(Inbound(1, InboundKind.TEXT, q)), questions, 5))

    kb = synthetic_kb(10_000, rng)
    big, startup = timed(lambda: Matcher(kb, Normalizer(lexicon)))
    picked = rng.sample(list(kb.entries.values()), 500)
    sample = [perturb(rng.choice(e.ask), rng) for e in picked]
    report("10,000 synthetic entries", startup, latencies(big.match, sample, 2))  # type: ignore[attr-defined]
    found = sum(big.match(q).entry_id == e.id for q, e in zip(sample, picked))  # type: ignore[attr-defined]
    print(f"{'':28} right entry for {found}/{len(picked)} perturbed synthetic questions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
