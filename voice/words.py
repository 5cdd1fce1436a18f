"""Text the way a recognizer's transcript is compared: lower case words, numbers spelled out, and
how many words apart two readings are."""

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



def edit_distance(reference: list[str], hypothesis: list[str]) -> int:
    """Word-level Levenshtein distance."""
    row = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        diagonal, row[0] = row[0], i
        for j, hyp in enumerate(hypothesis, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (ref != hyp))
    return row[-1]


def words_apart(text: str, other: str) -> int:
    """How many words one reading must change to become the other (numbers spelled out, case and
    punctuation ignored)."""
    return edit_distance(sentence_words(text), sentence_words(other))
