"""The yes, no or not sure a reply to a safety-check question gives in words (data/screening.yaml): its first word,
an everyday phrase ("not that i know of"), a whole reply ("I have not, thank you."), an emoji, the answer it ends on
("so no") or changes to ("no... actually yes"), a doubt ("not sure"), and an age or year of birth at the age question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.screening_patterns import matches
from knowledge.screening_topics import TopicWords

AGES = range(1, 121)  # a number outside these is no age ("5000", "0")


@dataclass(frozen=True)
class AnswerWords(TopicWords):
    """The words a reply answers with (see the module's docstring)."""

    acknowledgements: frozenset[str] = frozenset()
    leading: dict[str, str] = field(default_factory=dict)  # an opening word -> "yes" | "no"
    phrases: dict[str, str] = field(default_factory=dict)  # an opening phrase -> "yes" | "no"
    phrases_at: dict[str, dict[str, str]] = field(default_factory=dict)  # question id -> phrases answering only there
    tails: dict[str, str] = field(default_factory=dict)  # "so no", "so yes": the answer a reply ends on
    whole: dict[str, dict[str, str]] = field(default_factory=dict)  # "any" | "now" -> a whole reply -> "yes" | "no"
    polite: frozenset[str] = frozenset()  # thanks, lol: words after a whole reply that change nothing
    emoji: dict[str, str] = field(default_factory=dict)  # an emoji that answers ("🙅": no), read as that word
    changes: re.Pattern[str] | None = None  # "actually", "i mean": the answer word after one is the answer ("no... actually yes")
    answered_as: re.Pattern[str] | None = None  # "should be": going back, the answer word after one is the answer
    answered_as_last: re.Pattern[str] | None = None  # "to": so too, when the answer word ends the clause
    doubts: re.Pattern[str] | None = None  # "not sure", "idk": anywhere in a reply, a doubt ("..., so not sure")
    ages: dict[str, int] = field(default_factory=dict)  # question id -> the age under which it is a yes
    age_words: frozenset[str] = frozenset()  # the words around an age in a reply that only states one

    def lead(self, words: list[str]) -> str | None:
        """The answer a reply's first word gives when it opens with one ("yes, ..."), else None."""
        return self.leading.get(words[0]) if words else None

    def phrase(self, words: list[str], question_id: str = "") -> str | None:
        """The answer of the longest phrase a reply opens with ("not that i know of": no; "sometimes
        when i run": yes; at the pregnancy question "im a guy": no), a yes phrase only in a reply with no
        negation; else None."""
        text = " ".join(words)
        own = self.phrases_at.get(question_id, {})
        phrases = {**self.phrases, **own}
        found = max((p for p in phrases if text == p or text.startswith(p + " ")), key=len, default=None)
        if found is None:
            return self._own_after_laughs(words, own)
        if phrases[found] == "yes" and self.negations.intersection(words):
            return None
        if found in own and question_id in self.named(text[len(found):]):  # "the pill and metformin"
            return None
        return phrases[found]

    def _own_after_laughs(self, words: list[str], own: dict[str, str]) -> str | None:
        """The answer of a question's own phrase said whole after a laugh ("lol im a guy" at the pregnancy question), the
        polite words around it aside; None when more is said (a laugh set aside before a longer reply had read a yes as
        a no)."""
        start, end = 0, len(words)
        while start < end and words[start] in self.polite:
            start += 1
        while end > start and words[end - 1] in self.polite:
            end -= 1
        return own.get(" ".join(words[start:end])) if start else None

    def tail(self, words: list[str], text: str) -> str | None:
        """The answer a reply ends on after what it told ("only heartburn after pizza so no", "fine now, no"), else None."""
        ending = " ".join(words[-2:])
        if ending in self.tails:
            return self.tails[ending]
        said = re.search(r"[,.]\s*(\w+)\W*$", text.lower())
        return self.leading.get(said.group(1)) if said and len(words) > 2 else None

    def answers_whole(self, question_id: str, words: list[str]) -> str | None:
        """The answer a reply gives when it is nothing but an everyday answer, politeness after it aside ("I have not,
        thank you."; at a question about now, "all good", "fully healed now"; see data/screening.yaml, `whole`)."""
        end = len(words)
        while end and words[end - 1] in self.polite:
            end -= 1
        said = " ".join(words[:end])
        now = self.whole.get("now", {}) if question_id in self.past.now else {}
        return self.whole.get("any", {}).get(said) or now.get(said)

    def spell_emoji(self, text: str) -> str:
        """A reply with each emoji that answers as its word ("🙅‍♂️" -> "no"; see data/screening.yaml, `emoji`)."""
        if not self.emoji or text.isascii():
            return text
        return "".join(f" {self.emoji[c]} " if c in self.emoji else c for c in text)

    def changed(self, words: list[str]) -> str | None:
        """The answer a reply changes its mind to: the answer word right after its last word of changing it, with an
        answer word before it ("no... well actually yes last week", "no wait yes, 17 til march"; "actually nah, dont
        wanna do this" changes nothing), else None."""
        found = self.changed_to(words)
        return found[0] if found else None

    def changed_to(self, words: list[str]) -> tuple[str, list[str]] | None:
        """The answer a reply changes its mind to (see `changed`) and the words said after it ("yes. wait no. ugh i dont
        know my schedule yet": no, and "ugh i dont know..."), else None."""
        text = " ".join(words)
        for match in reversed(matches(self.changes, text)):
            rest, before = text[match.end():].split(), text[:match.start()].split()
            if rest and rest[0] in self.leading and any(word in self.leading for word in before):
                return self.leading[rest[0]], rest[1:]
        return None

    def answer_as(self, words: list[str]) -> str | None:
        """The answer a reply going back gives in so many words ("the dizzy one should be no", "change it to no"; see
        data/screening.yaml, `answered_as`): "yes", "no" or "unsure", else None."""
        text = " ".join(words)
        for pattern, last in ((self.answered_as, False), (self.answered_as_last, True)):
            for match in matches(pattern, text):
                rest = text[match.end():].split()
                rest = rest[1:] if rest[:1] in (["a"], ["an"]) and not last else rest
                told = "unsure" if rest[:2] == ["not", "sure"] or rest[:1] == ["unsure"] else self.leading.get(rest[0]) \
                    if rest else None
                if told is not None and (not last or len(rest) == (2 if told == "unsure" and rest[0] == "not" else 1)):
                    return told
        return None

    def doubtful(self, words: list[str]) -> bool:
        """Whether a reply says a doubt anywhere in it ("nothing specific, so not sure")."""
        return self.doubts is not None and self.doubts.search(" ".join(words)) is not None

    def doubts_first(self, words: list[str]) -> bool:
        """Whether a reply opens with a doubt ("no clue", "no idea"): its "no" answers nothing."""
        return self.doubts is not None and self.doubts.match(" ".join(words)) is not None

    def born(self, words: list[str], this_year: int) -> str | None:
        """"yes" or "no" at the age question for a year of birth told ("born in 2010"), "unsure" when that
        year makes the age either side of it; else None."""
        under = next(iter(self.ages.values()), None)
        years = [int(w) for w in words if w.isdigit() and len(w) == 4 and 1900 <= int(w) <= this_year]
        if under is None or "born" not in words or len(years) != 1:
            return None
        age = this_year - years[0]
        return "yes" if age < under else "unsure" if age == under else "no"

    def about_age(self, words: list[str]) -> str | None:
        """The question a reply that only states an age is about ("im 17"), else None."""
        numbers = [w for w in words if w.isdigit()]
        only_age = len(numbers) == 1 and int(numbers[0]) in AGES and set(words) - self.age_words == set(numbers)
        return next(iter(self.ages), None) if only_age else None

    def by_age(self, question_id: str, words: list[str]) -> str | None:
        """"yes" or "no" for a stated age at a question answered by one ("im 16"), else None."""
        under = self.ages.get(question_id)
        age = next((int(w) for w in words if w.isdigit() and int(w) in AGES), None)
        if under is None or age is None:
            return None
        return "yes" if age < under or age == under and not _NOT_YET.isdisjoint(words) else "no"


# the age that decides, not reached yet: "not 18 yet", "18 in march", "i turn 18 next month"
_NOT_YET = frozenset("yet turn turning till until til next soon".split())
