"""Start-up calls to the Bot API that wait out a network outage, and a bad token in one line."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError

from bot.adapters.telegram.budget import retry_after_seconds
from bot.settings import SettingsError

log = logging.getLogger(__name__)

MAX_DELAY = 30.0
T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]


class BadToken(SettingsError):
    """Telegram answered 401: the token is wrong or revoked."""


async def retry_startup(call: Callable[[], Awaitable[T]], what: str, first_delay: float = 1.0,
                        sleep: Sleep = asyncio.sleep) -> T:
    """Run a start-up call until it succeeds, backing off on network errors, 5xx and 429
    (doubling from `first_delay` up to 30 s); a 401 ends start-up with one line."""
    delay = first_delay
    while True:
        try:
            return await call()
        except InvalidToken:
            raise BadToken("Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized); "
                           "copy the token from @BotFather again") from None
        except BadRequest:
            raise
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
        except NetworkError as exc:
            wait, delay = delay, min(delay * 2, MAX_DELAY)
            log.warning("%s failed (%s); retrying in %.1f s", what, _reason(exc), wait)
        await sleep(wait)


def _reason(exc: NetworkError) -> str:
    """A short cause without a traceback: the Bot API's description or the network error's name."""
    cause = exc.__cause__
    return type(cause).__name__ if cause is not None else str(exc)[:80]


class PollingErrors:
    """The long-poll error callback: a 409 (another process polls with this token) is one clear
    line, not a traceback every few seconds; other failures one line each."""

    def __init__(self) -> None:
        self.conflicts = 0

    def __call__(self, exc: TelegramError) -> None:
        """Log one polling failure (the Updater retries with its own backoff)."""
        if isinstance(exc, Conflict):
            self.conflicts += 1
            level = logging.ERROR if self.conflicts == 1 else logging.DEBUG
            log.log(level, "409 Conflict: another process is polling Telegram with this bot token, and "
                    "updates go to whichever asks first; stop the other one (this one keeps retrying)")
            return
        log.warning("getUpdates failed (%s); retrying", _reason(exc) if isinstance(exc, NetworkError) else type(exc).__name__)
