"""How well the talk readers understand what people say besides questions: intents at idle,
yes/no at a prompt, goals in words, answers to "Save this plan?", typed replies to a session
reminder, and words closing the settings.

Usage: python bench/bench_talk.py [SET.yaml ...] [--show]   (default: bench/talk_dev4.yaml; a frozen set only when named)

What counts as right, per `at`:
- idle: the intent (`question` and `other` must read as no intent);
- yes_no: yes / no / unsure;
- goal: the goal (`none`: no goal read);
- save_plan: yes and no as such; an edit must never read as yes (the dialogue then reads the edit);
- checkin: done / snooze / skip / unwell (`other`: none of them);
- settings: close (`other`: not closing).
Sets written by strangers are frozen: print totals only, never tune on them.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from bot.composition import build_understanding
from bot.settings import load_settings
from knowledge.intents import Answer
from knowledge.understanding import Understanding

DEFAULT_SET = Path(__file__).with_name("talk_dev4.yaml")  # never a frozen set by default
NO_INTENT = ("question", "other")


def reading(understanding: Understanding, at: str, text: str) -> str:
    """What the bot reads in one message at one point of the conversation."""
    if at == "idle":
        intent = understanding.intent(text)
        return intent.value if intent else "none"
    if at == "goal":
        return understanding.goal(text) or "none"
    if at == "checkin":
        return understanding.checkin(text) or "other"
    if at == "settings":
        return "close" if understanding.closes(text) else "other"
    answer = understanding.answer(text)
    return answer.value if answer else "none"


def right(at: str, expect: str, read: str) -> bool:
    """Whether a reading is what the writer expected."""
    if at == "idle" and expect in NO_INTENT:
        return read == "none"
    if at == "save_plan" and expect == "edit":
        return read != Answer.YES.value
    return read == expect


def measure(understanding: Understanding, path: Path, show: bool = False) -> None:
    """Print accuracy per `at` and per expected label for one set (with `show`, a development set's
    wrong readings too; a frozen set's never)."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    total: Counter[str] = Counter()
    good: Counter[str] = Counter()
    for item in items:
        at, expect = item["at"], str(item["expect"])
        read = reading(understanding, at, str(item["text"]))
        ok = right(at, expect, read)
        if show and not ok and "unseen" not in path.name:
            print(f"  {at}:{expect} read {read}: {item['text']!r}")
        for key in (at, f"{at}:{expect}"):
            total[key] += 1
            good[key] += ok
    print(f"== {path.name}: {sum(good[k] for k in total if ':' not in k)}/{len(items)} right")
    for key in sorted(total):
        print(f"{key:24} {good[key]:4}/{total[key]:<4} {100 * good[key] / total[key]:5.1f}%")


def main() -> None:
    """Measure each set given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=[DEFAULT_SET])
    parser.add_argument("--show", action="store_true", help="list the wrong readings (development sets only)")
    args = parser.parse_args()
    understanding = build_understanding(load_settings())
    for path in args.sets:
        measure(understanding, path, args.show)


if __name__ == "__main__":
    main()
