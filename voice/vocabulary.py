"""Whisper's vocabulary cut to English, for the int8 copy of the weights (voice.weights).

tiny.en's token embedding, 51,864 rows of 384 that also score every next token, is half its
weights. Most of its tokens never start an English word: pieces of code, other scripts, names from
web pages, and the 1,501 timestamps a decoding without timestamps never writes. The copy keeps the
tokens English words are written with and Whisper's own marks (<|endoftext|> to <|notimestamps|>,
in their order: CTranslate2 finds them by name and reads the prompt by their order), and drops the
rest. A dropped token can still be written with shorter ones (every single byte is kept), but
Whisper writes a word in the pieces it learned, so the words kept whole are all of the speller's
English (symspellpy's 82,834 words, each with the space before it that words have in speech), the
commonest 5,000 also capitalised (a sentence's start) and without the space (after a hyphen or a
quote), and the first 2,000 merges (the commonest pieces, punctuation and numbers).
Measured with bench/bench_heard.py (recorded people, WER) and bench/bench_voice_speed.py: all
51,864 tokens 0.040, 174 MB; these 32,766 0.040, 167 MB; the 15,600 of the commonest 10,000 words
0.095 (it spelled 'prutently', 'ill-disosed'), 158 MB."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from importlib.util import find_spec
from itertools import islice
from pathlib import Path
from typing import Any

# The speller's English (knowledge.spelling.DICTIONARY, named again: importing the speller, 20 MB of numpy
# and rapidfuzz, would double what the child processes building the copy and the prompt need).
DICTIONARY = "frequency_dictionary_en_82_765.txt"
COMMON_WORDS = 5_000       # words also kept capitalised and without a space before them
FIRST_MERGES = 2_000       # the tokenizer's first merges are its commonest pieces
BATCH = 1_000              # word forms tokenized at a time: all 98,000 at once held 170 MB of encodings
FIRST_SPECIAL, LAST_SPECIAL = "<|endoftext|>", "<|notimestamps|>"  # Whisper's marks, timestamps after them
TOKEN_LISTS = ("suppress_ids", "suppress_ids_begin", "lang_ids")  # the token ids in config.json


def read_vocabulary(path: Path) -> list[str]:
    """The tokens of a CTranslate2 vocabulary.txt, one a line, in id order."""
    return path.read_text(encoding="utf-8").splitlines()


def write_vocabulary(path: Path, tokens: Sequence[str]) -> None:
    """Write tokens as a CTranslate2 vocabulary.txt."""
    path.write_text("".join(f"{token}\n" for token in tokens), encoding="utf-8")


def dictionary_file() -> Path:
    """symspellpy's word list with corpus counts, commonest first, found without importing symspellpy."""
    spec = find_spec("symspellpy")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("symspellpy is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / DICTIONARY


def english_words() -> Iterator[str]:
    """The speller's English words, commonest first (symspellpy's dictionary, read a line at a time:
    never all of them held at once)."""
    with dictionary_file().open(encoding="utf-8") as lines:
        yield from (line.partition(" ")[0] for line in lines)


def _word_forms(words: Iterable[str]) -> Iterator[str]:
    """Each word as speech writes it (after a space), the commonest also capitalised and bare."""
    for rank, word in enumerate(words):
        yield f" {word}"
        if rank < COMMON_WORDS:
            yield f" {word.capitalize()}"
            yield word


def kept_tokens(vocabulary: Sequence[str], tokenizer_file: Path, words: Iterable[str]) -> list[int]:
    """The ids, in order, of the tokens an English copy keeps: single bytes, the first merges, those
    the words are written with, and Whisper's marks (not the timestamps after them)."""
    import tokenizers  # imported here: only a build needs it

    tokenizer = tokenizers.Tokenizer.from_file(str(tokenizer_file))
    first, last = vocabulary.index(FIRST_SPECIAL), vocabulary.index(LAST_SPECIAL)
    kept = {i for i, token in enumerate(vocabulary[:first]) if len(token) == 1 or i < FIRST_MERGES}
    forms = _word_forms(words)
    while batch := list(islice(forms, BATCH)):
        for encoding in tokenizer.encode_batch(batch, add_special_tokens=False):
            kept.update(i for i in encoding.ids if i < first)
    return sorted(kept | set(range(first, last + 1)))


def pruned_config(config: dict[str, Any], kept: Sequence[int]) -> dict[str, Any]:
    """config.json for the kept tokens: its token lists renumbered, dropped tokens left out."""
    new_id = {old: new for new, old in enumerate(kept)}
    return config | {name: [new_id[i] for i in config[name] if i in new_id] for name in TOKEN_LISTS if name in config}
