"""Details the articles never give: a question that asks for one ("how many seconds should I hold
it?", "what band strength for banded hypers?", "is it better than hip thrusts?") about an entry whose
text does not give it is a near miss, however well its topic matches. The bot then says the articles
don't cover that detail and offers the entry, instead of answering as if the entry held it.

The kinds of detail are data (data/details.yaml): what each is (`about`), how a message asks for one
(`asks`, a pattern over its words), how an entry's text would give one (`gives`), and optionally the
topic groups it applies to. A comparison with another exercise ("hip thrusts", "kettlebell swings")
is a kind of its own: the entry's text must name that exercise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.model import Entry, KnowledgeBase
from knowledge.normalize import Normalizer
from knowledge.training import DATA_DIR, Gap, TrainingDataError, read_yaml

DETAILS_FILE = "details.yaml"


@dataclass(frozen=True)
class Detail:
    """One kind of detail a question may ask for."""

    id: str
    about: str
    asks: re.Pattern[str]
    gives: re.Pattern[str]
    offer: tuple[str, ...] = ()
    groups: frozenset[str] = frozenset()  # the topic groups it applies to (empty: every entry)


@dataclass(frozen=True)
class Comparison:
    """Another exercise set beside ours: the words that compare, and the exercises (as tokens)."""

    about: str = ""
    cues: frozenset[str] = frozenset()
    exercises: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Details:
    """Everything data/details.yaml says."""

    kinds: tuple[Detail, ...] = ()
    comparison: Comparison = Comparison()


class MissingDetails:
    """Finds the detail a message asks for that the entry it reads as does not give."""

    def __init__(self, details: Details, kb: KnowledgeBase, normalizer: Normalizer) -> None:
        self.details = details
        self.kb = kb
        self._text = {e.id: _text_of(e) for e in kb.entries.values()}
        self._tokens = {e: frozenset(normalizer.tokens_of(normalizer.words(t))) for e, t in self._text.items()}

    def near_miss(self, words: list[str], tokens: list[str], entry_id: str) -> Gap | None:
        """The near miss a message is when it asks `entry_id` for a detail its text lacks, else None."""
        said, group = " ".join(words), self.kb.entries[entry_id].group
        for kind in self.details.kinds:
            if (not kind.groups or group in kind.groups) and kind.asks.search(said) and not kind.gives.search(self._text[entry_id]):
                return Gap(f"detail:{kind.id}", kind.about, (entry_id, *kind.offer), ())
        comparison = self.details.comparison
        if comparison.cues.intersection(words) and any(t in comparison.exercises and t not in self._tokens[entry_id] for t in tokens):
            return Gap("detail:comparison", comparison.about, (entry_id,), ())
        return None


def _text_of(entry: Entry) -> str:
    """The words of an entry a detail would be given in, lower case."""
    return " ".join((entry.title, entry.answer, entry.details)).lower()


def load_details(directory: Path = DATA_DIR) -> Details:
    """The kinds of detail the articles may lack, and the comparison (data/details.yaml)."""
    data = read_yaml(directory / DETAILS_FILE)
    items = data.get("details") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise TrainingDataError(f"{DETAILS_FILE}: expected a list under 'details'")
    return Details(tuple(_detail(item) for item in items), _comparison(data.get("comparison")))


def _detail(item: Any) -> Detail:
    """One kind of detail, its patterns compiled."""
    if not isinstance(item, dict) or not all(item.get(k) for k in ("id", "about", "asks", "gives")):
        raise TrainingDataError(f"{DETAILS_FILE}: each item needs id, about, asks and gives: {item!r}")
    try:
        asks, gives = re.compile(str(item["asks"])), re.compile(str(item["gives"]))
    except re.error as exc:
        raise TrainingDataError(f"{DETAILS_FILE}: {item['id']}: {exc}") from None
    return Detail(str(item["id"]), str(item["about"]), asks, gives, _words(item.get("offer")), frozenset(_words(item.get("groups"))))


def _comparison(item: Any) -> Comparison:
    """The comparison kind (none when the file has no `comparison`)."""
    if item is None:
        return Comparison()
    if not isinstance(item, dict) or not item.get("about"):
        raise TrainingDataError(f"{DETAILS_FILE}: 'comparison' needs about, cues and exercises")
    return Comparison(str(item["about"]), frozenset(_words(item.get("cues"))), frozenset(_words(item.get("exercises"))))


def _words(value: Any) -> tuple[str, ...]:
    """A list of words from the file (none when absent)."""
    return tuple(str(v) for v in value or ())
