"""Voice speed and memory, each run in a fresh process pinned to one core.
Run on demand: python bench/bench_voice_speed.py [--runs N]

Start-up: from launching Python to the bot being ready to take updates (what `coachbot run` does
before polling: content, matcher, database, and the voice pipeline with Whisper loading in the
background). Then a 10-second note (two recordings of a person back to back, as Telegram OGG/Opus)
sent at once, while Whisper may still be loading, and again with it loaded: the time from the
note's bytes to the core's reply (startup_cpu and loaded_note_cpu: the CPU seconds the process spent
until ready and on the loaded note, which other work on the machine changes less than the clock).
Memory: peak RSS (VmHWM) of the process, and the same process without voice; at the first start,
which builds the int8 weights in a child process, also the peak with that child counted
(peak_with_children_mb: at each moment a child runs, the bot's RSS plus the child's own peak, sampled
every few milliseconds from /proc; the child's own peak is build_child_mb). The note is made once
by this script and read by each process as the bytes a download would give it (making it in the
bot's process cost 4-7 MB that a bot never spends); --long-note also sends a 30-second note, the
longest Whisper hears, whose peak is its own.
"terminal" starts like `coachbot chat` (text, no Telegram adapter).
Targets: start-up < 1.5 s with voice and < 1 s for text, a 10 s note answered < 2 s with the model
loaded, < 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT / "tests" / "data" / "human_speech"


def child(voice: bool, voice_dir: str, notes: list[Path], telegram: bool = True) -> None:
    """Start like `coachbot run` (like `coachbot chat` without `telegram`), then answer the
    10-second note twice; print what was measured."""
    os.sched_setaffinity(0, {0})
    from bot.composition import build_coach
    from bot.settings import Settings
    from bot.features.voice.engine import build_voice, voice_inbound

    settings = Settings(db_path=":memory:", voice_dir=Path(voice_dir))
    if telegram:
        import bot.adapters.telegram.app  # noqa: F401  (`coachbot run` imports it too: part of the baseline)

    coach = build_coach(settings)
    pipeline = build_voice(settings, coach.kb) if voice else None
    result: dict[str, float] = {"startup_cpu": time.process_time()}  # all threads' CPU time: steadier than the clock on a busy machine
    print("ready", flush=True)
    if pipeline is not None:
        note = notes[0].read_bytes()
        for label in ("first_note", "loaded_note"):
            started, cpu = time.perf_counter(), time.process_time()
            replies = coach.handle(voice_inbound(7, pipeline.transcribe(note)))
            result[label] = time.perf_counter() - started
            assert replies[0].text.startswith("🎙")
        result["loaded_note_cpu"] = time.process_time() - cpu
    result["peak_mb"] = peak_rss_mb()
    if pipeline is not None and len(notes) > 1:
        replies = coach.handle(voice_inbound(7, pipeline.transcribe(notes[1].read_bytes())))
        assert replies[0].text.startswith("🎙")
        result["long_note_peak_mb"] = peak_rss_mb()
    print(json.dumps(result), flush=True)


def ten_second_note(names: tuple[str, ...] = ("austen-0870", "austen-0880")) -> bytes:
    """Recordings of people back to back (10.1 s for the default two), as a Telegram voice note."""
    import numpy as np

    from voice.audio import Clip, decode_audio, encode_voice_note

    parts = [decode_audio((SPEECH / f"{name}.flac").read_bytes()) for name in names]
    return encode_voice_note(Clip(np.concatenate([p.samples for p in parts]), parts[0].rate))


def write_notes(folder: Path, long_note: bool) -> list[Path]:
    """The 10-second note, and with `long_note` one of about 30 s, as files in `folder`."""
    notes = {"ten.ogg": ("austen-0870", "austen-0880")}
    if long_note:  # 29.3 s
        notes["thirty.ogg"] = (*(f"austen-{n}" for n in ("0870", "0880", "0890", "0920", "0930")), "cards-005", "cards-001")
    for name, parts in notes.items():
        (folder / name).write_bytes(ten_second_note(parts))
    return [folder / name for name in notes]


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_once(voice: bool, voice_dir: str, notes: list[Path], mode: str = "") -> dict[str, float]:
    """One fresh process: its start-up time and what it measured, with its children's memory."""
    started = time.perf_counter()
    command = [sys.executable, __file__, "--child", mode or ("voice" if voice else "text"), "--voice-dir", voice_dir,
               *(f"--note={note}" for note in notes)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    watch = ChildrenMemory(proc.pid)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    startup = time.perf_counter() - started
    result = json.loads(proc.stdout.readline())
    proc.wait()
    watch.stop()
    together = {"peak_with_children_mb": max(result["peak_mb"], watch.together_mb),
                "build_child_mb": watch.child_peak_mb} if watch.child_peak_mb else {}
    return {"startup": startup, **result, **together}


def status_mb(pid: int | str, field: str) -> float:
    """A process's VmRSS or VmHWM in MB (0 once it has ended)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) / 1024 for line in lines if line.startswith(f"{field}:")), 0.0)


def children(pid: int) -> list[str]:
    """The ids of a process's children (those of each of its threads) that run a program of their own:
    a child forked and not yet exec'd shares the bot's pages (its RSS counts them again), and after
    exec its peak is its own (ctypes' find_library runs `ldconfig -p` that way)."""
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    found: list[str] = []
    for task in tasks:
        try:
            found += (task / "children").read_text().split()
        except OSError:
            continue
    return [kid for kid in found if _command(kid) not in (b"", _command(pid))]


def _command(pid: int | str) -> bytes:
    """A process's command line ("" once it has ended)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


class ChildrenMemory:
    """Samples a process and its children every 2 ms: the most the process held while a child ran,
    plus that child's own peak (an upper bound of the two together), and the children's peak."""

    def __init__(self, pid: int) -> None:
        self.pid, self.together_mb, self.child_peak_mb = pid, 0.0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.002):
            kids = children(self.pid)
            if not kids:
                continue
            own = sum(status_mb(kid, "VmHWM") for kid in kids)
            self.child_peak_mb = max(self.child_peak_mb, own)
            self.together_mb = max(self.together_mb, status_mb(self.pid, "VmRSS") + own)

    def stop(self) -> None:
        """Stop sampling."""
        self._stop.set()
        self._thread.join()


def main() -> None:
    """Median of several runs, with voice and text only."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=("voice", "text", "chat"))
    parser.add_argument("--voice-dir", default="")
    parser.add_argument("--note", type=Path, action="append", default=[])
    parser.add_argument("--long-note", action="store_true", help="also send a 30-second note")
    args = parser.parse_args()
    if args.child:
        child(args.child == "voice", args.voice_dir, args.note, telegram=args.child != "chat")
        return
    with tempfile.TemporaryDirectory() as voice_dir:
        notes = write_notes(Path(voice_dir), args.long_note)
        built = run_once(True, voice_dir, notes)  # builds the int8 weights, once
        print(f"first start ever (builds the int8 weights): start-up {built['startup']:.2f} s, first note "
              f"{built['first_note']:.2f} s, peak {built['peak_mb']:.0f} MB, with the building child "
              f"{built.get('peak_with_children_mb', built['peak_mb']):.0f} MB (the child alone "
              f"{built.get('build_child_mb', 0):.0f} MB)")
        for mode, name, target in (("voice", "with voice", 1.5), ("text", "text only ", 1.0), ("chat", "terminal  ", 1.0)):
            runs = [run_once(mode == "voice", voice_dir, notes, mode) for _ in range(args.runs)]
            # a figure only some runs have (a child's peak, seen only while a child ran) is left out of the medians
            print(f"{name} ({args.runs} runs, median): " + ", ".join(
                f"{key} {statistics.median(r[key] for r in runs):.2f}{' MB' if key.endswith('mb') else ' s'}"
                for key in runs[0] if all(key in r for r in runs)) + f"  (start-up target < {target:g} s)")


if __name__ == "__main__":
    main()
