"""Reminders in the terminal chat: the core's dispatcher, for the chat's user only, ticking beside
the reader; a due reminder is printed between replies with its check-in buttons numbered, so "1",
"done" or "give me 10 min" answers it as on Telegram. Same claims and recovery as Telegram: a
reminder claimed but not shown (the process died) is shown at the next start, once."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from bot.adapters.terminal.chat import TerminalChat
from scheduler.dispatcher import Deliver, Dispatcher, Due, Sleep, Transient

TICK_SECONDS = 1.0
DRAIN_SECONDS = 2.0  # at the end of input, how long reminders already claimed may take to print
NextLine = Callable[[], Awaitable[str | None]]


def make_deliver(chat: TerminalChat) -> Deliver:
    """A send function for the dispatcher: print the reminder in the chat."""

    async def deliver(due: Due) -> None:
        try:
            chat.show_reminder(chat.coach.compose_reminder(due))
        except OSError as exc:  # stdout went away: retried, and still claimed at exit, so shown next start
            raise Transient(str(exc)) from None

    return deliver


async def converse(chat: TerminalChat, next_line: NextLine, dispatcher: Dispatcher | None,
                   sleep: Sleep = asyncio.sleep) -> None:
    """Greet, then answer lines until the input ends or /quit; meanwhile, with a dispatcher,
    show the chat user's reminders as they fall due."""
    chat.greet()
    ticker = _start(dispatcher, sleep) if dispatcher is not None else None
    try:
        while (line := await _wait_for_line(chat, next_line)) is not None and chat.answer(line):
            pass
    finally:
        if dispatcher is not None and ticker is not None:
            await _finish(dispatcher, ticker)


async def _wait_for_line(chat: TerminalChat, next_line: NextLine) -> str | None:
    """The user's next line; while it is awaited, a reminder shows the prompt again."""
    chat.waiting = True
    try:
        return await next_line()
    finally:
        chat.waiting = False


def _start(dispatcher: Dispatcher, sleep: Sleep) -> asyncio.Task[None]:
    """Recover what a previous run claimed but did not show, and tick every second."""
    dispatcher.start()
    return asyncio.create_task(_tick(dispatcher, sleep), name="terminal-reminders")


async def _tick(dispatcher: Dispatcher, sleep: Sleep) -> None:
    """Queue whatever the database says is due for this user, forever."""
    while True:
        dispatcher.tick()
        await sleep(TICK_SECONDS)


async def _finish(dispatcher: Dispatcher, ticker: asyncio.Task[None]) -> None:
    """Stop ticking; print what was already claimed (briefly), then stop the senders. Nothing
    that was not due is mentioned; anything still unshown stays claimed for the next start."""
    ticker.cancel()
    await asyncio.wait([ticker])
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(dispatcher.drain(), DRAIN_SECONDS)
    await dispatcher.stop()
