"""The shapes of knowledge: articles, entries and the loaded knowledge base."""

from __future__ import annotations

from dataclasses import dataclass, field


class ContentError(ValueError):
    """A file a curator edits cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Article:
    """A source article the content is written from."""

    id: str
    title: str


@dataclass(frozen=True)
class SourceRef:
    """Where in an article an entry's facts come from."""

    article: str
    section: str


@dataclass(frozen=True)
class Entry:
    """One topic a person may ask about."""

    id: str
    title: str
    ask: tuple[str, ...]
    answer: str
    source: tuple[SourceRef, ...]
    related: tuple[str, ...] = ()
    details: str = ""
    parts: tuple[str, ...] = ()  # entries on each of the things the answer lists ("the three hamstrings")
    group: str = ""
    next: str = ""  # the entry on what comes after this one, a step or a stage ("ok then what?" after the set-up)
    because: str = ""  # the entry explaining how what this answer reports works ("why does it help?" after rehab)
    about_health: bool = False  # its topic is health care itself (rehab): a concern's words are its own words


@dataclass(frozen=True)
class Prescription:
    """What one session holds for a goal: sets, reps, load, rest, and the entry it comes from."""

    goal: str
    entry: str
    sets: str
    reps: str
    load: str
    rest: str


@dataclass(frozen=True)
class KnowledgeBase:
    """All entries and articles, looked up by id."""

    articles: dict[str, Article]
    entries: dict[str, Entry] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    prescriptions: dict[str, Prescription] = field(default_factory=dict)
    warm_up_cue: str = ""

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return self.entries.get(entry_id)

    def in_group(self, group: str) -> list[Entry]:
        """The entries of one topic group, in file order."""
        return [e for e in self.entries.values() if e.group == group]
