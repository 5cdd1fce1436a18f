"""Voice benchmark: spoken questions synthesised with the project's text to speech in several
voices and speeds, encoded as Telegram voice notes, transcribed, and answered through the core.
Run on demand: python -m bench.bench_voice [--questions FILE] [--failures] [--synth flite]

espeak-ng's voices are formant synthesis, far from a person; `--synth flite` reads the same questions
in flite's four built-in English voices (`apt-get install flite`), made from recordings of people, a
second instrument beside espeak-ng's (both are kept: they are measured apart, never mixed).

Prints the word error rate of the transcript the bot answered (read from its "I heard" line, which
is otherwise left out of the scoring), how often the right knowledge entry is answered (in-scope
questions), nothing is answered (off-topic ones) or the doctor-first line is given (health
questions, `expect: doctor`), the real-time factor of decoding and the memory the voice pipeline
adds. Targets: right entry for 92% of in-scope questions, doctor first for every health question,
under 150 MB added memory.

Doctor first, the rule: a health question counts as given the doctor-first line only when its first
reply carries a health level (doctor or emergency) AND its text holds the safety detector's own line
(the doctor-first line or the emergency advice) word for word. The hedged form an unsure note gets
("I may have misheard you ... If you mentioned pain, an injury, a condition or medicine:" then the
line) holds the line word for word after the hedge, so it counts, and is also counted apart as
hedged: on health questions (caught by the hedge alone), in-scope and off-topic ones (its cost).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from itertools import count
from pathlib import Path
from typing import Any

import yaml

from bot.features.qa.answerer import DID_YOU_MEAN
from bot.composition import assemble
from bot.core.coach import Coach
from bot.storage.database import open_database
from bot.composition import build_understanding
from bot.core.messages import Inbound, InboundKind, Reply
from bot.settings import load_settings
from bot.features.voice.engine import voice_inbound
from bot.features.qa.texts import DOCTOR_FIRST, EMERGENCY
from bot.features.voice.notes import HEARD, HEDGE, UNSURE_HEARD
from bench.voice_misses import find_miss, format_split, whose
from voice.audio import decode_audio, encode_voice_note
from voice.words import edit_distance, sentence_words
from voice.pipeline import VoicePipeline, build_voice_pipeline
from voice.pauses import has_speech
from voice.recognizer import Transcript
from voice.speech import VoiceStyle
from voice.whisper import DEFAULT, Decoding, Hearing

QUESTIONS = Path(__file__).with_name("voice_questions.yaml")
STYLES = (VoiceStyle("en-us", 165), VoiceStyle("en-us+m3", 150), VoiceStyle("en-us+f2", 150),
          VoiceStyle("en-us+klatt4", 180), VoiceStyle("en-us+m6", 170), VoiceStyle("en-us+f5", 190))
FLITE_VOICES = ("slt", "rms", "awb", "kal16")  # flite's built-in English voices: two US, a Scot, a diphone voice


@dataclass(frozen=True)
class Result:
    """One spoken question and what came of it."""

    question: str
    style: str
    heard: str  # the transcript the bot answered
    errors: int  # its word errors
    words: int
    in_scope: bool
    health: bool
    right: bool
    offered: bool  # answered, or one tap away: the first suggestion, or a close second to a wrong answer
    entry: str | None
    seconds: float
    decode_seconds: float
    alarm: bool = False  # a health line on a question that is no health concern
    hedged: bool = False  # the doctor-first line in its hedged form (an unsure note that touches health)
    miss: str = ""  # whose miss it is, with --split (bench/voice_misses.py)


class Readings:
    """Each note's readings, kept in a JSON file between runs of the same decoding, so a change after
    the recognizer is measured without decoding again (None: none kept)."""

    def __init__(self, path: Path | None, samples: bool = True) -> None:
        self.path = path
        self.kept: dict[str, Any] = json.loads(path.read_text()) if path and path.exists() else {}
        self.samples = samples  # False: the notes answered without the second hearing (its "before")
        self.decoded = 0  # notes decoded in this run (not read back), and of them heard again (too short at first)
        self.heard_again = 0

    def hear(self, pipeline: VoicePipeline, key: str, note: Callable[[], bytes], context: str = "") -> tuple[Transcript, float]:
        """The note's transcript and the seconds spent decoding it: Whisper's readings, the beam's and
        the second hearing's, are kept (or decoded now from `note()`), the recognizer turns them into
        the transcript the bot gets (without the second hearing's unless `samples`); `context`, what the bot asked."""
        if key in self.kept:
            seconds, heard, sampled, *sure = self.kept[key]  # readings kept before the certainty: sure
            return pipeline.recognizer.transcript(heard, seconds, sampled if self.samples else [], *sure), 0.0
        started = time.perf_counter()
        clip = decode_audio(note(), pipeline.max_seconds)
        hearing = pipeline.recognizer.wait().listen(clip, context=context) if has_speech(clip) else Hearing([], [])
        decoded = time.perf_counter() - started
        self.decoded += 1
        self.heard_again += hearing.heard_again
        self.kept[key] = [clip.seconds, hearing.beam, hearing.samples, hearing.certainty]
        if len(self.kept) % 50 == 0:  # a long run stopped midway keeps most of its readings
            self.save()
        samples = hearing.samples if self.samples else []
        return pipeline.recognizer.transcript(hearing.beam, clip.seconds, samples, hearing.certainty), decoded

    def format_heard_again(self) -> str:
        """How many of the notes decoded were heard too short at first and heard again (voice.coverage)."""
        return f"heard again (too short at first) {self.heard_again}/{self.decoded} notes decoded"

    def save(self) -> None:
        """Keep the readings for the next run."""
        if self.path:
            self.path.write_text(json.dumps(self.kept))


def rss_mb(field: str = "VmRSS") -> float:
    """Resident memory of this process (Linux), in MB: now (VmRSS) or at its peak (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> None:
    """Start VmHWM again from the current RSS (Linux 4.0+), so the peak is this run's."""
    Path("/proc/self/clear_refs").write_text("5")


def main() -> None:
    """Run every question in every style and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every question answered wrongly")
    parser.add_argument("--questions", type=Path, default=QUESTIONS,
                        help="question set (bench/voice_holdout.yaml is held out: never tune against it)")
    parser.add_argument("--hypotheses", type=int, default=DEFAULT.hypotheses, help="readings per note")
    parser.add_argument("--topic-words", type=int, default=DEFAULT.topic_words, help="topic words in the prompt")
    parser.add_argument("--health-words", type=int, default=DEFAULT.health_words, help="health words in the prompt")
    parser.add_argument("--typed", action="store_true", help="send the questions as typed text: the ceiling of the spoken run")
    parser.add_argument("--synth", choices=("espeak", "flite"), default="espeak", help="who reads the questions")
    parser.add_argument("--readings", type=Path, help="JSON file of readings kept between runs (same decoding only)")
    parser.add_argument("--split", action="store_true", help="say whose each in-scope miss is (totals)")
    parser.add_argument("--samples", type=int, default=DEFAULT.samples, help="readings sampled in a second hearing")
    parser.add_argument("--without-samples", action="store_true",
                        help="answer without the second hearing's readings (with --readings: the same beam readings)")
    args = parser.parse_args()
    if args.synth == "flite" and shutil.which("flite") is None:
        parser.error("flite is not installed (apt-get install flite)")
    items = yaml.safe_load(args.questions.read_text(encoding="utf-8"))
    matcher = build_understanding(load_settings())
    coach = assemble(matcher, open_database(":memory:"))
    if args.typed:
        report([judge(item, "typed", item["q"], coach.handle(Inbound(n + 1000, InboundKind.TEXT, item["q"]))[0])
                for n, item in enumerate(items)], None, None, args.failures)
        return
    reset_peak()
    before = rss_mb()
    with tempfile.TemporaryDirectory() as model_dir:
        started = time.perf_counter()
        decoding = Decoding(hypotheses=args.hypotheses, topic_words=args.topic_words, health_words=args.health_words,
                            samples=args.samples)
        pipeline = build_voice_pipeline(matcher.kb, Path(model_dir), decoding=decoding)
        pipeline.recognizer.wait()
        load_seconds = time.perf_counter() - started
        readings = Readings(args.readings, not args.without_samples)
        notes = [(item, name, speak) for item in items for name, speak in voices(args.synth, pipeline).items()]
        results = [run_one(coach, pipeline, n, item, name, partial(speak, item["q"]), readings, args.split)
                   for n, (item, name, speak) in enumerate(notes)]
        readings.save()
    report(results, load_seconds, (rss_mb() - before, rss_mb("VmHWM") - before), args.failures)
    print(readings.format_heard_again())


def voices(synth: str, pipeline: VoicePipeline) -> dict[str, Callable[[str], bytes]]:
    """Each measuring voice's name and how it reads a text as a voice note."""
    if synth == "flite":
        return {f"flite:{voice}": lambda text, voice=voice: flite_note(voice, text) for voice in FLITE_VOICES}
    return {f"{style.name}@{style.speed}": lambda text, style=style: encode_voice_note(pipeline.speaker.synthesize(text, style))
            for style in STYLES}


def flite_note(voice: str, text: str) -> bytes:
    """The text read by one of flite's voices, as a Telegram voice note."""
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "note.wav"
        subprocess.run(["flite", "-voice", voice, "-t", text, "-o", str(wav)], check=True, capture_output=True)
        return encode_voice_note(decode_audio(wav.read_bytes()))


def run_one(coach: Coach, pipeline: VoicePipeline, user_id: int, item: dict, voice: str,
            note: Callable[[], bytes], readings: Readings, split: bool = False) -> Result:
    """Transcribe one voice note and answer it through the core (each as a new user); with `split`,
    say whose an in-scope miss is."""
    transcript, decode_seconds = readings.hear(pipeline, f"{voice}\t{item['q']}", note)
    reply = coach.handle(voice_inbound(user_id + 1000, transcript))[0]
    result = judge(item, voice, _heard(reply), reply, transcript.seconds, decode_seconds)
    if not split or result.right or not result.in_scope:
        return result
    heard = (transcript.text, *transcript.alternatives) if transcript.confident else ()
    users = count(10**7 + 100 * user_id)  # a new user for each text typed

    def typed_right(text: str) -> bool:
        return coach.handle(Inbound(next(users), InboundKind.TEXT, text))[0].entry in item["expect"]
    return replace(result, miss=whose(find_miss(heard, typed_right, item["q"], reply.entry)))


def judge(item: dict, style: str, heard: str, reply: Reply, seconds: float = 0.0, decode_seconds: float = 0.0) -> Result:
    """How one question's first reply measures up against what the set expects."""
    reference = sentence_words(item["q"])
    health = item["expect"] == "doctor"
    in_scope = item["expect"] != "none" and not health
    if health:  # the doctor-first line, or the more urgent emergency advice (see the rule above)
        right = health_line(reply)
    else:
        right = reply.entry in item["expect"] if in_scope else reply.entry is None
    offered = right or (in_scope and _one_tap_away(reply) in item["expect"])
    return Result(item["q"], style, heard, edit_distance(reference, sentence_words(heard)),
                  len(reference), in_scope, health, right, offered, reply.entry, seconds, decode_seconds,
                  not health and reply.safety is not None, hedged(reply))


def health_line(reply: Reply) -> bool:
    """Whether a reply gives the safety detector's doctor-first line or emergency advice, word for
    word, perhaps in its hedged form (the rule in this module's docstring)."""
    return reply.safety in ("doctor", "emergency") and (DOCTOR_FIRST in reply.text or EMERGENCY in reply.text)


def hedged(reply: Reply) -> bool:
    """Whether a reply gives the doctor-first line in its hedged form (an unsure note)."""
    return reply.text.startswith(UNSURE_HEARD.split("{}")[0]) and f"{HEDGE}{DOCTOR_FIRST}" in reply.text


def _heard(reply: Reply) -> str:
    """The transcript a reply says it answered ("" when it has no "I heard" line)."""
    for head, tail in (HEARD.split("{}"), UNSURE_HEARD.split("{}")):
        if reply.text.startswith(head):
            return reply.text[len(head):].split(tail, 1)[0]
    return ""


def _one_tap_away(reply: Reply) -> str | None:
    """The entry a did-you-mean button offers: the first suggestion of an unanswered note, or the
    first close second to an answer."""
    for button in reply.button_list():
        if button.data.startswith("kb:") and (reply.entry is None or button.label.startswith(DID_YOU_MEAN)):
            return button.data.removeprefix("kb:")
    return None


def report(results: list[Result], load_seconds: float | None, added_mb: tuple[float, float] | None, failures: bool) -> None:
    """Print the summary, per voice, and optionally every failure (typed questions: no load or memory)."""
    in_scope = [r for r in results if r.in_scope]
    off_topic = [r for r in results if not r.in_scope and not r.health]
    health = [r for r in results if r.health]
    wer = _wer(results)
    voices = len({r.style for r in results})
    print(f"{len(results)} {'typed questions' if load_seconds is None else 'voice notes'}: "
          f"{len({r.question for r in results})} questions x {voices} voices/speeds, {sum(r.seconds for r in results):.0f} s of audio")
    print(f"word error rate            {wer:.3f} (of the transcript answered)")
    if in_scope:
        print(f"right entry (in scope)     {sum(r.right for r in in_scope)}/{len(in_scope)} = {_share(in_scope):.1%}")
        offered = sum(r.offered for r in in_scope)
        print(f"right entry, or one tap away on the first did-you-mean button {offered}/{len(in_scope)} = "
              f"{offered / len(in_scope):.1%}")
        wrong = sum(1 for r in in_scope if not r.right and r.entry is not None)
        print(f"wrong entry (in scope)     {wrong}/{len(in_scope)} = {wrong / len(in_scope):.1%} "
              "(the rest: \"didn't catch that\" or did-you-mean buttons)")
        if any(r.miss for r in in_scope):
            print(f"in-scope misses, whose:    {format_split(r.miss for r in in_scope if r.miss)}")
    if off_topic:
        print(f"nothing answered (off-topic) {sum(r.right for r in off_topic)}/{len(off_topic)} = {_share(off_topic):.1%}")
    if health:
        print(f"doctor first (health)      {sum(r.right for r in health)}/{len(health)} = {_share(health):.1%}")
    if in_scope or off_topic:
        print(f"false alarms (a health line on no concern) {sum(r.alarm for r in results)}/{len(in_scope) + len(off_topic)}"
              f" (of them hedged: {sum(r.alarm and r.hedged for r in results)})")
    print("hedged doctor-first line (unsure, touches health): " +
          ", ".join(f"{name} {sum(r.hedged for r in rs)}/{len(rs)}"
                    for name, rs in (("health", health), ("in scope", in_scope), ("off-topic", off_topic)) if rs))
    if load_seconds is not None and added_mb is not None:
        rtf = sum(r.decode_seconds for r in results) / sum(r.seconds for r in results)
        print(f"real-time factor           {rtf:.3f} (decode incl. OGG decoding and resampling, one core)")
        print(f"model load                 {load_seconds:.2f} s (building the int8 weights included)")
        print(f"added memory               {added_mb[0]:.0f} MB RSS after the run, {added_mb[1]:.0f} MB at its peak")
    by_style = _by_voice(in_scope)
    print("right entry per voice:     " + ", ".join(f"{s} {_share(rs):.0%}" for s, rs in by_style.items()))
    print("word error rate per voice: " + ", ".join(f"{s} {_wer(rs):.3f}" for s, rs in _by_voice(results).items()))
    for r in (r for r in results if failures and r.alarm):
        print(f"  ALARM {r.style:18} {r.question!r} -> heard {r.heard!r}")
    for r in (r for r in results if failures and r.hedged):
        print(f"  HEDGED {r.style:18} {r.question!r} -> heard {r.heard!r}")
    for r in (r for r in results if failures and not r.right):
        print(f"  MISS {r.style:18} {r.question!r} -> heard {r.heard!r} -> {r.entry} [{r.miss}]")


def _by_voice(results: list[Result]) -> dict[str, list[Result]]:
    """The results of each voice and speed."""
    voices: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        voices[r.style].append(r)
    return voices


def _wer(results: list[Result]) -> float:
    """The word error rate of the transcripts answered."""
    return sum(r.errors for r in results) / max(1, sum(r.words for r in results))


def _share(results: list[Result]) -> float:
    """The share of results that are right."""
    return sum(r.right for r in results) / len(results) if results else 0.0


if __name__ == "__main__":
    main()
