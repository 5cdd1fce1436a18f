"""A length typed alone at an open check-in ("5 min", tester s30 #20) is a snooze of that long, never the default 15
minutes without a word; through the core and through Telegram (layer 2)."""

from __future__ import annotations

import pytest

from scheduler.delay import read_delay
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_checkin import remind, sender, status  # noqa: F401 (a fixture)


@pytest.mark.parametrize(("typed", "minutes"), [("5 min", 5), ("5 mins", 5), ("10 minutes pls", 10), ("an hour", 60)])
def test_a_length_alone_is_a_delay(typed, minutes):
    assert read_delay(typed) is not None and read_delay(typed).total_seconds() == minutes * 60


async def test_5_min_alone_at_a_check_in_snoozes_for_5_minutes(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    assert "again in 5 minutes" in say("5 min")[0].text and status(coach, outbox) == "snoozed"


async def test_5_min_alone_over_telegram_snoozes_for_5_minutes(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    sent = await feed_all(coach, [message_update("5 min")])
    assert "again in 5 minutes" in sent.texts()[0]
