"""Fusing the readings of a message into one decision: the learned ranker's probabilities and
rapidfuzz's scores become one 0-100 score per entry; the best entry is answered when it clears the
threshold and neither "not ours" nor a near-miss topic is the likelier reading."""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from knowledge.training import NOT_OURS, Gap

CANDIDATES = 5
SUGGESTION_FLOOR = 20.0  # candidates below this are not offered as suggestions
CLOSE_GAP = 10.0  # a runner-up this near the best entry's score is a close second
LONG_MESSAGE = 10         # tokens: a longer message's context words dilute its scores...
LONG_MESSAGE_RELIEF = 6.0  # ...so it needs this much less


@dataclass(frozen=True)
class Match:
    """The best entry for a message (None below the threshold) and the runners-up."""

    entry_id: str | None
    score: float
    suggestions: tuple[str, ...] = ()
    close: tuple[str, ...] = ()  # of the suggestions after the best, those within CLOSE_GAP of it
    query: str = ""
    off_topic: bool = False  # about another exercise or topic, not ours


@dataclass(frozen=True)
class Policy:
    """How the readings are fused and when the bot declines (cross-validated on the tuning sets)."""

    threshold: float = 30.0   # fused score (0-100) below which the bot declines
    learned_share: float = 0.4   # weight of the ranker's probability against rapidfuzz's score
    not_ours_lead: float = 0.1   # "not ours" wins when its probability beats the best entry's by this
    gap_lead: float = 0.1        # a near-miss topic wins when its probability beats the best entry's by this
    gap_floor: float = 0.2       # a decline names a near miss only this likely ("prove it" is no question about calories)
    beside_concern: float = 15.0  # what is asked beside a health concern is answered this far above the threshold
    foreign_sure: float = 0.8    # a message naming another exercise or topic is still ours when the ranker gives one
    #                              entry this much ("can i just drop the arm after my last rep", "squeezing my abs")
    sentence_clear: float = 10.0  # a message of several sentences declined whole is answered by one this far over the
    #                               threshold on its own (a question told after a story: the story dilutes its words)
    embedded_share: float = 0.3  # weight of the embedding channel's similarity against rapidfuzz's score
    embedded_floor: float = 0.3  # a cosine similarity at or below this counts as nothing
    embedded_unsure: float = 0.8  # the channel is read only when the ranker gives no entry this much: where the
    #                               n-grams are sure it changes no dev set's answer, yet moved the scores the
    #                               follow-up reader weighs a reading alone by ("should i go heavy on those")


@dataclass(frozen=True)
class Candidate:
    """One entry a message may be about, with each component's score."""

    entry_id: str
    score: float    # fused, 0-100
    learned: float  # the ranker's probability, 0-1
    fuzzy: float    # rapidfuzz's score, 0-100


@dataclass(frozen=True)
class Evidence:
    """What the components said about one message, before any decision."""

    query: str
    learned: dict[str, float]
    fuzzy: dict[str, float]
    foreign: bool = False   # names another exercise or topic (the lexicon's list), not ours
    long: bool = False
    similar: dict[str, float] = field(default_factory=dict)  # the embedding channel's cosines: its nearest entries, and fuzzy's
    naming: frozenset[str] = frozenset()  # entries whose phrasings name every other exercise or topic the message names

    def entries(self, known: Container[str]) -> list[str]:
        """The entries any component scores at all (no other entry can win)."""
        return [e for e in self.learned if e in known] + [e for e in self.fuzzy if e not in self.learned] \
            + [e for e in self.similar if e not in self.learned and e not in self.fuzzy]

    def textual(self, policy: Policy) -> dict[str, float]:
        """rapidfuzz's scores blended with the embedding channel's (0-100 each): its cosine above the
        floor, stretched to 0-100, takes `embedded_share` of each entry either scores, and no entry
        scores above rapidfuzz's best. The channel reorders and brings in entries but lifts no score
        past what the words alone earned, so the bars tuned on the fused score keep their meaning."""
        if not self.similar:
            return self.fuzzy
        share, floor, best = policy.embedded_share, policy.embedded_floor, max(self.fuzzy.values(), default=0.0)
        return {e: min(best, (1 - share) * self.fuzzy.get(e, 0.0)
                       + share * 100 * max(0.0, (self.similar.get(e, 0.0) - floor) / (1 - floor)))
                for e in {**self.fuzzy, **self.similar}}


@dataclass(frozen=True)
class Decision:
    """The entry to answer (None: decline), the near miss if any, and the ranked candidates."""

    match: Match
    gap: Gap | None
    candidates: tuple[Candidate, ...]


def decide(evidence: Evidence, policy: Policy, entries: Iterable[str], gaps: Iterable[Gap],
           margin: float = 0.0) -> Decision:
    """Fuse the ranker's and rapidfuzz's scores, and decide: an entry, a near miss, or decline."""
    learned, share, fuzzy = evidence.learned, policy.learned_share, evidence.textual(policy)
    ranked = sorted((Candidate(e, share * 100 * learned.get(e, 0.0) + (1 - share) * fuzzy.get(e, 0.0),
                               learned.get(e, 0.0), fuzzy.get(e, 0.0)) for e in entries),
                    key=lambda c: -c.score)[:CANDIDATES]
    if not ranked:  # no component scores any entry
        return Decision(Match(None, 0.0, query=evidence.query, off_topic=evidence.foreign), None, ())
    best = ranked[0]
    not_ours = learned.get(NOT_OURS, 0.0)
    gap = max(gaps, key=lambda g: learned.get(g.id, 0.0), default=None)
    gap_odds = learned.get(gap.id, 0.0) if gap else 0.0
    bar = policy.threshold - (LONG_MESSAGE_RELIEF if evidence.long else 0.0) + margin
    declined = best.score < bar or not_ours > best.learned + policy.not_ours_lead or gap_odds > best.learned + policy.gap_lead
    # another exercise or topic the best entry's own words name is no sign of another subject, when that entry is
    # answered; a message declined anyway stays off topic (the follow-up reader lends no answer to it)
    foreign = evidence.foreign and best.learned < policy.foreign_sure and (declined or best.entry_id not in evidence.naming)
    found = None if declined or foreign else best.entry_id
    suggested = [c for c in ranked[:3] if c.score >= SUGGESTION_FLOOR]
    close = tuple(c.entry_id for c in suggested[1:] if c.score >= best.score - CLOSE_GAP)
    match = Match(found, best.score, tuple(c.entry_id for c in suggested), close, evidence.query, foreign)
    near_miss = gap if found is None and gap and gap_odds > max(not_ours, best.learned, policy.gap_floor) else None
    return Decision(match, near_miss, tuple(ranked))
