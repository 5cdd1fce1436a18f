"""The patterns the safety check's words (data/screening.yaml) are compiled into, and how the readers search them."""

from __future__ import annotations

import re
from typing import Any


def found(pattern: re.Pattern[str] | None, cleaned: str) -> bool:
    """Whether an optional pattern matches."""
    return pattern is not None and pattern.search(cleaned) is not None


def matches(pattern: re.Pattern[str] | None, cleaned: str) -> list[re.Match[str]]:
    """Every match of an optional pattern."""
    return list(pattern.finditer(cleaned)) if pattern is not None else []


def word_index(cleaned: str, match: re.Match[str]) -> int:
    """The index of the word a match starts at."""
    return len(cleaned[:match.start()].split())


def reply_pattern(section: list[Any]) -> re.Pattern[str]:
    """A whole reply made of one of the phrases, with the everyday words of the list's first item ("ok|sorry|...")
    around it."""
    around, *phrases = (str(w).strip() for w in section)
    filler = rf"(?:(?:{around}) )*"
    return re.compile(rf"{filler}(?:{'|'.join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))})(?: (?:{around}))*")


def word_pattern(words: list[Any]) -> re.Pattern[str]:
    """One pattern matching any of the words as whole words; * stands for any letters at that end."""
    parts = [re.escape(str(w).strip()).replace(r"\*", r"\w*") for w in words]
    return re.compile(rf"\b({'|'.join(sorted(parts, key=len, reverse=True))})\b")
