"""Details the articles never give: a question that asks for one ("how many seconds should I hold
it?", "what band strength for banded hypers?", "is it better than hip thrusts?") about an entry whose
text does not give it is a near miss, however well its topic matches. The bot then says the articles
don't cover that detail and offers the entry, instead of answering as if the entry held it.

The kinds of detail are data (data/details.yaml): what each is (`about`), how a message asks for one
(`asks`, a pattern over its words), how an entry's text would give one (`gives`), and optionally the
topic groups it applies to. A comparison with another exercise ("hip thrusts", "kettlebell swings")
is a kind of its own: the entry's text must name that exercise. An exercise the lexicon folds into
a word of ours (back extensions read as the Roman chair, on which they are done) is named by a
pattern over the words as typed (`others`), so "is it better than back extensions" is a comparison
the Roman chair's answer never makes, not a question about the Roman chair.
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
DETAIL = "detail:"  # how the near miss of a detail an entry lacks is named ("detail:hold-time")


@dataclass(frozen=True)
class Detail:
    """One kind of detail a question may ask for."""

    id: str
    about: str
    asks: str    # patterns, compiled on first use (MissingDetails) so a start compiles none
    gives: str
    offer: tuple[str, ...] = ()
    groups: frozenset[str] = frozenset()  # the topic groups it applies to (empty: every entry)


@dataclass(frozen=True)
class Comparison:
    """Another exercise set beside ours: the words that compare, and the exercises (as tokens)."""

    about: str = ""
    cues: frozenset[str] = frozenset()
    exercises: frozenset[str] = frozenset()
    others: tuple[str, ...] = ()  # patterns over the words as typed, for exercises the lexicon folds into ours
    others_cues: frozenset[str] = frozenset()  # the words comparing with one of those ("than"; not "or": "a roman chair or back extension")
    same_cues: frozenset[str] = frozenset()  # the words asking whether one of those is ours or how they differ ("same")
    same_answer: str = ""  # the entry answering that: what ours is


@dataclass(frozen=True)
class Term:
    """A word the answers use that people ask the meaning of ("what does hip extension mean"): the entries whose
    answers explain it, or, when none does, what the articles leave unexplained ("what a GHD is")."""

    words: str
    entries: tuple[str, ...] = ()
    about: str = ""


@dataclass(frozen=True)
class Details:
    """Everything data/details.yaml says."""

    kinds: tuple[Detail, ...] = ()
    comparison: Comparison = Comparison()
    terms: tuple[Term, ...] = ()  # longest first
    beside_term: frozenset[str] = frozenset()  # words (as tokens) a question about a term may hold besides it


MEANING = frozenset("mean means meaning meant wdym eli5 define definition".split())  # words asking what a word means
# "explain why hip extension matters" asks more than the word; "whats a GHD, can i use one" asks about using it
OTHER_ASKS = frozenset("why how when where which use using instead same replace substitute".split())
# the only words beside a term asked bare ("roman chair??", "so ghd = ?"); "on a roman chair too?", "roman chair ok?" ask
# about doing it there
BARE = frozenset("a an the so wait sorry hmm huh um uh again eh lol pls please and but".split())
WHAT_IS = re.compile(r"\b(?:what|whats|wat|wats|wht)(?: even)?(?: is| are| s)?(?: even)?(?: a| an| the)? $")  # "whats a", "what even is a"


class MissingDetails:
    """Finds the detail a message asks for that the entry it reads as does not give."""

    def __init__(self, details: Details, kb: KnowledgeBase, normalizer: Normalizer) -> None:
        self.details = details
        self.kb = kb
        self.normalizer = normalizer
        self._tokens: dict[str, frozenset[str]] = {}  # each entry's words as the lexicon reads them, once asked
        self._compiled: dict[str, re.Pattern[str]] = {}  # each pattern, compiled when first used (or warmed up)

    def warm_up(self) -> None:
        """Compile every kind's patterns now, which the first messages would do (a started bot's warm-up)."""
        for pattern in (*(p for kind in self.details.kinds for p in (kind.asks, kind.gives)), *self.details.comparison.others,
                        *(_whole_words(term.words) for term in self.details.terms)):
            self._pattern(pattern)

    def near_miss(self, words: list[str], tokens: list[str], entry_id: str) -> Gap | None:
        """The near miss a message is when it asks `entry_id` for a detail its text lacks, else None."""
        entry = self.kb.entries[entry_id]
        said = " ".join(words)
        for kind in self.details.kinds:
            if (not kind.groups or entry.group in kind.groups) and self._pattern(kind.asks).search(said) \
                    and not self._pattern(kind.gives).search(_text_of(entry)):
                return Gap(f"{DETAIL}{kind.id}", kind.about, tuple(dict.fromkeys((entry_id, *kind.offer))), ())
        comparison = self.details.comparison
        if comparison.cues.intersection(words) and any(t in comparison.exercises and t not in self._named(entry) for t in tokens) \
                or comparison.others_cues.intersection(words) and self._other_unnamed(said, entry):
            return Gap(f"{DETAIL}comparison", comparison.about, (entry_id,), ())
        return None

    def same_as_other(self, words: list[str]) -> str | None:
        """The entry saying what our exercise is (`same_answer`) when a message asks whether another exercise the
        lexicon folds into ours is the same or how they differ ("is it the same as a back extension", "whats the
        difference between a back extension and a reverse hyper"), comparing no merit ("better than"); else None."""
        comparison = self.details.comparison
        if not comparison.same_answer or comparison.same_cues.isdisjoint(words) or not comparison.others_cues.isdisjoint(words):
            return None
        said = " ".join(words)
        return comparison.same_answer if any(self._pattern(p).search(said) for p in comparison.others) else None

    def _other_unnamed(self, said: str, entry: Entry) -> bool:
        """Whether a message names another exercise the lexicon folds into a word of ours ("back
        extensions") that the entry's text never names."""
        text = _text_of(entry)
        return any(self._pattern(p).search(said) and not self._pattern(p).search(text) for p in self.details.comparison.others)

    def term_asked(self, words: list[str], text: str) -> Term | None:
        """The term a message only asks the meaning of ("what does hip extension mean", "lumbar = ?", "whats a GHD
        sorry"), else None: besides the term, only words asking what it means (or a bare "?" or "="), and nothing
        of its own ("whats the best hypertrophy program", "do i need a roman chair?" ask something else)."""
        said = " ".join(words)
        for term in self.details.terms:
            found = self._pattern(_whole_words(term.words)).search(said)
            if found is None:
                continue
            rest = f"{said[:found.start()]} {said[found.end():]}".split()
            tokens = self.normalizer.tokens_of(rest)
            asking = not MEANING.isdisjoint(rest) or WHAT_IS.search(said[:found.start()]) is not None \
                or not tokens and ("?" in text or "=" in text) and set(rest) <= BARE
            beside = all(t in self.details.beside_term or self.normalizer.is_generic(t) for t in tokens)
            return term if asking and beside and OTHER_ASKS.isdisjoint(rest) else None
        return None

    def term_named(self, words: list[str]) -> Term | None:
        """The first term a message names, whatever else it says ("the pumping mechanism bit, more detail?"), else None."""
        said = " ".join(words)
        return next((term for term in self.details.terms if self._pattern(_whole_words(term.words)).search(said)), None)

    def _pattern(self, pattern: str) -> re.Pattern[str]:
        """A detail's pattern, compiled the first time it is needed (a start compiles none)."""
        found = self._compiled.get(pattern)
        if found is None:
            found = self._compiled[pattern] = re.compile(pattern)
        return found

    def _named(self, entry: Entry) -> frozenset[str]:
        """The tokens of an entry's text (what it names)."""
        if entry.id not in self._tokens:
            self._tokens[entry.id] = frozenset(self.normalizer.tokens_of(self.normalizer.words(_text_of(entry))))
        return self._tokens[entry.id]


def _whole_words(words: str) -> str:
    """The pattern finding a term's words as whole words."""
    return rf"\b{re.escape(words)}\b"


def lacked_by(gap: Gap | None, entry_id: str) -> bool:
    """Whether a near miss is a detail that entry lacks (its first offer is the entry it was read as)."""
    return gap is not None and gap.id.startswith(DETAIL) and gap.offer[:1] == (entry_id,)


def _text_of(entry: Entry) -> str:
    """The words of an entry a detail would be given in, lower case."""
    return " ".join((entry.title, entry.answer, entry.details)).lower()


def load_details(directory: Path = DATA_DIR, check: bool = False) -> Details:
    """The kinds of detail the articles may lack, and the comparison (data/details.yaml); `check`
    compiles every pattern first (the curator's check), else they compile on first use."""
    data = read_yaml(directory / DETAILS_FILE)
    items = data.get("details") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise TrainingDataError(f"{DETAILS_FILE}: expected a list under 'details'")
    return Details(tuple(_detail(item, check) for item in items), _comparison(data.get("comparison")), _terms(data.get("terms")),
                   frozenset(_words(data.get("beside_term"))))


def _terms(value: Any) -> tuple[Term, ...]:
    """The terms people ask the meaning of, longest first: each with the entries explaining it, or what the
    articles leave unexplained (a sentence)."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise TrainingDataError(f"{DETAILS_FILE}: 'terms' maps words to entries or to what is left unexplained")
    terms = [Term(str(k), _words(v)) if isinstance(v, list) else Term(str(k), (), str(v)) for k, v in value.items()]
    return tuple(sorted(terms, key=lambda term: -len(term.words)))


def _detail(item: Any, check: bool) -> Detail:
    """One kind of detail (its patterns compiled once to check them, with `check`)."""
    if not isinstance(item, dict) or not all(item.get(k) for k in ("id", "about", "asks", "gives")):
        raise TrainingDataError(f"{DETAILS_FILE}: each item needs id, about, asks and gives: {item!r}")
    asks, gives = str(item["asks"]), str(item["gives"])
    if check:
        _compile(str(item["id"]), asks, gives)
    return Detail(str(item["id"]), str(item["about"]), asks, gives, _words(item.get("offer")), frozenset(_words(item.get("groups"))))


def _compile(detail: str, *patterns: str) -> None:
    """Compile a detail's patterns, naming it when one does not compile."""
    try:
        for pattern in patterns:
            re.compile(pattern)
    except re.error as exc:
        raise TrainingDataError(f"{DETAILS_FILE}: {detail}: {exc}") from None


def _comparison(item: Any) -> Comparison:
    """The comparison kind (none when the file has no `comparison`)."""
    if item is None:
        return Comparison()
    if not isinstance(item, dict) or not item.get("about"):
        raise TrainingDataError(f"{DETAILS_FILE}: 'comparison' needs about, cues and exercises")
    others = _words(item.get("others"))
    _compile("comparison", *others)
    return Comparison(str(item["about"]), frozenset(_words(item.get("cues"))), frozenset(_words(item.get("exercises"))), others,
                      frozenset(_words(item.get("others_cues"))), frozenset(_words(item.get("same_cues"))),
                      str(item.get("same_answer") or ""))


def _words(value: Any) -> tuple[str, ...]:
    """A list of words from the file (none when absent)."""
    return tuple(str(v) for v in value or ())
