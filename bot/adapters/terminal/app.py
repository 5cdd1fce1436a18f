"""The terminal chat as a program: stdin read in a thread (at a prompt on a terminal, line by line
from a pipe), replies and the user's reminders printed on stdout, on one event loop."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator

from bot.adapters.terminal.chat import PROMPT, AudioReader, TerminalChat
from bot.adapters.terminal.lines import LineReader, iterator_reader, prompt_reader
from bot.adapters.terminal.reminders import converse, make_deliver
from bot.core.coach import Coach


def run_terminal(coach: Coach, user_id: int, lines: Iterator[str], read_audio: AudioReader | None,
                 reminders: bool) -> None:
    """Chat until the input ends or /quit: interactive with a prompt on a TTY, one reply per line
    when scripted (`lines`); with `reminders`, the user's due reminders are shown as they come."""
    if sys.stdin.isatty():
        read, typed = prompt_reader(PROMPT)
        chat = TerminalChat(coach, sys.stdout, user_id, read_audio, PROMPT, typed)
    else:
        read = iterator_reader(lines)
        chat = TerminalChat(coach, sys.stdout, user_id, read_audio)
    reader = LineReader(read)
    try:
        asyncio.run(_serve(coach, chat, reader, reminders))
    finally:
        reader.close()


async def _serve(coach: Coach, chat: TerminalChat, reader: LineReader, reminders: bool) -> None:
    """The conversation, with a dispatcher for this user's reminders when asked to."""
    dispatcher = coach.reminder_dispatcher(make_deliver(chat), chat.user_id) if reminders else None
    await converse(chat, reader.next_line, dispatcher)
