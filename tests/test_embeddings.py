"""The embedding channel: word embeddings checked by sha256, phrasings scored by meaning, fused."""

import logging
import shutil

import numpy as np
import pytest

from knowledge.build import inputs_hash, model_path
from knowledge.embeddings import KEPT, SHA256, TOKENIZER, WEIGHTS, EmbeddingsError, Source, load_embedder, read_matrix
from knowledge.fusion import Evidence, Policy, decide
from knowledge.similarity import Similarity
from tests.conftest import KB_CACHE


@pytest.fixture(scope="module")
def embedder():
    """The bundled, checked embedder."""
    found = load_embedder()
    assert found is not None
    return found


def test_the_bundled_weights_load_as_a_32000_by_256_float16_matrix(embedder):
    assert embedder.matrix.shape == (32000, 256) and embedder.matrix.dtype == np.float16


def test_a_message_sharing_no_word_with_an_entry_is_nearest_it_by_meaning(embedder):
    texts = ["how do i train my glutes", "what is the history of the machine", "how long should i rest between sets"]
    similarity = Similarity.fit(embedder, texts, ["glutes", "history", "rest"], {"glutes", "history", "rest"},
                                ["exercises", "for", "a", "bigger", "butt"])
    nearest = similarity.nearest("exercises for a bigger butt")
    assert next(iter(nearest)) == "glutes"


def test_only_the_given_entries_phrasings_are_kept_but_every_text_weighs_the_tokens(embedder):
    similarity = Similarity.fit(embedder, ["glute workout", "tell me a joke"], ["glutes", "none"], {"glutes"}, ["xylophone"])
    assert similarity.labels == ("glutes",) and len(similarity.vectors) == 1
    joke, xylophone = similarity.pieces.of_text("joke")[0], similarity.pieces.of_text("xylophone")[-1]
    assert similarity.token_weights[joke] < similarity.token_weights[xylophone]


def test_a_saved_channel_reads_back_the_same_nearest_entries(embedder):
    similarity = Similarity.fit(embedder, ["glute workout", "rest between sets"], ["glutes", "rest"], {"glutes", "rest"},
                                ["butt", "exercise"])
    saved = Similarity.from_arrays(similarity.arrays("similarity"), "similarity")
    assert saved is not None
    nearest = similarity.nearest("butt exercise")
    assert nearest and list(saved.nearest("butt exercise")) == list(nearest)


def test_a_text_read_word_by_word_has_the_tokenizers_ids_of_the_whole(embedder):
    text = "how long should i rest between sets for hypertrophy"
    pieces = embedder.pieces(text.split())
    assert pieces.of_text(text) == embedder.ids(text)


def test_a_word_outside_the_table_adds_nothing(embedder):
    pieces = embedder.pieces(["glute", "workout"])
    assert pieces.of_text("glute qwxzv workout") == pieces.of_text("glute workout")


def test_the_channel_keeps_only_the_rows_and_values_its_words_use(embedder):
    words = ["butt", "exercise", "glute", "workout", "rest", "between", "sets"]
    similarity = Similarity.fit(embedder, ["glute workout", "rest between sets"], ["glutes", "rest"], {"glutes", "rest"}, words)
    used = sorted({i for word in words for i in embedder.ids(word)})
    assert similarity.rows.shape == (len(used), KEPT) and similarity.rows.dtype == np.float16
    assert np.array_equal(similarity.rows, embedder.matrix[used, :KEPT])
    assert similarity.pieces.of_text("butt exercise") == tuple(used.index(i) for i in embedder.ids("butt exercise"))


def test_a_bot_starting_on_a_built_model_never_opens_the_embeddings(understanding, monkeypatch):
    from knowledge import understanding as module

    path = model_path(KB_CACHE, inputs_hash())
    assert path.exists()
    monkeypatch.setattr(module, "load_embedder", lambda *_: pytest.fail("the embeddings were opened"))
    loaded = module.load_understanding(path.parent)
    assert loaded.model.similarity is not None
    assert loaded.read_uncached("do i need to loosen up beforehand").match.entry_id == "warm-up"


def test_a_model_saved_without_the_channel_reads_back_none():
    assert Similarity.from_arrays({}, "similarity") is None


def test_a_changed_weights_file_switches_the_channel_off_with_a_log_line(tmp_path, caplog):
    bundled = Source.bundled().folder
    for name in SHA256:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(bundled / name, tmp_path / name)
    with (tmp_path / WEIGHTS).open("r+b") as weights:
        weights.seek(-1, 2)
        weights.write(b"\x01")
    with caplog.at_level(logging.WARNING, logger="knowledge.embeddings"):
        assert load_embedder(Source(tmp_path)) is None
    assert "word embeddings off" in caplog.text and "sha256" in caplog.text


def test_a_missing_tokenizer_switches_the_channel_off(tmp_path, caplog):
    (tmp_path / WEIGHTS).parent.mkdir(parents=True)
    shutil.copy(Source.bundled().folder / WEIGHTS, tmp_path / WEIGHTS)
    with caplog.at_level(logging.WARNING, logger="knowledge.embeddings"):
        assert load_embedder(Source(tmp_path)) is None
    assert str(tmp_path / TOKENIZER) in caplog.text


def test_a_safetensors_file_without_the_embedding_matrix_is_refused(tmp_path):
    header = b'{"other": {"dtype": "F32", "shape": [1, 2], "data_offsets": [0, 8]}}'
    path = tmp_path / "x.safetensors"
    path.write_bytes(len(header).to_bytes(8, "little") + header + bytes(8))
    with pytest.raises(EmbeddingsError, match="embedding.weight"):
        read_matrix(path)


def test_a_model_built_without_embeddings_is_cached_under_another_hash():
    assert inputs_hash(embedded=False) != inputs_hash(embedded=True)


def test_an_entry_only_the_embedding_channel_finds_is_a_candidate_and_leads():
    evidence = Evidence("booty", {"none": 0.1}, {"rest": 30.0}, similar={"glutes": 0.9, "rest": 0.2})
    decision = decide(evidence, Policy(threshold=0.0), evidence.entries({"glutes", "rest"}), ())
    assert [c.entry_id for c in decision.candidates] == ["glutes", "rest"]
    assert decision.match.entry_id == "glutes"


def test_a_similarity_at_the_floor_adds_nothing_to_the_fuzzy_score():
    evidence = Evidence("q", {}, {"rest": 40.0}, similar={"rest": 0.3})
    assert evidence.textual(Policy(embedded_share=0.5, embedded_floor=0.3)) == {"rest": 20.0}


def test_the_channel_lifts_no_textual_score_past_rapidfuzz_best():
    evidence = Evidence("q", {}, {"rest": 40.0, "glutes": 10.0}, similar={"rest": 1.0, "glutes": 1.0})
    assert evidence.textual(Policy(embedded_share=0.5, embedded_floor=0.3)) == {"rest": 40.0, "glutes": 40.0}


def test_the_channel_answers_a_message_whose_words_no_phrasing_uses(understanding):
    assert understanding.model.similarity is not None
    assert understanding.read_uncached("do i need to loosen up beforehand").match.entry_id == "warm-up"


def test_the_channel_is_not_read_when_the_ranker_is_sure_of_an_entry(understanding):
    spelt, tokens = understanding.matcher.normalizer.read("how many sets and reps for strength")
    evidence = understanding.evidence(tokens, understanding.model.vocabulary.vector(spelt, tokens), spelt)
    assert max(evidence.learned.get(e, 0.0) for e in understanding.kb.entries) >= understanding.policy.embedded_unsure
    assert evidence.similar == {}
