"""Spoken safety, a DEVELOPMENT set: the concerns of the first writer's messages in
knowledge/data/safety_messages.yaml (typed messages written by a stranger, 120 emergencies and 220
health concerns; read and tuned on) said aloud and answered through the
real voice path. Run on demand: python -m bench.bench_voice_safety [--sample N] [--lookalikes] [--failures]

Each message is read by one espeak-ng voice and one flite voice (rotating through bench_voice's six and
four: a sample of voices, not every voice for every message: 340 x 10 notes would take an hour).
Prints how often a concern gets the doctor-first line or emergency advice, and an emergency gets the
emergency advice; then whose each miss is: the RECOGNIZER's (the same words typed are caught: the
transcript lost the health words) or the DETECTOR's (typed, the text detector misses it too: the
knowledge layer's to fix, not voice's). With --lookalikes the harmless look-alikes are spoken too, and
those that gain a health line spoken but not typed are counted as false alarms of the voice path.
--readings FILE keeps each note's readings, so a second run with the same decoding reads them back.
A note counts as given a health line by bench_voice's rule (health_line: the detector's own line word
for word, perhaps in its hedged form); hedged lines are also counted apart, on concerns and look-alikes.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import yaml

from bench.bench_voice import FLITE_VOICES, STYLES, Readings, flite_note, health_line, hedged, voices
from bot.composition import assemble, build_understanding
from bot.core.coach import Coach
from bot.core.messages import Inbound, InboundKind
from bot.features.voice.engine import voice_inbound
from bot.settings import load_settings
from bot.storage.database import open_database
from knowledge.training import DATA_DIR
from voice.pipeline import VoicePipeline, build_voice_pipeline
from voice.whisper import DEFAULT, Decoding

SET = DATA_DIR / "safety_messages.yaml"  # its first writer's messages (a list of q/kind items also works)
CONCERNS = ("emergency", "health")


@dataclass(frozen=True)
class Spoken:
    """One message read by one voice, and what the voice path and the typed path made of it."""

    text: str
    kind: str
    voice: str
    readings: tuple[str, ...]
    spoken: str | None  # the safety level answered to the note
    typed: str | None   # the safety level answered to the same words typed
    seconds: float
    hedged: bool = False  # the doctor-first line in its hedged form (an unsure note that touches health)


def read_note(voice: str, text: str, pipeline: VoicePipeline) -> bytes:
    """The message as a voice note in one of bench_voice's voices."""
    if voice.startswith("flite:"):
        return flite_note(voice.removeprefix("flite:"), text)
    return voices("espeak", pipeline)[voice](text)


def voices_of(number: int, flite: bool) -> list[str]:
    """The voices that read the set's `number`th message: one espeak-ng voice and (with flite) one
    flite voice, in turn, so a message is read by the same voices in every run."""
    espeak = [f"{style.name}@{style.speed}" for style in STYLES]
    return [espeak[number % len(espeak)], *([f"flite:{FLITE_VOICES[number % len(FLITE_VOICES)]}"] if flite else [])]


def load_items(path: Path, lookalikes: bool, sample: int) -> list[tuple[int, dict[str, str]]]:
    """The set's concerns (and look-alikes) with their place in it, every k-th one for a sample."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = [(n, item) for n, item in enumerate(data["writer1"] if isinstance(data, dict) else data)
             if item["kind"] in CONCERNS or (lookalikes and item["kind"] == "lookalike")]
    step = max(1, len(items) // sample) if sample else 1
    return items[::step]


def run(coach: Coach, pipeline: VoicePipeline, items: list[tuple[int, dict[str, str]]], flite: bool,
        readings: Readings) -> list[Spoken]:
    """Every message, typed once and spoken by its voices, each note from a new user."""
    results = []
    user = 10_000
    for number, item in items:
        user += 1
        typed = coach.handle(Inbound(user, InboundKind.TEXT, item["q"]))[0].safety
        for voice in voices_of(number, flite):
            user += 1
            transcript, seconds = readings.hear(pipeline, f"{voice}\t{item['q']}",
                                                partial(read_note, voice, item["q"], pipeline))
            reply = coach.handle(voice_inbound(user, transcript))[0]
            heard = (transcript.text, *transcript.alternatives)
            spoken = reply.safety if health_line(reply) else None
            results.append(Spoken(item["q"], item["kind"], voice, heard, spoken, typed, seconds, hedged(reply)))
    return results


def report(results: list[Spoken], failures: bool) -> None:
    """Rates per synthesiser and kind, and whose the misses are."""
    for synth in ("espeak", "flite"):
        mine = [r for r in results if r.voice.startswith("flite:") == (synth == "flite")]
        if not mine:
            continue
        concerns = [r for r in mine if r.kind in CONCERNS]
        emergencies = [r for r in mine if r.kind == "emergency"]
        caught = sum(r.spoken is not None for r in concerns)
        print(f"{synth}: {len(mine)} notes, {len({r.voice for r in mine})} voices")
        print(f"  doctor first or emergency (concerns) {caught}/{len(concerns)} = {caught / max(1, len(concerns)):.1%}"
              f"  (typed: {sum(r.typed is not None for r in concerns)}/{len(concerns)})")
        emergency = sum(r.spoken == "emergency" for r in emergencies)
        print(f"  emergency advice (emergencies)       {emergency}/{len(emergencies)} = "
              f"{emergency / max(1, len(emergencies)):.1%}  (typed: {sum(r.typed == 'emergency' for r in emergencies)})")
        blame = Counter(_blame(r) for r in concerns if r.spoken is None)
        print(f"  missed: recognizer {blame['recognizer']}, detector {blame['detector']}")
        downgraded = Counter(_blame(r) for r in emergencies if r.spoken == "doctor")
        print(f"  emergencies given doctor first only: recognizer {downgraded['recognizer']}, detector {downgraded['detector']}")
        looks = [r for r in mine if r.kind == "lookalike"]
        print(f"  hedged doctor-first line: concerns {sum(r.hedged for r in concerns)}/{len(concerns)}, "
              f"look-alikes {sum(r.hedged for r in looks)}/{len(looks)}")
        if looks:
            alarms = sum(r.spoken is not None and r.typed is None for r in looks)
            print(f"  look-alikes with a health line spoken, not typed: {alarms}/{len(looks)}"
                  f"  (with one typed: {sum(r.typed is not None for r in looks)})")
    for r in (r for r in results if failures and _missed(r)):
        print(f"  MISS [{r.kind}/{_blame(r)}] {r.voice:18} {r.text!r} -> {r.spoken} heard {list(r.readings)!r}")


def _missed(r: Spoken) -> bool:
    """Whether a note got less than it should (a concern no line, an emergency no emergency, a look-alike a line)."""
    if r.kind == "lookalike":
        return r.spoken is not None and r.typed is None
    return r.spoken is None or (r.kind == "emergency" and r.spoken != "emergency")


def _blame(r: Spoken) -> str:
    """Whose miss it is: the detector's when the typed words get no more either."""
    wanted = ("emergency",) if r.kind == "emergency" and r.spoken == "doctor" else ("doctor", "emergency")
    return "recognizer" if r.typed in wanted else "detector"


def main() -> None:
    """Speak the set, answer it, print the rates."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=SET)
    parser.add_argument("--sample", type=int, default=0, help="about this many messages (default: all)")
    parser.add_argument("--lookalikes", action="store_true", help="also speak the harmless look-alikes")
    parser.add_argument("--no-flite", action="store_true", help="espeak-ng voices only")
    parser.add_argument("--failures", action="store_true", help="list every miss with its readings")
    parser.add_argument("--readings", type=Path, help="JSON file of readings kept between runs (same decoding!)")
    parser.add_argument("--hypotheses", type=int, default=DEFAULT.hypotheses, help="readings per note")
    parser.add_argument("--samples", type=int, default=DEFAULT.samples, help="readings sampled in a second hearing")
    parser.add_argument("--without-samples", action="store_true",
                        help="answer without the second hearing's readings (with --readings: the same beam readings)")
    args = parser.parse_args()
    flite = not args.no_flite and shutil.which("flite") is not None
    readings = Readings(args.readings, not args.without_samples)
    matcher = build_understanding(load_settings())
    coach = assemble(matcher, open_database(":memory:"))
    items = load_items(args.set, args.lookalikes, args.sample)
    with tempfile.TemporaryDirectory() as model_dir:
        pipeline = build_voice_pipeline(matcher.kb, Path(model_dir), decoding=Decoding(hypotheses=args.hypotheses, samples=args.samples))
        pipeline.recognizer.wait()
        started = time.perf_counter()
        results = run(coach, pipeline, items, flite, readings)
    readings.save()
    print(f"{len(items)} messages of {args.set.name}, {len(results)} notes, {time.perf_counter() - started:.0f} s; "
          f"decoding {sum(r.seconds for r in results):.0f} s")
    report(results, args.failures)
    print(readings.format_heard_again())


if __name__ == "__main__":
    main()
