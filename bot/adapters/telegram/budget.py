"""One sending budget per bot token, shared by replies and reminders, and the rules for a send
whose outcome is unknown.

Every Bot API call that names a chat goes through `SendBudget`, a PTB rate limiter built on
aiolimiter: sends are paced at `rate` overall, each private chat gets a short burst and then about
one message a second, each group 20 a minute, and a 429 pauses every sender for Telegram's
retry_after. The overall bucket holds OVERALL_BURST sends, so a sender woken late (the event loop
busy, the machine loaded) makes up the lost time instead of losing it: with a bucket of one, every
late wake-up was time lost for good, 12% of a 10,000-reminder fan-out on a loaded machine. A
window keeps that catching up within Telegram's per-second limit without trusting our clock to
match Telegram's: a send takes one of ceil(rate) slots and gives it back one second after its
answer came, so whenever Telegram counts a send (between our request and its answer), no more
than ceil(rate) of them fall in any second. (A window timed from when sends start, 30 per 1.01 to
1.04 s, still earned 17 to 94 429s per fan-out at a load of 7 on 2 cores, where the event loop
often ran over 100 ms late.)

A failed send is retried here, the one place every send passes through, up to 5 attempts:
- when Telegram answered with an error (5xx) or the connection never opened, nothing was sent,
  so a retry cannot duplicate anything;
- a slow answer is waited for (SEND_READ_TIMEOUT, well past Telegram's usual worst case) rather
  than abandoned and sent again, since abandoning it is what turns a late answer into a copy;
- when the request went out and the connection closed without an answer (or even the long wait
  ran out), Telegram may have delivered it: that lost answer is settled by one more attempt, so it
  costs at most one duplicate, and nothing is lost. If the last attempt ends that way too, the
  send raises `OutcomeUnknown` and is counted as delivered, not apologised for.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

import httpx
from aiolimiter import AsyncLimiter
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

SEND_READ_TIMEOUT = 60.0  # seconds to wait for Telegram's answer to a send
DEFAULT_RATE = 29.5  # messages per second per token: just under Telegram's ~30
OVERALL_BURST = 3  # sends the overall bucket lets out at once to make up for late wake-ups
WINDOW = 1.0  # seconds after its answer that a send keeps its slot
CHAT_BURST = 3  # a private chat may get this many at once, then about one a second
GROUP_PER_MINUTE = 20
MAX_ATTEMPTS = 5
MAX_CHATS = 10_000  # idle per-chat limiters are dropped beyond this many
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

Sleep = Callable[[float], Awaitable[None]]
Callback = Callable[..., Coroutine[Any, Any, Any]]


class OutcomeUnknown(NetworkError):
    """Telegram may have delivered a send, but no attempt got an answer."""


class SendBudget(BaseRateLimiter[None]):
    """The token's shared pace for sends, with 429 pauses and deliberate retries."""

    def __init__(self, rate: float = DEFAULT_RATE, backoff: float = 0.5, sleep: Sleep = asyncio.sleep,
                 chat_burst: int = CHAT_BURST) -> None:
        self.rate = rate
        self.backoff = backoff
        self.sleep = sleep
        self.chat_burst = chat_burst  # tests feeding one chat many updates raise it: the pace itself is tested apart
        self._overall = AsyncLimiter(OVERALL_BURST, OVERALL_BURST / rate)
        self._window = SendWindow(max(OVERALL_BURST, math.ceil(rate)))
        self._chats: dict[int | str, AsyncLimiter] = {}
        self._resume = asyncio.Event()
        self._resume.set()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(self, callback: Callback, args: Any, kwargs: dict[str, Any], endpoint: str,
                              data: dict[str, Any], rate_limit_args: None) -> Any:
        """Pace and send one call; calls that name no chat (getUpdates, getMe) pass straight through."""
        chat = data.get("chat_id")
        if chat is None:
            return await callback(*args, **kwargs)
        unsure = False
        for attempt in range(1, MAX_ATTEMPTS + 1):
            await self._pace(chat)
            try:
                return await self._attempt(callback, args, kwargs)
            except RetryAfter as exc:
                if attempt == MAX_ATTEMPTS:
                    raise
                await self._pause(retry_after_seconds(exc))
            except BadRequest:
                raise
            except NetworkError as exc:
                unsure = unsure or outcome_unknown(exc)
                if attempt == MAX_ATTEMPTS:
                    raise (OutcomeUnknown(str(exc)) if unsure else exc) from exc
                log.info("%s failed (%s); retrying", endpoint, type(exc).__name__)
                await self.sleep(self.backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    async def _pace(self, chat: int | str) -> None:
        """Wait for the chat's turn, any 429 pause, and the overall turn."""
        await self._chat_limiter(chat).acquire()
        await self._resume.wait()
        await self._overall.acquire()

    async def _attempt(self, callback: Callback, args: Any, kwargs: dict[str, Any]) -> Any:
        """One request, holding a window slot until WINDOW seconds after its answer (or failure)."""
        await self._window.acquire()
        try:
            return await callback(*args, **kwargs)
        finally:
            self._window.release()

    async def _pause(self, seconds: float) -> None:
        """Hold every sender for Telegram's retry_after."""
        log.warning("429 from Telegram: all sends wait %.1f s", seconds)
        if self._resume.is_set():
            self._resume.clear()
            try:
                await self.sleep(seconds)
            finally:
                self._resume.set()
        else:
            await self._resume.wait()

    def _chat_limiter(self, chat: int | str) -> AsyncLimiter:
        """The chat's own pace: a short burst then ~1/s for a person, 20/min for a group."""
        limiter = self._chats.get(chat)
        if limiter is None:
            if len(self._chats) >= MAX_CHATS:
                self._chats = {k: v for k, v in self._chats.items() if not v.has_capacity(v.max_rate)}
            group = isinstance(chat, str) or int(chat) < 0
            limiter = AsyncLimiter(GROUP_PER_MINUTE, 60) if group else AsyncLimiter(self.chat_burst, self.chat_burst)
            self._chats[chat] = limiter
        return limiter


class SendWindow:
    """At most `count` sends in any second as Telegram counts them: each send holds a slot from
    before its request until WINDOW seconds after its answer."""

    def __init__(self, count: int, seconds: float = WINDOW) -> None:
        self.seconds = seconds
        self._slots = asyncio.Semaphore(count)

    async def acquire(self) -> None:
        """Wait for a free slot."""
        await self._slots.acquire()

    def release(self) -> None:
        """The send's answer came (or it failed): its slot is free again `seconds` from now."""
        asyncio.get_running_loop().call_later(self.seconds, self._slots.release)


def outcome_unknown(exc: NetworkError) -> bool:
    """Whether the request may have reached Telegram: it went out and no answer came back. An error
    answer (5xx) or a connection that never opened means nothing was sent."""
    cause = exc.__cause__
    if cause is None:
        return isinstance(exc, TimedOut) and "pool" not in str(exc).lower()
    return not isinstance(cause, NOT_SENT)


def retry_after_seconds(exc: RetryAfter) -> float:
    """retry_after in seconds, whichever type this PTB version returns."""
    value = exc._retry_after  # noqa: SLF001 - the public property warns about its type change
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
