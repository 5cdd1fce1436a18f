"""The shared sending budget: what is retried, what is settled, and what passes straight through."""

from __future__ import annotations

import asyncio
import warnings
from datetime import timedelta

import httpx
import pytest
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot.adapters.telegram.budget import OutcomeUnknown, SendBudget, SendWindow


def _lost_reply() -> TimedOut:
    """The request went out; no answer came back in time."""
    exc = TimedOut()
    exc.__cause__ = httpx.ReadTimeout("read timed out")
    return exc


def flood_error(seconds: int) -> RetryAfter:
    """A 429 (built as PTB does, without its deprecation warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return RetryAfter(timedelta(seconds=seconds))


def _dropped() -> NetworkError:
    """The connection closed after the request was sent."""
    exc = NetworkError("httpx.RemoteProtocolError: Server disconnected without sending a response.")
    exc.__cause__ = httpx.RemoteProtocolError("Server disconnected")
    return exc


def _refused() -> NetworkError:
    """The connection never opened."""
    exc = NetworkError("httpx.ConnectError: All connection attempts failed")
    exc.__cause__ = httpx.ConnectError("refused")
    return exc


class Telegram:
    """A callback that fails as scripted, then succeeds; counts every attempt."""

    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.attempts = 0

    async def __call__(self) -> dict:
        self.attempts += 1
        if self.failures:
            raise self.failures.pop(0)
        return {"ok": True}


@pytest.fixture
def budget():
    """A fast budget whose waits are recorded instead of slept."""
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    limiter = SendBudget(rate=1000, sleep=sleep)
    limiter.slept = slept
    return limiter


async def send(budget: SendBudget, telegram: Telegram, chat_id: int | None = 5):
    data = {} if chat_id is None else {"chat_id": chat_id}
    return await budget.process_request(telegram, (), {}, "sendMessage", data, None)


async def test_errors_that_sent_nothing_are_retried_with_backoff(budget):
    telegram = Telegram(NetworkError("Internal Server Error"), _refused(), NetworkError("Bad Gateway"))
    assert await send(budget, telegram) == {"ok": True}
    assert telegram.attempts == 4 and budget.slept == [0.5, 1.0, 2.0]


async def test_a_lost_reply_is_retried_once(budget):
    telegram = Telegram(_lost_reply())
    assert await send(budget, telegram) == {"ok": True}
    assert telegram.attempts == 2


async def test_each_lost_answer_costs_at_most_one_more_attempt_and_the_last_one_is_settled(budget):
    telegram = Telegram(_lost_reply(), NetworkError("Internal Server Error"), _dropped(), _dropped(), _lost_reply())
    with pytest.raises(OutcomeUnknown):
        await send(budget, telegram)
    assert telegram.attempts == 5  # never more than the attempts, and a copy only per lost answer


async def test_a_429_pauses_for_retry_after_then_sends_once(budget):
    telegram = Telegram(flood_error(3))
    assert await send(budget, telegram) == {"ok": True}
    assert telegram.attempts == 2 and budget.slept == [3.0]


async def test_our_own_bad_request_is_not_retried(budget):
    telegram = Telegram(BadRequest("message is too long"))
    with pytest.raises(BadRequest):
        await send(budget, telegram)
    assert telegram.attempts == 1


async def test_calls_that_name_no_chat_pass_straight_through(budget):
    telegram = Telegram(NetworkError("Internal Server Error"))
    with pytest.raises(NetworkError):
        await send(budget, telegram, chat_id=None)  # getUpdates, getMe: their callers retry
    assert telegram.attempts == 1


async def test_sends_that_fell_behind_go_out_together_up_to_the_burst_then_wait():
    budget = SendBudget(rate=0.001)  # one send per 1,000 s: the bucket does not drain during the test
    for chat in range(3):  # as when senders wake late: the time lost is made up at once
        await asyncio.wait_for(send(budget, Telegram(), chat_id=100 + chat), timeout=5)
    with pytest.raises(TimeoutError):  # beyond the burst, the pace holds
        await asyncio.wait_for(send(budget, Telegram(), chat_id=200), timeout=0.2)


async def test_a_private_chat_gets_a_short_burst_then_waits_while_other_chats_go_on():
    budget = SendBudget()
    for _ in range(3):
        await asyncio.wait_for(send(budget, Telegram(), chat_id=7), timeout=5)
    with pytest.raises(TimeoutError):  # the fourth to the same person waits for its turn (~1 a second)
        await asyncio.wait_for(send(budget, Telegram(), chat_id=7), timeout=0.2)
    await asyncio.wait_for(send(budget, Telegram(), chat_id=8), timeout=5)
    roomy = SendBudget(chat_burst=10)  # what the adapter tests use to feed one chat many updates
    for _ in range(4):
        await asyncio.wait_for(send(roomy, Telegram(), chat_id=7), timeout=5)


async def test_a_send_keeps_its_window_slot_until_a_second_after_its_answer():
    budget = SendBudget(rate=1000)  # the bucket lets a burst through at once; the window holds 1,000 slots
    budget._window = SendWindow(2, seconds=1000.0)  # noqa: SLF001 - two slots, given back "much later"
    for chat in (1, 2):
        await asyncio.wait_for(send(budget, Telegram(), chat_id=chat), timeout=5)
    with pytest.raises(TimeoutError):  # both answered, but Telegram may still count them this second
        await asyncio.wait_for(send(budget, Telegram(), chat_id=3), timeout=0.2)


async def test_a_window_slot_comes_back_after_the_window():
    window = SendWindow(1, seconds=0.0)
    await window.acquire()
    window.release()
    await asyncio.wait_for(window.acquire(), timeout=5)  # the slot was given back
