"""Intake under faults: a kill (or an error) at every write made for one update, from its arrival to
its removal from the journal, neither loses the message nor lets the core take it twice."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database
from telegram import Update

from bot.adapters.telegram.app import SORRY, build_application
from bot.composition import assemble
from bot.core.coach import DISK_FULL
from bot.settings import Settings
from bot.storage.inbox import Inbox
from knowledge.understanding import Understanding
from tests.conftest import FakeClock, callback_update, message_update
from tests.faults import Killed, faulty_database
from tests.recording_request import RecordingRequest, unpaced

QUESTION = "what about kettlebells on mars"  # not in the content: each time the core takes it, one miss is logged
USER = 7


@dataclass
class Run:
    """What one life of the process sent, and whether it was killed."""

    texts: list[str]
    killed: bool


async def live(understanding: Understanding, db: Database, data: dict, replay: bool) -> Run:
    """One life of the bot: (after a restart) replay the journal and take Telegram's redelivery of
    the update, then handle what is queued, as the Updater and the processor do."""
    request = RecordingRequest()
    app = build_application(Settings(token="123:ABC"), assemble(understanding, db, FakeClock()), request=request, budget=unpaced())
    killed = False
    async with app:
        try:
            if replay:
                app.update_queue.replay(app.bot)
            await app.update_queue.put(Update.de_json(data, app.bot))  # unconfirmed offsets come again
            while not app.update_queue.empty():
                update = app.update_queue.get_nowait()
                await app.update_processor.process_update(update, app.process_update(update))
        except Killed:
            killed = True
    return Run(request.texts(), killed)


async def test_a_kill_at_any_write_of_an_update_leaves_it_answered_and_taken_once(understanding):
    clean = faulty_database()
    expected = (await live(understanding, clean, message_update(QUESTION, user_id=USER), replay=False)).texts
    writes = clean.conn.writes  # type: ignore[attr-defined]
    assert len(expected) == 1 and assemble(understanding, clean).store.count_misses(USER) == 1 and writes >= 5
    for kill_at in range(1, writes + 1):
        db, data = faulty_database(), message_update(QUESTION, user_id=USER)
        db.conn.kill_at = kill_at  # type: ignore[attr-defined]
        first = await live(understanding, db, data, replay=False)
        db.conn.kill_at = None  # type: ignore[attr-defined]
        second = await live(understanding, db, data, replay=True)
        copies = (first.texts + second.texts).count(expected[0])
        where = f"killed at write {kill_at} of {writes}"
        assert first.killed and not second.killed, where
        assert assemble(understanding, db).store.count_misses(USER) == 1, f"{where}: the core took it twice or never"
        assert copies == 1 + len(first.texts), f"{where}: {copies} copies"  # a second copy only if sent before the kill
        assert Inbox(db).count() == 0, where


async def test_an_error_at_any_write_of_an_update_gives_the_answer_with_its_change_or_an_apology_without(understanding):
    clean = faulty_database()
    await live(understanding, clean, message_update(QUESTION, user_id=USER), replay=False)
    writes = clean.conn.writes  # type: ignore[attr-defined]
    for fail_at in range(1, writes + 1):
        db = faulty_database()
        db.conn.fail_at = fail_at  # type: ignore[attr-defined]
        texts = (await live(understanding, db, message_update(QUESTION, user_id=USER), replay=False)).texts
        taken = assemble(understanding, db).store.count_misses(USER)
        assert len(texts) == 1 and taken == (0 if texts == [SORRY] else 1), f"error at write {fail_at}: {texts}, {taken}"



async def test_on_a_full_disk_a_message_gets_one_clear_reply_and_nothing_of_it_is_stored(understanding):
    db = faulty_database()
    await live(understanding, db, message_update(QUESTION, user_id=USER), replay=False)
    db.conn.full = True  # type: ignore[attr-defined]
    full = await live(understanding, db, message_update("what about dumbbells on venus", user_id=USER), replay=False)
    db.conn.full = False  # type: ignore[attr-defined]
    assert full.texts == [DISK_FULL.text] and not full.killed
    assert assemble(understanding, db).store.count_misses(USER) == 1  # the first question's miss only


async def test_a_redelivered_button_is_skipped_before_it_is_acknowledged_again(understanding):
    db = faulty_database()
    data = callback_update("kb:program-strength", user_id=USER)
    request = RecordingRequest()
    app = build_application(Settings(token="123:ABC"), assemble(understanding, db, FakeClock()), request=request, budget=unpaced())
    async with app:
        for _ in range(2):
            await app.process_update(Update.de_json(data, app.bot))
    assert len(request.sent("answerCallbackQuery")) == 1 and len(request.sent()) == 1
