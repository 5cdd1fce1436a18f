"""Pronunciations for the recognizer's dictionary: pocketsphinx's CMU dictionary, the ones we ship
for domain words it lacks, and espeak-ng's guess (IPA mapped to CMU phones) for anything newer."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

SHIPPED = Path(__file__).with_name("pronunciations.txt")
# espeak-ng's en-us IPA -> the CMU phones of pocketsphinx's acoustic model, longest symbols first.
_IPA_TO_CMU = {
    "aɪ": "AY", "aʊ": "AW", "eɪ": "EY", "oʊ": "OW", "ɔɪ": "OY", "tʃ": "CH", "dʒ": "JH",
    "ɑː": "AA", "ɔː": "AO", "uː": "UW", "iː": "IY", "ɜː": "ER", "oː": "OW",
    "ɑ": "AA", "æ": "AE", "ʌ": "AH", "ə": "AH", "ɐ": "AH", "ɚ": "ER", "ɜ": "ER", "ɛ": "EH", "e": "EH",
    "ɪ": "IH", "ᵻ": "IH", "i": "IY", "ʊ": "UH", "u": "UW", "ɔ": "AO", "o": "OW", "ɒ": "AA", "a": "AE",
    "b": "B", "d": "D", "f": "F", "ɡ": "G", "g": "G", "h": "HH", "k": "K", "l": "L", "ɫ": "L",
    "m": "M", "n": "N", "ŋ": "NG", "p": "P", "ɹ": "R", "r": "R", "s": "S", "ʃ": "SH", "t": "T",
    "θ": "TH", "ð": "DH", "v": "V", "w": "W", "j": "Y", "z": "Z", "ʒ": "ZH", "ɾ": "T", "x": "K", "ç": "HH",
}
_SYMBOLS = sorted(_IPA_TO_CMU, key=len, reverse=True)
_IGNORED = set("ˈˌː ʔ-_'\u0329\u0361")
_ALTERNATIVE = re.compile(r"\(\d+\)$")

Dictionary = dict[str, list[str]]   # word -> its pronunciations (phones joined by spaces)


def ipa_to_phones(ipa: str) -> str:
    """CMU phones for an IPA string; unknown symbols are skipped."""
    phones: list[str] = []
    i = 0
    while i < len(ipa):
        symbol = next((s for s in _SYMBOLS if ipa.startswith(s, i)), None)
        if symbol is None:
            i += 1
            continue
        phone = _IPA_TO_CMU[symbol]
        # espeak writes "ɚɹ" before a vowel and doubles letters at word joins: CMU says each once
        if not (phones and (phones[-1] == phone or (phones[-1], phone) == ("ER", "R"))):
            phones.append(phone)
        i += len(symbol)
    return " ".join(phones)


def read_dictionary(path: Path, words: set[str] | None = None) -> Dictionary:
    """A pocketsphinx dictionary file ("word phones", "word(2) phones"), optionally only `words`."""
    out: Dictionary = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, phones = line.strip().partition(" ")
            word = _ALTERNATIVE.sub("", word)
            if phones and not word.startswith("#") and (words is None or word in words):
                out.setdefault(word, []).append(phones.strip())
    return out


def format_dictionary(entries: Dictionary) -> str:
    """Dictionary text in pocketsphinx's format, sorted."""
    lines = []
    for word in sorted(entries):
        for n, phones in enumerate(entries[word]):
            lines.append(f"{word}{f'({n + 1})' if n else ''} {phones}")
    return "\n".join(lines) + "\n"


def pronounce(words: Iterable[str], known: Dictionary, shipped: Dictionary,
              guess: Callable[[str], str]) -> tuple[Dictionary, list[str]]:
    """Pronunciations for `words`: shipped ones first, then the CMU dictionary, then a guess.

    Returns the dictionary and the words that needed a guess (a curator may want to ship them)."""
    out: Dictionary = {}
    guessed: list[str] = []
    for word in sorted(set(words)):
        found = shipped.get(word) or known.get(word)
        if not found:
            phones = ipa_to_phones(guess(word))
            found = [phones] if phones else []
            guessed.append(word)
        if found:
            out[word] = found
    return out, guessed
