"""What the unanswered-questions log may keep of a message: its question, without the details that say who asked (an
e-mail address, a link, a @handle, a phone number, a name given with "my name is")."""

from __future__ import annotations

import re

_PATTERNS = (
    (re.compile(r"\S+@\S+\.\w+"), "[email]"),
    (re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE), "[link]"),
    (re.compile(r"(?<!\w)@\w{2,}"), "[handle]"),
    (re.compile(r"\+?\d[\d ().-]{5,}\d"), "[number]"),
    (re.compile(r"\b(?P<lead>(?:my name is|my name's|my names|i'?m called|i am called)\s+)[a-z][\w'-]*"
                r"(?:\s+(?!and\b|im\b|i\b|i'm\b)[a-z][\w'-]*)?", re.IGNORECASE), r"\g<lead>[name]"),
)


def redact(text: str) -> str:
    """The message with each detail that says who asked replaced by its kind ("[email]", "[name]")."""
    for pattern, kind in _PATTERNS:
        text = pattern.sub(kind, text)
    return text
