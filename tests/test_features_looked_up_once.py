"""A message's features are looked up in one search (its words, its pairs and the letter n-grams of the tokens not kept
yet), and the n-grams' indices of the most recent tokens are kept: the vector is the one a full lookup gives."""

from __future__ import annotations

from typing import Any

import pytest

import knowledge.features as features
from knowledge.features import Vocabulary
from knowledge.understanding import Understanding
from tests.counting import count_calls


def _fresh(vocabulary: Vocabulary) -> Vocabulary:
    """A vocabulary with the same features and nothing kept yet."""
    return Vocabulary(vocabulary.hashes, vocabulary.idf, vocabulary.words)


def test_a_message_is_looked_up_in_one_search_and_its_tokens_are_kept(understanding: Understanding,
                                                                      monkeypatch: pytest.MonkeyPatch):
    spelt, tokens = understanding.matcher.normalizer.read("how many sets for strength and how many reps")
    vocabulary = _fresh(understanding.model.vocabulary)
    searches: list[Any] = []
    count_calls(monkeypatch, vocabulary, "_found", searches)
    first = vocabulary.vector(spelt, tokens)
    again = vocabulary.vector(spelt, tokens)
    assert len(searches) == 2  # one a message, the second time its words and pairs alone
    assert len(searches[1][0]) == len(tokens) + len(spelt) - 1
    expected = understanding.model.vocabulary.lookup(list(features.feature_keys(spelt, tokens)))
    for vector in (first, again):
        assert vector.indices.tolist() == expected[expected >= 0].tolist()
        assert vector.values.tolist() == understanding.model.vocabulary.vector(spelt, tokens).values.tolist()


def test_a_vocabulary_keeps_the_n_grams_of_the_most_recent_tokens_only(understanding: Understanding,
                                                                       monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(features, "TOKENS_KEPT", 3)
    vocabulary = _fresh(understanding.model.vocabulary)
    for words in (["back", "hips", "legs"], ["back", "glutes"]):  # "back" used again: "hips" the least recently used
        vocabulary.vector(words, words)
    assert list(vocabulary._grams) == ["legs", "back", "glutes"]
    again = vocabulary.vector(["hips", "legs"], ["hips", "legs"]).indices.tolist()
    assert again == _fresh(vocabulary).vector(["hips", "legs"], ["hips", "legs"]).indices.tolist()
