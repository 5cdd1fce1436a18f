"""Voice notes end to end: audio bytes in, a transcript out; reply text in, a voice note out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge.model import KnowledgeBase
from voice.audio import MAX_SECONDS, decode_audio, encode_voice_note
from voice.language_model import ensure_language_model
from voice.recognizer import Recognizer, Transcript
from voice.speech import Speaker, VoiceStyle, format_spoken


@dataclass(frozen=True)
class VoiceNote:
    """Encoded OGG/Opus audio and how long it plays."""

    data: bytes
    seconds: float


class VoicePipeline:
    """Transcribes voice notes and speaks replies; built once at start, shared by every chat."""

    def __init__(self, recognizer: Recognizer, speaker: Speaker, style: VoiceStyle = VoiceStyle(),
                 max_seconds: float = MAX_SECONDS) -> None:
        self.recognizer = recognizer
        self.speaker = speaker
        self.style = style
        self.max_seconds = max_seconds

    def transcribe(self, data: bytes) -> Transcript:
        """What the audio says; raises AudioError (or TooLong) for audio it cannot use."""
        return self.recognizer.transcribe(decode_audio(data, self.max_seconds))

    def transcribe_file(self, path: Path) -> Transcript:
        """What an audio file says."""
        return self.transcribe(path.read_bytes())

    def speak(self, text: str) -> VoiceNote:
        """A reply read aloud as a Telegram voice note."""
        clip = self.speaker.synthesize(format_spoken(text), self.style)
        return VoiceNote(encode_voice_note(clip), clip.seconds)


def build_voice_pipeline(kb: KnowledgeBase, model_dir: Path, style: VoiceStyle = VoiceStyle()) -> VoicePipeline:
    """Load (building first if needed) the domain model for this content, and the voices."""
    speaker = Speaker()
    files = ensure_language_model(kb, model_dir, speaker)
    return VoicePipeline(Recognizer(files), speaker, style)
