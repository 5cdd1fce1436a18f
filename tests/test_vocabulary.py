"""A vocabulary keeps each feature as a 64-bit hash of its name: found again whatever else is looked up
beside it, never confused with a feature it was not fit on, and a talk reader's taught words kept."""

from __future__ import annotations

import numpy as np

from knowledge.build import _load_vocabulary, _vocabulary_arrays
from knowledge.features import Vocabulary, as_keys, feature_keys, key_hashes

DOCUMENTS = [(["how", "many", "sets"], ["how", "many", "set"]), (["set", "up", "the", "machine"], ["set", "up", "machine"])]


def test_a_features_hash_is_the_same_whatever_the_width_of_the_array_it_is_in():
    short = key_hashes(as_keys(["w:set", "c:<se"]))
    wide = key_hashes(as_keys(["w:set", "b:a feature name longer than thirty-two bytes", "c:<se"]))
    assert short.tolist() == [wide[0], wide[2]]
    assert len(set(wide.tolist())) == 3


def test_a_vocabulary_finds_each_feature_it_was_fit_on_and_no_other():
    vocabulary = Vocabulary.fit(DOCUMENTS)
    seen = sorted({key for words, tokens in DOCUMENTS for key in feature_keys(words, tokens)})
    found = vocabulary.lookup(seen)
    assert sorted(found.tolist()) == list(range(len(seen)))  # each its own index
    assert vocabulary.lookup(["w:reps", "b:set down", "c:<xyz", "w:se"]).tolist() == [-1, -1, -1, -1]
    assert vocabulary.hashes.dtype == np.uint64 and len(vocabulary) == len(seen)


def test_a_talk_readers_taught_words_are_saved_and_read_back_with_its_vocabulary():
    vocabulary = Vocabulary.fit(DOCUMENTS)
    loaded = _load_vocabulary(_vocabulary_arrays(vocabulary, "talk.x.", words=True), "talk.x.")
    assert loaded.words == ("how", "machine", "many", "set", "up") == vocabulary.words
    assert loaded.lookup(["w:machine"]).tolist() == vocabulary.lookup(["w:machine"]).tolist() != [-1]
    assert _load_vocabulary(_vocabulary_arrays(vocabulary, ""), "").words == ()  # the others' are not kept
