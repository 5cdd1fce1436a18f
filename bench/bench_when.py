"""Schedule and time-zone reading accuracy, per category, and parse time per phrase.

Usage:
  python bench/bench_when.py when bench/when_dev.yaml [--failures] [--reader ours|dateparser|both]
  python bench/bench_when.py zones bench/zones_dev.yaml [--failures]

A zone item expects a list of zones, "ask" (a choice between places) or "none" (everyday words that
name no place: no zone and nothing offered).

A zones item may list `offers`: the labels of the second choices expected under the zone found
(none: `offers: []`); other second choices make it "odd offer".

An expected reading may add what a question keeps ("part", "days", "time") and what the reader left
out ("unused": [{words, reason}]); they are compared too.
A set whose file name contains "unseen" is frozen: only totals per category are printed, never
its individual failures (we do not tune on it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.storage.database import open_database
from bot.core.dialogue import Dialogues
from bot.features.planning.zone_screen import ZoneScreen
from bot.storage.dialogues import DialogueStore
from scheduler.planner import Planner
from scheduler.reading import read_when
from scheduler.store import SchedulerStore
from scheduler.timezones import find_zone, zone_info

Reader = Callable[[str, datetime, object], dict[str, object]]
NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


def when_verdict(expect: dict[str, object], got: dict[str, object]) -> str:
    """right / asked (a question where a reading was expected) / refused / wrong."""
    kind = expect["kind"]
    if kind in ("ask", "error") and got["kind"] != kind:
        return "asked" if kind == "error" and got["kind"] == "ask" else "wrong"
    if kind in ("ask", "error"):  # what a question keeps ("part", "days", "time") and what was left out ("unused")
        return "right" if all(str(got.get(k)) == str(v) for k, v in expect.items() if k not in ("kind", "category")) else "wrong"
    if got["kind"] == "ask":
        return "asked"
    if got["kind"] == "error":
        return "refused"
    fields = {k: v for k, v in expect.items() if k != "category"}
    mine = {k: got.get(k) for k in fields}
    if "days" in fields:
        fields["days"], mine["days"] = sorted(fields["days"] or ()), sorted(mine["days"] or ())  # type: ignore[arg-type]
    return "right" if {k: str(v) for k, v in fields.items()} == {k: str(v) for k, v in mine.items()} else "wrong"


def run_when(items: list[dict], reader: Reader) -> tuple[list[tuple[dict, dict, str]], list[float]]:
    """Read every phrase; the verdicts and the time each read took (ms)."""
    results, times = [], []
    for item in items:
        zone = zone_info(item.get("tz") or "UTC")
        now = datetime.fromisoformat(str(item["now"])).replace(tzinfo=zone)
        start = time.perf_counter()
        got = reader(str(item["text"]), now, zone)
        times.append((time.perf_counter() - start) * 1000)
        results.append((item, got, when_verdict(item["expect"], got)))
    return results, times


def zone_verdict(expect: object, zone: str | None, candidates: list[str]) -> str:
    """right / wrong / asked (no single zone where one was expected); "none": no place at all."""
    if expect == "none":
        return "right" if zone is None and not candidates else "wrong"
    if expect == "ask":
        return "right" if zone is None and len(candidates) > 1 else ("asked" if zone is None else "wrong")
    if zone is None:
        return "asked"
    return "right" if _acceptable(expect, zone) else "wrong"  # type: ignore[arg-type]


def _acceptable(expect: list[str], zone: str) -> bool:
    """Whether `zone` is one of the expected zones, or has the expected current UTC offset."""
    for want in expect:
        if want.startswith("offset:"):
            offset = NOW.astimezone(zone_info(zone)).utcoffset()
            sign, hhmm = want[7], want[8:]
            minutes = int(hhmm[:2]) * 60 + int(hhmm[3:5] or 0)
            if offset is not None and offset.total_seconds() == (minutes if sign == "+" else -minutes) * 60:
                return True
        elif want == zone:
            return True
    return False


class _NoWords:
    """No yes, no or goal in any message: only the reading of the place is measured."""

    def goal(self, text: str) -> str | None:
        return None

    def answer(self, text: str) -> str | None:
        return None

    def closes(self, text: str) -> bool:
        return False

    def asks(self, text: str) -> bool:
        return False

    def is_yes(self, text: str) -> bool:
        return False


def saved_silently(place: str) -> str | None:
    """The zone the /timezone screen stores for a typed place before the user confirms anything."""
    db = open_database(":memory:")
    store = SchedulerStore(db)
    dialogues = Dialogues(DialogueStore(db), lambda: NOW)
    screen = ZoneScreen(dialogues, store, Planner(store, lambda: NOW), _NoWords(), lambda: NOW, lambda _text: True)
    dialogues.register(screen)
    screen.start(1)
    dialogues.on_text(1, place)
    return store.load_profile(1).zone


def report(results: list[tuple[dict, dict, str]], frozen: bool, failures: bool, label: str) -> None:
    """Per category: count, right, and the other verdicts; then the overall line."""
    by_cat: dict[str, Counter[str]] = defaultdict(Counter)
    for item, _, verdict in results:
        by_cat[str(item.get("category", "-"))][verdict] += 1
    total: Counter[str] = Counter()
    print(f"{'category':24} {'n':>4} {'right':>6} {'%':>6}  other")
    for cat, counts in sorted(by_cat.items()):
        total += counts
        n = sum(counts.values())
        other = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k != "right")
        print(f"{cat:24} {n:4d} {counts['right']:6d} {100 * counts['right'] / n:5.1f}%  {other}")
    n = sum(total.values())
    other = ", ".join(f"{k} {v}" for k, v in sorted(total.items()) if k != "right")
    print(f"{label:24} {n:4d} {total['right']:6d} {100 * total['right'] / max(n, 1):5.1f}%  {other}")
    if failures and not frozen:
        for item, got, verdict in results:
            if verdict != "right":
                print(f"  {verdict:8} {item.get('text') or item.get('place')!r} expect {item['expect']} got {got}")


def _left_out(results: list[tuple[dict, dict, str]]) -> None:
    """How many phrases had words the reader left out (and said so), holidays apart: a count only."""
    reasons = [{u["reason"] for u in got.get("unused") or ()} for _, got, _ in results]
    print(f"words left out and said: {sum(map(bool, reasons))} of {len(results)} phrases "
          f"({sum('holidays' in r for r in reasons)} with holidays to skip)")


def _timing(times: list[float]) -> None:
    """Mean and p99 of the per-phrase times."""
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"parse time per phrase: mean {statistics.mean(times):.2f} ms, median {statistics.median(times):.2f} ms, "
          f"p99 {p99:.2f} ms, max {ordered[-1]:.2f} ms "
          f"(n={len(times)}, after one warm-up pass)")


def main() -> None:
    """Run one set and print the report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=("when", "zones"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--failures", action="store_true")
    parser.add_argument("--reader", default="ours", choices=("ours", "dateparser", "combined"))
    args = parser.parse_args()
    items = yaml.safe_load(args.path.read_text())
    frozen = "unseen" in args.path.name
    if args.kind == "when":
        reader = read_when if args.reader == "ours" else _dateparser_reader(args.reader)
        _, cold = run_when(items, reader)  # first pass: lazy tables, imports and caches load here
        results, times = run_when(items, reader)
        report(results, frozen, args.failures, "ALL")
        _left_out(results)
        print(f"first pass (cold): mean {statistics.mean(cold):.2f} ms, max {max(cold):.2f} ms")
        _timing(times)
    else:
        _zones(items, frozen, args.failures)


def _zones(items: list[dict], frozen: bool, failures: bool) -> None:
    """Zone lookups: verdict per place, wrong zones stored without confirmation, time per lookup."""
    results, times, silent = [], [], 0
    for item in items:
        find_zone(str(item["place"]))  # warm-up: the name tables load on first use
    for item in items:
        start = time.perf_counter()
        guess = find_zone(str(item["place"]))
        times.append((time.perf_counter() - start) * 1000)
        got = {"zone": guess.zone, "candidates": list(guess.suggestions), "offers": [label for label, _ in guess.choices]}
        verdict = zone_verdict(item["expect"], guess.zone, list(guess.suggestions))
        if verdict == "right" and "offers" in item and got["offers"] != item["offers"]:
            verdict = "odd offer"  # the second choices shown under the zone found are not the ones expected
        results.append((item, got, verdict))
        stored = saved_silently(str(item["place"]))
        if stored is not None and (item["expect"] in ("ask", "none") or not _acceptable(item["expect"], stored)):
            silent += 1
    report(results, frozen, failures, "ALL")
    print(f"wrong zone saved without confirmation: {silent} of {len(items)}")
    _timing(times)


def _dateparser_reader(name: str) -> Reader:
    """dateparser alone, or ours with dateparser as a fallback, for the side-by-side comparison."""
    from bench.dateparser_reader import read_combined, read_with_dateparser

    return read_with_dateparser if name == "dateparser" else read_combined


if __name__ == "__main__":
    main()
