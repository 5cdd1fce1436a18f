"""Typed lines for the async terminal chat: a blocking reader (input() at a prompt, or a pipe) run
in a thread of its own, one line per request, so the event loop stays free to show reminders."""

from __future__ import annotations

import asyncio
import importlib
import queue
import threading
from collections.abc import Callable, Iterator
from types import ModuleType

ReadLine = Callable[[], str | None]  # blocks for the next line; None at the end of input
Request = tuple[asyncio.AbstractEventLoop, "asyncio.Future[str | None]"] | None


class LineReader:
    """Lines from a blocking `read`, each read only when asked for (a prompt appears only while the
    chat waits). The thread is a daemon: a read still blocked at exit (Ctrl-C) does not hold the
    process open."""

    def __init__(self, read: ReadLine) -> None:
        self.read = read
        self._requests: queue.SimpleQueue[Request] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    async def next_line(self) -> str | None:
        """The next line, or None when the input has ended."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="terminal-reader", daemon=True)
            self._thread.start()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[str | None] = loop.create_future()
        self._requests.put((loop, future))
        return await future

    def close(self) -> None:
        """Let the thread end once it is not reading."""
        self._requests.put(None)

    def _serve(self) -> None:
        """Answer requests in order until closed or the input ends."""
        while (request := self._requests.get()) is not None:
            loop, future = request
            try:
                line = self.read()
            except (EOFError, OSError, ValueError):  # end of input, or a closed or broken stdin: ends it too
                line = None
            except Exception as exc:  # noqa: BLE001 - a bug in reading must surface in the chat, not hang it
                loop.call_soon_threadsafe(_settle, future, None, exc)
                return
            loop.call_soon_threadsafe(_settle, future, line)
            if line is None:
                return


def _settle(future: asyncio.Future[str | None], line: str | None, error: Exception | None = None) -> None:
    """Hand the line (or the reader's error) to the waiting chat, unless it stopped waiting."""
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(line)


def iterator_reader(lines: Iterator[str]) -> ReadLine:
    """Read from an iterator of lines (a pipe's lines, a list in tests)."""
    return lambda: next(lines, None)


def prompt_reader(prompt: str) -> tuple[ReadLine, Callable[[], str]]:
    """Read at an interactive prompt, with line editing when readline is available; also how to
    get what has been typed so far (to show it again under a reminder)."""
    editing = _readline()

    def read() -> str | None:
        """One line typed at the prompt; bytes that are not UTF-8 become U+FFFD, not an error."""
        try:
            return input(prompt)
        except UnicodeDecodeError:
            return "\ufffd"

    def typed() -> str:
        """The text typed at the prompt so far."""
        return editing.get_line_buffer() if editing is not None else ""
    return read, typed


def _readline() -> ModuleType | None:
    """The readline module (imported only for an interactive chat: it changes how input() reads)."""
    try:
        return importlib.import_module("readline")
    except ImportError:
        return None
