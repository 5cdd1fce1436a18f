"""An alternation of many patterns that looks only for the ones that can match.

The safety lexicon is hundreds of patterns joined as one `\\b(?:p1|p2|...)\\b`: compiling that took a
tenth of a second at every start, and searching it tried every pattern at every word of every
message. Most patterns need a word the message does not hold ("chest", "faint", "numb"), so each
pattern's required text is found once, cheaply (`required_text`), and a message is searched only
with the patterns whose required text it holds, each compiled the first time it is needed.

Searching and substituting give exactly what the joined pattern gives: a pattern left out cannot
match anywhere in the text, so it could not match at any place the joined pattern tries it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

START = 3  # a required string is looked for only in a text that holds its first three characters
RECENT = 64  # texts whose three-character pieces are kept: one message is searched by every alternation of a lexicon
TELLING = 4  # a string this long is rare enough in a message: fewer strings to look for count more
JOINED_KEPT = 256  # joined subsets kept compiled for substitution
TOKEN = re.compile(r"""
    (?P<escape>\\.)
  | (?P<cls>\[\^?\]?(?:\\.|[^\]\\])*\])
  | (?P<look>\(\?<?[=!])
  | (?P<open>\((?:\?:|\?P<\w+>)?)
  | (?P<quantifier>(?:[?*+]|\{(?:\d+|\d*,\d*)\})\??)
  | (?P<unknown>\(\?|[{}\]])
  | (?P<close>\))
  | (?P<bar>\|)
  | (?P<zero>[\^$])
  | (?P<any>\.)
  | (?P<text>[^\\\[\]()|?*+{}.^$]+)
""", re.VERBOSE | re.DOTALL)
BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
ZERO_WIDTH_ESCAPES = "bBAZ"
CLASS_ESCAPES = "wWdDsS"


class Unsupported(ValueError):
    """A construct the scan does not read: the pattern is looked for in every text."""


Tokens = list[tuple[str, str]]
Needs = frozenset[str] | None


def required_text(pattern: str) -> Needs:
    """Strings of which every match of `pattern` holds at least one (its plain text outside any
    optional part, or every branch's), or None when the scan finds none it can vouch for."""
    try:
        tokens = [(m.lastgroup or "", m.group()) for m in TOKEN.finditer(pattern)]
        if sum(len(text) for _, text in tokens) != len(pattern):
            raise Unsupported(pattern)
        needs, end = _alternatives(tokens, 0)
        if end != len(tokens):
            raise Unsupported(pattern)  # a ")" with no "("
    except Unsupported:
        return None
    return needs


def _alternatives(tokens: Tokens, at: int) -> tuple[Needs, int]:
    """What `a|b|...` from token `at` up to its ")" (or the end) needs: what every branch needs."""
    branches: list[Needs] = []
    while True:
        needs, at = _sequence(tokens, at)
        branches.append(needs)
        if at < len(tokens) and tokens[at][0] == "bar":
            at += 1
            continue
        if any(b is None for b in branches):
            return None, at
        return frozenset().union(*(b for b in branches if b)), at


def _sequence(tokens: Tokens, at: int) -> tuple[Needs, int]:
    """What a sequence of atoms up to a "|" or ")" needs: the most telling of its parts' needs."""
    choices: list[frozenset[str]] = []
    while at < len(tokens) and tokens[at][0] not in ("bar", "close"):
        needs, at = _atom(tokens, at)
        optional = at < len(tokens) and tokens[at][0] == "quantifier" and _fewest(tokens[at][1]) == 0
        if tokens[at - 1][0] == "text" and optional:
            needs = frozenset({tokens[at - 1][1][:-1]})  # "legs?" needs "leg": a repeat is of the last letter only
        elif optional:
            needs = None
        at += at < len(tokens) and tokens[at][0] == "quantifier"
        if needs and "" not in needs:
            choices.append(needs)
    return max(choices, key=lambda c: (min(TELLING, *map(len, c)), -len(c)), default=None), at


def _atom(tokens: Tokens, at: int) -> tuple[Needs, int]:
    """What one atom needs (plain text needs itself; a group, what it needs), and the token after it."""
    kind, text = tokens[at]
    if kind == "text":
        return frozenset({text}), at + 1
    if kind == "escape":
        return _escape(text[1]), at + 1
    if kind in ("cls", "zero", "any"):
        return None, at + 1
    if kind in ("open", "look"):
        needs, end = _alternatives(tokens, at + 1)
        if end >= len(tokens):
            raise Unsupported("a '(' with no ')'")
        return (needs if kind == "open" else None), end + 1  # a look-around matches no text
    raise Unsupported(text)  # a repeat of nothing, a flag, a brace that repeats nothing


def _escape(char: str) -> Needs:
    """What an escaped character needs: a word boundary or a class like \\w nothing, a character itself."""
    if char in ZERO_WIDTH_ESCAPES or char in CLASS_ESCAPES:
        return None
    if char.isalnum() or not char.isascii():
        raise Unsupported(f"\\{char}")  # a group number, an escape like \\n: read by the regex engine alone
    return frozenset({char})


def _fewest(quantifier: str) -> int:
    """The fewest repeats a quantifier allows ("?", "*", "{,3}": 0; "+", "{2,5}": 2)."""
    if quantifier[0] in "?*":
        return 0
    if quantifier[0] == "+":
        return 1
    return int(quantifier[1:].split(",")[0].rstrip("}?") or 0)


@dataclass(frozen=True)
class _Index:
    """Which patterns need which required strings (see `Alternation._possible`)."""

    always: list[int]  # patterns looked for in every text
    needed_by: dict[str, list[int]]  # a required string -> the patterns that need it
    short: tuple[str, ...]  # required strings shorter than START
    by_start: dict[str, list[str]]  # the first letters of the longer required strings -> those strings
    starts: frozenset[str]


def _indexed(patterns: Sequence[str]) -> _Index:
    """The required strings of each pattern, indexed for `Alternation._possible`."""
    needs = [required_text(p) for p in patterns]
    needed_by: dict[str, list[int]] = {}
    for i, strings in enumerate(needs):
        for string in strings or ():
            needed_by.setdefault(string, []).append(i)
    by_start: dict[str, list[str]] = {}
    for string in needed_by:
        if len(string) >= START:
            by_start.setdefault(string[:START], []).append(string)
    return _Index([i for i, n in enumerate(needs) if n is None], needed_by,
                  tuple(string for string in needed_by if len(string) < START), by_start, frozenset(by_start))


class Alternation:
    """Any of a list of patterns, matched on whole words: `\\b(?:p1|p2|...)\\b`, looked for only
    with the patterns whose required text the searched text holds (found when first searched: a
    bot's start does not wait for the scan of every pattern of the safety lexicon)."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = tuple(patterns)
        # Patterns that refer to a group by number stay joined: alone, their numbers would change.
        self._gated = not any(BACKREFERENCE.search(p) for p in patterns)
        self._each: dict[int, re.Pattern[str]] = {}
        self._joined = lru_cache(maxsize=JOINED_KEPT)(self._compile_joined)

    @cached_property
    def _index(self) -> _Index:
        """The patterns' required strings, scanned the first time a text is searched."""
        return _indexed(self.patterns)

    def check(self) -> None:
        """Compile every pattern alone and all of them joined; a broken one raises re.error."""
        for pattern in self.patterns:
            re.compile(pattern)  # alone too: a stray ")" could pair with the next pattern's "(" when joined
        self._compile_joined(tuple(range(len(self.patterns))))

    def warm_up(self) -> None:
        """Scan the required text and compile every pattern now, which the first messages would do
        (a bot that has started does it off the critical path: `Understanding.warm_up`)."""
        if not self._gated:
            self._joined(tuple(range(len(self.patterns))))
            return
        self._index  # noqa: B018 - a cached property, computed here once
        for index in range(len(self.patterns)):
            self._one(index)

    @property
    def scanned(self) -> bool:
        """Whether the patterns' required text has been found yet (the first search finds it)."""
        return "_index" in self.__dict__

    @property
    def compiled(self) -> int:
        """How many patterns have been compiled so far."""
        return len(self._each)

    def search(self, text: str) -> bool:
        """Whether any of the patterns matches in `text` on whole words."""
        if not self._gated:
            return self._joined(tuple(range(len(self.patterns)))).search(text) is not None
        return any(self._one(i).search(text) for i in self._possible(text))

    def sub(self, replacement: str, text: str) -> str:
        """`text` with every match replaced, as the joined pattern's `sub` does."""
        if not self._gated:
            return self._joined(tuple(range(len(self.patterns)))).sub(replacement, text)
        found = tuple(i for i in self._possible(text) if self._one(i).search(text))
        if not found:
            return text
        if len(found) == 1:  # the joined pattern of one is that pattern
            return self._one(found[0]).sub(replacement, text)
        replaced = self._sub_each(found, replacement, text) if "\\" not in replacement else None
        return self._joined(found).sub(replacement, text) if replaced is None else replaced

    def _sub_each(self, found: tuple[int, ...], replacement: str, text: str) -> str | None:
        """`sub` by a plain replacement with the patterns searched one by one, as the joined pattern
        matches: the leftmost match, and at one place the first pattern's in order; None when a match is
        empty (left to the joined pattern's own rules), so a message needs no subset compiled together."""
        patterns, kept, at = [self._one(i) for i in found], list[str](), 0
        while True:
            matches = [m for m in (p.search(text, at) for p in patterns) if m]
            if not matches:
                return "".join([*kept, text[at:]])
            first = min(matches, key=lambda m: m.start())  # the first pattern's, of those found at the leftmost place
            if first.end() == first.start():
                return None
            kept += [text[at:first.start()], replacement]
            at = first.end()

    def _possible(self, text: str) -> list[int]:
        """The patterns whose required text `text` holds (or that need none), in order."""
        index = self._index
        present = [string for string in index.short if string in text]
        for start in index.starts.intersection(_pieces(text)):
            present += [string for string in index.by_start[start] if string in text]
        if not present:
            return index.always
        return sorted({*index.always, *(i for string in present for i in index.needed_by[string])})

    def _one(self, index: int) -> re.Pattern[str]:
        """One pattern on whole words, compiled the first time it is needed."""
        found = self._each.get(index)
        if found is None:
            found = self._each[index] = re.compile(rf"\b(?:{self.patterns[index]})\b")
        return found

    def _compile_joined(self, indices: tuple[int, ...]) -> re.Pattern[str]:
        """These patterns joined, in their order."""
        return re.compile(r"\b(?:" + "|".join(f"(?:{self.patterns[i]})" for i in indices) + r")\b")


@lru_cache(maxsize=RECENT)
def _pieces(text: str) -> frozenset[str]:
    """Every run of three characters in a text (a required string can only be in a text holding its first three)."""
    return frozenset(text[i:i + START] for i in range(len(text) - START + 1))
