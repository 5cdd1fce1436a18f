"""Code pages the start-up ran once, given back to the system.

Code pages read from a library file stay resident once run and count in the bot's memory for its
whole life. Much of what a bot has run when Whisper is loaded ran once: imports, building the
understanding layer, loading the model, and CTranslate2's set-up of its kernels at the first
decoding (13.6 MB of its 54 MB of code; a decoding afterwards runs 6.5 MB). Dropping the pages once
all that has run, and again before each note, leaves the system's page cache to hand back, from
memory, only the pages a note runs: 14 MB less resident after the load, and a 10-second note's peak
164 -> 146 MB with the warm-up (voice.whisper; bench/bench_voice_speed.py)."""

from __future__ import annotations

import ctypes
import ctypes.util
from pathlib import Path

MADV_DONTNEED = 4          # Linux's madvise advice: drop these pages; a private file mapping reads them again
CODE = "r-xp"              # a private, executable mapping in /proc/self/maps: a library's code
MAPS = Path("/proc/self/smaps")  # each mapping, and how many of its pages are its own


def code_ranges(smaps: str, library: str = "") -> list[tuple[int, int]]:
    """The address ranges, start and end, of the code read from files whose name contains `library`
    (every file's by default), in the text of /proc/self/smaps. Only code the file can give again is
    named: never code with no file behind it (compiled at run time, the kernel's [vdso]), nor code
    with pages of its own (a library patched where it was loaded)."""
    ranges: list[tuple[int, int]] = []
    candidate = False
    for line in smaps.splitlines():
        fields = line.split()
        if len(fields) >= 5 and "-" in fields[0] and not fields[0].endswith(":"):
            candidate = len(fields) >= 6 and fields[1] == CODE and fields[5].startswith("/") and library in Path(fields[5]).name
            if candidate:
                start, end = fields[0].split("-")
                ranges.append((int(start, 16), int(end, 16)))
        elif candidate and fields[:1] == ["Anonymous:"] and fields[1] != "0":
            ranges.pop()
            candidate = False
    return ranges


def release_code_pages(library: str = "", smaps: Path = MAPS) -> int:
    """Drop this process's resident pages of the code read from files whose name contains `library`
    (every file's by default); how many bytes of code were given back (0 where there is no /proc or
    madvise)."""
    madvise = getattr(ctypes.CDLL(ctypes.util.find_library("c")), "madvise", None)
    try:
        ranges = code_ranges(smaps.read_text(encoding="utf-8"), library)
    except OSError:
        return 0
    if madvise is None:
        return 0
    madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
    return sum(end - start for start, end in ranges if madvise(start, end - start, MADV_DONTNEED) == 0)
