"""A question that names one of the source articles ("what does tight butt blast say about reps") asks about its
topic: the article's name and the words framing it are set aside before matching (every answer names its sources)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[a-z]+")


def article_patterns(titles: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """The framings of a named article: "what does X say", "X says what", "according to X"."""
    named = "|".join(re.escape(title.lower()).replace(r"\ ", r"\s+") for title in titles)
    kind = r"\s+(?:article|post|piece|guide|one)"
    article = rf"(?:the\s+)?(?:{named})(?:{kind})?"
    return (re.compile(rf"\b(?:what|wat|wht)\s+(?:does|do|did|dose)\s+{article}\s+(?:says?|think|recommend|suggest)\b"),
            re.compile(rf"\b{article}\s+(?:says?|thinks?|recommends?|suggests?)(?:\s+(?=what\b))?"),
            re.compile(rf"\b(?:according\s+to\s+{article}|(?:in|per|from|by)\s+(?:the\s+)?(?:{named}){kind})\s*,?"))


def without_article_names(text: str, patterns: tuple[re.Pattern[str], ...]) -> str:
    """The question with a named article's framing set aside ("tight butt blast says what about knees": "what about
    knees"); the text as it was when nothing would be left to ask."""
    lowered = text.lower()
    for pattern in patterns:
        lowered = pattern.sub(lambda m: "what" if m.group(0).startswith(("what", "wat", "wht")) else "", lowered)
    left = " ".join(lowered.split())
    return text if lowered == text.lower() or len(_WORD.findall(left)) < 2 else left
