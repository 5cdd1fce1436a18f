"""What a reply to a safety-check question denies, and what it tells of another person (data/screening.yaml, `denials`
and `others`): neither is told of the user."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.normalize import clean_text


@dataclass(frozen=True)
class Denials:
    """The words a denial tells a symptom by (see data/screening.yaml, `denials`)."""

    felt: frozenset[str] = frozenset()  # feel, control, pee...: "cant feel my thighs", "no control of my bladder" tell

    def undenied(self, text: str, negations: frozenset[str], contrasts: frozenset[str]) -> str:
        """A reply's words outside its denials: each clause (split at punctuation and contrast words) cut from its
        first negation on ("no i dont get any pain in my chest" -> "", "no groin numbness, but i fell" -> "i fell"),
        unless what the negation says is a symptom (one of `felt`: "since this morning i cant feel my thighs")."""
        kept: list[str] = []
        for clause in re.split(r"[,.;:!?()]+", text):
            for part in _parts(clean_text(clause).split(), contrasts):
                cut = next((i for i, word in enumerate(part) if word in negations), len(part))
                kept += part if self.felt.intersection(part[cut:]) else part[:cut]
        return " ".join(kept)


def _parts(words: list[str], contrasts: frozenset[str]) -> list[list[str]]:
    """Words split at contrast words ("no numbness but i fell": "no numbness", "i fell"), which are dropped."""
    parts: list[list[str]] = [[]]
    for word in words:
        if word in contrasts:
            parts.append([])
        else:
            parts[-1].append(word)
    return parts


@dataclass(frozen=True)
class Others:
    """The words that tell of another person (see data/screening.yaml, `others`)."""

    people: frozenset[str] = frozenset()  # mom, brother, son...
    myself: frozenset[str] = frozenset()  # i, im, ive...: the user says something of themselves too
    questions: frozenset[str] = frozenset()  # questions a child told of answers ("my son is 3 months old")
    denials: re.Pattern[str] | None = None  # "i dont", "not me": the user's own no beside someone else's health

    def told(self, question_id: str, words: list[str]) -> bool:
        """Whether `words` name another person and nothing of the user, at a question they do not answer."""
        return question_id not in self.questions and not self.people.isdisjoint(words) and self.myself.isdisjoint(words)

    def without_others(self, text: str, contrasts: frozenset[str]) -> str:
        """A reply's words outside the clauses naming another person ("my dad has heart stuff, not me" -> "not me"):
        what someone else has is not told of the user."""
        clauses = [part for clause in re.split(r"[,.;:!?()]+", text) for part in _parts(clean_text(clause).split(), contrasts)]
        return ", ".join(" ".join(part) for part in clauses if self.people.isdisjoint(part))

    def denied(self, question_id: str, words: list[str]) -> bool:
        """Whether `words` name another person and deny it of the user ("my brother has a slipped disc, I don't")."""
        mine = self.denials is not None and self.denials.search(" ".join(words)) is not None
        return question_id not in self.questions and not self.people.isdisjoint(words) and mine

