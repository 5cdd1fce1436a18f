"""Other languages written in Latin letters (Spanish, German, French...), told apart from English
typed sloppily, so a message in one gets "I can only read English for now" rather than "I'm not
sure I can answer that one". Messages in other scripts are known by their letters alone
(knowledge.normalize.other_script); these need words: data/languages.yaml lists common words of
each language, and a message is in another language when it has two of them, or one among words
that are mostly not English, or is one of them alone that is not English at all ("hola").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.spelling import EnglishWords
from knowledge.training import DATA_DIR, TrainingDataError, read_yaml

LANGUAGES = DATA_DIR / "languages.yaml"
COMMON_ENGLISH = 40_000_000  # a listed word counted this often in English text is English too ("come", "die", "also")


@dataclass(frozen=True)
class Languages:
    """The words that mark a message as written in another language."""

    words: frozenset[str] = frozenset()

    def other(self, words: Sequence[str], known: Callable[[str], bool]) -> bool:
        """Whether these words (cleaned, accents folded) are in another language; `known` says
        whether a word is English or the content's own."""
        words = [w for w in words if w.isalpha()]
        listed = {w for w in words if w in self.words}
        if not listed:
            return False
        if len(words) == 1:  # "hola", "gracias": a listed word no English speller knows
            return not known(words[0])
        return len(listed) >= 2 or sum(map(known, words)) < len(words) / 2


def load_languages(english: EnglishWords, path: Path | None = None) -> Languages:
    """Read data/languages.yaml (or `path`), leaving out one-letter words and words common in English."""
    path = path or LANGUAGES
    data = read_yaml(path)
    languages = data.get("languages") if isinstance(data, dict) else None
    if not isinstance(languages, dict) or not all(isinstance(v, list) and v for v in languages.values()):
        raise TrainingDataError(f"{path.name}: 'languages' must give a list of words for each language")
    listed = {str(word).lower() for words in languages.values() for word in words}
    return Languages(frozenset(w for w in listed if len(w) > 1 and english.count(w) < COMMON_ENGLISH))
