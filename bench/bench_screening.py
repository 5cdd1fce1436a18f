"""How the safety check reads typed replies to its questions, through the core as a user meets it.

Usage: python bench/bench_screening.py [SET.yaml ...] [--show]   (default: bench/screening_dev8.yaml; a frozen set only when named)

Each item is a new user who starts /screen, taps consent and "No" up to the item's question, then
types the reply. What the check did decides the reading:
- the question flagged (yes and not sure both flag it: "not sure counts as yes") → yes / unsure;
- the check stopped red by an emergency heard in the reply, this question not flagged → stopped: right
  for yes / unsure (the user is told to seek care), wrong for any other label (a false alarm);
- the next question asked without a flag → no;
- the previous question asked again → back, as is an earlier question answered from the reply, the check gone back to
  it ("wait the heart one, i do have high bp": it says "Back to question 2...");
- the check left (no run in progress, no result) → cancel; a pause ("brb", "gtg", "i'll do this later": the reply says the
  place and the answers are kept, nothing more asked) is right for cancel and for other, counted apart as "paused"
  (putting the check off pauses it since s28: the user leaves it, and no answer is lost);
- "Stop the safety check?" asked first (an unclear way out) → confirm: right for no label (a cancel
  so read is one tap from leaving, and is counted apart);
- the same question asked again, nothing recorded → other (but a typed "not sure" at a red-flag
  question that gets the "did you mean" step first is read as unsure: that step exists for it).
A yes or not sure read as no is a dangerous misreading: each set's count of them is printed apart.
Sets written by strangers are frozen: print totals only, never tune on them.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from bot.composition import assemble, build_understanding
from bot.core.coach import Coach
from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.screening import texts
from bot.features.screening.questions import QUESTIONS, Outcome
from bot.features.screening.exits import DIALOGUE as STOP_QUESTION
from bot.features.screening.store import ScreeningStore
from bot.settings import load_settings
from bot.storage.database import open_database

DEFAULT_SET = Path(__file__).with_name("screening_dev8.yaml")  # never a frozen set by default
FLAGGING = ("yes", "unsure")


def tap(coach: Coach, user: int, reply: Reply, label: str = "") -> Reply:
    """Tap the first button of `reply` whose label starts with `label`."""
    data = next(b.data for row in reply.buttons for b in row if b.label.startswith(label))
    return coach.handle(Inbound(user, InboundKind.BUTTON, data))[-1]


def reach(coach: Coach, user: int, step: int) -> None:
    """Start the check and answer No up to question `step` (0-based)."""
    reply = coach.handle(Inbound(user, InboundKind.TEXT, "/screen"))[-1]
    reply = tap(coach, user, reply)  # consent: the first button
    for _ in range(step):
        reply = tap(coach, user, reply, "No")


def reading(coach: Coach, store: ScreeningStore, user: int, question_id: str, text: str) -> str:
    """What the check did with one typed reply to one question."""
    step = next(i for i, q in enumerate(QUESTIONS) if q.id == question_id)
    reach(coach, user, step)
    replies = coach.handle(Inbound(user, InboundKind.TEXT, text))
    progress, result = store.load_progress(user), store.load_result(user)
    went_back = any(reply.text.startswith(texts.ANSWERED_BACK) for reply in replies)
    if progress is not None and progress.step == step and replies and replies[-1].text in (texts.PAUSED, texts.LEFT):
        return "paused"
    if store.dialogues.load(user, STOP_QUESTION) is not None:
        return "confirm"
    if progress is None:
        if result is None:
            return "cancel"
        if question_id in result.flagged:
            return "flag"
        return "stopped" if result.outcome is Outcome.RED else "no"  # an emergency heard: stopped red, this unflagged
    if progress.step < step or went_back:
        return "back"
    if progress.step == step:  # asked again; a typed "not sure" at a red-flag question first gets "did you mean"
        return "flag" if getattr(progress, "unsure_asked", False) else "other"
    return "flag" if question_id in progress.flagged else "no"


def label(raw: object) -> str:
    """A label as written (YAML reads a bare yes / no as a boolean)."""
    return ("yes" if raw else "no") if isinstance(raw, bool) else str(raw)


def right(expect: str, read: str) -> bool:
    """Whether the check did what the writer's label asks for."""
    if read == "paused":  # nothing recorded, the same question waiting: right for other (as ever) and for cancel
        return expect in ("cancel", "other")
    return read in ("flag", "stopped") if expect in FLAGGING else read == expect


def dangerous(expect: str, read: str) -> bool:
    """Whether a yes or not sure was read as a no: the misreading that counts most."""
    return expect in FLAGGING and read == "no"


def measure(path: Path, show: bool = False) -> None:
    """Print the share of replies read as labelled, per label and in all (with `show`, a development
    set's wrong readings too; a frozen set's never)."""
    understanding = build_understanding(load_settings())
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    db = open_database(":memory:")
    coach, store = assemble(understanding, db), ScreeningStore(db)
    total: Counter[str] = Counter()
    good: Counter[str] = Counter()
    confirm: Counter[str] = Counter()
    paused: Counter[str] = Counter()
    danger = 0
    for user, item in enumerate(items, start=1):
        expect = label(item["expect"])
        read = reading(coach, store, user, str(item["question"]), str(item["text"]))
        total[expect] += 1
        good[expect] += right(expect, read)
        confirm[expect] += read == "confirm"
        paused[expect] += read == "paused"
        danger += dangerous(expect, read)
        if show and "unseen" not in path.name and not right(expect, read):
            print(f"  {item['question']}:{expect} read {read}: {item['text']!r}")
    print(f"== {path.name}: {sum(good.values())}/{len(items)} right; dangerous (a yes or not sure read as no): {danger}")
    for key in sorted(total):
        print(f"{key:10} {good[key]:4}/{total[key]:<4} {100 * good[key] / total[key]:5.1f}%   "
              f"asked \"Stop the safety check?\" {confirm[key]}" + (f", paused {paused[key]}" if paused[key] else ""))


def main() -> None:
    """Measure each set given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=[DEFAULT_SET])
    parser.add_argument("--show", action="store_true", help="list the wrong readings (development sets only)")
    args = parser.parse_args()
    for path in args.sets:
        measure(path, args.show)


if __name__ == "__main__":
    main()
