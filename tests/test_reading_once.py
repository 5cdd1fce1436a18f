"""A message is cleaned and counted into features once however many readers look at it: the kept
results never leak between callers, and the follow-up reader's topic-only look agrees with a full read."""

from __future__ import annotations

import pytest

from knowledge.features import feature_keys
from knowledge.understanding import Understanding


@pytest.mark.parametrize("text", ["how many sets for strength", "why?", "hola", "yes", "my knee hurts, how high do my legs go"])
def test_the_topic_candidates_alone_are_those_of_a_full_read(understanding: Understanding, text: str):
    assert understanding.candidates(text) == understanding.read_uncached(text).candidates


def test_a_callers_change_to_the_words_or_tokens_is_not_seen_by_the_next_caller(understanding: Understanding):
    normalizer = understanding.matcher.normalizer
    words = normalizer.words("how many sets for strength")
    tokens = normalizer.tokens_of(words)
    words.append("extra")
    tokens.clear()
    assert normalizer.words("how many sets for strength") == ["how", "many", "sets", "for", "strength"]
    assert normalizer.tokens_of(["how", "many", "sets", "for", "strength"])


def test_each_vocabulary_reads_the_kept_features_with_its_own_indices(understanding: Understanding):
    spelt, tokens = understanding.matcher.normalizer.read("how many sets for strength")
    counted = feature_keys(spelt, tokens)
    model = understanding.model
    for vocabulary in (model.vocabulary, model.safety_vocabulary, *(v for v, _ in model.talk.readers.values())):
        found = vocabulary.lookup(list(counted))
        assert vocabulary.vector(spelt, tokens).indices.tolist() == found[found >= 0].tolist()
