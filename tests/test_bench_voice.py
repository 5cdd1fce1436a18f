"""The voice benchmark's second instrument: flite's voices, recorded from people, beside espeak-ng's.
flite is a benchmark tool (`apt-get install flite`), not the bot's: these tests put a stand-in `flite`
on PATH (espeak-ng reading the text), so they prove on any machine how the benchmark calls it and
turns its WAV into a voice note Whisper hears."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from bench.bench_voice import FLITE_VOICES, STYLES, voices
from tests.voice_support import shared_pipeline
from voice.words import sentence_words

STAND_IN = """#!{python}
import json, sys
from pathlib import Path
from voice.audio import encode_wav
from voice.speech import Speaker
args = sys.argv[1:]
Path({log!r}).write_text(json.dumps(args))
text, out = args[args.index("-t") + 1], args[args.index("-o") + 1]
Path(out).write_bytes(encode_wav(Speaker().synthesize(text)))
"""


@pytest.fixture
def flite_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in `flite` first on PATH; the file where it records its arguments."""
    log = tmp_path / "args.json"
    script = tmp_path / "flite"
    script.write_text(STAND_IN.format(python=sys.executable, log=str(log)))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    return log


def test_flite_reads_the_question_in_its_voice_as_a_voice_note_whisper_hears(flite_log):
    pipeline = shared_pipeline()
    readers = voices("flite", pipeline)
    assert list(readers) == [f"flite:{voice}" for voice in FLITE_VOICES]
    heard = pipeline.transcribe(readers["flite:slt"]("How many reps for endurance?"))
    args = json.loads(flite_log.read_text())
    assert args[:4] == ["-voice", "slt", "-t", "How many reps for endurance?"] and args[4] == "-o"
    assert sentence_words(heard.text) == ["how", "many", "reps", "for", "endurance"]


def test_espeak_stays_the_default_instrument():
    assert list(voices("espeak", shared_pipeline())) == [f"{style.name}@{style.speed}" for style in STYLES]
    assert [style.name for style in STYLES][:2] == ["en-us", "en-us+m3"]
