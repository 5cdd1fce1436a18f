"""Helpers for the voice tests: one pipeline per run on weights built once, recordings of people,
and spoken questions synthesised with the project's own text to speech and encoded as Telegram encodes voice notes."""

from __future__ import annotations

import asyncio
import atexit
import functools
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from telegram import Update
from telegram.request import RequestData

from bot.adapters.telegram.app import build_application
from bot.core.coach import Coach
from bot.features.voice.engine import speech_contexts
from bot.settings import Settings
from knowledge.loader import load_knowledge
from tests.conftest import message_update
from tests.recording_request import BOT_USER, RecordingRequest, unpaced
from voice.audio import encode_voice_note
from voice.pipeline import VoicePipeline, build_voice_pipeline
from voice.recognizer import Recognizer
from voice.speech import Speaker, VoiceStyle
from voice.weights import load_int8_weights
from voice.whisper import Hearing

STYLES = (VoiceStyle("en-us", 165), VoiceStyle("en-us+m3", 150), VoiceStyle("en-us+klatt4", 180))


HUMAN_SPEECH = Path(__file__).parent / "data" / "human_speech"


@functools.cache
def voice_dir() -> Path:
    """One COACHBOT_VOICE_DIR for the whole run: the int8 weights are built there once."""
    path = Path(tempfile.mkdtemp(prefix="coachbot-voice-"))
    atexit.register(shutil.rmtree, path, True)
    return path


@functools.cache
def built_voice_dir() -> Path:
    """The run's COACHBOT_VOICE_DIR with the int8 weights already built, as after a first start: a
    bot process started on it loads them at once instead of building them, which a stop waits for."""
    load_int8_weights(None, voice_dir())
    return voice_dir()


@functools.cache
def shared_pipeline() -> VoicePipeline:
    """The real pipeline on the shipped content (and the bot's recognizer contexts), loaded once for every voice test
    of the run."""
    pipeline = build_voice_pipeline(load_knowledge(), voice_dir(), contexts=speech_contexts())
    pipeline.recognizer.wait()
    return pipeline


def human_speech(name: str) -> tuple[bytes, str]:
    """A recording of a person (tests/data/human_speech) and what they said."""
    references = yaml.safe_load((HUMAN_SPEECH / "transcripts.yaml").read_text(encoding="utf-8"))
    return (HUMAN_SPEECH / f"{name}.flac").read_bytes(), references[name]


def spoken(pipeline: VoicePipeline, text: str, style: VoiceStyle = STYLES[0]) -> bytes:
    """`text` said aloud as a Telegram voice note (OGG/Opus, 48 kHz mono)."""
    return encode_voice_note(pipeline.speaker.synthesize(text, style))


@dataclass
class FileServingRequest(RecordingRequest):
    """A recording request that also serves getFile and file downloads, and lets a test wait for
    a call (voice notes are handled without blocking, after process_update returns)."""

    files: dict[str, bytes] = field(default_factory=dict)
    uploads: list[bytes] = field(default_factory=list)
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """Downloads return the file's bytes; API calls are recorded and answered."""
        self._arrived.set()
        if "/file/bot" in url:
            return 200, self.files[url.rsplit("/", 1)[-1]]
        if request_data and request_data.multipart_data:
            self.uploads += [part[1] for part in request_data.multipart_data.values()]
        return await super().do_request(url, method, request_data, *args, **kwargs)

    def _result(self, api_method: str, params: dict[str, Any]) -> Any:
        """getFile and sendVoice answers on top of the recorded ones."""
        if api_method == "getFile":
            file_id = params["file_id"]
            return {"file_id": file_id, "file_unique_id": file_id, "file_size": len(self.files[file_id]),
                    "file_path": file_id}
        if api_method == "sendVoice":
            self.next_message_id += 1
            return {"message_id": self.next_message_id, "date": 0, "from": BOT_USER,
                    "chat": {"id": params["chat_id"], "type": "private"},
                    "voice": {"file_id": "v", "file_unique_id": "v", "duration": 1}}
        return super()._result(api_method, params)

    async def wait_for(self, method: str, count: int = 1, timeout: float = 30) -> list[dict[str, Any]]:
        """The parameters of the first `count` calls of a method, waiting until they arrive."""
        async with asyncio.timeout(timeout):
            while len(self.sent(method)) < count:
                self._arrived.clear()
                await self._arrived.wait()
        return self.sent(method)[:count]


def voice_update(update_id: int, file_id: str, size: int, duration: int, user_id: int = 7) -> dict[str, Any]:
    """A Telegram update carrying a voice note."""
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": 0, "chat": {"id": user_id, "type": "private"},
        "from": {"id": user_id, "is_bot": False, "first_name": "Ana"},
        "voice": {"file_id": file_id, "file_unique_id": file_id, "duration": duration,
                  "mime_type": "audio/ogg", "file_size": size}}}


SURE = -0.1  # Whisper sure of what it heard (the beam's log odds): no hedge


class Heard:
    """Stands in for Whisper: always hears these readings, with this certainty, whatever was said."""

    def __init__(self, *readings: str, certainty: float = SURE) -> None:
        self.readings = list(readings)
        self.certainty = certainty

    def listen(self, clip: Any, context: str = "") -> Hearing:
        return Hearing(self.readings, [], self.certainty)


async def sent_for_note(coach: Coach, heard: Heard, speaker: Speaker, data: bytes, before: tuple[str, ...] = (),
                        count: int = 1, seconds: int = 2) -> list[dict[str, Any]]:
    """The first `count` messages the bot sends over Telegram for a voice note of `data` (`seconds` long) heard as
    `heard`, after the typed messages `before`."""
    request = FileServingRequest()
    pipeline = VoicePipeline(Recognizer(lambda: heard), lambda: speaker)
    app = build_application(Settings(token="123:ABC"), coach, request=request, voice=pipeline, budget=unpaced())
    async with app:
        await app.start()
        for text in before:
            await app.process_update(Update.de_json(message_update(text), app.bot))
        request.files["f1"] = data
        await app.process_update(Update.de_json(voice_update(1, "f1", len(data), seconds), app.bot))
        sent = await request.wait_for("sendMessage", len(before) + count)
        await app.stop()
    return sent[len(before):]
