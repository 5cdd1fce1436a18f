"""Whisper's weights: checked by sha256, built once as int8, and voice switched off when they are wrong."""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import struct
import subprocess
import sys
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
from voice import quantize, vocabulary, weights
from voice.audio import Clip, encode_voice_note
from voice.pipeline import VoicePipeline
from voice.recognizer import Recognizer, VoiceOff
from voice.vocabulary import pruned_config, read_vocabulary
from voice.weights import (
    BUILT_DIGESTS,
    SOURCE_SHA256,
    WeightsError,
    build_in_child,
    build_int8,
    bundled_weights,
    check_files,
    load_int8_weights,
    read_digests,
)
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

        def listen(self, clip, context=""):
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


FIRST_START = """
import json, sys
from pathlib import Path
from knowledge.loader import load_knowledge
from voice.prompt import load_prompt
from voice.tokens import prompt_tokens
from voice.weights import load_int8_weights

weights = load_int8_weights(None, Path(sys.argv[1]))
prompt = load_prompt(weights, load_knowledge(), 12, 32)
prompt_tokens(weights, prompt)  # read from the cache the child left
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"modules": sorted({"tokenizers", "voice.quantize"} & set(sys.modules)),
                  "peak_mb": peak / 1024, "prompt": prompt}))
"""


def test_the_first_starts_build_prompt_and_tokens_run_in_child_processes_that_give_their_memory_back(tmp_path):
    started = subprocess.run([sys.executable, "-c", FIRST_START, str(tmp_path)], capture_output=True, text=True,
                             check=True, cwd=Path(__file__).parent.parent)
    seen = json.loads(started.stdout)
    assert seen["modules"] == []  # neither the tokenizer nor the quantizer ever ran in the bot's process
    assert "hyperextension" in seen["prompt"]
    assert seen["peak_mb"] < 100, seen  # built in the bot's process: 217 MB for the build alone
    built = next(tmp_path.glob("whisper-*"))
    assert list(built.glob("prompt-*.json")) and list(built.glob("prompt-text-*.txt"))


def test_building_the_copy_holds_a_block_of_rows_at_a_time_and_never_the_tokenizers_encodings_of_every_word(tmp_path):
    script = ("import sys\nfrom voice.weights import main\ncode = main(sys.argv[1:])\n"  # its own peak: VmHWM (ru_maxrss
              "print(next(int(line.split()[1]) / 1024 for line in open('/proc/self/status') if line.startswith('VmHWM:')))\n"
              "sys.exit(code)")  # would count the pages of the test process it was forked from)
    built = subprocess.run([sys.executable, "-c", script, str(bundled_weights()), str(tmp_path / "copy")],
                           capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent,
                           env={**os.environ, "TOKENIZERS_PARALLELISM": "false"})
    assert float(built.stdout) < 80  # whole tensors and every word's encoding at once: 217 MB
    assert read_digests(tmp_path / "copy" / BUILT_DIGESTS) == read_digests(load_int8_weights(None, voice_dir()) / BUILT_DIGESTS)


def test_the_streamed_int8_copy_is_the_whole_tensor_conversion_block_by_block(monkeypatch):
    rng = np.random.default_rng(1)
    table, bias = rng.normal(size=(7, 3)).astype(np.float16), rng.normal(size=3).astype(np.float16)
    table[2] = 0  # a row of zeros: scale 1
    source = io.BytesIO()
    _model(source, [("decoder/embeddings/weight", table), ("decoder/bias", bias), ("step", np.array(3, np.int32))])
    source.seek(0)
    monkeypatch.setattr(quantize, "ROW_BLOCK", 2)  # blocks of rows, the kept ones spread across them
    written = io.BytesIO()
    quantize.quantize_model(source, written, {"decoder/embeddings/weight": [0, 2, 3, 6]})
    written.seek(0)
    variables = _variables(written)
    kept = table[[0, 2, 3, 6]].astype(np.float32)
    amax = np.abs(kept).max(axis=1)
    amax[amax == 0] = 127.0
    scale = (127.0 / amax).astype(np.float32)
    assert list(variables) == ["decoder/embeddings/weight", "decoder/embeddings/weight_scale", "decoder/bias", "step"]
    assert np.array_equal(variables["decoder/embeddings/weight"], np.rint(kept * scale[:, None]).astype(np.int8))
    assert np.array_equal(variables["decoder/embeddings/weight_scale"], scale)
    assert variables["decoder/bias"].dtype == np.float32 and variables["step"].dtype == np.int32


def test_a_build_stopped_midway_leaves_no_copy_that_passes_and_the_next_start_builds_it(tmp_path, monkeypatch):
    def crash(reader, writer, rows=None):
        writer.write(reader.read(1000))
        raise KeyboardInterrupt  # the process stopped in the middle of writing model.bin

    monkeypatch.setattr(quantize, "quantize_model", crash)
    target = tmp_path / "whisper-copy"
    with pytest.raises(KeyboardInterrupt):
        build_int8(bundled_weights(), target)
    assert not target.exists() and list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    build_int8(bundled_weights(), target)
    check_files(target, read_digests(target / BUILT_DIGESTS))


def test_a_copy_whose_files_differ_from_the_digests_it_wrote_is_never_moved_into_place(tmp_path, monkeypatch):
    monkeypatch.setattr(weights, "_sync", lambda work: (work / "config.json").write_text("{}"))  # the disk lost a write
    with pytest.raises(WeightsError, match="config.json"):
        build_int8(bundled_weights(), tmp_path / "whisper-copy")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_build_in_the_child_says_why(tmp_path):
    source = tmp_path / "mine"
    source.mkdir()
    for name in SOURCE_SHA256:
        (source / name).write_bytes(b"not whisper")
    with pytest.raises(WeightsError, match="building the int8 weights failed: .*model.bin does not have the expected"):
        build_in_child(source, tmp_path / "whisper-copy")


def _model(writer, variables) -> None:
    """A tiny model.bin in CTranslate2's layout (version 6), no aliases."""
    writer.write(struct.pack("I", 6))
    quantize._write_string(writer, "WhisperSpec")
    writer.write(struct.pack("I", 1))
    writer.write(struct.pack("I", len(variables)))
    for name, value in variables:
        quantize._write_variable(writer, name, value)


def _variables(reader) -> dict[str, np.ndarray]:
    """The variables of a model.bin, by name, in order."""
    quantize._read(reader, "I")
    quantize._read_string(reader)
    reader.read(4)
    count, = quantize._read(reader, "I")
    found = {}
    for _ in range(count):
        name, shape, dtype = quantize._read_header(reader)
        found[name] = quantize._read_data(reader, shape, dtype)
    return found


def test_the_word_list_the_copy_and_prompt_read_is_the_spellers_found_without_importing_it():
    from knowledge.spelling import DICTIONARY

    assert vocabulary.DICTIONARY == DICTIONARY and vocabulary.dictionary_file().is_file()
    assert next(vocabulary.english_words()) == "the"
