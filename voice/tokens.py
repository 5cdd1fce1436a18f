"""Whisper's tokens: the ones every decoding starts with (the prompt), and text from the ones it writes.

The tokenizer library takes 20 MB while it runs and 5 MB of code for the life of the process, for
a prompt that only changes with the content. So the prompt's tokens are kept next to the weights,
under the prompt's sha256, and the tokenizer is loaded only when the prompt has changed. The ids
are those of the weights' own vocabulary (cut to English, voice.vocabulary): a piece of the prompt
it lacks is written with the longest pieces it has."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

from voice.vocabulary import read_vocabulary

SPECIALS = ("<|startofprev|>", "<|startoftranscript|>", "<|notimestamps|>", "<|endoftext|>")


def prompt_tokens(model_dir: Path, prompt: str) -> tuple[list[int], int]:
    """The tokens every decoding starts with (the prompt, if any, then "transcribe, no timestamps")
    and the end-of-text token: from the cache next to the weights, else from the tokenizer."""
    cache = model_dir / f"prompt-{hashlib.sha256(prompt.encode('utf-8')).hexdigest()[:16]}.json"
    cached = _read_cache(cache, prompt)
    if cached is not None:
        return cached
    prefix, end = _tokenize(model_dir, prompt)
    save_quietly(cache, json.dumps({"prompt": prompt, "prefix": prefix, "end": end}))
    return prefix, end


def _read_cache(cache: Path, prompt: str) -> tuple[list[int], int] | None:
    """The cached tokens of this very prompt, or None when there are none (or they are unusable)."""
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("prompt") != prompt:
        return None
    prefix, end = data.get("prefix"), data.get("end")
    if not isinstance(end, int) or not isinstance(prefix, list) or not all(isinstance(t, int) for t in prefix):
        return None
    return prefix, end


def save_quietly(path: Path, text: str) -> None:
    """Keep a derived file for the next start (atomically); in a read-only folder it is derived again next time."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)


def _tokenize(model_dir: Path, prompt: str) -> tuple[list[int], int]:
    """The prefix and end token, from the tokenizer itself and the weights' vocabulary."""
    import tokenizers  # imported here: only a changed prompt needs it

    tokenizer = tokenizers.Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    ids = {token: i for i, token in enumerate(read_vocabulary(model_dir / "vocabulary.txt"))}
    if any(name not in ids for name in SPECIALS):
        raise ValueError(f"the vocabulary in {model_dir} lacks one of Whisper's special tokens")
    previous, start, no_timestamps, end = (ids[name] for name in SPECIALS)
    pieces = tokenizer.encode(" " + prompt.strip(), add_special_tokens=False).tokens if prompt else []
    context = [i for piece in pieces for i in spelled(piece, ids)]
    return [*([previous, *context] if prompt else []), start, no_timestamps], end


def spelled(piece: str, ids: dict[str, int]) -> list[int]:
    """The ids a token is written with: its own, or when the vocabulary lacks it, the longest
    pieces it has, from the left."""
    found: list[int] = []
    while piece:
        size = next((n for n in range(len(piece), 0, -1) if piece[:n] in ids), 0)
        if not size:
            raise ValueError(f"the vocabulary cannot write {piece!r}")
        found.append(ids[piece[:size]])
        piece = piece[size:]
    return found


def _byte_of_character() -> dict[str, int]:
    """GPT-2's byte-level alphabet reversed: each byte is written as a printable character (itself
    when printable, else one from U+0100 on, in byte order)."""
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    others = [b for b in range(256) if b not in printable]
    return {chr(b): b for b in printable} | {chr(256 + i): b for i, b in enumerate(others)}


@functools.cache
def _byte_table() -> dict[str, int]:
    """The reversed alphabet, built once."""
    return _byte_of_character()


def decode_tokens(tokens: list[str]) -> str:
    """Text from Whisper's byte-level token strings ("ĠHow", "Ġmany", ...)."""
    byte_of = _byte_table()
    return bytes(byte_of[c] for c in "".join(tokens) if c in byte_of).decode("utf-8", errors="replace")
