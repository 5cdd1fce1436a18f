"""The hedge, spoken, a DEVELOPMENT set: the health concerns and look-alikes of the safety set held apart from the
safety classifier's training, whose odds the hedge reads (SAFETY_HELD_OUT of bench/make_dev_training.py: now
bench/safety_dev29.yaml; safety_dev24/25 and 27, spoken before, are training data now), and the questions of
bench/dev_strangers.yaml and calib_strangers.yaml (in scope, off-topic, health; all development sets, read and
tuned on), each message read aloud by one espeak-ng and one flite voice in turn (bench_voice_safety's rotation)
and answered through the real voice path.
Run on demand: python -m bench.bench_voice_hedge [--synth espeak|flite] [--readings FILE [--kept-only]] [--failures]
[--sets SET.yaml ...]
(--kept-only answers only the notes whose readings the file keeps: a decoding stopped midway, in the order
`order` gives, is a sample of both halves).

Prints, per synthesiser and for each of two halves held apart (every other message), how many spoken
concerns get a health line (and how many of them only by the hedged doctor-first line an unsure note
gets), and what the hedge costs: in-scope, off-topic and look-alike notes given it. Thresholds are chosen
on one half and read on the other (see README, unsure notes).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import yaml

from bench.bench_voice import Readings, health_line, hedged
from bench.bench_voice_safety import read_note, voices_of
from bench.make_dev_training import SAFETY_HELD_OUT
from bot.composition import assemble, build_understanding
from bot.core.coach import Coach
from bot.features.voice.engine import voice_inbound
from bot.settings import Settings
from bot.storage.database import open_database
from voice.pipeline import VoicePipeline, build_voice_pipeline

BENCH = Path(__file__).parent
SETS = (*SAFETY_HELD_OUT, "dev_strangers.yaml", "calib_strangers.yaml")  # the safety sets the classifier never learnt from
CONCERNS = ("health", "emergency")
KINDS = ("concern", "inscope", "offtopic", "lookalike")


@dataclass(frozen=True)
class Message:
    """One written message of the sets: its text, what it is (KINDS), its place in the list."""

    q: str
    kind: str
    number: int

    @property
    def half(self) -> str:
        """Which of the two halves held apart it is in: every other message."""
        return "AB"[self.number % 2]


@dataclass(frozen=True)
class Outcome:
    """One message read by one voice, and what the voice path answered."""

    message: Message
    voice: str
    line: bool     # a health line (the doctor-first line or the emergency advice), perhaps hedged
    hedged: bool   # the doctor-first line in its hedged form


def kind_of(item: dict) -> str:
    """What a message of any of the sets is: a concern, in scope, off-topic or a look-alike."""
    kind = item.get("category", item.get("kind"))
    return "concern" if kind in CONCERNS else str(kind)


def load_messages(names: tuple[str, ...] = SETS) -> list[Message]:
    """The sets' messages, each text once (the first set's kind wins), numbered in order."""
    seen: dict[str, str] = {}
    for name in names:
        for item in yaml.safe_load((BENCH / name).read_text(encoding="utf-8")):
            if kind_of(item) in KINDS:
                seen.setdefault(item["q"], kind_of(item))
    return [Message(q, kind, n) for n, (q, kind) in enumerate(seen.items())]


def notes(messages: list[Message], synth: str) -> Iterator[tuple[Message, str]]:
    """Each message with the voice of the synthesiser that reads it."""
    for message in messages:
        espeak, flite = voices_of(message.number, True)
        yield message, flite if synth == "flite" else espeak


def order(messages: list[Message], stride: int = 8) -> list[Message]:
    """The messages in the order to decode them: every `stride`th first, then the next, so that a
    decoding stopped midway has a sample of every set and of both halves."""
    return sorted(messages, key=lambda m: (m.number % stride, m.number))


def run(coach: Coach, pipeline: VoicePipeline, messages: list[Message], synth: str, readings: Readings,
        kept_only: bool = False) -> list[Outcome]:
    """Every message spoken by its voice and answered, each note from a new user (with `kept_only`,
    only the notes whose readings are kept)."""
    outcomes = []
    for user, (message, voice) in enumerate(notes(messages, synth), start=20_000):
        if kept_only and f"{voice}\t{message.q}" not in readings.kept:
            continue
        transcript, _ = readings.hear(pipeline, f"{voice}\t{message.q}", partial(read_note, voice, message.q, pipeline))
        reply = coach.handle(voice_inbound(user, transcript))[0]
        outcomes.append(Outcome(message, voice, health_line(reply), hedged(reply)))
    return outcomes


def report(outcomes: list[Outcome], failures: bool) -> None:
    """Concerns caught and hedges given, per half and in all."""
    for half in ("A", "B", "AB"):
        mine = [o for o in outcomes if o.message.half in half]
        of = {kind: [o for o in mine if o.message.kind == kind] for kind in KINDS}
        concerns = of["concern"]
        print(f"half {half}: concerns given a health line {sum(o.line for o in concerns)}/{len(concerns)} "
              f"(by the hedge {sum(o.hedged for o in concerns)}); hedged: "
              + ", ".join(f"{kind} {sum(o.hedged for o in of[kind])}/{len(of[kind])}" for kind in KINDS[1:])
              + f"; health lines on no concern {sum(o.line for o in mine if o.message.kind != 'concern')}"
              f"/{len(mine) - len(concerns)}")
    for o in (o for o in outcomes if failures and (o.hedged or (o.message.kind == "concern") != o.line)):
        print(f"  {'HEDGED' if o.hedged else 'MISS' if o.message.kind == 'concern' else 'ALARM'} "
              f"[{o.message.kind}] {o.voice:16} {o.message.q!r}")


def main() -> None:
    """Speak the set in one synthesiser's voices, answer it, print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synth", choices=("espeak", "flite"), default="espeak", help="who reads the messages")
    parser.add_argument("--readings", type=Path, help="JSON file of readings kept between runs (same decoding only)")
    parser.add_argument("--kept-only", action="store_true", help="only the notes whose readings are kept")
    parser.add_argument("--failures", action="store_true", help="list every hedge, missed concern and false alarm")
    parser.add_argument("--sets", nargs="+", default=list(SETS), help="the sets spoken (default: %(default)s)")
    args = parser.parse_args()
    if args.synth == "flite" and shutil.which("flite") is None:
        parser.error("flite is not installed (apt-get install flite)")
    matcher = build_understanding(Settings())
    coach = assemble(matcher, open_database(":memory:"))
    readings = Readings(args.readings, samples=False)
    with tempfile.TemporaryDirectory() as model_dir:
        pipeline = build_voice_pipeline(matcher.kb, Path(model_dir))
        outcomes = run(coach, pipeline, order(load_messages(tuple(args.sets))), args.synth, readings, args.kept_only)
    readings.save()
    print(f"{len(outcomes)} notes read by {args.synth}")
    report(outcomes, args.failures)


if __name__ == "__main__":
    main()
