"""Reminder delivery: find what is due in the database, send it at a steady rate, never twice.

SQLite says what is due; this module only acts on it. A plan's current session is claimed
(an occurrence row with status 'sending', and the plan moved to its next session) in one
transaction before the message goes out, and marked 'sent' after Telegram accepted it. If the
process dies in between, the claim survives and the reminder is sent again at the next start
(at least once; a duplicate is possible only in that window). A reminder whose time passed while
the bot was down is still sent (marked late) if its session has not started, otherwise recorded
as missed (a session counts as begun STARTED_AFTER its start time, so a reminder due at the start
still goes out a few seconds late). Delivery is rate limited (by the transport's shared budget, or
here when a rate is given); 429 waits retry_after, network errors back off and retry, and a user who
blocked the bot has their plans paused. A send whose outcome is still unknown after the transport's
attempts (no answer came back to any) is counted as sent and not tried again: the transport
already spent one attempt per lost answer, so a lost answer costs at most one duplicate.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from scheduler.planner import Planner
from scheduler.store import Occurrence, Plan, SchedulerStore

log = logging.getLogger(__name__)

LATE_AFTER = timedelta(minutes=2)
STARTED_AFTER = timedelta(minutes=5)  # a session counts as begun this long after its start time
BATCH = 1000
WORKERS = 32  # enough to keep ~30/s flowing while some sends wait on slow answers
MAX_ATTEMPTS = 6


class Blocked(Exception):
    """The user blocked the bot (Telegram 403)."""


class RetryLater(Exception):
    """Telegram asked to wait (429); `seconds` is its retry_after."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds}s")
        self.seconds = seconds


class Transient(Exception):
    """A network error worth retrying; `unsure` when the message may have been delivered already."""

    def __init__(self, reason: str, unsure: bool = False) -> None:
        super().__init__(reason)
        self.unsure = unsure


@dataclass(frozen=True)
class Due:
    """A reminder to send now."""

    occurrence_id: int
    user_id: int
    plan: Plan | None
    at: datetime
    late: bool = False
    snoozed: bool = False


Deliver = Callable[[Due], Awaitable[None]]
Sleep = Callable[[float], Awaitable[None]]


class RateLimiter:
    """Sends spaced 1/rate apart, never more than `rate` in any one second (even after the event
    loop stalled and several senders wake at once), and a shared pause after a 429. With no rate,
    only the pause (the transport paces)."""

    def __init__(self, rate: float | None, clock: Callable[[], float], sleep: Sleep) -> None:
        self.interval = 1.0 / rate if rate else 0.0
        self.per_second = max(1, int(rate)) if rate else 1 << 30
        self.clock = clock
        self.sleep = sleep
        self._next = 0.0
        self._held_until = 0.0
        self._recent: deque[float] = deque()
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Wait until sending now keeps to the rate, the one-second window and any pause."""
        while True:
            async with self._lock:
                now = self.clock()
                while self._recent and now - self._recent[0] >= 1.0:
                    self._recent.popleft()
                start = max(self._next, self._held_until)
                if len(self._recent) >= self.per_second:
                    start = max(start, self._recent[0] + 1.0)
                if start <= now:
                    self._next = now + self.interval
                    self._recent.append(now)
                    return
            await self.sleep(start - now)

    def hold(self, seconds: float) -> None:
        """Make every sender wait `seconds` (Telegram's retry_after)."""
        self._held_until = max(self._held_until, self.clock() + seconds)


class Dispatcher:
    """Collects due reminders from the store and sends them through `deliver` in the background;
    with `user_id`, only that user's (a terminal chat serves one user)."""

    def __init__(self, store: SchedulerStore, planner: Planner, deliver: Deliver, clock: Callable[[], datetime],
                 rate: float | None = None, sleep: Sleep = asyncio.sleep, monotonic: Callable[[], float] | None = None,
                 user_id: int | None = None) -> None:
        self.store = store
        self.user_id = user_id
        self.planner = planner
        self.deliver = deliver
        self.clock = clock
        self.sleep = sleep
        loop_time = monotonic or (lambda: asyncio.get_running_loop().time())
        self.limiter = RateLimiter(rate, loop_time, sleep)
        self.queue: asyncio.Queue[tuple[Due, int]] = asyncio.Queue()
        self._workers: list[asyncio.Task[None]] = []

    def start(self) -> None:
        """Start the senders and requeue reminders a previous run claimed but did not confirm."""
        self._workers = [asyncio.create_task(self._work(), name=f"reminder-sender-{i}") for i in range(WORKERS)]
        for occurrence in self.store.load_sending(self.user_id):
            self._recover(occurrence)

    async def stop(self) -> None:
        """Cancel the senders (what they had not sent stays claimed and is sent at next start)."""
        for worker in self._workers:
            worker.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        self._workers = []

    def tick(self, limit: int | None = None) -> int:
        """Claim what is due now and queue it; returns how many were queued. Synchronous: with a
        `limit` on plans per tick, a big fan-out is claimed over several ticks while sending goes
        on, instead of holding the event loop for seconds."""
        now = self.clock()
        queued = 0
        for occurrence in self.store.claim_due_snoozes(now, self.user_id):
            self.queue.put_nowait((Due(occurrence.id, occurrence.user_id, self.store.load_plan(occurrence.plan_id),
                                       occurrence.at, snoozed=True), 0))
            queued += 1
        left = limit if limit is not None else -1
        while left and (plans := self.store.load_due_plans(now, BATCH if left < 0 else min(BATCH, left), self.user_id)):
            left -= len(plans) if left > 0 else 0
            for plan in plans:
                queued += self._claim(plan, now)
        return queued

    async def drain(self) -> None:
        """Wait until every queued reminder has been handled (for tests and benchmarks)."""
        await self.queue.join()

    def _claim(self, plan: Plan, now: datetime) -> int:
        """Move the plan to its next session, recording this one as sending or missed."""
        assert plan.next_at is not None and plan.remind_at is not None
        skip = self.store.cancelled_at(plan.id)
        following = self.planner.next_session(plan.schedule, plan.zone, plan.next_at, skip)
        lead = self.store.load_profile(plan.user_id).lead_minutes
        remind = self.planner.reminder_time(following, lead)
        if now >= plan.next_at + STARTED_AFTER:
            self.store.advance(plan, "missed", False, following, remind)
            return 0
        late = now - plan.remind_at > LATE_AFTER
        occurrence_id = self.store.advance(plan, "sending", late, following, remind)
        if occurrence_id is None:
            return 0  # another sender (process or connection) claimed this session first
        self.queue.put_nowait((Due(occurrence_id, plan.user_id, plan, plan.next_at, late=late), 0))
        return 1

    def _recover(self, occurrence: Occurrence) -> None:
        """A reminder claimed before a restart: send it (late) unless its session has begun."""
        if self.clock() >= occurrence.at + STARTED_AFTER:
            self.store.set_status(occurrence.id, "missed", self.clock())
            return
        plan = self.store.load_plan(occurrence.plan_id)
        self.queue.put_nowait((Due(occurrence.id, occurrence.user_id, plan, occurrence.at, late=True), 0))

    async def _work(self) -> None:
        """Send queued reminders forever."""
        while True:
            due, attempt = await self.queue.get()
            try:
                await self._send(due, attempt)
            except Exception:  # noqa: BLE001 - a bug in one reminder must not stop the others
                log.exception("reminder %s failed", due.occurrence_id)
                self.store.set_status(due.occurrence_id, "failed", self.clock())
            finally:
                self.queue.task_done()

    async def _send(self, due: Due, attempt: int) -> None:
        """One delivery attempt, with the retry rules of the module docstring."""
        await self.limiter.acquire()
        try:
            await self.deliver(due)
        except RetryLater as exc:
            self.limiter.hold(exc.seconds)
            self.queue.put_nowait((due, attempt))
        except Transient as exc:
            if exc.unsure:
                log.warning("reminder %s: no answer from Telegram to any attempt; counted as sent", due.occurrence_id)
                self.store.set_status(due.occurrence_id, "sent", self.clock())
                return
            if attempt + 1 >= MAX_ATTEMPTS:
                log.warning("reminder %s gave up after %s attempts", due.occurrence_id, attempt + 1)
                self.store.set_status(due.occurrence_id, "failed", self.clock())
                return
            await self.sleep(min(2 ** attempt, 30))
            self.queue.put_nowait((due, attempt + 1))
        except Blocked:
            paused = self.store.deactivate(due.user_id, None, "blocked")
            self.store.set_status(due.occurrence_id, "failed", self.clock())
            log.info("user blocked the bot; %s plan(s) paused", paused)
        else:
            self.store.set_status(due.occurrence_id, "sent", self.clock())
