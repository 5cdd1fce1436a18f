"""rapidfuzz's reading of a message: how well it fits each entry's phrasings.

Every entry is scored 0-100 by an IDF-weighted word overlap with its phrasings (rare words like
"endurance" count more than "reps") blended with rapidfuzz's word-order-free similarity to the
best phrasing. The matcher also owns the normaliser (with English-aware spelling) and says when a
message names another exercise. The understanding layer fuses these scores with the learned ranker
and decides (knowledge.understanding).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from knowledge.model import KnowledgeBase
from knowledge.normalize import Normalizer
from knowledge.spelling import EnglishWords

UNKNOWN_WEIGHT = 3.0   # a word the content never uses: treated as rarer than any known word
DIGIT_FACTOR = 0.3     # "15" says less about the topic than "endurance"
ENTRY_SHARE = 0.5      # weight of the whole-entry overlap against the best single phrasing
FUZZY_SHARE = 0.3      # weight of rapidfuzz similarity within the phrasing score
FUZZY_CANDIDATES = 60  # phrasings with the most shared weight that get the (slower) fuzzy score
COMMON_POSTINGS = 500  # a word in more phrasings than this only re-scores phrasings found by rarer words


@dataclass(frozen=True)
class _Phrasing:
    """One indexed way of asking: its words in sorted order (compared regardless of order, see
    `Matcher._rank`), their weights' norm and its entry."""

    sorted_text: str
    norm: float
    entry_id: str


class Matcher:
    """An index over every phrasing of every entry, built once at start."""

    def __init__(self, kb: KnowledgeBase, normalizer: Normalizer, english: EnglishWords) -> None:
        self.kb = kb
        spelt = {e.id: [normalizer.words(p) for p in (e.title, *e.ask)] for e in kb.entries.values()}
        self.normalizer = normalizer.with_spelling(_content_words(kb, normalizer, spelt), english)
        tokenised = {eid: [self.normalizer.tokens_of(w) for w in phrasings] for eid, phrasings in spelt.items()}
        self.asked = frozenset(t for phrasings in tokenised.values() for tokens in phrasings for t in tokens)  # titles' and asks' tokens
        counts = {eid: Counter(t for toks in phrasings for t in set(toks)) for eid, phrasings in tokenised.items()}
        self._idf = _idf(counts)
        self._entries = {eid: _weigh(c, self._idf) for eid, c in counts.items()}
        answers = {e.id: frozenset(self.normalizer.tokens_of(self.normalizer.words(e.answer))) for e in kb.entries.values()}
        self._told = {eid: frozenset(filter(self.normalizer.is_foreign, tokens)) for eid, tokens in answers.items()}
        self._own = {eid: answers[eid] | self._entries[eid][0].keys() for eid in answers}
        self._phrasings: list[_Phrasing] = []
        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        for eid, phrasings in tokenised.items():
            for tokens in phrasings:
                self._index(eid, tokens)

    def _index(self, entry_id: str, tokens: list[str]) -> None:
        """Add one phrasing to the postings of each of its words, with that word's weight."""
        weights = {t: self._idf[t] for t in tokens}  # each word once: its weight is its IDF
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for token, weight in weights.items():
            self._postings[token][len(self._phrasings)] = weight
        self._phrasings.append(_Phrasing(" ".join(sorted(tokens)), norm, entry_id))

    def about_something_else(self, tokens: list[str]) -> bool:
        """A message naming another exercise or topic, and not our exercise, is out of scope."""
        return self.normalizer.lexicon.anchor not in tokens and any(self.normalizer.is_foreign(t) for t in tokens)

    def names(self, entry_id: str, tokens: list[str]) -> bool:
        """Whether an entry's own words (its title, phrasings or answer) hold every one of these tokens."""
        own = self._own.get(entry_id)
        return own is not None and bool(tokens) and own.issuperset(tokens)

    def naming(self, tokens: list[str]) -> frozenset[str]:
        """The entries whose own words (phrasings or answer) name every other exercise or topic a message
        names ("rdl" in the comparison with RDLs, "arm" in the floor version's answer): for those, naming it
        is no sign of another subject. Empty when the message names none."""
        named = {t for t in tokens if self.normalizer.is_foreign(t)}
        return frozenset(e for e, (words, _) in self._entries.items() if named <= words.keys() | self._told[e]) if named else frozenset()

    def fuzzy_scores(self, tokens: list[str]) -> list[tuple[str, float]]:
        """Entries sharing a meaningful word with the message, scored 0-100, best first."""
        return self._rank(tokens)

    def _rank(self, tokens: list[str]) -> list[tuple[str, float]]:
        """Score 0-100 the entries of phrasings sharing a meaningful word with the message."""
        unknown = sum(1 for t in set(tokens) if t not in self._idf)
        weights = {t: self._weight(t, unknown) for t in set(tokens)}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        overlap = self._overlaps(weights)
        query = " ".join(sorted(tokens))  # rapidfuzz's token_sort_ratio, with each side's words sorted once
        best_phrasing: dict[str, float] = {}
        found = sorted(overlap, key=overlap.__getitem__, reverse=True)[:FUZZY_CANDIDATES]
        for i, ratio in zip(found, _ratios(query, [self._phrasings[i].sorted_text for i in found])):
            phrasing = self._phrasings[i]
            cosine = overlap[i] / (norm * phrasing.norm)
            score = (1 - FUZZY_SHARE) * cosine + FUZZY_SHARE * ratio / 100
            best_phrasing[phrasing.entry_id] = max(score, best_phrasing.get(phrasing.entry_id, 0.0))
        scores = {
            eid: 100 * (ENTRY_SHARE * _cosine(weights, norm, *self._entries[eid]) + (1 - ENTRY_SHARE) * score)
            for eid, score in best_phrasing.items()
        }
        return sorted(scores.items(), key=lambda kv: -kv[1])

    def _overlaps(self, weights: dict[str, float]) -> dict[int, float]:
        """Weighted shared words per phrasing. Meaningful words are visited rarest first and bring
        in phrasings; a very common word, or a generic one, only adds to phrasings already found,
        which keeps a large knowledge base fast."""
        overlap: dict[int, float] = defaultdict(float)
        meaningful = sorted((t for t in weights if not self.normalizer.is_generic(t) and t in self._postings),
                            key=lambda t: len(self._postings[t]))
        for token in meaningful:
            postings, weight = self._postings[token], weights[token]
            if overlap and len(postings) > COMMON_POSTINGS:
                self._add_to_found(overlap, postings, weight)
                continue
            for index, phrasing_weight in postings.items():
                overlap[index] += weight * phrasing_weight
        for token in weights.keys() - set(meaningful):
            if overlap and token in self._postings:
                self._add_to_found(overlap, self._postings[token], weights[token])
        return overlap

    @staticmethod
    def _add_to_found(overlap: dict[int, float], postings: dict[int, float], weight: float) -> None:
        """Add a word's weight to the phrasings already found that contain it (walking the shorter of the two)."""
        if len(postings) < len(overlap):
            for index, phrasing_weight in postings.items():
                if phrasing_weight and index in overlap:
                    overlap[index] += weight * phrasing_weight
            return
        for index in overlap:
            found = postings.get(index)
            if found:
                overlap[index] += weight * found

    def _weight(self, token: str, unknown: int) -> float:
        """How much a message word says about its topic.

        Words the content never uses weigh heavily in a short message ("calories" in "how many
        calories") but share one weight in a long one, where they are mostly context."""
        if token in self._idf:
            return self._idf[token]
        return UNKNOWN_WEIGHT * (DIGIT_FACTOR if token.isdigit() else 1.0) / math.sqrt(unknown)


def _ratios(query: str, texts: list[str]) -> list[float]:
    """rapidfuzz's ratio of the query to each text, in one call (the same figures as `fuzz.ratio`, in half
    the time of one call per text; its module is imported with the first message, not at start)."""
    from rapidfuzz.process import cdist

    return cdist([query], texts, scorer=fuzz.ratio, dtype=np.float64)[0].tolist() if texts else []


def _content_words(kb: KnowledgeBase, normalizer: Normalizer, spelt: dict[str, list[list[str]]]) -> set[str]:
    """Every word the content uses, as spelt, for correcting typos in messages."""
    words = {w for phrasings in spelt.values() for ws in phrasings for w in ws}
    for entry in kb.entries.values():
        words.update(normalizer.words(f"{entry.answer} {entry.details}"))
    return words


def _idf(counts: dict[str, Counter[str]]) -> dict[str, float]:
    """Inverse entry frequency of every word: rare across entries means telling."""
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(counts)
    return {t: (math.log((n + 1) / (d + 1)) + 1) * (DIGIT_FACTOR if t.isdigit() else 1.0) for t, d in df.items()}


def _weigh(counts: Mapping[str, int], idf: dict[str, float]) -> tuple[dict[str, float], float]:
    """TF-IDF weights of a bag of words and their Euclidean norm."""
    weights = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items()}
    return weights, math.sqrt(sum(w * w for w in weights.values())) or 1.0


def _cosine(a: dict[str, float], a_norm: float, b: dict[str, float], b_norm: float) -> float:
    """Cosine similarity of two weighted bags of words."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b) / ((a_norm * b_norm) or 1.0)
