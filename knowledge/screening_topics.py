"""Which safety-check question's topic a reply names, and how: told, denied, told as fine, as over or long ago, or
in part (data/screening.yaml, `topics` and the words around them)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.screening_denials import Denials, Others
from knowledge.screening_past import Past
from knowledge.screening_patterns import found, matches, word_index


@dataclass(frozen=True)
class TopicWords:
    """The topic words of each question and the words a reply tells a topic with."""

    topics: dict[str, re.Pattern[str]] = field(default_factory=dict)
    topics_at: dict[str, re.Pattern[str]] = field(default_factory=dict)  # question id -> words naming it only there
    negations: frozenset[str] = frozenset()  # a yes phrase in a reply with one of these is no yes
    question_openers: frozenset[str] = frozenset()  # a reply opening with one asks ("what counts as...")
    contrasts: frozenset[str] = frozenset()  # "but", "though": what follows one is what a reply tells last
    denying: frozenset[str] = frozenset()  # no, wasnt: right before every word naming the topic, a denial of it
    all_clear: frozenset[str] = frozenset()  # fine, normal: a topic told as fine is no yes ("legs r fine")
    partial: frozenset[str] = frozenset()  # only, just: a clause opening with one tells a part ("only the swollen ankles")
    telling: frozenset[str] = frozenset()  # my, had: after a yes, a clause of the user's own ("yes, I had back surgery")
    body_back: frozenset[str] = frozenset()  # "my", "lower": before "back", the body's back ("it stays in my back")
    back_troubles: frozenset[str] = frozenset()  # "pain", "hurts": after "back", the body's back ("no back pain")
    others: Others = Others()  # "my mom had cancer": another person's health, no answer
    denials: Denials = Denials()  # "no i dont get any pain in my chest": the words it denies are not told
    past: Past = Past()

    def named(self, cleaned: str) -> list[str]:
        """The questions whose topic the cleaned words name, in the questionnaire's order."""
        return [qid for qid, pattern in self.topics.items() if pattern.search(cleaned)]

    def named_last(self, cleaned: str, besides: str) -> str | None:
        """The question other than `besides` whose topic the cleaned words name last ("i had back surgery": surgery, the
        word the others describe), else None."""
        ends = {qid: max(m.end() for m in matches(pattern, cleaned)) for qid, pattern in self.topics.items()
                if qid != besides and pattern.search(cleaned)}
        return max(ends, key=lambda qid: ends[qid], default=None)

    def named_here(self, question_id: str, words: list[str]) -> bool:
        """Whether words name a question's topic by words that name it only while it is asked (`topics_at`:
        "pressure" at the chest question, where "blood pressure" is no chest pain elsewhere)."""
        return found(self.topics_at.get(question_id), " ".join(words))

    def tells_topic(self, question_id: str, words: list[str]) -> bool:
        """Whether words name a question's topic as told, not denied nor asked ("my leg has been getting weaker")."""
        denied_or_asked = self.negations.intersection(words) or self.question_openers.intersection(words[:1])
        return bool(words) and not denied_or_asked and (question_id in self.named(" ".join(words))
                                                        or self.named_here(question_id, words))

    def denies_topic(self, question_id: str, words: list[str]) -> bool:
        """Whether every word naming a question's topic comes a word or two after a denying word, "any" or "a" between
        aside ("one time i fall on the ice but no dizzy", "wasnt dizzy", "i dont take any medication"; see
        data/screening.yaml, `denying`), at least one naming it."""
        cleaned = " ".join(words)
        found = matches(self.topics.get(question_id), cleaned)
        return bool(found) and all(not self.denying.isdisjoint(_before(words, word_index(cleaned, m))) for m in found)

    def told_past(self, question_id: str, words: list[str], this_year: int) -> bool:
        """Whether a reply tells this question's topic as over or long ago (see Past.told)."""
        return self.past.told(question_id, words, self.negations, this_year)

    def told_fine(self, words: list[str]) -> bool:
        """Whether a reply tells something as fine ("legs r fine"), not with a negation just before ("not normal for me")."""
        return any(word in self.all_clear and (i == 0 or words[i - 1] not in self.negations) for i, word in enumerate(words))

    def tells_part(self, question_id: str, clauses: list[list[str]]) -> bool:
        """Whether a clause opens with a word of a part and names this question's topic, undenied and not told as fine
        ("only the irregular heartbeat thing, the rest no", "not really, just tightness when i sprint")."""
        return any(words[0] in self.partial and self.tells_topic(question_id, words[1:]) and not self.told_fine(words)
                   for words in clauses if words)

    def after_contrast(self, words: list[str]) -> list[str]:
        """The words after a reply's last contrast word ("no, but my leg is getting weaker": "my leg is getting
        weaker"), none without one."""
        last = max((i for i, word in enumerate(words) if word in self.contrasts), default=None)
        return words[last + 1:] if last is not None else []

    def only_body_back(self, words: list[str]) -> bool:
        """Whether every "back" of a reply follows a word naming the body's back ("pain stays in my back") or comes
        before one of its troubles ("no back pain")."""
        backs = [i for i, word in enumerate(words) if word == "back"]
        return bool(backs) and all(i > 0 and words[i - 1] in self.body_back
                                   or words[i + 1:i + 2] and words[i + 1] in self.back_troubles for i in backs)


_ARTICLES = frozenset({"any", "a", "an"})  # "i dont take any medication": the denial is two words before all the same


def _before(words: list[str], at: int) -> list[str]:
    """The two words before the word at `at`, articles between aside."""
    return [word for word in words[:at] if word not in _ARTICLES][-2:]
