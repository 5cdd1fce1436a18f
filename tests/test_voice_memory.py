"""Pages read from files (code, read-only data): given back once Whisper is loaded and CTranslate2's set-up has run."""

from __future__ import annotations

import os
from pathlib import Path

from tests.voice_support import shared_pipeline, spoken, voice_dir
from voice import memory, whisper
from voice.memory import file_ranges, release_file_pages
from voice.weights import load_int8_weights

SMAPS = """\
7f0000000000-7f0000100000 r--p 00000000 08:01 11 /venv/ctranslate2.libs/libctranslate2-a7a6.so.4.8.5
Rss:                 100 kB
Anonymous:             0 kB
7f0000100000-7f0003500000 r-xp 00100000 08:01 11 /venv/ctranslate2.libs/libctranslate2-a7a6.so.4.8.5
Rss:                9000 kB
Anonymous:             0 kB
7f0003500000-7f0003600000 rw-p 03500000 08:01 11 /venv/ctranslate2.libs/libctranslate2-a7a6.so.4.8.5
Anonymous:            20 kB
7f0004000000-7f0004100000 r-xp 00000000 08:01 12 /usr/lib/libc.so.6
Anonymous:             0 kB
7f0004100000-7f0004200000 r-xp 00000000 08:01 13 /usr/lib/libpatched.so.1
Anonymous:             8 kB
7f0005000000-7f0005100000 rw-p 00000000 00:00 0
Anonymous:          1024 kB
7f0006000000-7f0006100000 r-xp 00000000 00:00 0
Anonymous:            64 kB
7ffd00000000-7ffd00002000 r-xp 00000000 00:00 0                          [vdso]
Anonymous:             0 kB
7f0007000000-7f0007010000 r--p 00200000 08:01 14 /usr/lib/libcrypto.so.3
Anonymous:            64 kB
7f0008000000-7f0008100000 r--s 00000000 08:01 15 /srv/model.bin
Anonymous:             0 kB
7f0009000000-7f0009100000 rw-s 00000000 08:01 16 /srv/journal.db-shm
Anonymous:             0 kB
"""


def resident_kb(library: str, mapping: str = "r-xp") -> int:
    """How much of a library's code (or, with `mapping` "r--p", its read-only data) is resident in this
    process, in kB (/proc/self/smaps)."""
    total, counting = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if "-" in fields[0] and not fields[0].endswith(":"):
            counting = len(fields) >= 6 and fields[1] == mapping and library in fields[5]
        elif counting and fields[0] == "Rss:":
            total += int(fields[1])
    return total


def test_only_code_and_read_only_data_a_file_can_give_again_are_named():
    assert file_ranges(SMAPS, "libctranslate2") == [(0x7F0000000000, 0x7F0000100000), (0x7F0000100000, 0x7F0003500000)]
    assert file_ranges(SMAPS, "libopenblas") == []
    # every file's code and read-only data, never code compiled at run time, the kernel's, pages patched or
    # relocated in memory (their own), nor anything writable
    assert file_ranges(SMAPS) == [(0x7F0000000000, 0x7F0000100000), (0x7F0000100000, 0x7F0003500000),
                                  (0x7F0004000000, 0x7F0004100000), (0x7F0008000000, 0x7F0008100000)]


def test_ctranslate2s_code_and_data_pages_are_given_back_and_read_again_when_run():
    pipeline = shared_pipeline()
    note = spoken(pipeline, "how long should I rest")
    heard = pipeline.transcribe(note).text
    assert "how long" in heard.lower()  # a fresh clone once heard "How long, short I missed?"
    before, data_before = resident_kb("libctranslate2"), resident_kb("libctranslate2", "r--p")
    assert release_file_pages("libctranslate2") > 10_000_000 and before > 2_000 and data_before > 200
    assert resident_kb("libctranslate2") < before / 2 and resident_kb("libctranslate2", "r--p") < data_before / 2
    assert pipeline.transcribe(note).text == heard  # the pages read back run the same code
    assert resident_kb("libctranslate2") > 1_000


def test_whisper_warms_up_before_its_code_pages_are_given_back(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(whisper.Whisper, "_warm_up", lambda self: calls.append("warm up"))
    monkeypatch.setattr(whisper, "release_file_pages", lambda: calls.append("release") or 0)
    whisper.Whisper(load_int8_weights(None, voice_dir()), "Questions about the reverse hyperextension.")
    assert calls == ["release", "warm up", "release"]


def test_each_note_is_decoded_after_the_code_run_since_the_last_is_given_back(monkeypatch):
    pipeline = shared_pipeline()
    calls: list[str] = []
    monkeypatch.setattr(whisper, "release_file_pages", lambda: calls.append("release") or 0)
    assert "how long" in pipeline.transcribe(spoken(pipeline, "how long should I rest")).text.lower()
    assert calls == ["release", "release"]  # before the note, and after its encoding (before the beam search)


def test_whisper_is_loaded_without_a_packed_second_copy_of_its_weights(monkeypatch):
    import ctranslate2

    packing: list[str | None] = []
    monkeypatch.delenv(whisper.PACKED_GEMM, raising=False)
    monkeypatch.setattr(ctranslate2.models, "Whisper", lambda *args, **kwargs: packing.append(os.environ.get(whisper.PACKED_GEMM)))
    whisper.load_model(Path("weights"))
    assert packing == ["0"]  # CTranslate2 reads it when it loads the model: set before, never after


def test_the_c_library_is_found_once_not_at_every_note(monkeypatch):
    found = []
    monkeypatch.setattr(memory.ctypes.util, "find_library", lambda name: found.append(name) or "libc.so.6")
    memory._libc.cache_clear()
    for _ in range(3):  # each note gives pages and heap back: finding the library ran `ldconfig -p` each time
        memory.release_freed_memory()
        memory.release_file_pages("no-such-library")
    assert found == ["c"]
    memory._libc.cache_clear()
