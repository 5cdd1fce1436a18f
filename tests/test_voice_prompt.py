"""Whisper's prompt: words derived by rule from the content and the safety lexicon, within Whisper's limit."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from knowledge.loader import load_knowledge
from knowledge.safety import Safety, load_safety_lexicon
from tests.voice_support import voice_dir
from voice import prompt
from voice.prompt import MIN_TEXTS, English, health_words, prompt_for, topic_words, usage
from voice.tokens import prompt_tokens
from voice.weights import load_int8_weights
from voice.whisper import DEFAULT

PROMPT_LIMIT = 223  # Whisper's: half its 448-token context, less one


def english(counts: dict[str, int] | None = None, common: str = "") -> English:
    """A made-up English: these counts, and these (space-separated) commonest words."""
    counts = counts or {}
    return English(counts, sum(counts.values()) or 1, frozenset(common.split()))


@pytest.fixture(scope="module")
def kb():
    """The shipped content."""
    return load_knowledge()


def test_the_prompt_names_the_content_and_health_words_within_whispers_limit(kb, tmp_path):
    text = prompt_for(kb, DEFAULT.topic_words, DEFAULT.health_words)
    for name in ("tokenizer.json", "vocabulary.txt"):
        shutil.copy(load_int8_weights(None, voice_dir()) / name, tmp_path)
    prefix, _ = prompt_tokens(tmp_path, text)
    assert len(prefix) - 3 <= PROMPT_LIMIT  # less <|startofprev|>, <|startoftranscript|>, <|notimestamps|>
    assert "hyperextension" in text and "sciatica" in text


def test_health_words_are_the_ones_the_lexicon_flags_and_each_is_named_once(kb):
    lexicon = load_safety_lexicon()
    words = health_words(kb, english(), 40)
    assert len(words) == 40 and all(lexicon.level(w) > Safety.NONE for w in words)
    assert not {w + "s" for w in words} & set(words)


def test_a_concern_people_name_often_enters_the_prompt_first(kb, monkeypatch):
    assert "spondylolisthesis" not in health_words(kb, english(), 32)
    said = [(f"i have spondylolisthesis, case {n}", "doctor") for n in range(40)]
    monkeypatch.setattr(prompt, "load_safety_examples", lambda: said)
    assert health_words(kb, english(common="i have case"), 32)[0] == "spondylolisthesis"


def test_a_phrase_people_use_is_named_whole_and_its_words_not_again(kb, monkeypatch):
    said = [("my spondylolysis twinges", "doctor")] * 40
    monkeypatch.setattr(prompt, "load_safety_examples", lambda: said)
    words = health_words(kb, english(common="my"), 5)
    assert words[0] == "spondylolysis twinges" and not {"spondylolysis", "twinges", "twinge"} & set(words)


def test_topic_words_are_the_contents_own_not_everyday_english_or_one_off_typos(kb):
    words = topic_words(kb, english({"the": 10**10, "reverse": 10**9}), 30)
    assert len(words) == 30 and "glutes" in words and "the" not in words and "reverse" not in words
    used = usage(text for entry in kb.entries.values() for text in (entry.title, *entry.ask))
    assert all(used.texts[w] >= MIN_TEXTS for w in words)


def test_the_prompt_is_derived_once_then_read_from_next_to_the_weights(kb, tmp_path, monkeypatch):
    text = prompt.load_prompt(tmp_path, kb, DEFAULT.topic_words, DEFAULT.health_words)
    assert text == prompt_for(kb, DEFAULT.topic_words, DEFAULT.health_words)
    assert len(list(tmp_path.glob("prompt-text-*.txt"))) == 1
    monkeypatch.setattr(prompt, "prompt_for", lambda *_: pytest.fail("the prompt was derived again"))
    assert prompt.load_prompt(tmp_path, kb, DEFAULT.topic_words, DEFAULT.health_words) == text


def test_changed_content_or_word_counts_derive_the_prompt_afresh(kb, tmp_path, monkeypatch):
    prompt.load_prompt(tmp_path, kb, DEFAULT.topic_words, DEFAULT.health_words)
    derived: list[int] = []
    monkeypatch.setattr(prompt, "prompt_for", lambda _kb, topics, health: derived.append(topics) or "new")
    assert prompt.load_prompt(tmp_path, kb, DEFAULT.topic_words + 1, DEFAULT.health_words) == "new"
    entry = next(iter(kb.entries.values()))
    changed = replace(kb, entries={**kb.entries, entry.id: replace(entry, ask=(*entry.ask, "is it any good"))})
    assert prompt.load_prompt(tmp_path, changed, DEFAULT.topic_words, DEFAULT.health_words) == "new"
    assert derived == [DEFAULT.topic_words + 1, DEFAULT.topic_words]


def test_a_read_only_weights_folder_only_costs_deriving_the_prompt(kb, tmp_path):
    missing = tmp_path / "not-there"
    assert prompt.load_prompt(missing, kb, 2, 2) == prompt_for(kb, 2, 2)
    assert not missing.exists()
