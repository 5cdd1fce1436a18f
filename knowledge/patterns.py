"""Regular expressions compiled the first time they are used, not when their module is imported.

The plan readers' patterns name every weekday, in lists, several times over: compiling them took some
30 ms of every start, before any message asked about a plan. A `LazyPattern` is compiled by its first
search (or by `compile_all`, which a bot that has started runs in the background: see
`Understanding.warm_up`), and then answers exactly as the compiled pattern does.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

_MADE: list[LazyPattern] = []  # every lazy pattern, for `compile_all`


class LazyPattern:
    """`re.compile(pattern, flags)`, done when first needed; the methods the readers use."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        _MADE.append(self)

    @property
    def is_compiled(self) -> bool:
        """Whether the pattern has been compiled yet."""
        return self._compiled is not None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As `re.Pattern.search`."""
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As `re.Pattern.match`."""
        return self.compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As `re.Pattern.fullmatch`."""
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """As `re.Pattern.finditer`."""
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """As `re.Pattern.findall`."""
        return self.compiled.findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """As `re.Pattern.split`."""
        return self.compiled.split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        """As `re.Pattern.sub`."""
        return self.compiled.sub(repl, string, count)


def lazy_regex(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern compiled when first used: `re.compile`'s stand-in for a module's patterns."""
    return LazyPattern(pattern, flags)


def compile_all() -> None:
    """Compile every lazy pattern made so far (a started bot's warm-up)."""
    for pattern in list(_MADE):
        pattern.compiled  # noqa: B018 - a property that compiles


def counts() -> tuple[int, int]:
    """How many lazy patterns were made, and how many of them are compiled."""
    return len(_MADE), sum(pattern.is_compiled for pattern in _MADE)
