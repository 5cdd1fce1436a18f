"""Spoken schedules: "when do you want to train?" answered by a voice note, through the real voice path.
Run on demand: python bench/bench_voice_plans.py [--plans FILE] [--synth espeak|flite] [--readings FILE]
[--voices N] [--typed] [--failures]

Each schedule (bench/voice_plans_dev.yaml) is read aloud in each voice, encoded as a Telegram voice note,
heard by Whisper and answered by the core at the planning dialogue's "when" step (a user whose safety check
allows planning, in Berlin, goal strength). Right: the plan shown for saving holds exactly the days and the
time said. Otherwise the miss is counted as: days lost (the plan or question has other days), time lost
(the days are right, the time is not) or asked (the bot asked again although the note said both).
`--typed` sends the words as typed text: the schedule reader's ceiling. Whose a miss is: `recognizer`
when no reading of the note, typed at the same step, makes the right plan; `choice` when one does.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import yaml

from bench.bench_voice import Readings, voices
from bot.composition import assemble, build_understanding
from bot.core.coach import Coach
from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.planning.draft import load_draft
from bot.features.voice.engine import speech_contexts, voice_inbound
from bot.settings import load_settings
from bot.storage.database import open_database
from scheduler.model import Schedule
from voice.pipeline import VoicePipeline, build_voice_pipeline
from voice.recognizer import Transcript

PLANS = Path(__file__).with_name("voice_plans_dev.yaml")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)  # a Saturday morning in Berlin


@dataclass(frozen=True)
class Outcome:
    """One spoken schedule and what the bot made of it."""

    said: str
    voice: str
    heard: str
    kind: str  # right, days lost, time lost, asked
    whose: str = ""  # recognizer or choice, for a miss


def at_when_step(coach: Coach, user: int) -> None:
    """Bring a new user to "When do you want to train?": the safety check all no, Berlin, strength."""
    def say(text: str, button: bool = False) -> list[Reply]:
        return coach.handle(Inbound(user, InboundKind.BUTTON if button else InboundKind.TEXT, text))

    def tap(reply: Reply, label: str) -> list[Reply]:
        return say(next(b.data for b in reply.button_list() if label in b.label), True)

    say("/screen")
    say("ok")
    for _ in range(15):
        say("no")
    say("/plan")
    tap(tap(say("Berlin")[0], "Yes")[-1], "Strength")


def outcome_of(coach: Coach, user: int, item: dict[str, object]) -> str:
    """What the plan being made holds against what was said."""
    state = coach.kit.dialogues.current(user)
    draft = load_draft(state) if state is not None else None
    pending: Schedule | None = draft.pending if draft is not None else None
    days = {DAYS[d] for d in pending.weekdays} if pending is not None else set(draft.weekdays if draft else ())
    if days != set(item["days"]):  # type: ignore[call-overload]
        return "days lost"
    clock = pending.local_time if pending is not None else None
    if clock is None:
        return "asked"
    return "right" if f"{clock:%H:%M}" == item["time"] else "time lost"


def answer(coach: Coach, user: int, item: dict[str, object], msg: Callable[[int], Inbound]) -> str:
    """A fresh user at the "when" step answers with `msg(user)`; the outcome."""
    at_when_step(coach, user)
    coach.handle(msg(user))
    return outcome_of(coach, user, item)


def spoken(coach: Coach, user: int, item: dict[str, object], hear: Callable[[str], Transcript]) -> tuple[str, Transcript]:
    """A fresh user at the "when" step answers with a voice note heard as an answer to what the bot asked; the
    outcome and the transcript."""
    at_when_step(coach, user)
    transcript = hear(coach.asked(user))
    coach.handle(voice_inbound(user, transcript))
    return outcome_of(coach, user, item), transcript


def typed(text: str) -> Callable[[int], Inbound]:
    """A message typed by a user."""
    return lambda user: Inbound(user, InboundKind.TEXT, text)


def hear_note(readings: Readings, pipeline: VoicePipeline, voice: str, speak: Callable[[str], bytes], said: str,
              asked: str) -> Transcript:
    """A schedule said in a voice, heard as an answer to what the bot `asked` (its readings kept by voice, context and
    words)."""
    return readings.hear(pipeline, f"{voice}|{asked}|{said}", partial(speak, said), asked)[0]


def main() -> None:
    """Every schedule in every voice; the totals, per voice and per kind of miss."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=Path, default=PLANS)
    parser.add_argument("--synth", choices=("espeak", "flite"), default="espeak")
    parser.add_argument("--readings", type=Path, help="JSON file of readings kept between runs (same decoding only)")
    parser.add_argument("--typed", action="store_true", help="the words typed: the schedule reader's ceiling")
    parser.add_argument("--voices", type=int, help="only the first N voices (a quicker run)")
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args()
    items = yaml.safe_load(args.plans.read_text(encoding="utf-8"))
    matcher = build_understanding(load_settings())
    coach = assemble(matcher, open_database(":memory:"), lambda: NOW)
    users = iter(range(1000, 10**6))
    if args.typed:
        outcomes = [Outcome(item["say"], "typed", item["say"],
                            answer(coach, next(users), item, typed(item["say"])))
                    for item in items]
        return report(outcomes, args.failures)
    pipeline = build_voice_pipeline(matcher.kb, Path(load_settings().voice_dir), contexts=speech_contexts())
    readings = Readings(args.readings)
    outcomes = []
    for item in items:
        for name, speak in list(voices(args.synth, pipeline).items())[:args.voices]:
            user = next(users)
            kind, transcript = spoken(coach, user, item, partial(hear_note, readings, pipeline, name, speak, item["say"]))
            heard = coach.heard(voice_inbound(user, transcript))
            whose = "" if kind == "right" else _whose(coach, users, item, transcript)
            outcomes.append(Outcome(item["say"], name, heard, kind, whose))
    readings.save()
    report(outcomes, args.failures)


def _whose(coach: Coach, users: object, item: dict[str, object], transcript: object) -> str:
    """"choice" when a reading of the note, typed at the same step, makes the right plan; else "recognizer"."""
    texts = [transcript.text, *transcript.alternatives]  # type: ignore[attr-defined]
    for text in texts:
        if answer(coach, next(users), item, typed(text)) == "right":  # type: ignore[call-overload]
            return "choice"
    return "recognizer"


def report(outcomes: list[Outcome], failures: bool) -> None:
    """Totals, per voice and per kind of miss; with `failures`, every miss."""
    right = sum(o.kind == "right" for o in outcomes)
    print(f"{len(outcomes)} notes: {len({o.said for o in outcomes})} schedules x {len({o.voice for o in outcomes})} voices")
    print(f"right plan                 {right}/{len(outcomes)} = {right / len(outcomes):.1%}")
    print("misses:                    " + ", ".join(f"{k} {n}" for k, n in Counter(o.kind for o in outcomes if o.kind != "right").items()))
    print("whose:                     " + ", ".join(f"{k} {n}" for k, n in Counter(o.whose for o in outcomes if o.whose).items()))
    per_voice: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        per_voice[o.voice].append(o)
    print("right per voice:           " + ", ".join(f"{v} {sum(o.kind == 'right' for o in os)}/{len(os)}" for v, os in per_voice.items()))
    for o in (o for o in outcomes if failures and o.kind != "right"):
        print(f"  {o.kind.upper():10} {o.voice:18} {o.said!r} -> heard {o.heard!r} [{o.whose}]")


if __name__ == "__main__":
    main()
