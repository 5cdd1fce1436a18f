"""Whether a reply to a safety-check question asks rather than answers (data/screening.yaml, `asking`, `quoting`,
`about_check`): a question opening it ("why 12 months?"), one about a question's own words ("what counts as bladder
problems"), about the check itself ("whats the point of this") or whether a thing counts ("celiac counts?")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.screening_answers import AnswerWords

ASKED_WORDS = 3  # a "?" after this many words or more, in a reply opening with "does", "is"...: it asks
ASKING_REACH = 8  # an asking verb before this word asks, in a reply opening with "does"... ("does sore pecs from chest day count")
COUNTED_WORDS = 4  # a reply this short asking whether a thing counts ("celiac counts?") asks, naming nothing of the user's


@dataclass(frozen=True)
class Asking:
    """The words that open a question (see data/screening.yaml, `asking`)."""

    wh: frozenset[str] = frozenset()  # why, what, how...: a reply opening with one asks
    aux: frozenset[str] = frozenset()  # does, are, can...: it asks with a "?" or a subject after it
    subjects: frozenset[str] = frozenset()  # i, you, we, it...: "are we done yet"
    referring: frozenset[str] = frozenset()  # that, it, this: "does that count?" asks about what was told
    verbs: frozenset[str] = frozenset()  # count, matter, mean: opening with `aux`, a reply with one asks ("do massages count")

    def asks(self, words: list[str], before_mark: int) -> bool:
        """Whether `words` open with a question (`before_mark`: how many words come before its first "?",
        0 without one; "could be?" is too short to ask, "does the pill count?" asks)."""
        if not words or words[0] not in self.wh | self.aux:
            return False
        subject = len(words) > 1 and words[1] in self.subjects
        return words[0] in self.wh or before_mark >= ASKED_WORDS or subject or not self.verbs.isdisjoint(words[2:ASKING_REACH])


@dataclass(frozen=True)
class Quoting:
    """The words a question about a question's own words is made of (see data/screening.yaml, `quoting`)."""

    talk: frozenset[str] = frozenset()  # what, counts, as, mean...: the rest of "what counts as bladder problems"
    meaning: frozenset[str] = frozenset()  # mean, count...: a reply holding one asks, "?" or not
    asking: frozenset[str] = frozenset()  # would, do...: the user's own word right after one asks ("why would i have")
    own: frozenset[str] = frozenset()  # i, my...: anywhere else, the user tells something of their own

    def quotes(self, words: list[str], quoted: frozenset[str], asked: bool) -> bool:
        """Whether a reply only asks about `quoted` (a question's own words): asked (`asked`: a "?", or a
        question word first), holding one of them, and made of nothing else but question talk; the user's own
        word only right after an asking word second or third ("why would i have numbness around the groin??")."""
        if not (asked or not self.meaning.isdisjoint(words)) or quoted.isdisjoint(words):
            return False
        return all(word in quoted and word not in self.own or word in self.talk
                   or word in self.own and 0 < i < 3 and words[i - 1] in self.asking for i, word in enumerate(words))


@dataclass(frozen=True)
class QuestionWords(AnswerWords):
    """The words a reply asks with (see the module's docstring)."""

    about_check: re.Pattern[str] | None = None  # a question about the check itself ("whats the point of this")
    about_check_talk: frozenset[str] = frozenset()  # wait, know: besides a question's words, a question about the check
    asking: Asking = Asking()
    quoting: Quoting = Quoting()  # "what counts as bladder problems": asks about a question's own words

    def asks_about_check(self, cleaned: str) -> bool:
        """Whether a reply asks what the check is for or how it goes ("whats the point of this")."""
        return self.about_check is not None and self.about_check.search(cleaned) is not None

    def asks_first(self, words: list[str], text: str) -> bool:
        """Whether a reply opens by asking ("why 12 months?", "are we done yet"), not as a statement
        that happens to open with a question word ("am 17", "when i run")."""
        return self.asking.asks(words, len(text.split("?")[0].split()) if "?" in text else 0)

    def asks_if_counted(self, words: list[str], text: str) -> bool:
        """Whether a short reply asks whether a thing counts, telling nothing of the user's own ("celiac counts?",
        "ibuprofen counts?"; "my asthma counts?" and "osteopenia, does that count?" tell it)."""
        asked = text.rstrip().endswith("?") and not self.asking.verbs.isdisjoint(words)
        mine = not (self.quoting.own.isdisjoint(words) and self.asking.referring.isdisjoint(words))  # "does that count?"
        return asked and len(words) <= COUNTED_WORDS and not mine and self.lead(words) is None

    def refers_back(self, words: list[str]) -> bool:
        """Whether a question asks about what the user told ("does that count?"): its subject is "that", "it"..."""
        return len(words) > 1 and words[1] in self.asking.referring
