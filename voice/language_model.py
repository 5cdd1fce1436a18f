"""Build the recognizer's domain language model and dictionary from the knowledge base.

The model is a trigram model of the way people ask (every entry's title and phrasings), mixed with
everyday sentences on other subjects (background.txt) and the commonest words of pocketsphinx's
general English model, so that off-topic speech is heard as what it is ("what's the weather like")
and declined, instead of being forced into fitness words. Files are named by a hash of what they
were built from, so an edit to the content (or to the shipped pronunciations or background) builds
a new model and an unchanged one is reused."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pocketsphinx import NGramModel, get_model_path
from pocketsphinx.lm import ArpaBoLM

from knowledge.model import KnowledgeBase
from voice.numbers import spell_number
from voice.pronunciation import SHIPPED, Dictionary, format_dictionary, pronounce, read_dictionary
from voice.speech import Speaker

BUILD_VERSION = "3"        # bump when the way models are built changes
BACKGROUND = Path(__file__).with_name("background.txt")  # off-topic speech, one sentence per line
COMMON_WORDS = 3000        # general English words mixed into the domain model
COMMON_WORD_COUNT = 1      # their count in the training text (the content's words count per use)
DISCOUNT_MASS = 0.5
# How the content names the exercise, and how people name it when they speak.
CONTENT_NAMES = ("reverse hyperextensions", "reverse hyperextension", "reverse hypers", "reverse hyper",
                 "rev hypers", "hypers", "rh")
SPOKEN_NAMES = ("reverse hypers", "reverse hyperextensions", "reverse hyper", "hypers", "this exercise",
                "the exercise", "it", "them", "these")
_NAME = re.compile(r"\b(?:" + "|".join(CONTENT_NAMES) + r")\b")
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\n+")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*|\d+")
_UNSAFE = re.compile(r"[^a-z0-9' ]")


@dataclass(frozen=True)
class ModelFiles:
    """A built language model, its dictionary, and the words whose pronunciation was guessed."""

    lm: Path
    dictionary: Path
    guessed: tuple[str, ...] = ()


def sentence_words(text: str) -> list[str]:
    """A sentence as the recognizer would write it: lower case, numbers spelled out."""
    text = text.lower().replace("’", "'").replace("&", " and ").replace("%", " percent ")
    words: list[str] = []
    for word in _WORD.findall(_UNSAFE.sub(" ", text)):
        words += spell_number(int(word)).split() if word.isdigit() and len(word) < 5 else [word]
    return [w for w in words if not w.isdigit()]


def training_sentences(kb: KnowledgeBase) -> list[str]:
    """One sentence per line: every way the content says people ask (also with the other names
    people give the exercise), the answers' sentences, which add the content's own words, and the
    background sentences about everything else."""
    sentences = []
    for entry in kb.entries.values():
        for text in (entry.title, *entry.ask):
            if words := sentence_words(text):
                sentences += _renamed(" ".join(words))
        for text in _SENTENCE_END.split(entry.answer):
            if words := sentence_words(text):
                sentences.append(" ".join(words))
    background = (sentence_words(line) for line in BACKGROUND.read_text(encoding="utf-8").splitlines())
    return sentences + [" ".join(words) for words in background if words]


def _renamed(sentence: str) -> list[str]:
    """The sentence, and copies where the exercise's name is said another way."""
    if not _NAME.search(sentence):
        return [sentence]
    return [sentence] + [v for name in SPOKEN_NAMES if (v := _NAME.sub(name, sentence, count=1)) != sentence]


def common_words(count: int = COMMON_WORDS) -> list[str]:
    """The `count` likeliest words of pocketsphinx's general English model (all in its dictionary)."""
    general = NGramModel.readfile(get_model_path("en-us/en-us.lm.bin"))
    words = [w for w in read_dictionary(Path(get_model_path("en-us/cmudict-en-us.dict"))) if _WORD.fullmatch(w)]
    return sorted(words, key=lambda w: general.prob([w]), reverse=True)[:count]


def model_key(sentences: list[str]) -> str:
    """A short hash of everything a model is built from."""
    digest = hashlib.sha256(f"{BUILD_VERSION}\n{COMMON_WORDS}\n".encode())
    digest.update(SHIPPED.read_bytes())
    digest.update("\n".join(sentences).encode())
    return digest.hexdigest()[:16]


def model_files(kb: KnowledgeBase, directory: Path) -> ModelFiles:
    """Where the model for this content lives (it may not be built yet)."""
    key = model_key(training_sentences(kb))
    return ModelFiles(directory / f"domain-{key}.lm", directory / f"domain-{key}.dict")


def ensure_language_model(kb: KnowledgeBase, directory: Path, speaker: Speaker | None = None) -> ModelFiles:
    """The model for this content, built first if it is missing or the content changed."""
    files = model_files(kb, directory)
    if files.lm.exists() and files.dictionary.exists():
        return files
    return build_language_model(kb, directory, speaker)


def build_language_model(kb: KnowledgeBase, directory: Path, speaker: Speaker | None = None) -> ModelFiles:
    """Write the domain model and its dictionary to `directory` (replacing older builds)."""
    sentences = training_sentences(kb)
    files = model_files(kb, directory)
    common = common_words()
    vocabulary = {w for s in sentences for w in s.split()} | set(common)
    cmu = read_dictionary(Path(get_model_path("en-us/cmudict-en-us.dict")), vocabulary)
    dictionary, guessed = pronounce(vocabulary, cmu, read_dictionary(SHIPPED), (speaker or Speaker()).phonemes)
    sentences = [s for s in sentences if all(w in dictionary for w in s.split())]
    lm = ArpaBoLM(text="\n".join(sentences), add_start=True, discount_mass=DISCOUNT_MASS)
    for word in common:
        if word not in lm.grams_1:
            lm.grams_1[word] = COMMON_WORD_COUNT
    lm.compute()
    directory.mkdir(parents=True, exist_ok=True)
    _write_atomically(files.dictionary, format_dictionary(_used(dictionary, lm.grams_1)))
    _write_atomically(files.lm, _arpa_text(lm))
    for stale in directory.glob("domain-*"):
        if stale not in (files.lm, files.dictionary):
            stale.unlink(missing_ok=True)
    return ModelFiles(files.lm, files.dictionary, tuple(guessed))


def _used(dictionary: Dictionary, words: dict[str, int]) -> Dictionary:
    """Only the pronunciations of words the model contains."""
    return {w: p for w, p in dictionary.items() if w in words}


def _arpa_text(lm: ArpaBoLM) -> str:
    """The model in ARPA text format."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        lm.write(out)
        out.seek(0)
        return out.read()


def _write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file so a reader never sees half a file."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as out:
        out.write(text)
    os.chmod(out.name, 0o644)
    os.replace(out.name, path)
