"""Voice notes on Telegram: check the size and length, download, transcribe off the event loop,
and read a reply aloud as a voice note."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from telegram import Message
from telegram.constants import ChatAction
from telegram.error import BadRequest

from bot.core.messages import Reply
from bot.features.voice.notes import TOO_BIG, TOO_LONG, UNREADABLE, VOICE_OFF, spoken_text

if TYPE_CHECKING:  # the voice package is loaded with a pipeline: a bot without voice never imports it
    from voice.pipeline import VoicePipeline
    from voice.recognizer import Transcript


async def read_voice(message: Message, voice: VoicePipeline, asked: str = "") -> Transcript | Reply:
    """The transcript of a voice note or audio file answering what the bot `asked` (a recognizer context), or the
    reply saying why there is none."""
    from voice.audio import MAX_BYTES, MAX_SECONDS, AudioError, TooLong  # already loaded by the pipeline
    from voice.recognizer import VoiceOff

    media = message.voice or message.audio
    if media is None:
        return UNREADABLE
    if (media.file_size or 0) > MAX_BYTES:
        return TOO_BIG
    if (media.to_dict().get("duration") or 0) > MAX_SECONDS:  # as sent: `.duration` is deprecated
        return TOO_LONG
    await message.chat.send_action(ChatAction.TYPING)
    try:
        data = await (await media.get_file()).download_as_bytearray()
    except BadRequest:  # Telegram refuses files over the bot download limit
        return TOO_BIG
    try:
        return await asyncio.to_thread(voice.transcribe, bytes(data), asked)
    except TooLong:
        return TOO_LONG
    except AudioError:
        return UNREADABLE
    except VoiceOff:
        return VOICE_OFF


async def send_spoken(message: Message, reply: Reply, voice: VoicePipeline) -> None:
    """Read a reply aloud and send it as a voice note."""
    await message.chat.send_action(ChatAction.RECORD_VOICE)
    note = await asyncio.to_thread(voice.speak, spoken_text(reply))
    await message.chat.send_voice(note.data, duration=max(1, round(note.seconds)))
