"""Whether a transcript covers its note: Whisper sometimes drops a whole sentence of a note of two (the
first, with the concern in it, where only the question after it was kept), and what it returns then is
a fluent, sure reading of part of the note. The note's own length tells: its speech (its loud 10 ms
frames, voice.pauses) against the words heard. A note heard too short is heard again, cut at its
pauses (voice.whisper.Whisper.listen)."""

from __future__ import annotations

from voice.audio import Clip
from voice.pauses import speech_seconds
from voice.words import sentence_words

# The fewest words per second of speech a note heard whole gives, and the least speech it is judged on
# (a word or two may be said slowly). Chosen on development notes: see README, notes heard too short.
WORDS_PER_SECOND = 2.0
SHORTEST_SPEECH = 2.5


def words_heard(text: str) -> int:
    """How many words a transcript holds, a word written again straight after itself counted once: a
    loop ("M-N-N-N-N-N ...", for a sentence in Russian and a chest pain after it) is no words heard."""
    words = sentence_words(text)
    return sum(1 for before, word in zip(["", *words], words) if word != before)


def words_per_second(clip: Clip, text: str) -> float:
    """The words of a transcript per second of the clip's speech (0 for a clip without speech)."""
    seconds = speech_seconds(clip)
    return words_heard(text) / seconds if seconds else 0.0


def heard_too_short(clip: Clip, text: str) -> bool:
    """Whether a transcript holds fewer words than the clip's speech says were said."""
    return speech_seconds(clip) >= SHORTEST_SPEECH and words_per_second(clip, text) < WORDS_PER_SECOND
