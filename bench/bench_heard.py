"""Recorded human speech: word error rate and decoding time of each recognizer and configuration.
Run on demand: python -m bench.bench_heard [--only NAME] [--transcripts]

The clips are real people reading and speaking (tests/data/human_speech, from the pocketsphinx source
distribution, with their transcripts), plus one 10-second note made of two of them back to back.
Synthetic voices flatter a recognizer and mislead tuning; these do not. Target: WER <= 0.08.
pocketsphinx is measured too when it is installed (`pip install pocketsphinx==5.1.1`); the bot no
longer uses it. Measured before it was dropped, on the domain language model the bot built from the
content: WER 0.675 (0.711 long, 0.333 short), 2.2 s per clip on a busy machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import yaml

from knowledge.loader import load_knowledge
from voice.audio import Clip, decode_audio
from voice.words import edit_distance, sentence_words
from voice.weights import load_int8_weights
from voice.prompt import prompt_for
from voice.whisper import DEFAULT, Decoding, Whisper

SPEECH = Path(__file__).parent.parent / "tests" / "data" / "human_speech"
PSPHINX = "pocketsphinx, general English model"
NO_GUARD = {"tokens_per_second": 0.0, "token_slack": 224, "drop_repeats": False}
WHISPER_CONFIGS = {
    "whisper window>=5 (before)": Decoding(min_window=5, hypotheses=1, **NO_GUARD),
    "whisper window>=10": Decoding(min_window=10, hypotheses=1, **NO_GUARD),
    "whisper window>=15": Decoding(min_window=15, hypotheses=1, **NO_GUARD),
    "whisper window 30": Decoding(min_window=30, hypotheses=1, **NO_GUARD),
    "whisper window>=5 + guard": Decoding(min_window=5, hypotheses=1),
    "whisper window>=10 + guard": Decoding(min_window=10, hypotheses=1),
    "whisper window>=15 + guard": Decoding(min_window=15, hypotheses=1),
    "whisper window>=15 + guard, greedy": Decoding(min_window=15, beam=1, hypotheses=1),
    "whisper window>=15 + guard, no prompt": Decoding(min_window=15, hypotheses=1, prompt=False),
}


def load_clips() -> list[tuple[str, Clip, list[str]]]:
    """(name, 16 kHz clip, reference words) for every recording, and the 10-second pair."""
    references = yaml.safe_load((SPEECH / "transcripts.yaml").read_text(encoding="utf-8"))
    clips = [(name, decode_audio((SPEECH / f"{name}.flac").read_bytes()), sentence_words(text))
             for name, text in references.items()]
    first, second = clips[0], clips[1]
    pair = Clip(np.concatenate([first[1].samples, second[1].samples]), first[1].rate)
    return clips + [("ten-seconds", pair, first[2] + second[2])]


def measure(name: str, hear: Callable[[Clip], str], clips: list, show: bool) -> None:
    """Print one recognizer's WER (all, long clips, short ones) and mean seconds per clip."""
    errors = {"all": [0, 0], "long": [0, 0], "short": [0, 0]}
    started = time.perf_counter()
    for clip_name, clip, reference in clips:
        heard = hear(clip)
        wrong = edit_distance(reference, sentence_words(heard))
        for part in ("all", "short" if clip.seconds < 2.5 else "long"):
            errors[part][0] += wrong
            errors[part][1] += len(reference)
        if show:
            print(f"    {clip_name:14} {clip.seconds:4.1f}s {wrong:2d} errors: {heard!r}")
    per_clip = (time.perf_counter() - started) / len(clips)
    rates = "  ".join(f"{part} {e / n:.3f}" for part, (e, n) in errors.items())
    print(f"{name:40} WER {rates}   {per_clip:.2f} s/clip", flush=True)


def pocketsphinx_general() -> Callable[[Clip], str]:
    """pocketsphinx on its own general English model."""
    from pocketsphinx import Decoder

    decoder = Decoder(loglevel="FATAL")
    return lambda clip: _decode(decoder, clip)


def _decode(decoder, clip: Clip) -> str:
    """One utterance through a pocketsphinx decoder."""
    decoder.start_utt()
    decoder.process_raw(clip.pcm16(), full_utt=True)
    decoder.end_utt()
    return decoder.hyp().hypstr if decoder.hyp() else ""


def main() -> None:
    """Measure every configuration (or those whose name contains --only)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="measure configurations whose name contains this")
    parser.add_argument("--transcripts", action="store_true", help="print every transcript")
    args = parser.parse_args()
    clips = load_clips()
    print(f"{len(clips)} recordings, {sum(c.seconds for _, c, _ in clips):.0f} s, "
          f"{sum(len(r) for _, _, r in clips)} words (short: under 2.5 s)")
    weights = load_int8_weights(None, Path(tempfile.mkdtemp()))
    prompt = prompt_for(load_knowledge(), DEFAULT.topic_words, DEFAULT.health_words)
    for name, decoding in WHISPER_CONFIGS.items():
        if args.only in name:
            whisper = Whisper(weights, prompt, decoding)
            measure(name, lambda clip, w=whisper: (w.transcribe(clip) or [""])[0], clips, args.transcripts)
    if args.only in PSPHINX and importlib.util.find_spec("pocketsphinx"):
        measure(PSPHINX, pocketsphinx_general(), clips, args.transcripts)


if __name__ == "__main__":
    main()
