"""Speech to text: Whisper, loaded in the background, and whether a clip holds speech at all.

Only Whisper hears notes. pocketsphinx, on a language model built from the content, used to hear
them too; on recorded human speech (bench/bench_heard.py) it scored a word error rate of 0.68
(0.25 on its general English model, no better than Whisper even on two-word answers), forced
off-topic speech into fitness words, and took longer than Whisper, so it was dropped."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from voice.audio import Clip
from voice.numbers import written_in_digits
from voice.pauses import has_speech
from voice.weights import WeightsError
from voice.whisper import Whisper
from voice.words import words_apart

log = logging.getLogger(__name__)
# A second hearing's reading is kept only this many words from the beam's best: one that puts back a
# word or two the beam lost ("I have sciatica down my right leg" for "I can tell my right leg"), not
# one that heard another sentence ("Ar Hyper extension, meds for your back" for "Our hyperextension's
# med for your med"). Measured against the beam's other readings too, a look-alike got a health line
# ("... when, tate, nak, kak, last month ..."). See README, the second hearing.
SAMPLE_WORDS_APART = 3


class VoiceOff(RuntimeError):
    """The recognizer could not be loaded (missing or changed weights): voice notes are not heard."""


@dataclass(frozen=True)
class Transcript:
    """What was heard: `text` is empty unless the recognizer is confident it heard words; the
    `alternatives` are its other readings, next best first; the `samples` a second hearing's readings,
    for health concerns only (Whisper.listen); `certainty`, Whisper's own score of its best reading (its
    mean log-probability per token, in the least sure piece; 0 when none was kept): the lower, the likelier
    the words heard are not the words said."""

    text: str
    confident: bool
    seconds: float = 0.0
    alternatives: tuple[str, ...] = ()
    samples: tuple[str, ...] = ()
    certainty: float = 0.0


class Recognizer:
    """Whisper, loaded by `load` in a background thread so start-up does not wait for it; the first
    note waits for the load instead. A failed load switches voice off, with one log line."""

    def __init__(self, load: Callable[[], Whisper]) -> None:
        self._load = load
        self._whisper: Whisper | None = None
        self._failure = ""
        self._ready = threading.Event()
        # Not a daemon: exiting while CTranslate2 builds the model in this thread aborts the process
        # ("terminate called without an active exception"), so an exit waits for the load to end.
        self._thread = threading.Thread(target=self._run, name="whisper-load", daemon=False)
        self._thread.start()

    def _run(self) -> None:
        """Load Whisper, or record why voice is off."""
        try:
            self._whisper = self._load()
        except (WeightsError, OSError, RuntimeError, ValueError) as exc:
            self._failure = str(exc)
            log.error("voice is off: %s (see COACHBOT_WHISPER_DIR in the README)", exc)
        finally:
            self._ready.set()

    def wait(self) -> Whisper:
        """The loaded Whisper, waiting for the load; raises VoiceOff when it failed."""
        self._ready.wait()
        if self._whisper is None:
            raise VoiceOff(self._failure)
        return self._whisper

    def transcribe(self, clip: Clip, context: str = "") -> Transcript:
        """The words in a 16 kHz clip, or an unconfident empty transcript for silence and noise; `context`, what
        the bot has just asked (Whisper.listen)."""
        if not has_speech(clip):
            return Transcript("", False, seconds=clip.seconds)
        hearing = self.wait().listen(clip, context=context)
        return self.transcript(hearing.beam, clip.seconds, hearing.samples, hearing.certainty)

    @staticmethod
    def transcript(heard: list[str], seconds: float, sampled: list[str] | None = None,
                   certainty: float = 0.0) -> Transcript:
        """Whisper's readings of a clip (best first) as a transcript, unconfident when there are none;
        after them, each with its numbers said in words written in digits, since the safety lexicon reads
        a pulse or an age in digits ("heart rate is one hundred eighty sitting" is an emergency); the
        second hearing's readings likewise, those not already among them and close to the best
        (SAMPLE_WORDS_APART); with the best reading's `certainty`."""
        if not heard:
            return Transcript("", False, seconds=seconds)
        readings = _with_digits(heard)
        samples = [text for text in _with_digits(sampled or [])
                   if text not in readings and words_apart(text, heard[0]) <= SAMPLE_WORDS_APART]
        return Transcript(readings[0], True, seconds, tuple(readings[1:]), tuple(samples), certainty)


def _with_digits(heard: list[str]) -> list[str]:
    """The readings, then each with its numbers said in words written in digits, each once."""
    return list(dict.fromkeys([*heard, *map(written_in_digits, heard)]))
