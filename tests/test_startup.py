"""Start-up retries, the bad-token line, the 409 line, and one process per database."""

from __future__ import annotations

import logging

import pytest
from telegram.error import Conflict, InvalidToken, NetworkError

from bot.adapters.telegram.instance_lock import AlreadyRunning, hold_instance_lock
from bot.adapters.telegram.startup import BadToken, PollingErrors, retry_startup
from bot.settings import SettingsError
from tests.test_budget import Telegram as Api
from tests.test_budget import flood_error


async def test_network_errors_and_5xx_are_retried_with_doubling_waits():
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    api = Api(NetworkError("httpx.ConnectError"), NetworkError("Internal Server Error"), flood_error(7),
              NetworkError("Bad Gateway"))
    assert await retry_startup(api, "getMe", 0.5, sleep) == {"ok": True}
    assert api.attempts == 5 and slept == [0.5, 1.0, 7.0, 2.0]


async def test_a_bad_token_is_one_clear_settings_error_without_the_token():
    with pytest.raises(BadToken, match="401") as caught:
        await retry_startup(Api(InvalidToken("The token `123:SECRET` was rejected")), "getMe")
    assert isinstance(caught.value, SettingsError) and "SECRET" not in str(caught.value)


def test_a_409_conflict_is_logged_once_as_one_line(caplog):
    errors = PollingErrors()
    with caplog.at_level(logging.DEBUG, logger="bot.adapters.telegram.startup"):
        for _ in range(5):
            errors(Conflict("terminated by other getUpdates request"))
    loud = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(loud) == 1 and "409" in loud[0].getMessage() and loud[0].exc_info is None


def test_a_second_process_on_the_same_database_is_refused(tmp_path):
    db = str(tmp_path / "coach.db")
    with hold_instance_lock(db):
        with pytest.raises(AlreadyRunning, match="already running"):
            with hold_instance_lock(db):
                pass
    with hold_instance_lock(db):  # released when the first one ended
        pass
