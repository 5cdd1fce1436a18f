"""End to end: start-up waits out 5xx answers and an unreachable Bot API, a bad token and a second
process are one line each, a 409 is one line, and a webhook always has a secret."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
import pytest

from tests.botprocess import BotProcess, start_bot
from tests.fakebotapi import FakeBotApi

CHAT = 5151
FAST = {"COACHBOT_RETRY_SECONDS": "0.05"}


async def answered(api: FakeBotApi, chat: int = CHAT) -> dict:
    """Ask a question and wait for the answer."""
    api.push_text(chat, "how many reps for endurance?")
    return await api.wait_for("sendMessage", lambda p: p["chat_id"] == chat, timeout=30)


async def test_start_up_retries_5xx_on_every_bot_api_call(tmp_path):
    async with FakeBotApi() as api:
        api.fail("getMe", 3)
        api.fail("setMyCommands", 2, code=502)
        api.fail("deleteWebhook", 2)
        bot = await start_bot(api, tmp_path, FAST)
        try:
            assert "15–20" in (await answered(api))["text"]
        finally:
            assert await bot.stop() == 0
    assert len(api.rejected) == 7
    assert bot.log().count("retrying in") == 7 and "Traceback" not in bot.log()


async def test_start_up_waits_for_an_unreachable_bot_api(tmp_path):
    attempts = asyncio.Event()
    seen = 0

    async def refuse(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal seen
        seen += 1
        if seen >= 3:
            attempts.set()
        writer.close()  # down: the connection closes without an answer

    down = await asyncio.start_server(refuse, "127.0.0.1", 0)
    port = down.sockets[0].getsockname()[1]
    api = FakeBotApi(port=port)
    bot = BotProcess(api, tmp_path / "coach.db", tmp_path / "bot.log", FAST)
    bot.start()
    try:
        await asyncio.wait_for(attempts.wait(), 30)
        down.close()
        await down.wait_closed()
        async with api:  # the API comes back on the same address
            await api.wait_for("setMyCommands", timeout=30)
            assert "15–20" in (await answered(api))["text"]
            assert await bot.stop() == 0
    finally:
        await bot.kill()
    assert "getMe failed" in bot.log() and "Traceback" not in bot.log()


async def test_a_bad_token_is_one_line_and_exit_2(tmp_path):
    async with FakeBotApi() as api:
        bot = BotProcess(api, tmp_path / "coach.db", tmp_path / "bot.log", {"TELEGRAM_BOT_TOKEN": "123456:WRONG"})
        bot.start()
        assert await bot.wait_exit() == 2
    log = bot.log()
    assert "coachbot: Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized)" in log
    assert "Traceback" not in log and "WRONG" not in log


async def test_a_second_process_on_the_same_database_refuses_to_start(tmp_path):
    async with FakeBotApi() as api:
        first = await start_bot(api, tmp_path)
        try:
            second = BotProcess(api, tmp_path / "coach.db", tmp_path / "second.log")
            second.start()
            assert await second.wait_exit() == 2
            assert "already running on" in second.log() and "Traceback" not in second.log()
            assert "15–20" in (await answered(api))["text"]  # the first one is unaffected
        finally:
            assert await first.stop() == 0


async def test_a_409_from_another_poller_is_one_log_line(tmp_path):
    async with FakeBotApi() as api:
        api.fail("getUpdates", 3, code=409)
        bot = await start_bot(api, tmp_path, FAST)
        try:
            assert "15–20" in (await answered(api))["text"]
        finally:
            assert await bot.stop() == 0
    errors = [line for line in bot.log().splitlines() if "409 Conflict" in line and " ERROR " in line]
    assert len(errors) == 1 and "Traceback" not in bot.log()


def _free_port() -> int:
    """A port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def post_when_listening(url: str, update: dict, secret: str) -> int:
    """POST an update as Telegram would, once the webhook server (started after setWebhook) accepts
    connections; returns the HTTP status."""
    async with aiohttp.ClientSession() as http:
        for _ in range(300):
            try:
                async with http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as answer:
                    return answer.status
            except aiohttp.ClientConnectorError:
                await asyncio.sleep(0.1)  # not listening yet
    raise AssertionError("the webhook server never listened")


@pytest.mark.parametrize("configured", [None, "configured_secret-1"])
async def test_webhook_mode_always_has_a_secret_and_refuses_updates_without_it(tmp_path, configured):
    port = _free_port()
    env = {"TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}/", "TELEGRAM_WEBHOOK_PORT": str(port)}
    if configured:
        env["TELEGRAM_WEBHOOK_SECRET"] = configured
    async with FakeBotApi() as api:
        bot = BotProcess(api, tmp_path / "coach.db", tmp_path / "bot.log", env)
        bot.start()
        try:
            registered = await api.wait_for("setWebhook", timeout=30)
            secret = registered["secret_token"]
            assert len(secret) >= 32 if configured is None else secret == configured
            update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "text": "how many reps for endurance?",
                                                  "chat": {"id": CHAT, "type": "private"},
                                                  "from": {"id": CHAT, "is_bot": False, "first_name": "A"}}}
            url = f"http://127.0.0.1:{port}/"
            assert await post_when_listening(url, update, "forged") == 403
            assert await post_when_listening(url, update, secret) == 200
            sent = await api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT, timeout=30)
            assert "15–20" in sent["text"] and len(api.sent_texts(CHAT)) == 1
        finally:
            assert await bot.stop() == 0
