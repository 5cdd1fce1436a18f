"""Voice notes end to end: audio bytes in, a transcript out; reply text in, a voice note out.

Two recognizers hear each note. pocketsphinx, on a language model of this domain, is right more
often; Whisper (voice.whisper) hears everyday English better and is right on many of the notes
pocketsphinx mishears. The transcript carries both, and the core, which knows what the user is
doing, decides which to answer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from knowledge.model import KnowledgeBase
from voice.audio import MAX_SECONDS, decode_audio, encode_voice_note
from voice.language_model import ensure_language_model
from voice.recognizer import Recognizer, Transcript, has_speech
from voice.speech import Speaker, VoiceStyle, format_spoken
from voice.whisper import Whisper, prompt_for


@dataclass(frozen=True)
class VoiceNote:
    """Encoded OGG/Opus audio and how long it plays."""

    data: bytes
    seconds: float


class VoicePipeline:
    """Transcribes voice notes and speaks replies; built once at start, shared by every chat."""

    def __init__(self, recognizer: Recognizer, speaker: Speaker, style: VoiceStyle = VoiceStyle(),
                 max_seconds: float = MAX_SECONDS, second: Whisper | None = None) -> None:
        self.recognizer = recognizer
        self.speaker = speaker
        self.style = style
        self.max_seconds = max_seconds
        self.second = second

    def transcribe(self, data: bytes) -> Transcript:
        """What the audio says, by pocketsphinx and (for speech) Whisper; raises AudioError (or
        TooLong) for audio it cannot use."""
        clip = decode_audio(data, self.max_seconds)
        heard = self.recognizer.transcribe(clip)
        if self.second is None or not has_speech(clip):
            return heard
        return replace(heard, alternative=self.second.transcribe(clip))

    def transcribe_file(self, path: Path) -> Transcript:
        """What an audio file says."""
        return self.transcribe(path.read_bytes())

    def speak(self, text: str) -> VoiceNote:
        """A reply read aloud as a Telegram voice note."""
        clip = self.speaker.synthesize(format_spoken(text), self.style)
        return VoiceNote(encode_voice_note(clip), clip.seconds)


def build_voice_pipeline(kb: KnowledgeBase, model_dir: Path, style: VoiceStyle = VoiceStyle()) -> VoicePipeline:
    """Load Whisper, the domain model for this content (building it first if needed), and the
    voices. Whisper comes first: it converts its weights to int8 as it loads, and that passing
    peak of memory is lower before the domain model is built."""
    whisper = Whisper(prompt_for(kb))
    speaker = Speaker()
    return VoicePipeline(Recognizer(ensure_language_model(kb, model_dir, speaker)), speaker, style, second=whisper)
