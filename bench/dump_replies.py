"""Every reply and every reading of the development sets (never the frozen or held-out ones), one JSON line per
message, to show that a change meant to change no answer changes none:
PYTHONHASHSEED=0 python bench/dump_replies.py > before.jsonl   (then again after, and cmp)

Each item's messages (`q`, or `first` then `then`, or a reply's `text`, or a `place`) are sent by one
user through the core at a fixed time; then each is read alone by every reader of the understanding
layer. Scores are printed in full: run both sides with the same PYTHONHASHSEED, as the order of a set
of words can change a sum's last digit.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from bench.make_dev_training import BLIND_HELD_OUT, SAFETY_BLIND
from bot.composition import assemble, build_understanding
from bot.core.messages import Inbound, InboundKind, Reply
from bot.settings import load_settings
from bot.storage.database import open_database
from knowledge.understanding import Understanding

BENCH = Path(__file__).parent
FROZEN = ("unseen_", "voice_health.yaml", "voice_holdout.yaml", "when_unseen", "zones_unseen")
# the held-out blind sets are never opened either (their messages would be printed)
HELD_OUT = (*BLIND_HELD_OUT, *SAFETY_BLIND, "talk_dev10.yaml", "screening_dev12.yaml", "replies_dev6.yaml")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MESSAGE_KEYS = ("q", "first", "then", "text", "place")


def development_sets() -> list[tuple[str, list[Any]]]:
    """The development sets' items, by file name (frozen and held-out sets left out unopened)."""
    found = []
    for path in sorted(BENCH.glob("*.yaml")):
        if not path.name.startswith(FROZEN) and path.name not in HELD_OUT:
            items = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            found.append((path.name, items if isinstance(items, list) else []))
    return found


def format_replies(replies: list[Reply]) -> list[dict[str, object]]:
    """What the user would see of each reply, and what the benches judge."""
    return [{"text": r.text, "entry": r.entry, "score": r.score, "matched": r.matched, "safety": r.safety,
             "buttons": [b.label for b in r.button_list()], "title": r.title} for r in replies]


def format_reading(understanding: Understanding, text: str) -> dict[str, object]:
    """Every reader's reading of one message alone."""
    u = understanding
    return {"reading": repr(u.read(text)), "words": u.words(text), "spelt": u.spelt(text), "intent": str(u.intent(text)),
            "answer": str(u.answer(text)), "goal": u.goal(text), "checkin": u.checkin(text), "closes": u.closes(text),
            "question": u.is_question(text), "plan": repr(u.plan_request(text)), "language": u.other_language(text),
            "says": u.says_something(text), "greeting": u.after_greeting(text)}


def main() -> int:
    """Print the lines."""
    understanding = build_understanding(load_settings())
    coach = assemble(understanding, open_database(":memory:"), lambda: NOW)
    user = 0
    for name, items in development_sets():
        for item in (i for i in items if isinstance(i, dict)):
            user += 1
            messages = [str(item[key]) for key in MESSAGE_KEYS if key in item]
            for text in messages:
                replies = format_replies(coach.handle(Inbound(user, InboundKind.TEXT, text)))
                print(json.dumps({"set": name, "user": user, "text": text, "reply": replies}, ensure_ascii=False))
            for text in messages:
                print(json.dumps({"set": name, "text": text, "read": format_reading(understanding, text)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
