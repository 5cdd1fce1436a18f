"""A text start-up (`coachbot ask`, the terminal chat) loads only what reading text needs: no
Telegram, no training library, no audio or speech recognition."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_FOR_TEXT = ("telegram", "sklearn", "scipy", "ctranslate2", "soundfile", "soxr", "voice.pipeline", "voice.audio",
                "voice.whisper", "voice.recognizer", "voice.speech", "voice.weights", "voice.vocabulary")
ANSWER_AND_LIST_MODULES = """
import json, sys
from bot.cli import main
main(["ask", "how many sets for strength", "--json"])
print(json.dumps(sorted(sys.modules)))
"""


def test_answering_a_typed_question_imports_no_telegram_training_or_voice_module(tmp_path):
    done = subprocess.run([sys.executable, "-c", ANSWER_AND_LIST_MODULES], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=True, env={"PATH": "", "PYTHONPATH": str(ROOT),
                                                         "COACHBOT_DB": str(tmp_path / "cli.db"),
                                                         "COACHBOT_KB_CACHE_DIR": str(ROOT / ".coachbot" / "kb")})
    answer, modules = done.stdout.splitlines()[-2:]
    assert json.loads(answer)["entry"] == "program-strength"
    loaded = [m for m in json.loads(modules) if m.split(".")[0] in NOT_FOR_TEXT or m in NOT_FOR_TEXT]
    assert loaded == []


START_TELEGRAM_WITHOUT_VOICE = """
import json, sys
from bot.composition import build_coach
from bot.settings import load_settings
import bot.adapters.telegram.app
build_coach(load_settings())
print(json.dumps(sorted(sys.modules)))
"""
AUDIO_AND_SPEECH = ("soundfile", "soxr", "ctranslate2", "voice.pipeline", "voice.audio", "voice.whisper", "voice.recognizer",
                    "voice.speech")


def test_the_telegram_adapter_loads_no_audio_or_speech_module_until_a_voice_pipeline_is_built(tmp_path):
    done = subprocess.run([sys.executable, "-c", START_TELEGRAM_WITHOUT_VOICE], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=True, env={"PATH": "", "PYTHONPATH": str(ROOT), "COACHBOT_DB": str(tmp_path / "t.db"),
                                                         "COACHBOT_KB_CACHE_DIR": str(ROOT / ".coachbot" / "kb")})
    modules = json.loads(done.stdout.splitlines()[-1])
    assert "telegram" in modules
    assert [m for m in modules if m.split(".")[0] in AUDIO_AND_SPEECH or m in AUDIO_AND_SPEECH] == []
