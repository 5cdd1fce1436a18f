"""Turn a real message (typos, emoji, number words, slang, filler) into the matcher's tokens."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.model import ContentError
from knowledge.spelling import EnglishWords, Speller

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
# Speech-to-text hears "for" as "four" and "to" as "two": these words are numbers only next to a
# unit or another number, otherwise they are the preposition.
HOMOPHONES = {"four": "for", "two": "to", "too": "to", "won": "one"}
UNITS = {"set", "sets", "rep", "reps", "repetitions", "second", "seconds", "secs", "minute",
         "minutes", "mins", "times", "weeks", "months", "days", "kg", "lb", "lbs", "x", "to", "or"}
_NUMBERISH = frozenset(NUMBER_WORDS) | frozenset(HOMOPHONES)
APOSTROPHES = re.compile(r"[\u2019\u2018`´]")
NON_WORD = re.compile(r"[^a-z0-9]+")
VARIATION = "\ufe0f"  # the selector some keyboards add after an emoji
RECENT = 64  # messages whose words and tokens are kept: one message is read several times (topic, safety, talk, context)
QUESTION_REACH = 6  # a question word this near the start ("hey coach quick q how ...")
DIGIT_RANGE = re.compile(r"(\d)\s*[-\u2013\u2014]\s*(\d)")


@dataclass(frozen=True)
class Lexicon:
    """Phrases, synonyms and word lists that drive normalisation."""

    phrases: dict[tuple[str, ...], str]  # words of a phrase -> what replaces them
    phrase_starts: dict[str, tuple[tuple[str, ...], ...]]  # first word -> its phrases, longest first
    synonyms: dict[str, str]
    fillers: frozenset[str]
    generic: frozenset[str]
    foreign: frozenset[str]
    phrase_words: frozenset[str]
    canonical: frozenset[str]  # tokens the lexicon produces (phrase and synonym targets)
    anchor: str = "reversehyper"  # the token naming our exercise
    references: frozenset[str] = frozenset()  # words that mean our exercise when nothing else is named
    question_words: frozenset[str] = frozenset()  # words that open a question
    pointing_back: frozenset[str] = frozenset()  # words that point back at the last answer ("that")
    meaning_exercise: frozenset[str] = frozenset()  # references that mean our exercise beside words of another answer ("these")
    asking_more: frozenset[str] = frozenset()  # words that ask for more about the last answer ("reason")
    asking_more_beside: frozenset[str] = frozenset()  # ... even beside words of their own ("more pls, like mechanically")
    asking_why: frozenset[str] = frozenset()  # words that ask why or how something works ("how come", "what causes that")
    relating: frozenset[str] = frozenset()  # words that set ours against another exercise ("already", "vs")
    asking_each: frozenset[str] = frozenset()  # words that ask about each thing the last answer listed ("each")
    ordinals: dict[str, int] = field(default_factory=dict)  # "first" -> 1, "last" -> -1: which thing listed
    changing_topic: tuple[tuple[str, ...], ...] = ()  # word sequences that open a new topic ("unrelated", "q2")
    opening_topic: tuple[tuple[str, ...], ...] = ()  # ... only when they start the message ("anyway", "also")
    asking_next: tuple[tuple[str, ...], ...] = ()  # word sequences that ask what comes after ("then what")
    picking_one: frozenset[str] = frozenset()  # words that pick one of the things named ("the ball one")
    swapping: tuple[tuple[str, ...], ...] = ()  # word sequences that ask the same of something else ("and for")
    asking_same_for: tuple[tuple[str, ...], ...] = ()  # ... that, at the start, ask the last question again for another case
    acknowledging: tuple[tuple[str, ...], ...] = ()  # ... that, at the start, say an answer was understood ("got it")
    asking_count: tuple[tuple[str, ...], ...] = ()  # word sequences that ask a count and nothing else ("how many")
    asking_how_soon: tuple[tuple[str, ...], ...] = ()  # ... that ask how soon something happens ("how long till")
    noticing: frozenset[str] = frozenset()  # words of results showing ("notice", "see"): what "how soon" asks of
    objecting: frozenset[str] = frozenset()  # words opening one's own objection after a bare "why" ("y tho its just ...")
    emoji: dict[str, str] = field(default_factory=dict)  # an emoji that stands for a word ("👍" -> "ok")
    people: dict[str, str] = field(default_factory=dict)  # a word naming a group of people -> how a reply names it


class WordLoader(yaml.CSafeLoader):  # type: ignore[misc]  # PyYAML ships no type hints
    """YAML without booleans: in a word list, yes / no / on are words, not true / false."""


WordLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


LEXICON_KEYS: dict[str, type] = {"phrases": dict, "synonyms": dict, "fillers": list, "generic": list,
                                  "foreign": list, "references": list, "question_words": list,
                                  "pointing_back": list, "meaning_exercise": list, "asking_more": list,
                                  "asking_more_beside": list, "asking_why": list,
                                  "relating": list, "asking_each": list, "changing_topic": list,
                                  "opening_topic": list, "asking_next": list, "picking_one": list, "swapping": list,
                                  "asking_same_for": list,
                                  "acknowledging": list, "asking_count": list, "asking_how_soon": list, "noticing": list,
                                  "objecting": list,
                                  "ordinals": dict, "emoji": dict, "people": dict}


class LexiconError(ContentError):
    """The lexicon cannot be used; the message says why."""


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read the lexicon file; a malformed one raises LexiconError (one line, not a traceback)."""
    try:
        return _lexicon(yaml.load(path.read_text(encoding="utf-8"), Loader=WordLoader))  # noqa: S506 - a SafeLoader
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, ValueError) as exc:
        raise LexiconError(f"{path.name}: {type(exc).__name__}: {exc}".replace("\n", " ")) from None


def _lexicon(data: dict[str, Any]) -> Lexicon:
    """The lexicon from its parsed file; longer phrases are applied first so they win over their parts."""
    for key, kind in LEXICON_KEYS.items():
        if not isinstance(data.get(key), kind):
            raise TypeError(f"'{key}' must be a {'mapping' if kind is dict else 'list'}")
    phrases = {tuple(str(k).split()): str(v) for k, v in data["phrases"].items() if str(k).split()}
    starts: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(phrases, key=len, reverse=True):
        starts.setdefault(words[0], []).append(words)
    return Lexicon(
        phrases=phrases,
        phrase_starts={first: tuple(ws) for first, ws in starts.items()},
        synonyms={str(k): str(v) for k, v in data["synonyms"].items()},
        fillers=frozenset(str(w) for w in data["fillers"]),
        generic=frozenset(str(w) for w in data["generic"]),
        foreign=frozenset(str(w) for w in data["foreign"]),
        phrase_words=frozenset(w for k in phrases for w in k),
        canonical=frozenset(w for v in (*phrases.values(), *data["synonyms"].values()) for w in str(v).split()),
        anchor=str(data["anchor"]),
        references=frozenset(str(w) for w in data["references"]),
        question_words=frozenset(str(w) for w in data["question_words"]),
        pointing_back=frozenset(str(w) for w in data["pointing_back"]),
        meaning_exercise=frozenset(str(w) for w in data["meaning_exercise"]),
        asking_more=frozenset(str(w) for w in data["asking_more"]),
        asking_more_beside=frozenset(str(w) for w in data["asking_more_beside"]),
        asking_why=frozenset(str(w) for w in data["asking_why"]),
        relating=frozenset(str(w) for w in data["relating"]),
        asking_each=frozenset(str(w) for w in data["asking_each"]),
        ordinals={str(k): int(v) for k, v in data["ordinals"].items()},
        changing_topic=_sequences(data["changing_topic"]),
        opening_topic=_sequences(data["opening_topic"]),
        asking_next=_sequences(data["asking_next"]),
        picking_one=frozenset(str(w) for w in data["picking_one"]),
        swapping=_sequences(data["swapping"]),
        asking_same_for=_sequences(data["asking_same_for"]),
        acknowledging=_sequences(data["acknowledging"]),
        asking_count=_sequences(data["asking_count"]),
        asking_how_soon=_sequences(data["asking_how_soon"]),
        noticing=frozenset(str(w) for w in data["noticing"]),
        objecting=frozenset(str(w) for w in data["objecting"]),
        emoji=_emoji(data["emoji"]),
        people={str(k): str(v) for k, v in data["people"].items()},
    )


def _sequences(phrases: list[Any]) -> tuple[tuple[str, ...], ...]:
    """Each phrase of a list as its cleaned words (empty ones left out)."""
    return tuple(tuple(clean_text(str(p)).split()) for p in phrases if clean_text(str(p)))


def _emoji(data: dict[Any, Any]) -> dict[str, str]:
    """Emoji (one character each, the variation selector dropped) -> the word each stands for."""
    emoji = {str(k).replace(VARIATION, ""): str(v) for k, v in data.items()}
    if any(len(k) != 1 for k in emoji):
        raise ValueError("each 'emoji' key must be one emoji")
    return emoji


def other_script(text: str) -> bool:
    """Whether a message is written in letters with no Latin form (Cyrillic, Arabic, Chinese...)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not clean_text(text)


WILL = re.compile(r"'ll\b")
# "ill" typed for "I'll" before a verb; "ill" meaning unwell comes after "feel", "im", "been" or before "with"
WILL_UNMARKED = re.compile(r"(?:^|(?<=\bok )|(?<=\band )|(?<=\bthen ))ill (try|do|be|check|go|show|start|see|get|take|ask|let|give|"
                           r"text|send|make|come|have|need|stick|look|keep|use|train|book|skip|stop|wait|think)\b")


def clean_text(text: str) -> str:
    """Lower-case, fold accents, drop emoji and punctuation; keep letters, digits and spaces."""
    text = APOSTROPHES.sub("'", text)  # before folding: a curly "i’ll" must not lose its apostrophe
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    if "'" in text:
        text = WILL.sub(" will", text).replace("'", "")  # "i'll try it" is no "ill"
    if "ill " in text:  # the pattern tried at every place cost a quarter of cleaning a long text
        text = WILL_UNMARKED.sub(r"i will \1", text)  # "ill try it tomorrow", typed without the apostrophe
    if "-" in text:  # the only dash left once folded to ASCII
        text = DIGIT_RANGE.sub(r"\1 to \2", text)
    return NON_WORD.sub(" ", text).strip()


def numbers_to_digits(words: list[str]) -> list[str]:
    """Replace number words by digits, and "four"/"two" by "for"/"to" when they are not numbers."""
    if _NUMBERISH.isdisjoint(words):
        return words
    out: list[str] = []
    for i, word in enumerate(words):
        if word in HOMOPHONES and not _numeric_context(words, i):
            out.append(HOMOPHONES[word])
        elif word in NUMBER_WORDS:
            out.append(str(NUMBER_WORDS[word]))
        else:
            out.append(word)
    return _join_tens(out)


def _numeric_context(words: list[str], i: int) -> bool:
    """Whether the word at i sits next to a unit or another number."""
    after = words[i + 1:i + 2]
    before = words[max(i - 1, 0):i]
    return any(w in UNITS or _is_number(w) for w in after) or any(
        w in ("to", "or", "x") or _is_number(w) for w in before
    )


def _is_number(word: str) -> bool:
    """Digits, or a number word that cannot be a preposition."""
    return word.isdigit() or (word in NUMBER_WORDS and word not in HOMOPHONES)


def _join_tens(words: list[str]) -> list[str]:
    """Join "20 5" (from "twenty five") into "25"."""
    out: list[str] = []
    for word in words:
        if out and word.isdigit() and len(word) == 1 and out[-1].isdigit() and out[-1].endswith("0") and len(out[-1]) == 2:
            out[-1] = str(int(out[-1]) + int(word))
        else:
            out.append(word)
    return out


def stem(word: str) -> str:
    """A light suffix strip so plurals and -ing forms meet their base word."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class Normalizer:
    """Applies a lexicon to messages; built once and reused for every message.

    With a `speller`, a word that is neither English nor the content's is first corrected, so
    "hyperextensoins" still means the exercise while "tall" stays tall."""

    def __init__(self, lexicon: Lexicon, speller: Speller | None = None) -> None:
        self.lexicon = lexicon
        self.speller = speller
        self._canonical_cache: dict[str, str] = {}
        self._words = lru_cache(maxsize=RECENT)(self._read_words)
        self._tokens = lru_cache(maxsize=RECENT)(self._read_tokens)

    def with_spelling(self, words: set[str], english: EnglishWords) -> Normalizer:
        """A normaliser that also corrects typos, knowing English and `words` plus the lexicon's."""
        lex = self.lexicon
        ours = set(words) | set(lex.synonyms) | lex.fillers | lex.generic | lex.foreign
        ours |= lex.phrase_words | lex.canonical | set(NUMBER_WORDS) | set(HOMOPHONES)
        return Normalizer(lex, Speller(english, ours))

    def heeded(self, concern: Callable[[str], int], health: Iterable[str],
               inflected: EnglishWords | None = None) -> Normalizer:
        """A normaliser whose speller heeds health words (see knowledge.spelling), for the safety reading."""
        return Normalizer(self.lexicon, self.speller.heeded(concern, health, inflected) if self.speller else None)

    def words(self, text: str) -> list[str]:
        """Cleaned words with number words as digits, before any lexicon or spelling change (an
        emoji that stands for a word, such as a reminder button's, becomes that word)."""
        return list(self._words(text))

    def _read_words(self, text: str) -> tuple[str, ...]:
        """`words`, computed (cached by the text)."""
        if self.lexicon.emoji and not text.isascii():
            text = "".join(f" {self.lexicon.emoji[c]} " if c in self.lexicon.emoji else c for c in text)
        return tuple(numbers_to_digits(clean_text(text).split()))

    def tokens(self, text: str) -> list[str]:
        """The meaningful, canonical words of a message, in order."""
        return self.tokens_of(self.words(text))

    def read(self, text: str) -> tuple[list[str], list[str]]:
        """A message's words as spelt (typos corrected) and its canonical tokens."""
        words = self.words(text)
        return self.spelt(words), self.tokens_of(words)

    def spelt(self, words: list[str]) -> list[str]:
        """The words with typos corrected."""
        return [self.speller.correct(w) for w in words] if self.speller else words

    def tokens_of(self, words: list[str]) -> list[str]:
        """The canonical tokens of already cleaned words (see `words`)."""
        return list(self._tokens(tuple(words)))

    def _read_tokens(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """`tokens_of`, computed (cached by the words)."""
        out: list[str] = []
        for word in self._join_phrases(self.spelt(list(words))):
            out.extend(self._canonical(word).split())
        return tuple(self._resolve_references(list(words), out))

    def _resolve_references(self, words: list[str], tokens: list[str]) -> list[str]:
        """"it", "this" or "these" mean ours in a message naming no other exercise, or setting ours
        against one ("why bother with these when i already do rdls", "can this help my squats")."""
        lex = self.lexicon
        other = any(t in lex.foreign for t in tokens) and lex.relating.isdisjoint(words)
        if lex.anchor in tokens or lex.references.isdisjoint(words) or other:
            return tokens
        return [*tokens, lex.anchor]

    def _join_phrases(self, words: list[str]) -> list[str]:
        """Replace each lexicon phrase (longest first, left to right) by its token(s)."""
        starts = self.lexicon.phrase_starts
        if starts.keys().isdisjoint(words):
            return list(words)  # most messages: no phrase starts here
        out: list[str] = []
        i = 0
        while i < len(words):
            for phrase in starts.get(words[i], ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    out.extend(self.lexicon.phrases[phrase].split())
                    i += len(phrase)
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    def _canonical(self, word: str) -> str:
        """A word's canonical form (synonym of the word or of its stem; '' for filler), cached."""
        found = self._canonical_cache.get(word)
        if found is None:
            synonyms, fillers = self.lexicon.synonyms, self.lexicon.fillers
            if word in fillers:
                found = ""
            elif word in synonyms or word in self.lexicon.canonical:
                found = synonyms.get(word, word)  # already a canonical token: never stemmed
            else:
                found = synonyms.get(stem(word), stem(word))
            found = "" if found in fillers else found
            self._canonical_cache[word] = found
        return found

    def is_question(self, text: str) -> bool:
        """Whether a message asks something: a question mark, or a question word near its start."""
        return "?" in text or not self.lexicon.question_words.isdisjoint(clean_text(text).split()[:QUESTION_REACH])

    def is_generic(self, token: str) -> bool:
        """Whether a token says nothing about the exercise on its own."""
        return token in self.lexicon.generic or token.isdigit()

    def is_foreign(self, token: str) -> bool:
        """Whether a token names another exercise or topic the bot has no content on."""
        return token in self.lexicon.foreign
