"""Whisper's prompt tokens, kept next to the weights so a start does not load the tokenizer, and its features."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from tests.voice_support import voice_dir
from voice import tokens
from voice.features import FRAME_BLOCK, log_mel
from voice.tokens import decode_tokens, prompt_tokens
from voice.vocabulary import read_vocabulary, write_vocabulary
from voice.weights import load_int8_weights

PROMPT = "Questions about the reverse hyperextension: sciatica, scoliosis."


@pytest.fixture
def model_dir(tmp_path):
    """A copy of the built weights' tokenizer and vocabulary, in a folder of its own."""
    for name in ("tokenizer.json", "vocabulary.txt"):
        shutil.copy(load_int8_weights(None, voice_dir()) / name, tmp_path)
    return tmp_path


def test_the_prompt_is_tokenized_once_then_read_from_next_to_the_weights(model_dir, monkeypatch):
    prefix, end = prompt_tokens(model_dir, PROMPT)
    assert len(list(model_dir.glob("prompt-*.json"))) == 1
    monkeypatch.setattr(tokens, "_tokenize", lambda *_: pytest.fail("the tokenizer was loaded again"))
    assert prompt_tokens(model_dir, PROMPT) == (prefix, end)
    # <|startofprev|>, the prompt, <|startoftranscript|>, <|notimestamps|>; <|endoftext|> ends
    vocabulary = read_vocabulary(model_dir / "vocabulary.txt")
    assert [vocabulary[i] for i in (prefix[0], *prefix[-2:], end)] == [
        "<|startofprev|>", "<|startoftranscript|>", "<|notimestamps|>", "<|endoftext|>"]
    assert decode_tokens([vocabulary[i] for i in prefix[1:-2]]) == " " + PROMPT


def test_a_piece_of_the_prompt_the_cut_vocabulary_lacks_is_written_with_shorter_pieces(model_dir):
    whole, _ = prompt_tokens(model_dir, PROMPT)
    vocabulary = read_vocabulary(model_dir / "vocabulary.txt")
    words = [vocabulary[i] for i in whole[1:-2]]
    assert "Ġsci" in words  # 'sciatica' and 'scoliosis' begin with it; now the vocabulary lacks it
    write_vocabulary(model_dir / "vocabulary.txt", [token for token in vocabulary if token != "Ġsci"])
    for cache in model_dir.glob("prompt-*.json"):
        cache.unlink()
    cut, _ = prompt_tokens(model_dir, PROMPT)
    vocabulary = read_vocabulary(model_dir / "vocabulary.txt")
    assert len(cut) > len(whole) and "Ġsci" not in vocabulary
    assert decode_tokens([vocabulary[i] for i in cut[1:-2]]) == " " + PROMPT


def test_a_tokenizer_without_whispers_special_tokens_is_a_clear_error(model_dir, monkeypatch):
    monkeypatch.setattr(tokens, "SPECIALS", ("<|no-such-token|>", *tokens.SPECIALS[1:]))
    with pytest.raises(ValueError, match="special tokens"):
        prompt_tokens(model_dir, PROMPT)


def test_another_prompt_or_a_damaged_cache_is_tokenized_afresh(model_dir, monkeypatch):
    prefix, end = prompt_tokens(model_dir, PROMPT)
    other, _ = prompt_tokens(model_dir, "Questions about rowing.")
    assert other != prefix and len(list(model_dir.glob("prompt-*.json"))) == 2
    for cache in model_dir.glob("prompt-*.json"):
        cache.write_text(json.dumps({"prompt": PROMPT, "prefix": ["x"], "end": end}))
    assert prompt_tokens(model_dir, PROMPT) == (prefix, end)
    calls = []
    monkeypatch.setattr(tokens, "_tokenize", lambda *args: calls.append(args) or (prefix, end))
    for cache in model_dir.glob("prompt-*.json"):
        cache.write_text("{not json")
    assert prompt_tokens(model_dir, PROMPT) == (prefix, end) and len(calls) == 1


def test_a_read_only_weights_folder_only_costs_the_tokenizer(model_dir, monkeypatch):
    monkeypatch.setattr(type(model_dir), "write_text", lambda *_, **__: (_ for _ in ()).throw(PermissionError()))
    prefix, _ = prompt_tokens(model_dir, PROMPT)
    assert len(prefix) > 5 and not list(model_dir.glob("prompt-*"))


def test_every_block_of_frames_gets_its_spectrum():
    seconds = 2 * FRAME_BLOCK // 100 + 1  # three blocks, the last one short
    tone = (0.5 * np.sin(2 * np.pi * 1000 * np.arange(16_000 * seconds) / 16_000)).astype(np.float32)
    features = log_mel(tone, seconds)
    assert features.shape == (80, 100 * seconds) and features.flags.c_contiguous
    assert (np.argmax(features[:, 1:-1], axis=0) == 26).all()  # the 1 kHz band, in every frame
