"""The safety detector: does a message carry a health concern, and how urgent is it?

Two readers, and the more cautious one wins (recall comes first):
- the safety lexicon (data/safety.yaml): symptoms and conditions by level, after removing phrases
  that only look like a concern ("chest pad", "no pain no gain", "painted");
- a classifier trained on written safety examples, harmless look-alikes and the content's own
  questions (data/safety_examples.yaml), which catches concerns worded in ways no list has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import IntEnum
from pathlib import Path
from typing import Any

import yaml

from knowledge.alternation import Alternation
from knowledge.features import Vocabulary
from knowledge.model import ContentError
from knowledge.normalize import clean_text
from knowledge.ranker import Ranker

SAFETY_LEXICON = Path(__file__).parent / "data" / "safety.yaml"


class Safety(IntEnum):
    """How a message must be answered, from the least to the most urgent."""

    NONE = 0
    DOCTOR = 1
    EMERGENCY = 2

    @property
    def label(self) -> str | None:
        """The JSON name of the level: 'doctor', 'emergency' or None."""
        return None if self is Safety.NONE else self.name.lower()


FIRST_PERSON = re.compile(r"\b(i|im|ive|id|ill|my|me|mine|myself)\b")


def in_first_person(text: str) -> bool:
    """Whether a message speaks of the user ("I", "my", "im"...)."""
    return FIRST_PERSON.search(clean_text(text)) is not None


def told_of_oneself(level: Safety, text: str) -> bool:
    """Whether a health concern is the user's own: an emergency, or one told in the first person
    ("my knee hurts", not "can pregnant women do reverse hypers?")."""
    return level is Safety.EMERGENCY or in_first_person(text)


class SafetyLexiconError(ContentError):
    """The safety lexicon cannot be used; the message says why."""


@dataclass(frozen=True)
class SafetyLexicon:
    """Patterns per level, and the look-alikes removed first."""

    emergency: Alternation
    doctor: Alternation
    not_a_concern: Alternation
    past: Alternation  # told as over ("5 years ago", "last year", "once")
    present: Alternation  # ...unless it is happening now as well ("just", "again", "right now")
    together: tuple[tuple[Alternation, ...], ...]  # signs that together are a red flag, anywhere in a message
    recurring: Alternation  # ...unless told as coming and going ("sometimes")

    def alternations(self) -> tuple[Alternation, ...]:
        """Every alternation of the lexicon."""
        return (self.emergency, self.doctor, self.not_a_concern, self.past, self.present, self.recurring,
                *(sign for cluster in self.together for sign in cluster))

    def warm_up(self) -> None:
        """Scan and compile every pattern now (see `Alternation.warm_up`)."""
        for alternation in self.alternations():
            alternation.warm_up()

    def looks_alike(self, cleaned: str) -> bool:
        """Whether the message holds a phrase that only looks like a concern ("chest pad")."""
        return self.not_a_concern.search(cleaned)

    def level(self, cleaned: str) -> Safety:
        """The level the lexicon gives a cleaned message: a red flag told as over ("i fainted once,
        5 years ago") is a doctor-first concern, not an emergency."""
        text = self._without_look_alikes(cleaned)
        if self.emergency.search(text):
            return Safety.DOCTOR if self.told_as_past(text) else Safety.EMERGENCY
        if self.signs_together(text):
            return Safety.DOCTOR if self.recurring.search(text) or self.told_as_past(text) else Safety.EMERGENCY
        return Safety.DOCTOR if self.doctor.search(text) else Safety.NONE

    def signs_together(self, cleaned: str) -> bool:
        """Whether the message tells every sign of one red-flag cluster, in any order and wording
        ("ticker going mental" and "seeing spots": a racing heart with faintness)."""
        return any(all(sign.search(cleaned) for sign in cluster) for cluster in self.together)

    def told_as_past(self, cleaned: str) -> bool:
        """Whether a message tells of something over, with nothing said to happen now."""
        return self.past.search(cleaned) and not self.present.search(cleaned)

    def without_concerns(self, cleaned: str) -> str:
        """The message with the words that tell a concern cut out ("what do the erectors do i have mild
        scoliosis" -> "... i have mild"), so what is asked beside them can be read on its own."""
        return " ".join(self.emergency.sub(" ", self.doctor.sub(" ", cleaned)).split())

    def beside_look_alikes(self, cleaned: str, typed: str) -> str:
        """The words as typed outside the look-alike phrases of their spelt reading ("no pain at all, the next
        day my leg tingles": "no pain" is one, "tingles", spelt "singles", is not); nothing when the two
        readings do not pair word for word."""
        spelt, words = cleaned.split(), typed.split()
        if len(spelt) != len(words):
            return ""
        kept = SequenceMatcher(None, spelt, self._without_look_alikes(cleaned).split(), autojunk=False).get_matching_blocks()
        return " ".join(words[i] for start, _, size in kept for i in range(start, start + size))

    def _without_look_alikes(self, cleaned: str) -> str:
        """The message with its look-alike phrases removed, one space between words as the patterns' word gaps expect."""
        return " ".join(self.not_a_concern.sub(" ", cleaned).split())


def load_safety_lexicon(path: Path = SAFETY_LEXICON, check: bool = True) -> SafetyLexicon:
    """Read the safety lexicon and, with `check`, compile every pattern; a broken file raises
    SafetyLexiconError. Without `check` (a bot starting on a model built from this very file, whose
    build checked it) a pattern is compiled the first time a message may match it."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506 - libyaml's SafeLoader
        lexicon = SafetyLexicon(_compile(data, "emergency"), _compile(data, "doctor"), _compile(data, "not_a_concern"),
                                _compile(data, "past"), _compile(data, "present"), _clusters(data.get("together", {})),
                                _compile(data, "recurring"))
        for alternation in lexicon.alternations() if check else ():
            alternation.check()
        return lexicon
    except (OSError, yaml.YAMLError, re.error, TypeError, AttributeError) as exc:
        raise SafetyLexiconError(f"{path.name}: {exc}") from None


def _clusters(data: Any) -> tuple[tuple[Alternation, ...], ...]:
    """The red-flag clusters: each named one is two or more signs, each sign an alternation of patterns."""
    if not isinstance(data, dict) or not all(isinstance(c, list) and len(c) >= 2 for c in data.values()):
        raise TypeError("'together' must name clusters of two or more signs")
    return tuple(tuple(_alternation(sign, f"together: {name}") for sign in cluster) for name, cluster in data.items())


def _compile(data: Any, key: str) -> Alternation:
    """One alternation of a level's patterns, matched on whole words."""
    return _alternation(data.get(key) if isinstance(data, dict) else None, key)


def _alternation(patterns: Any, where: str) -> Alternation:
    """Any of a list of patterns, matched on whole words."""
    if not isinstance(patterns, list) or not patterns:
        raise TypeError(f"'{where}' must be a non-empty list of patterns")
    return Alternation([str(p) for p in patterns])


LEVELS = ("none", "doctor", "emergency")  # the classifier's labels, in Safety order


@dataclass(frozen=True)
class SafetyOdds:
    """Classifier probabilities that raise a level (cross-validated for recall first)."""

    # of a concern (either level): doctor first at least. Chosen writer by writer (bench/safety_folds.py): trained
    # without a writer, the classifier caught at 0.6 about half the concerns the lexicon first missed of that
    # writer, and none at 0.9, for a few more false alarms on strangers' ordinary questions.
    concern: float = 0.6
    emergency: float = 0.9    # of an emergency, when the lexicon already sees a concern
    emergency_alone: float = 0.9  # of an emergency, when the lexicon sees nothing
    min_words: int = 3            # shorter messages ("back", "tuesday 7pm") are the lexicon's alone
    concern_short: float = 0.9    # of a concern, for a message under `long_words` words: they say too little for
    long_words: int = 6           # the classifier ("can i still do it?" is 0.67 a concern)


class SafetyDetector:
    """Lexicon and classifier together; the more urgent reading wins."""

    def __init__(self, lexicon: SafetyLexicon, classifier: Ranker, vocabulary: Vocabulary,
                 odds: SafetyOdds = SafetyOdds()) -> None:
        self.lexicon = lexicon
        self.classifier = classifier
        self.vocabulary = vocabulary
        self.thresholds = odds

    def level(self, cleaned: str, odds: Sequence[float], thresholds: SafetyOdds | None = None,
              typed: str = "") -> Safety:
        """The safety level of a message, from its cleaned text (typos corrected) and the
        classifier's odds (under other `thresholds` when tuning them). The lexicon also reads the
        words as `typed`: a correction must never hide a concern ("cannot breathe" is not "cannon
        breathe", "my back ached" is not "arched", a medicine's name is no typo), while look-alikes
        are recognised as spelt ("good for lower bakc pain")."""
        thresholds = thresholds or self.thresholds
        lexical = self.lexical(cleaned, typed)
        # The classifier is not trusted on very short messages, nor on look-alikes: their words are
        # the ones it learned concerns from ("painted", "chest pad").
        if len(cleaned.split()) < thresholds.min_words or self.lexicon.looks_alike(cleaned):
            return lexical
        level = _combine(lexical, odds, thresholds, len(cleaned.split()))
        return Safety.DOCTOR if level is Safety.EMERGENCY and self.lexicon.told_as_past(cleaned) else level

    def lexical(self, cleaned: str, typed: str = "") -> Safety:
        """The lexicon's level of a message as spelt, raised by its words as typed: always to a red
        flag, and to doctor first by the typed words outside the spelt look-alikes ("good for lower bakc
        pain" is one as spelt; "no pain at all but my leg tingles" still tells the tingling)."""
        lexical = self.lexicon.level(cleaned)
        if typed in ("", cleaned) or lexical is Safety.EMERGENCY:
            return lexical
        raw = self.lexicon.level(typed)
        if raw is Safety.EMERGENCY or (raw > lexical and not self.lexicon.looks_alike(cleaned)):
            return raw
        return max(lexical, self.lexicon.level(self.lexicon.beside_look_alikes(cleaned, typed))) if raw > lexical else lexical

    def odds(self, words: Sequence[str], tokens: Sequence[str]) -> Sequence[float]:
        """The classifier's probabilities of none, doctor and emergency for a message's words and tokens;
        a message with no word of its own ("i cant lol", a decoding loop's "I can't, I can't, I") gives
        it nothing to read, and is the lexicon's alone (it had read "cant" as "cant breathe": 0.94)."""
        if not tokens:
            return [1.0, 0.0, 0.0]
        return [float(p) for p in self.classifier.probabilities(self.vocabulary.vector(words, tokens))]


def _combine(lexical: Safety, odds: Sequence[float], thresholds: SafetyOdds, words: int) -> Safety:
    """The lexicon's level, raised where the classifier is confident enough for a message of so many words."""
    _none, doctor, emergency = odds
    if emergency >= (thresholds.emergency if lexical else thresholds.emergency_alone):
        return Safety.EMERGENCY
    bar = thresholds.concern if words >= thresholds.long_words else thresholds.concern_short
    if lexical is Safety.NONE and doctor + emergency >= bar:
        return Safety.DOCTOR
    return lexical
