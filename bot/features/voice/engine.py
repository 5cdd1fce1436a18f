"""Assemble voice notes from settings: the pipeline (Whisper loading in the background), its
weights, and the adapters' helpers that turn a transcript or an audio file into an inbound message.

The voice package (audio decoding, speech synthesis, Whisper) is imported only when a pipeline is
built or a note is read: a text start-up does not pay for it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.planning.heard import SCHEDULE_ASKED
from bot.features.planning.texts import ASK_WHEN
from bot.features.voice.notes import TOO_LONG, UNREADABLE, VOICE_OFF
from bot.settings import Settings
from knowledge.model import KnowledgeBase
from scheduler.words import DAY_NAMES

if TYPE_CHECKING:
    from voice.pipeline import VoicePipeline
    from voice.recognizer import Transcript

log = logging.getLogger(__name__)


def build_voice(settings: Settings, kb: KnowledgeBase) -> VoicePipeline:
    """The voice pipeline; Whisper loads in the background from checked int8 weights."""
    from voice.pipeline import build_voice_pipeline
    from voice.speech import VoiceStyle

    log.info("loading the speech recognizer from %s", settings.voice_dir)
    return build_voice_pipeline(kb, settings.voice_dir, VoiceStyle(settings.tts_voice), settings.whisper_dir,
                                contexts=speech_contexts())


def speech_contexts() -> dict[str, str]:
    """What the recognizer is told was said just before a note that answers a question the bot asked, by the name a
    dialogue gives its step (Listens.asked): after "When do you want to train?", the days' names and times said the
    way the schedule reader reads them, so that "Tuesday and Thursday" is not heard as "2nd and 1st"."""
    days = ", ".join(day.capitalize() for day in DAY_NAMES)
    return {SCHEDULE_ASKED: f"{ASK_WHEN.split('?')[0]}? {days} at 7am or 6:30 in the evening."}


def build_weights(settings: Settings) -> Path:
    """Build (once) and check the int8 weights; the folder they are in."""
    from voice.weights import load_int8_weights

    return load_int8_weights(settings.whisper_dir, settings.voice_dir)


def voice_inbound(user_id: int, transcript: Transcript) -> Inbound:
    """A transcript as the core's input: empty text when the recognizer was not confident."""
    if not transcript.confident:
        return Inbound(user_id, InboundKind.VOICE, "")
    return Inbound(user_id, InboundKind.VOICE, transcript.text, transcript.alternatives, transcript.samples,
                   transcript.certainty)


def read_audio_file(pipeline: VoicePipeline, user_id: int, path: Path, asked: str = "") -> Inbound | Reply:
    """An audio file as a voice note answering what the bot `asked` (a recognizer context), or the reply saying why
    it cannot be heard."""
    from voice.audio import AudioError, TooLong
    from voice.recognizer import VoiceOff

    try:
        return voice_inbound(user_id, pipeline.transcribe_file(path, asked))
    except TooLong:  # an AudioError too: caught first, or a 70 s note was "unplayable"
        return TOO_LONG
    except AudioError:
        return UNREADABLE
    except VoiceOff:
        return VOICE_OFF


def audio_reader(settings: Settings, kb: KnowledgeBase,
                 asked: Callable[[int], str] = lambda _user: "") -> Callable[[int, Path], Inbound | Reply]:
    """Reads an audio file as a voice note answering what the bot has `asked` the user; the pipeline is built on first
    use only."""
    pipeline: list[VoicePipeline] = []

    def read(user_id: int, path: Path) -> Inbound | Reply:
        if not pipeline:
            pipeline.append(build_voice(settings, kb))
        return read_audio_file(pipeline[0], user_id, path, asked(user_id))
    return read
