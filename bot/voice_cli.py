"""The voice commands of `coachbot`: `transcribe FILE...` and `voice build`."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.settings import Settings
from bot.voice_engine import build_voice, rebuild_voice_model
from knowledge.loader import CONTENT_DIR, load_knowledge
from voice.audio import AudioError
from voice.language_model import sentence_words


def add_voice_commands(sub: argparse._SubParsersAction) -> None:
    """Register the voice subcommands."""
    transcribe = sub.add_parser("transcribe", help="print what audio files (OGG/Opus or WAV) say")
    transcribe.add_argument("files", nargs="+", type=Path, metavar="FILE")
    transcribe.set_defaults(func=cmd_transcribe)
    voice = sub.add_parser("voice", help="the speech recognizer's model").add_subparsers(dest="voice_command", required=True)
    voice.add_parser("build", help="rebuild the domain language model from the knowledge base").set_defaults(func=cmd_voice_build)


def cmd_transcribe(args: argparse.Namespace, settings: Settings) -> int:
    """One line per file: the transcript, "(nothing heard)", or why the file cannot be read."""
    pipeline = build_voice(settings, load_knowledge(settings.knowledge_dir or CONTENT_DIR))
    failed = 0
    for path in args.files:
        try:
            transcript = pipeline.transcribe_file(path)
            text = transcript.text if transcript.confident else "(nothing heard)"
            if transcript.alternative and sentence_words(transcript.alternative) != text.split():
                text += f"  (Whisper: {transcript.alternative})"
        except (AudioError, OSError) as exc:
            failed += 1
            text = f"error: {exc.strerror if isinstance(exc, OSError) else exc}"
        print(f"{path}: {text}", flush=True)
    return 1 if failed else 0


def cmd_voice_build(args: argparse.Namespace, settings: Settings) -> int:
    """Build the model and say where it is and which pronunciations were guessed."""
    files = rebuild_voice_model(settings, load_knowledge(settings.knowledge_dir or CONTENT_DIR))
    words = len(files.dictionary.read_text(encoding="utf-8").splitlines())
    print(f"language model: {files.lm}\ndictionary: {files.dictionary} ({words} pronunciations)")
    if files.guessed:
        print("pronunciations guessed by espeak-ng (ship better ones in voice/pronunciations.txt): "
              + ", ".join(files.guessed))
    return 0
