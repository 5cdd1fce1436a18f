"""Numbers in digits and in words: digits spelled out the way people say them, to compare transcripts
word by word, and numbers said in words written in digits, as the safety lexicon's patterns read them."""

from __future__ import annotations

import re

ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNDER_100 = rf"(?:(?:{'|'.join(TENS[2:])})(?:[\s-]+(?:{'|'.join(ONES[1:10])}))?|{'|'.join(ONES)})"
_SAID = re.compile(rf"\b{_UNDER_100}(?:\s+hundred(?:\s+(?:and\s+)?{_UNDER_100})?)?\b", re.IGNORECASE)


def spell_number(number: int) -> str:
    """0-9999 in words; 1900-2099 the way years are said ("twenty thirteen")."""
    if number < 20:
        return ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return TENS[tens] + (f" {ONES[ones]}" if ones else "")
    if 1900 <= number < 2100 and number % 100 and not 2000 <= number < 2010:
        return f"{spell_number(number // 100)} {spell_number(number % 100)}"
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{ONES[hundreds]} hundred" + (f" {spell_number(rest)}" if rest else "")
    thousands, rest = divmod(number, 1000)
    return f"{spell_number(thousands)} thousand" + (f" {spell_number(rest)}" if rest else "")


def written_in_digits(text: str) -> str:
    """The text with numbers below a thousand said in words written in digits ("one hundred eighty"
    -> "180", "seventy-four" -> "74"): Whisper writes a pulse or an age either way."""
    return _SAID.sub(lambda said: str(_value(said.group(0))), text)


def _value(said: str) -> int:
    """The number that number words (below a thousand) say."""
    total = 0
    for word in re.split(r"[\s-]+", said.lower()):
        if word == "hundred":
            total = max(total, 1) * 100
        elif word != "and":
            total += ONES.index(word) if word in ONES else 10 * TENS.index(word)
    return total
