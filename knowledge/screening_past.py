"""What tells a safety-check question's topic as over or long ago, or in a part of the body the question does not ask
about (data/screening.yaml, `past`): a yes told so is no yes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.screening_patterns import found, matches, word_index


@dataclass(frozen=True)
class Past:
    """The words that tell a topic as over or long ago (see data/screening.yaml, `past`)."""

    now: frozenset[str] = frozenset()  # questions about now: a topic told as over is no yes
    recent: frozenset[str] = frozenset()  # questions about a window of months: a topic told long ago is no yes
    over: re.Pattern[str] | None = None  # "not anymore", "all sorted now"
    long_ago: re.Pattern[str] | None = None  # "years ago", "as a kid"
    still: re.Pattern[str] | None = None  # "still", "worse": it goes on
    ever: dict[str, re.Pattern[str]] = field(default_factory=dict)  # question id -> words that ask about ever there
    kinds: dict[str, re.Pattern[str]] = field(default_factory=dict)  # question id -> the kinds its window is for
    outside: dict[str, re.Pattern[str]] = field(default_factory=dict)  # question id -> parts it does not ask about
    inside: dict[str, re.Pattern[str]] = field(default_factory=dict)  # question id -> parts it asks about

    def elsewhere(self, question_id: str, words: list[str]) -> bool:
        """Whether a reply names only parts a question does not ask about ("only my wrist, its in a brace")."""
        cleaned = " ".join(words)
        return found(self.outside.get(question_id), cleaned) and not found(self.inside.get(question_id, _ANY), cleaned)

    def told(self, question_id: str, words: list[str], negations: frozenset[str], this_year: int) -> bool:
        """Whether `words` tell this question's topic as over (a question about now) or long ago (one about
        a recent window), with no word of it going on."""
        cleaned = " ".join(words)
        if found(self.still, cleaned) or found(self.ever.get(question_id), cleaned):
            return False
        if question_id in self.now:
            return any(negations.isdisjoint(words[:word_index(cleaned, m)][-2:]) for m in matches(self.over, cleaned))
        if question_id in self.recent and found(self.kinds.get(question_id, _ANY), cleaned):
            return any(_undated(words, m) for m in matches(self.long_ago, cleaned)) or _old_year(words, this_year)
        return False


_ANY = re.compile("")  # a question without `kinds`: its window is for every reply



def _undated(words: list[str], match: re.Match[str]) -> bool:
    """Whether a "long ago" match is no start of something going on ("since i was a kid", "for years back")."""
    before = words[:word_index(" ".join(words), match)][-3:]
    return not {"since", "for"}.intersection(before)


def _old_year(words: list[str], this_year: int) -> bool:
    """Whether a reply dates its topic two or more years back ("fainted once, in 2015"), not as a start ("since 2015")."""
    return any(w.isdigit() and len(w) == 4 and 1900 <= int(w) <= this_year - 2 and (i == 0 or words[i - 1] != "since")
               for i, w in enumerate(words))

