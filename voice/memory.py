"""Pages read from files that the start-up used once, given back to the system.

Code pages read from a library file stay resident once run and count in the bot's memory for its
whole life, and so do the pages of its read-only data (constant tables, symbol tables the loader
reads once: 11.7 MB of a voice bot's). Much of what a bot has run when Whisper is loaded ran once:
imports, building the understanding layer, loading the model, and CTranslate2's set-up of its
kernels at the first decoding (13.6 MB of its 54 MB of code; a decoding afterwards runs 6.5 MB).
Dropping the pages once all that has run, and again before each note, leaves the system's page cache
to hand back, from memory, only the pages a note reads: code alone, 14 MB less resident after the
load and a 10-second note's peak 164 -> 146 MB with the warm-up; code and read-only data, that peak
153.4 -> 143.8 MB (voice.whisper; bench/bench_voice_speed.py)."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import subprocess
import sys
from pathlib import Path

MADV_DONTNEED = 4          # Linux's madvise advice: drop these pages; a private file mapping reads them again
# Mappings in /proc/self/smaps that a file can give again: a library's code, its read-only data, a file
# mapped to be read (private or shared). Writable mappings hold the process's own data: never these.
READ_ONLY = ("r-xp", "r--p", "r--s")
MAPS = Path("/proc/self/smaps")  # each mapping, and how many of its pages are its own


@functools.cache
def _libc() -> ctypes.CDLL:
    """The C library, found once (finding it runs `ldconfig -p` in a child process)."""
    return ctypes.CDLL(ctypes.util.find_library("c"))


def file_ranges(smaps: str, library: str = "") -> list[tuple[int, int]]:
    """The address ranges, start and end, of the code and read-only data read from files whose name
    contains `library` (every file's by default), in the text of /proc/self/smaps. Only pages the file
    can give again are named: never a mapping with no file behind it (code compiled at run time, the
    kernel's [vdso]), a writable one, nor one with pages of its own (a library patched where it was
    loaded, data made read-only after the loader relocated it)."""
    ranges: list[tuple[int, int]] = []
    candidate = False
    for line in smaps.splitlines():
        fields = line.split()
        if len(fields) >= 5 and "-" in fields[0] and not fields[0].endswith(":"):
            candidate = len(fields) >= 6 and fields[1] in READ_ONLY and fields[5].startswith("/") and library in Path(fields[5]).name
            if candidate:
                start, end = fields[0].split("-")
                ranges.append((int(start, 16), int(end, 16)))
        elif candidate and fields[:1] == ["Anonymous:"] and fields[1] != "0":
            ranges.pop()
            candidate = False
    return ranges


def release_file_pages(library: str = "", smaps: Path = MAPS) -> int:
    """Drop this process's resident pages of the code and read-only data read from files whose name
    contains `library` (every file's by default); how many bytes of mappings were given back (0 where
    there is no /proc or madvise)."""
    madvise = getattr(_libc(), "madvise", None)
    try:
        ranges = file_ranges(smaps.read_text(encoding="utf-8"), library)
    except OSError:
        return 0
    if madvise is None:
        return 0
    madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
    return sum(end - start for start, end in ranges if madvise(start, end - start, MADV_DONTNEED) == 0)


def release_freed_memory() -> None:
    """Give the memory freed on the heap back to the system: glibc would keep it (the encoder's 20-30 MB
    of scratch space) for the life of the process (no-op on a C library without malloc_trim)."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)


def run_in_child(module: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run `python -m module args...` in a child process (work done once, at the first start: building
    the int8 weights, deriving the prompt), whose memory is all given back when it ends. The bot's
    own pages read from files are given back first, so the two together hold less while it runs;
    the child imports this project's packages from where the bot did."""
    release_file_pages()
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (root, os.environ.get("PYTHONPATH")))),
           "TOKENIZERS_PARALLELISM": "false",  # one thread: the tokenizer's threads held 10 MB more
           "MALLOC_MMAP_THRESHOLD_": str(128 * 1024)}  # glibc: blocks of 128 KB or more given back when freed
    return subprocess.run([sys.executable, "-m", module, *args], input=stdin, env=env, capture_output=True,
                          text=True, check=False)
