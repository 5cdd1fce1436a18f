"""Load the hand-edited YAML content and check it: unique ids, no empty fields, real sources."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from knowledge.model import Article, ContentError, Entry, KnowledgeBase, Prescription, SourceRef

CONTENT_DIR = Path(__file__).with_name("content")
ID_PATTERN = re.compile(r"^[a-z0-9-]{2,40}$")
MAX_ANSWER_CHARS = 600
MAX_DETAILS_CHARS = 2000
MIN_PHRASINGS = 3


class KnowledgeError(ContentError):
    """The content cannot be loaded; `problems` says why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def load_knowledge(directory: Path = CONTENT_DIR) -> KnowledgeBase:
    """Load and validate every YAML file in `directory`; raise KnowledgeError if any is wrong."""
    kb, problems = read_knowledge(directory)
    if problems:
        raise KnowledgeError(problems)
    return kb


def read_knowledge(directory: Path = CONTENT_DIR) -> tuple[KnowledgeBase, list[str]]:
    """Read the content and return it with every problem found (empty when all is well)."""
    problems: list[str] = []
    articles: dict[str, Article] = {}
    groups: list[tuple[int, str, str]] = []
    prescriptions: dict[str, Prescription] = {}
    warm_up_cue = ""
    raw_entries: list[tuple[str, Any]] = []
    files = sorted(directory.glob("*.yaml"))
    if not files:
        return KnowledgeBase(articles={}), [f"{directory}: no .yaml files"]
    for path in files:
        data = _read_yaml(path, problems)
        for item in data.get("articles") or []:
            articles[str(item.get("id"))] = Article(id=str(item.get("id")), title=str(item.get("title")))
        prescriptions.update(_prescriptions(data.get("prescriptions"), path.name, problems))
        warm_up_cue = str(data.get("warm_up_cue") or warm_up_cue)
        if data.get("entries"):
            groups.append((int(data.get("order", 99)), path.stem, str(data.get("topic") or path.stem.title())))
            raw_entries += [(path.stem, item) for item in data["entries"]]
    entries: dict[str, Entry] = {}
    for group, raw in raw_entries:
        entry = _entry_from(raw, f"{group}.yaml: {_id_of(raw)}", problems)
        if entry and entry.id in entries:
            problems.append(f"{group}.yaml: {entry.id}: duplicate id")
        elif entry:
            entries[entry.id] = replace(entry, group=group)
    kb = KnowledgeBase(articles=articles, entries=entries, groups={stem: label for _, stem, label in sorted(groups)},
                       prescriptions=prescriptions, warm_up_cue=warm_up_cue)
    problems += _cross_check(kb)
    return kb, problems


def _prescriptions(raw: Any, filename: str, problems: list[str]) -> dict[str, Prescription]:
    """Per-goal session prescriptions; every field is required."""
    found = {}
    for item in raw if isinstance(raw, list) else []:
        fields = {k: str((item or {}).get(k) or "").strip() for k in ("goal", "entry", "sets", "reps", "load", "rest")}
        missing = [k for k, v in fields.items() if not v]
        if missing:
            problems.append(f"{filename}: prescription {fields['goal'] or '?'} is missing {', '.join(missing)}")
            continue
        found[fields["goal"]] = Prescription(**fields)
    return found


def _id_of(raw: Any) -> str:
    """An entry's id for messages, even when the entry is malformed."""
    return str(raw.get("id", "?")) if isinstance(raw, dict) else "?"


def _read_yaml(path: Path, problems: list[str]) -> dict[str, Any]:
    """Parse one file, recording a problem instead of raising when it is not valid YAML."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    except yaml.YAMLError as exc:
        problems.append(f"{path.name}: not valid YAML: {exc}")
        return {}
    if not isinstance(data, dict):
        problems.append(f"{path.name}: expected a mapping with 'entries' or 'articles'")
        return {}
    return data


def _entry_from(raw: Any, where: str, problems: list[str]) -> Entry | None:
    """Build one Entry, recording every missing or malformed field."""
    if not isinstance(raw, dict):
        problems.append(f"{where}: an entry must be a mapping")
        return None
    before = len(problems)
    entry_id = _text(raw, "id", where, problems)
    if entry_id and not ID_PATTERN.match(entry_id):
        problems.append(f"{where}: id must match {ID_PATTERN.pattern}")
    ask = tuple(str(q).strip() for q in raw.get("ask") or [] if str(q).strip())
    if len(ask) < MIN_PHRASINGS:
        problems.append(f"{where}: needs at least {MIN_PHRASINGS} ways of asking in 'ask'")
    answer = _text(raw, "answer", where, problems)
    if len(answer) > MAX_ANSWER_CHARS:
        problems.append(f"{where}: answer is {len(answer)} characters (max {MAX_ANSWER_CHARS})")
    details = str(raw.get("details") or "").strip()
    if len(details) > MAX_DETAILS_CHARS:
        problems.append(f"{where}: details are {len(details)} characters (max {MAX_DETAILS_CHARS})")
    sources = _sources(raw.get("source"), where, problems)
    if len(problems) > before:
        return None
    return Entry(
        id=entry_id,
        title=_text(raw, "title", where, problems),
        ask=ask,
        answer=answer,
        details=details,
        source=sources,
        related=tuple(str(r) for r in raw.get("related") or []),
        parts=tuple(str(r) for r in raw.get("parts") or []),
        next=str(raw.get("next") or "").strip(),
        because=str(raw.get("because") or "").strip(),
        about_health=raw.get("about_health") is True,
    )


def _text(raw: dict[str, Any], key: str, where: str, problems: list[str]) -> str:
    """A required non-empty string field."""
    value = str(raw.get(key) or "").strip()
    if not value:
        problems.append(f"{where}: '{key}' is missing or empty")
    return value


def _sources(raw: Any, where: str, problems: list[str]) -> tuple[SourceRef, ...]:
    """The entry's source list: at least one article and section each."""
    refs = []
    for item in raw if isinstance(raw, list) else []:
        article = str((item or {}).get("article") or "").strip()
        section = str((item or {}).get("section") or "").strip()
        if not article or not section:
            problems.append(f"{where}: every source needs an 'article' and a 'section'")
        refs.append(SourceRef(article=article, section=section))
    if not refs:
        problems.append(f"{where}: needs at least one source")
    return tuple(refs)


def _cross_check(kb: KnowledgeBase) -> list[str]:
    """Problems that span entries: unknown articles, dangling or self references."""
    problems = []
    for entry in kb.entries.values():
        for ref in entry.source:
            if ref.article not in kb.articles:
                problems.append(f"{entry.id}: source article '{ref.article}' is not in articles")
        for key, others in (("related", entry.related), ("parts", entry.parts), ("next", (entry.next,) if entry.next else ()),
                             ("because", (entry.because,) if entry.because else ())):
            problems += [f"{entry.id}: {key} '{other}' is not another entry" for other in others
                         if other == entry.id or other not in kb.entries]
    for prescription in kb.prescriptions.values():
        if prescription.entry not in kb.entries:
            problems.append(f"prescription {prescription.goal}: entry '{prescription.entry}' does not exist")
    return problems
