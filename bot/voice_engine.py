"""Assemble voice notes from settings: the domain model for the loaded content, the voices, and
the adapters' helpers that turn a transcript or an audio file into an inbound message."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from bot.messages import Inbound, InboundKind
from bot.settings import Settings
from knowledge.model import KnowledgeBase
from voice.audio import AudioError
from voice.language_model import ModelFiles, build_language_model
from voice.pipeline import VoicePipeline, build_voice_pipeline
from voice.recognizer import Transcript
from voice.speech import VoiceStyle

log = logging.getLogger(__name__)


def build_voice(settings: Settings, kb: KnowledgeBase) -> VoicePipeline:
    """The voice pipeline, building the domain model first when the content changed."""
    log.info("loading the voice model from %s", settings.voice_dir)
    return build_voice_pipeline(kb, settings.voice_dir, VoiceStyle(settings.tts_voice))


def rebuild_voice_model(settings: Settings, kb: KnowledgeBase) -> ModelFiles:
    """Build the domain model now, whether or not it is up to date."""
    return build_language_model(kb, settings.voice_dir)


def voice_inbound(user_id: int, transcript: Transcript) -> Inbound:
    """A transcript as the core's input: empty text when the recognizer was not confident."""
    return Inbound(user_id, InboundKind.VOICE, transcript.text if transcript.confident else "", transcript.alternative)


def audio_reader(settings: Settings, kb: KnowledgeBase) -> Callable[[int, Path], Inbound]:
    """Reads an audio file as a voice note; the pipeline is built on first use only."""
    pipeline: list[VoicePipeline] = []

    def read(user_id: int, path: Path) -> Inbound:
        if not pipeline:
            pipeline.append(build_voice(settings, kb))
        try:
            return voice_inbound(user_id, pipeline[0].transcribe_file(path))
        except AudioError:
            return Inbound(user_id, InboundKind.VOICE, "")
    return read
