"""The terminal adapter: a chat on stdin/stdout over the same core, buttons shown as numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from bot.core.coach import Coach
from bot.core.messages import Button, Inbound, InboundKind, Reply

PROMPT = "you> "
SPOKEN_NOTE = "🔊 (/voice is on: in Telegram this reply also comes as a voice note)"
AUDIO_SUFFIXES = (".ogg", ".oga", ".opus", ".wav", ".flac")
AudioReader = Callable[[int, Path], Inbound | Reply]  # (user id, audio file) -> a VOICE inbound, or why not


def format_reply(reply: Reply, first_number: int = 1) -> str:
    """A reply as terminal text, with its buttons numbered from `first_number`."""
    lines = [f"== {reply.title} ==" if reply.title else "", reply.text]
    for n, button in enumerate(reply.button_list(), start=first_number):
        lines.append(f"  [{n}] {button.label}")
    return "\n".join(line for line in lines if line)


def to_inbound(user_id: int, line: str, buttons: list[Button]) -> Inbound:
    """A typed line: a button when it is a shown number or a button's exact label, else text."""
    choice = line.strip()
    if choice.isdigit() and 1 <= int(choice) <= len(buttons):
        return Inbound(user_id, InboundKind.BUTTON, buttons[int(choice) - 1].data)
    for button in buttons:
        if choice.lower() == button.label.lower():
            return Inbound(user_id, InboundKind.BUTTON, button.data)
    return Inbound(user_id, InboundKind.TEXT, line)


def prompted_lines(prompt: str = PROMPT) -> Iterator[str]:
    """Lines typed at an interactive prompt, until end of input."""
    while True:
        try:
            yield input(prompt)
        except EOFError:
            return


def audio_path(line: str) -> Path | None:
    """The audio file a line names (an existing .ogg/.oga/.opus/.wav/.flac file), or None."""
    path = Path(line.strip().strip("'\"")).expanduser()
    return path if path.suffix.lower() in AUDIO_SUFFIXES and path.is_file() else None


def run_chat(coach: Coach, lines: Iterable[str], out: TextIO, user_id: int,
             read_audio: AudioReader | None = None) -> None:
    """Answer each line until the input ends (or the user types /quit); with `read_audio`, a line
    naming an audio file is sent as a voice note."""
    buttons: list[Button] = []
    _show(coach.handle(Inbound(user_id, InboundKind.TEXT, "/start")), out, buttons)
    for line in lines:
        if line.strip().lower() in ("/quit", "/exit"):
            break
        path = audio_path(line) if read_audio else None
        inbound = read_audio(user_id, path) if read_audio and path else to_inbound(user_id, line.rstrip("\n"), buttons)
        _show([inbound] if isinstance(inbound, Reply) else coach.handle(inbound), out, buttons)


def _show(replies: list[Reply], out: TextIO, buttons: list[Button]) -> None:
    """Print replies and remember the buttons they offered, numbered across all of them."""
    buttons.clear()
    for reply in replies:
        out.write(format_reply(reply, len(buttons) + 1) + "\n\n")
        if reply.speak:
            out.write(SPOKEN_NOTE + "\n\n")
        buttons.extend(reply.button_list())
    out.flush()
