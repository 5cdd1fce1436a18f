"""What the understanding layer learns from: the curated phrasings, the near misses, the
off-topic corpus and the safety examples, all data files a curator edits (no code).

- every entry's title and `ask` phrasings teach the ranker that entry, and so do the extra
  phrasings in data/paraphrases*.yaml (the ranker's alone: rapidfuzz reads the content's);
- data/gaps.yaml: gym questions the articles don't answer, each a class of its own;
- data/offtopic*.yaml: messages that are not ours, the "not ours" class;
- data/safety_examples.yaml and data/safety_messages*.yaml: health concerns by level, harmless look-alikes and chat;
- data/intents.yaml: what people say to the bot besides questions (intents, yes/no, goals).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.intents import NONE, TALK_LABELS
from knowledge.model import ContentError, KnowledgeBase
from knowledge.normalize import WordLoader

DATA_DIR = Path(__file__).parent / "data"
NOT_OURS = "none"


class TrainingDataError(ContentError):
    """A training data file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Gap:
    """A question the articles don't answer: what it is about, and entries to offer instead."""

    id: str
    about: str
    offer: tuple[str, ...]
    ask: tuple[str, ...]

KIND_LEVELS = {"emergency": "emergency", "health": "doctor", "lookalike": "none"}  # a test set's kinds as safety levels

@dataclass(frozen=True)
class TrainingData:
    """Labelled texts for the topic ranker and the safety classifier."""

    gaps: dict[str, Gap]
    topics: list[tuple[str, str]]   # (text, entry id | gap id | NOT_OURS)
    safety: list[tuple[str, str]]   # (text, 'none' | 'doctor' | 'emergency')
    talk: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # reader -> (text, label)


def load_training(kb: KnowledgeBase, directory: Path = DATA_DIR) -> TrainingData:
    """Read every training file; raise TrainingDataError on a malformed one."""
    gaps = load_gaps(directory)
    ours = [(text, e.id) for e in kb.entries.values() for text in (e.title, *e.ask)]
    ours += load_paraphrases(directory, kb)
    gap_texts = [(text, g.id) for g in gaps.values() for text in g.ask]
    offtopic = [(_field(item, "text", path.name), _gap_label(item, gaps))
                for path in sorted(directory.glob("offtopic*.yaml")) for item in _list(path, "offtopic")]
    generated = ("safety_messages_dev.yaml", "safety_messages_chat.yaml")
    safety = load_safety_examples(directory) + [pair for name in generated for pair in load_safety_messages(directory, name)]
    talk = load_talk(directory)
    harmless = [(text, "none") for text, _ in ours + gap_texts + offtopic + _told_in_passing(talk)]
    talk["intents"] += [(text, NOT_OURS) for text, _ in ours + gap_texts + offtopic]  # questions and chat
    talk["goals"] += [(text, NOT_OURS) for text, label in talk["answers"] if label != NOT_OURS]  # "looks good" is no goal
    asked = {text for text, label in talk["plans"] if label != NOT_OURS}  # "show my plans", "plan a session": no request about plans
    others = ("cancel", "settings", NOT_OURS)  # settings: a lead or goal change is an edit of the plans ("remind me an hour before")
    talk["plans"] += [(text, NOT_OURS) for text, label in talk["intents"] if label not in others and text not in asked]
    return TrainingData(gaps, ours + gap_texts + offtopic, safety + harmless, talk)


def _told_in_passing(talk: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """What people say to the bot besides questions, and tell of no concern: each talk reader's examples but the
    safety check's answers, the check-in's "unwell" and the readers' "none" (their catch-alls hold any message)."""
    return [(text, label) for reader, examples in talk.items() if reader != "screening"
            for text, label in examples if label not in ("unwell", NOT_OURS)]


def load_talk(directory: Path = DATA_DIR) -> dict[str, list[tuple[str, str]]]:
    """Labelled examples for each talk reader in data/intents.yaml ('none': none of its labels)."""
    path = directory / "intents.yaml"
    data = read_yaml(path)
    return {reader: _labelled(data, reader, labels) for reader, labels in TALK_LABELS.items()}


def _labelled(data: Any, reader: str, known: tuple[str, ...]) -> list[tuple[str, str]]:
    """One reader's (text, label) examples; every label a list of texts."""
    labels = data.get(reader) if isinstance(data, dict) else None
    if not isinstance(labels, dict) or set(map(str, labels)) != {*known, NONE}:
        raise TrainingDataError(f"intents.yaml: '{reader}' must give examples for exactly {', '.join((*known, NONE))}")
    out = []
    for label, texts in labels.items():
        if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip() for t in texts):
            raise TrainingDataError(f"intents.yaml: {reader}.{label} must be a list of texts")
        out += [(text, str(label)) for text in texts]
    return out


def load_paraphrases(directory: Path, kb: KnowledgeBase) -> list[tuple[str, str]]:
    """Extra (text, entry id) phrasings for the ranker, from every paraphrases*.yaml (one file per
    writer, so each says where its phrasings come from); each must name an entry of the content."""
    return [pair for path in sorted(directory.glob("paraphrases*.yaml")) for pair in _paraphrases(path, kb)]


def _paraphrases(path: Path, kb: KnowledgeBase) -> list[tuple[str, str]]:
    """One paraphrases file's (text, entry id) pairs."""
    data = read_yaml(path)
    by_entry = data.get("paraphrases") if isinstance(data, dict) else None
    if not isinstance(by_entry, dict):
        raise TrainingDataError(f"{path.name}: expected entry ids under 'paraphrases'")
    unknown = sorted(set(map(str, by_entry)) - set(kb.entries))
    if unknown:
        raise TrainingDataError(f"{path.name}: no such entries: {', '.join(unknown)}")
    return [(str(text), str(entry)) for entry, texts in by_entry.items() for text in texts or ()]


def load_gaps(directory: Path = DATA_DIR) -> dict[str, Gap]:
    """The near-miss topics, by id."""
    return {g.id: g for g in (_gap(item) for item in _list(directory / "gaps.yaml", "gaps"))}


def _list(path: Path, key: str) -> list[Any]:
    """The list under `key` in a YAML file."""
    data = read_yaml(path)
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise TrainingDataError(f"{path.name}: expected a list under '{key}'")
    return items


def read_yaml(path: Path) -> Any:
    """A parsed YAML training file; TrainingDataError names the file when it cannot be read."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=WordLoader)  # noqa: S506 - a SafeLoader
    except (OSError, yaml.YAMLError) as exc:
        raise TrainingDataError(f"{path.name}: {exc}") from None


def _field(item: Any, key: str, where: str) -> str:
    """A required text field of one item."""
    value = str(item.get(key) or "").strip() if isinstance(item, dict) else ""
    if not value:
        raise TrainingDataError(f"{where}: an item has no '{key}': {item!r}")
    return value


def _gap(item: Any) -> Gap:
    """One near-miss topic."""
    ask = item.get("ask") if isinstance(item, dict) else None
    if not isinstance(ask, list) or not ask:
        raise TrainingDataError(f"gaps.yaml: {item!r} needs a list of 'ask' phrasings")
    return Gap(_field(item, "id", "gaps.yaml"), _field(item, "about", "gaps.yaml"),
               tuple(str(o) for o in item.get("offer") or ()), tuple(str(a) for a in ask))


def _gap_label(item: Any, gaps: dict[str, Gap]) -> str:
    """An off-topic message's class: its near-miss topic when it names one, else not ours."""
    gap = str(item.get("gap") or "") if isinstance(item, dict) else ""
    return gap if gap in gaps else NOT_OURS


def load_safety_examples(directory: Path = DATA_DIR) -> list[tuple[str, str]]:
    """The curated safety examples and the strangers' messages (safety_examples.yaml, safety_messages.yaml), as
    (text, level): what Whisper's prompt takes its health words from (voice.prompt), unlike the generated lists."""
    examples = [(_field(item, "text", "safety_examples.yaml"), _level(item))
                for item in _list(directory / "safety_examples.yaml", "examples")]
    return examples + load_safety_messages(directory)


def load_safety_messages(directory: Path = DATA_DIR, name: str = "safety_messages.yaml") -> list[tuple[str, str]]:
    """The safety messages strangers wrote, one list per writer, as (text, level): data/safety_messages.yaml, and
    generated by bench/make_dev_training.py, safety_messages_dev.yaml (the safety lexicon's development sets) and
    safety_messages_chat.yaml (what people say to the bot besides questions: follow-ups and schedules)."""
    data = read_yaml(directory / name)
    if not isinstance(data, dict) or not data:
        raise TrainingDataError(f"{name}: expected one list per writer")
    items = [item for writer in data for item in _list(directory / name, str(writer))]
    kinds = [str(item.get("kind") or "") if isinstance(item, dict) else "" for item in items]
    if any(kind not in KIND_LEVELS for kind in kinds):
        raise TrainingDataError(f"{name}: kind must be emergency, health or lookalike")
    return [(_field(item, "q", name), KIND_LEVELS[kind]) for item, kind in zip(items, kinds)]


def _level(item: Any) -> str:
    """A safety example's level."""
    level = str(item.get("level") or "") if isinstance(item, dict) else ""
    if level not in ("none", "doctor", "emergency"):
        raise TrainingDataError(f"safety_examples.yaml: level must be none, doctor or emergency: {item!r}")
    return level
