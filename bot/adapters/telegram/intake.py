"""Crash-safe, per-user-ordered intake of Telegram updates.

`JournalingQueue` is the Application's update queue: the Updater (polling) and the webhook server
put every update into it, and `put` journals the update in SQLite before returning. The Updater
confirms an offset to Telegram only after `put` returned for every update of the batch, and the
webhook answers 200 only after it, so nothing unrecorded is ever acknowledged.

`PerUserProcessor` runs different users' updates concurrently and each user's one at a time, in
the order they arrived, and deletes an update from the journal once it has been handled.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from telegram import Bot, Update
from telegram.ext import BaseUpdateProcessor

from bot.storage.inbox import Inbox

log = logging.getLogger(__name__)

MAX_CONCURRENT_UPDATES = 256


class JournalingQueue(asyncio.Queue[object]):
    """An update queue that records each update in the intake journal before accepting it."""

    def __init__(self, inbox: Inbox, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.inbox = inbox
        self.clock = clock

    async def put(self, item: object) -> None:
        """Journal, then queue; a redelivery of an update still in the journal is dropped."""
        if isinstance(item, Update) and not self._record(item):
            log.info("update %s is already being handled; redelivery dropped", item.update_id)
            return
        await super().put(item)

    def _record(self, update: Update) -> bool:
        """Journal the update; when the database cannot take it (a full disk), it is still handled,
        only without the journal's protection, rather than stopping the intake."""
        try:
            return self.inbox.record(update.update_id, json.dumps(update.to_dict()), self.clock())
        except sqlite3.Error as exc:
            log.warning("update %s not journaled (%s); handling it anyway", update.update_id, exc)
            return True

    def replay(self, bot: Bot) -> int:
        """Queue the updates a previous run received but did not finish; returns how many."""
        bodies = self.inbox.load_unfinished()
        for body in bodies:
            self.put_nowait(Update.de_json(json.loads(body), bot))
        return len(bodies)


class PerUserProcessor(BaseUpdateProcessor):
    """Concurrent across users, in order within one user; finished updates leave the journal."""

    def __init__(self, inbox: Inbox, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self.inbox = inbox
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update after the same user's earlier ones, then mark it finished."""
        key = _user_key(update)
        if key is None:
            await coroutine
        else:
            await self._in_order(key, coroutine)
        if isinstance(update, Update):
            try:
                self.inbox.finish(update.update_id)
            except sqlite3.Error as exc:  # it is handled again after a restart: its replies once more
                log.warning("update %s not marked finished (%s)", update.update_id, exc)

    async def _in_order(self, key: int, coroutine: Awaitable[Any]) -> None:
        """Hold the user's lock while the update runs; drop the lock when nobody waits for it."""
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _user_key(update: object) -> int | None:
    """Whose turn the update waits for: the sender, else the chat."""
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    return update.effective_chat.id if update.effective_chat is not None else None
