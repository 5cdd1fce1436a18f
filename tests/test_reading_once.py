"""A message is cleaned and counted into features once however many readers look at it: the kept
results never leak between callers, and the follow-up reader's topic-only look agrees with a full read."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from rapidfuzz import fuzz

from knowledge.features import _letter_grams, feature_keys
from knowledge.followups import FollowUpWords
from knowledge.intents import Talk
from knowledge.matcher import _ratios
from knowledge.safety import Safety
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


def test_a_tokens_letter_features_are_worked_out_once_and_keep_their_order():
    _letter_grams.cache_clear()
    words = tokens = ["back", "hurts", "back"]
    counted = feature_keys(words, tokens)
    assert _letter_grams.cache_info().misses == 2  # "back" twice, worked out once
    keys = [f"w:{t}" for t in tokens] + [f"b:{a} {b}" for a, b in zip(words, words[1:])]
    for token in tokens:
        keys += [f"c:{f'<{token}>'[i:i + size]}" for size in (3, 4, 5) for i in range(len(token) + 3 - size)]
    assert list(counted.items()) == list(Counter(keys).items())  # the order the vector's sums are taken in


def test_the_follow_up_words_hear_what_they_would_read_themselves_from_the_matchers_tokens(understanding: Understanding):
    matcher = understanding.matcher
    given = FollowUpWords(matcher.normalizer, understanding.kb, matcher.asked)
    assert given._heard == FollowUpWords(matcher.normalizer, understanding.kb)._heard
    assert understanding.follow_ups._heard == given._heard


def test_the_fuzzy_scores_ignore_the_order_of_a_messages_words(understanding: Understanding):
    tokens = understanding.matcher.normalizer.tokens("how many sets and reps for strength")
    scores = dict(understanding.matcher.fuzzy_scores(tokens))
    assert scores == pytest.approx(dict(understanding.matcher.fuzzy_scores(tokens[::-1])))
    assert max(scores, key=scores.__getitem__) == "program-strength"


def test_the_fuzzy_ratios_of_a_message_to_its_candidate_phrasings_are_rapidfuzz_ratios_to_the_last_digit():
    query = "glute hamstring reversehyper set strength"
    texts = ["hamstring reversehyper", "glute set strength", "", "a" * 300, query]
    assert _ratios(query, texts) == [fuzz.ratio(query, text) for text in texts]
    assert _ratios(query, []) == []


def test_a_follow_up_is_read_alone_once_for_the_safety_reading_and_the_answer_in_context(understanding: Understanding,
                                                                                       monkeypatch: pytest.MonkeyPatch):
    first = understanding.read("how many sets and reps for strength")
    understanding.forget_readings()
    alone = []
    read_uncached = understanding.read_uncached
    monkeypatch.setattr(understanding, "read_uncached", lambda text, margin=0.0: alone.append(text) or read_uncached(text, margin))
    assert understanding.read("and for size?").safety is understanding.read("and for size?", context=first.context).safety
    assert understanding.read("and for size?", context=first.context).match.entry_id == "program-hypertrophy"
    assert alone == ["and for size?"]


def test_a_changed_classifier_is_read_afresh_once_the_readings_are_forgotten(understanding: Understanding):
    text = "my lower back hurts after these"
    before = understanding.read(text)
    understanding._recent_alone[(text, 0.0)] = ((), replace(before, safety=Safety.NONE), False)
    understanding.forget_readings()
    assert understanding.read(text) == before


def test_a_follow_up_read_as_an_unsure_request_runs_the_intents_reader_once_in_the_coach(say, understanding: Understanding,
                                                                                       monkeypatch: pytest.MonkeyPatch):
    runs = []
    probabilities = Talk.probabilities  # every reading of a talk reader runs its classifier through it
    monkeypatch.setattr(Talk, "probabilities", lambda self, reader, words: runs.append(reader) or probabilities(self, reader, words))
    say("do i have to hold the handles on the reverse hyper bench")
    understanding.forget_readings()
    runs.clear()
    assert say("for what")[0].entry == "grip"
    assert runs.count("intents") == 2  # the coach's read (the intent and how sure), and the greeting check's when read alone
