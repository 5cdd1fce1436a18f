"""The input fixes seen from Telegram (layer 2, process_update): garbled buttons, a huge unknown
command and a full disk each get one plain reply: no "Sorry, something went wrong", no traceback."""

from __future__ import annotations

import logging

import pytest

from bot.adapters.telegram.app import SORRY
from bot.composition import assemble
from bot.core.coach import DISK_FULL
from tests.conftest import FakeClock, callback_update, message_update
from tests.faults import faulty_database
from tests.recording_request import feed_all


@pytest.mark.parametrize("data", ["plan:day:²", "plan:day:①", "rem:²:done", "set:lead:١٥", "ses:c:①:1"])
async def test_a_garbled_digit_in_button_data_gets_a_notice_not_an_error(coach, caplog, data):
    with caplog.at_level(logging.ERROR):
        request = await feed_all(coach, [callback_update(data)])
    assert request.texts() and SORRY not in request.texts() and not caplog.records


async def test_a_4096_character_unknown_command_gets_one_short_message(coach):
    request = await feed_all(coach, [message_update("/" + "a" * 4095)])
    assert len(request.sent()) == 1 and len(request.texts()[0]) < 1000


async def test_on_a_full_disk_each_message_gets_one_clear_message(understanding, caplog):
    db = faulty_database()
    db.conn.full = True  # type: ignore[attr-defined]
    with caplog.at_level(logging.ERROR):
        request = await feed_all(assemble(understanding, db, FakeClock()), [message_update("/screen"), message_update("hi")])
    assert request.texts() == [DISK_FULL.text, DISK_FULL.text] and not caplog.records
