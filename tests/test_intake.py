"""Crash-safe intake and per-user order, at the adapter layer (process_update and the processor)."""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

from telegram import Update

from bot.adapters.telegram.app import build_application
from bot.adapters.telegram.intake import PerUserProcessor
from bot.core.messages import Button, Reply
from bot.features.screening.flow import ScreeningFlow
from bot.settings import Settings
from bot.storage.inbox import Inbox, format_replies, parse_replies
from tests.conftest import callback_update, message_update
from tests.recording_request import RecordingRequest, unpaced


class Crash(BaseException):
    """Stands for SIGKILL: nothing after it runs."""


class CrashOnSend(RecordingRequest):
    """Answers like Telegram until armed; then the process 'dies' at the next sendMessage."""

    armed: bool = False

    async def do_request(self, url: str, method: str, request_data: Any = None, *args: Any, **kwargs: Any):
        if self.armed and url.endswith("/sendMessage"):
            raise Crash
        return await super().do_request(url, method, request_data, *args, **kwargs)


async def _handle(app, update: Update) -> None:
    """Run an update as the application does: through the processor, which finishes it."""
    await app.update_processor.process_update(update, app.process_update(update))


async def _receive(app, data: dict) -> Update:
    """Take an update in as the Updater does (journaled by the queue), and hand it back."""
    await app.update_queue.put(Update.de_json(data, app.bot))
    return app.update_queue.get_nowait()


async def test_an_update_is_journaled_on_arrival_and_a_redelivery_while_pending_is_dropped(coach):
    app = build_application(Settings(token="123:ABC"), coach, request=RecordingRequest(), budget=unpaced())
    data = message_update("hello")
    await app.update_queue.put(Update.de_json(data, app.bot))
    await app.update_queue.put(Update.de_json(data, app.bot))
    assert app.update_queue.qsize() == 1 and Inbox(coach.store.db).count() == 1


async def test_an_update_answered_but_not_sent_before_a_crash_is_sent_after_restart_without_asking_the_core_again(coach):
    crashing = CrashOnSend()
    crashed = build_application(Settings(token="123:ABC"), coach, request=crashing, budget=unpaced())
    async with crashed:
        await _handle(crashed, await _receive(crashed, message_update("/screen")))
        consent = crashing.sent()[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        crashing.armed = True
        try:
            await crashed.process_update(await _receive(crashed, callback_update(consent)))
        except Crash:
            pass
    assert coach.need(ScreeningFlow).store.load_progress(7).step == 0  # the core took the tap once...
    request = RecordingRequest()
    restarted = build_application(Settings(token="123:ABC"), coach, request=request, budget=unpaced())
    async with restarted:
        assert restarted.update_queue.replay(restarted.bot) == 1
        await _handle(restarted, restarted.update_queue.get_nowait())
    [edit] = request.sent("editMessageText")
    assert "Question 1 of 15" in edit["text"] and not request.sent()  # ...and its saved answer is sent now
    assert coach.need(ScreeningFlow).store.load_progress(7).step == 0  # not taken a second time
    assert Inbox(coach.store.db).count() == 0


async def test_an_update_received_but_not_handled_before_a_crash_is_handled_after_restart(coach):
    first = build_application(Settings(token="123:ABC"), coach, request=RecordingRequest(), budget=unpaced())
    await _receive(first, message_update("how many reps for endurance?"))  # then the process dies
    request = RecordingRequest()
    second = build_application(Settings(token="123:ABC"), coach, request=request, budget=unpaced())
    async with second:
        assert second.update_queue.replay(second.bot) == 1
        await _handle(second, second.update_queue.get_nowait())
    assert "15–20" in request.texts()[0] and Inbox(coach.store.db).count() == 0


async def test_one_users_updates_run_in_order_while_another_user_is_served(coach):
    processor = PerUserProcessor(Inbox(coach.store.db))
    events: list[str] = []
    slow_reply, slow_started = asyncio.Event(), asyncio.Event()

    async def handle(name: str, wait: bool = False) -> None:
        events.append(f"start {name}")
        if wait:
            slow_started.set()
            await slow_reply.wait()
        events.append(f"end {name}")

    first, second = (Update.de_json(message_update(t, user_id=1), None) for t in ("a", "b"))
    other = Update.de_json(message_update("c", user_id=2), None)
    tasks = [asyncio.create_task(processor.process_update(first, handle("1a", wait=True))),
             asyncio.create_task(processor.process_update(second, handle("1b")))]
    await slow_started.wait()
    await processor.process_update(other, handle("2"))
    assert events == ["start 1a", "start 2", "end 2"]  # user 2 is not kept waiting, 1b is
    slow_reply.set()
    await asyncio.gather(*tasks)
    assert events[-3:] == ["end 1a", "start 1b", "end 1b"]
    assert not processor._locks  # noqa: SLF001 - no lock is kept for an idle user


def test_replies_survive_the_journal_round_trip():
    replies = [Reply("Hi", title="T", buttons=((Button("A", "a"), Button("B", "b")),), entry="x", matched=True,
                     score=71.5, edit=True, speak=True), Reply("second")]
    assert parse_replies(format_replies(replies)) == replies


async def test_an_update_is_still_handled_when_the_journal_cannot_be_written(coach, monkeypatch):
    app = build_application(Settings(token="123:ABC"), coach, request=RecordingRequest(), budget=unpaced())
    inbox: Inbox = app.bot_data["inbox"]

    def full_disk(*args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(inbox, "record", full_disk)
    await app.update_queue.put(Update.de_json(message_update("hello"), app.bot))
    assert app.update_queue.qsize() == 1
