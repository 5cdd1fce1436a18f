"""The voice commands of `coachbot`: `transcribe FILE...` and `voice build`."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.composition import assemble, build_understanding
from bot.core.messages import Reply
from bot.features.voice.engine import build_voice, build_weights, read_audio_file
from bot.settings import Settings
from bot.storage.database import open_database


def add_voice_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the voice subcommands."""
    transcribe = sub.add_parser("transcribe", help="print what audio files (OGG/Opus, WAV or FLAC) say")
    transcribe.add_argument("files", nargs="+", type=Path, metavar="FILE")
    transcribe.set_defaults(func=cmd_transcribe)
    voice = sub.add_parser("voice", help="the speech recognizer's weights").add_subparsers(
        dest="voice_command", required=True)
    voice.add_parser("build", help="build and check the int8 Whisper weights in COACHBOT_VOICE_DIR").set_defaults(
        func=cmd_voice_build)


def cmd_transcribe(args: argparse.Namespace, settings: Settings) -> int:
    """One line per file: the transcript the bot would answer, "(nothing heard)", or why not."""
    understanding = build_understanding(settings)
    coach = assemble(understanding, open_database(":memory:"))
    pipeline = build_voice(settings, understanding.kb)
    failed = 0
    for path in args.files:
        heard = read_audio_file(pipeline, 0, path) if path.is_file() else Reply("error: no such file")
        if isinstance(heard, Reply):
            failed += 1
            text = heard.text
        else:
            text = coach.heard(heard) or "(nothing heard)"
        print(f"{path}: {text}", flush=True)
    return 1 if failed else 0


def cmd_voice_build(args: argparse.Namespace, settings: Settings) -> int:
    """Build the int8 weights (once) and say where they are; 1 when the weights are missing or wrong."""
    from voice.weights import BUILT_DIGESTS, WeightsError  # imported here: every other command starts without it

    try:
        folder = build_weights(settings)
    except WeightsError as exc:
        print(f"voice is off: {exc}")
        return 1
    print(f"Whisper tiny.en int8 weights: {folder} (sha256 checked, listed in {folder / BUILT_DIGESTS})")
    return 0
