"""Text the way a recognizer's transcript is compared: lower case words, numbers spelled out."""

from __future__ import annotations

import re

from voice.numbers import spell_number

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*|\d+")
_UNSAFE = re.compile(r"[^a-z0-9' ]")


def sentence_words(text: str) -> list[str]:
    """A sentence as the recognizer would write it: lower case, numbers spelled out."""
    text = text.lower().replace("’", "'").replace("&", " and ").replace("%", " percent ")
    words: list[str] = []
    for word in _WORD.findall(_UNSAFE.sub(" ", text)):
        words += spell_number(int(word)).split() if word.isdigit() and len(word) < 5 else [word]
    return [w for w in words if not w.isdigit()]

