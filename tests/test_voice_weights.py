"""Whisper's weights: checked by sha256, built once as int8, and voice switched off when they are wrong."""

from __future__ import annotations

import json
import logging
import shutil
import threading
from pathlib import Path

import numpy as np
import pytest
import tokenizers

from bot.core.messages import InboundKind
from bot.features.voice.engine import read_audio_file
from bot.features.voice.notes import VOICE_OFF
from bot.settings import load_settings
from knowledge.digests import sha256_of
from tests.voice_support import shared_pipeline, spoken, voice_dir
from voice.audio import Clip, encode_voice_note
from voice.pipeline import VoicePipeline
from voice.recognizer import Recognizer, VoiceOff
from voice.vocabulary import pruned_config, read_vocabulary
from voice.weights import BUILT_DIGESTS, SOURCE_SHA256, WeightsError, build_int8, bundled_weights, check_files, load_int8_weights
from voice.whisper import Hearing


def test_the_int8_weights_are_built_once_and_then_loaded_without_the_source():
    shared_pipeline()  # built them into the run's voice folder
    built = load_int8_weights(Path("/nowhere"), voice_dir())
    digests = (built / BUILT_DIGESTS).read_text()
    assert sha256_of(built / "model.bin") in digests and (built / "model.bin").stat().st_size < 45_000_000


def test_the_int8_copy_keeps_the_tokens_english_is_written_with_and_whispers_marks_in_order():
    built, source = load_int8_weights(None, voice_dir()), bundled_weights()
    kept, every = read_vocabulary(built / "vocabulary.txt"), read_vocabulary(source / "vocabulary.txt")
    assert len(every) == 51_864 and 32_000 < len(kept) < 34_000  # the embedding: 20.1 -> 12.7 MB
    assert (built / "model.bin").stat().st_size < 34_000_000
    marks = every[every.index("<|endoftext|>"):every.index("<|notimestamps|>") + 1]
    assert kept[-len(marks):] == marks and "<|0.00|>" not in kept  # no timestamps after them
    tokenizer = tokenizers.Tokenizer.from_file(str(source / "tokenizer.json"))
    said = " He was not an ill-disposed young man; my chest hurts, my legs go numb and tingly."
    assert set(tokenizer.encode(said, add_special_tokens=False).tokens) <= set(kept)  # written as learned
    assert "ĠSolidGoldMagikarp" not in kept and kept[:256] == every[:256]  # every single byte is kept
    config = json.loads((built / "config.json").read_text())
    source_config = json.loads((source / "config.json").read_text())
    for name in ("suppress_ids", "suppress_ids_begin"):  # the same tokens, by their new numbers
        assert {kept[i] for i in config[name]} == {every[i] for i in source_config[name] if every[i] in kept}


def test_the_configs_token_lists_are_renumbered_and_dropped_tokens_left_out():
    config = {"suppress_ids": [1, 5, 9], "lang_ids": [9], "alignment_heads": [[1, 0]]}
    assert pruned_config(config, [0, 1, 9]) == {"suppress_ids": [1, 2], "lang_ids": [2], "alignment_heads": [[1, 0]]}


def test_a_build_finished_second_keeps_the_copy_another_process_built_first(tmp_path):
    built = load_int8_weights(None, voice_dir())  # built by this run, as if by a bot started first
    target = tmp_path / built.name
    shutil.copytree(built, target)
    build_int8(bundled_weights(), target)  # a second bot, started at the same time, finishes its build
    assert load_int8_weights(Path("/nowhere"), tmp_path) == target
    assert [p.name for p in tmp_path.iterdir()] == [built.name]  # its own build is cleaned away


def test_a_changed_or_missing_file_is_refused(tmp_path):
    (tmp_path / "model.bin").write_bytes(b"weights")
    known = {"model.bin": sha256_of(tmp_path / "model.bin")}
    check_files(tmp_path, known)
    (tmp_path / "model.bin").write_bytes(b"weightz")
    with pytest.raises(WeightsError, match="expected sha256"):
        check_files(tmp_path, known)
    with pytest.raises(WeightsError, match="missing"):
        check_files(tmp_path, {"config.json": "0" * 64})


def test_source_weights_that_are_not_the_known_ones_are_not_built(tmp_path):
    source = tmp_path / "mine"
    source.mkdir()
    for name in SOURCE_SHA256:
        (source / name).write_bytes(b"not whisper")
    with pytest.raises(WeightsError, match="model.bin does not have the expected sha256"):
        load_int8_weights(source, tmp_path / "voice")
    assert not list((tmp_path / "voice").glob("whisper-*"))


def test_a_damaged_int8_copy_is_refused(tmp_path):
    built = load_int8_weights(None, voice_dir())
    copy = tmp_path / built.name
    shutil.copytree(built, copy, ignore=shutil.ignore_patterns("model.bin"))
    (copy / "model.bin").write_bytes(b"truncated")
    with pytest.raises(WeightsError, match="model.bin"):
        load_int8_weights(None, tmp_path)


def test_when_whisper_cannot_load_voice_is_off_with_one_log_line_and_a_friendly_reply(caplog, tmp_path):
    def broken():
        raise WeightsError("/x/model.bin does not have the expected sha256 (changed or damaged)")

    with caplog.at_level(logging.ERROR):
        pipeline = VoicePipeline(Recognizer(broken), lambda: shared_pipeline().speaker)
        with pytest.raises(VoiceOff):
            pipeline.recognizer.wait()
    assert [r.getMessage() for r in caplog.records] == [
        "voice is off: /x/model.bin does not have the expected sha256 (changed or damaged) "
        "(see COACHBOT_WHISPER_DIR in the README)"]
    note = tmp_path / "q.ogg"
    note.write_bytes(spoken(shared_pipeline(), "how long should I rest"))
    assert read_audio_file(pipeline, 7, note) == VOICE_OFF
    silence = tmp_path / "silence.ogg"
    silence.write_bytes(encode_voice_note(Clip(np.zeros(16_000, np.float32), 16_000)))
    heard = read_audio_file(pipeline, 7, silence)
    assert heard.kind is InboundKind.VOICE and heard.text == ""  # silence needs no recognizer


def test_whisper_dir_is_read_from_the_environment(tmp_path):
    settings = load_settings({"COACHBOT_WHISPER_DIR": str(tmp_path)}, env_file=tmp_path / "none.env")
    assert settings.whisper_dir == tmp_path and load_settings({}, env_file=tmp_path / "none.env").whisper_dir is None


def test_a_note_that_arrives_while_whisper_loads_waits_for_it_and_is_heard():
    release = threading.Event()

    class Loaded:
        """Stands in for a loaded Whisper."""

        def listen(self, clip):
            return Hearing(["How long should I rest?", "How long should I rest"], ["How long should I test?"])

    def slow_load():
        release.wait(10)
        return Loaded()

    recognizer = Recognizer(slow_load)  # returns at once: start-up does not wait for the load
    speech = Clip((0.3 * np.sin(np.arange(16_000) / 5)).astype(np.float32), 16_000)
    heard: list = []
    note = threading.Thread(target=lambda: heard.append(recognizer.transcribe(speech)))
    note.start()
    note.join(0.2)
    assert note.is_alive() and not heard
    release.set()
    note.join(10)
    assert heard[0].text == "How long should I rest?" and heard[0].alternatives == ("How long should I rest",)
    assert heard[0].samples == ("How long should I test?",)
