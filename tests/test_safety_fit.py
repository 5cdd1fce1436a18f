"""The safety classifier is fitted to its optimum, so its odds are the training texts' and not the solver's path."""

import numpy as np

from knowledge.build import fit_safety
from knowledge.features import Vocabulary
from knowledge.training import DATA_DIR, load_safety_examples

PROBES = ("should i use the ankle straps or not", "my lower back aches after sitting all day", "i keep holding my breath",
          "chest feels a bit off today", "my dad has diabetes, can he use it", "how many sets for glutes")

KEPT = 100  # examples of each level: the default tolerance stops where their order leads it (odds 5e-6 apart)


def _odds(understanding, data):
    read = understanding.safety_normalizer.read
    docs = [read(text) for text, _ in data]
    vocabulary = Vocabulary.fit(docs)
    classifier = fit_safety(vocabulary, docs, [level for _, level in data])
    return np.array([classifier.probabilities(vocabulary.vector(*read(text))) for text in PROBES])


def test_the_safety_classifiers_odds_do_not_depend_on_the_order_of_its_training_texts(understanding):
    examples = load_safety_examples(DATA_DIR)
    data = [pair for level in ("none", "doctor", "emergency") for pair in [p for p in examples if p[1] == level][:KEPT]]
    assert np.abs(_odds(understanding, data) - _odds(understanding, data[::-1])).max() < 1e-6
