"""Tests proving FakeBotApi speaks enough Bot API for real python-telegram-bot clients."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, EndPointNotFound, Forbidden, InvalidToken, RetryAfter
from telegram.ext import Application, ContextTypes, MessageHandler, filters

try:
    from tests.fakebotapi import FakeBotApi
except ImportError:  # tests/ is on sys.path instead of the repo root
    from fakebotapi import FakeBotApi


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    """A started fake server, stopped after the test."""
    async with FakeBotApi() as server:
        yield server


def make_bot(api: FakeBotApi, token: str | None = None) -> Bot:
    """A real PTB Bot pointed at the fake server."""
    return Bot(token or api.token, base_url=api.base_url, base_file_url=api.base_file_url)


async def test_get_me_and_send_message(api: FakeBotApi) -> None:
    """get_me and send_message de-json into PTB objects with the right fields."""
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes")]])
    async with make_bot(api) as bot:
        me = await bot.get_me()
        first = await bot.send_message(42, "hello", reply_markup=keyboard)
        second = await bot.send_message(42, "again")
    assert me.id == 123456 and me.is_bot and me.username == "coachbot_test_bot"
    assert first.text == "hello" and first.chat.id == 42 and first.from_user.id == me.id
    assert first.reply_markup == keyboard
    assert second.message_id == first.message_id + 1
    params = await api.wait_for("sendMessage", lambda p: p["chat_id"] == 42)
    assert params["reply_markup"] == keyboard.to_dict()
    assert api.sent_texts(42) == ["hello", "again"]


async def test_edit_message_text(api: FakeBotApi) -> None:
    """editMessageText returns the edited Message; an identical edit is a BadRequest."""
    async with make_bot(api) as bot:
        sent = await bot.send_message(5, "draft")
        edited = await bot.edit_message_text("final", chat_id=5, message_id=sent.message_id)
        with pytest.raises(BadRequest, match="not modified"):
            await bot.edit_message_text("final", chat_id=5, message_id=sent.message_id)
    assert edited.text == "final" and edited.message_id == sent.message_id
    assert edited.edit_date is not None


async def test_wrong_token_and_unknown_method(api: FakeBotApi) -> None:
    """Wrong tokens get 401; unknown methods get 404 JSON."""
    with pytest.raises(InvalidToken):
        async with make_bot(api, "999:WRONG"):
            pass
    async with make_bot(api) as bot:
        with pytest.raises(EndPointNotFound):
            await bot.do_api_request("noSuchMethod")
        assert await bot.do_api_request("SENDCHATACTION", {"chat_id": 1, "action": "typing"})
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{api.base_url}999:WRONG/getMe") as resp:
            assert resp.status == 401
            assert await resp.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        async with http.post(f"{api.base_url}{api.token}/noSuchMethod", json={}) as resp:
            assert resp.status == 404
            assert (await resp.json())["description"] == "Not Found: method not found"
        async with http.post(f"{api.base_url}{api.token}/GETME", json={}) as resp:
            assert (await resp.json())["result"]["id"] == 123456


async def test_get_updates_text_callback_and_offset(api: FakeBotApi) -> None:
    """Pushed updates de-json as Updates; confirming via offset removes them."""
    text_id = api.push_text(42, "hi coach", first_name="Ann")
    cmd_id = api.push_command(42, "start")
    cb_id = api.push_callback(42, "plan:1", message_id=1)
    async with make_bot(api) as bot:
        updates = await bot.get_updates()
        assert [u.update_id for u in updates] == [text_id, cmd_id, cb_id]
        assert all(isinstance(u, Update) for u in updates)
        assert updates[0].message.text == "hi coach"
        assert updates[0].effective_user.first_name == "Ann"
        assert updates[1].message.parse_entities() == {updates[1].message.entities[0]: "/start"}
        assert updates[2].callback_query.data == "plan:1"
        assert updates[2].callback_query.message.message_id == 1
        assert len(await bot.get_updates(offset=cmd_id)) == 2
        assert await bot.get_updates(offset=cb_id + 1) == ()
    assert api.updates == []


async def test_voice_file_download(api: FakeBotApi) -> None:
    """A pushed voice message's file can be fetched with getFile + download."""
    payload = b"OggS" + bytes(range(200))
    api.push_voice(7, payload, duration=3)
    async with make_bot(api) as bot:
        (update,) = await bot.get_updates()
        voice = update.message.voice
        assert voice.file_size == len(payload)
        tg_file = await voice.get_file()
        assert await tg_file.download_as_bytearray() == bytearray(payload)


async def test_send_voice_upload(api: FakeBotApi) -> None:
    """sendVoice multipart uploads are stored and answered with a voice Message."""
    async with make_bot(api) as bot:
        msg = await bot.send_voice(9, b"OggS-voice-bytes", caption="listen")
    params = await api.wait_for("sendVoice")
    assert params["voice_bytes"] == b"OggS-voice-bytes" and params["chat_id"] == 9
    assert msg.voice.file_size == len(b"OggS-voice-bytes") and msg.caption == "listen"


async def test_rate_limit_raises_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sends beyond the per-second budget get 429 -> RetryAfter and are not delivered."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # avoid PTB's int retry_after deprecation warning
    async with FakeBotApi(rate_limit_per_s=2) as api, make_bot(api) as bot:
        await bot.send_message(1, "one")
        await bot.send_message(1, "two")
        with pytest.raises(RetryAfter) as excinfo:
            await bot.send_message(1, "three")
    assert excinfo.value.retry_after.total_seconds() >= 1
    assert api.sent_texts(1) == ["one", "two"]
    assert [c.params["text"] for c in api.rejected] == ["three"]


async def test_fail_chat_raises_forbidden() -> None:
    """Chats in fail_chats answer 403 -> Forbidden."""
    async with FakeBotApi(fail_chats={13}) as api, make_bot(api) as bot:
        with pytest.raises(Forbidden, match="blocked"):
            await bot.send_message(13, "hello?")
        await bot.send_message(14, "fine")
    assert api.sent_texts(13) == [] and api.sent_texts(14) == ["fine"]


async def test_long_poll_returns_when_update_pushed(api: FakeBotApi) -> None:
    """A long-polling getUpdates returns as soon as an update is pushed, not at its timeout."""
    async with make_bot(api) as bot:
        started = time.monotonic()
        poll = asyncio.create_task(bot.get_updates(timeout=5))
        await api.wait_for("getUpdates", lambda p: p.get("timeout") == 5)
        api.push_text(3, "wake up")
        updates = await poll
        elapsed = time.monotonic() - started
    assert [u.message.text for u in updates] == ["wake up"]
    assert elapsed < 2.0


async def test_application_echo(api: FakeBotApi) -> None:
    """A real Application polling the fake echoes a pushed text and stops cleanly."""

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text(update.message.text)

    app = (Application.builder().token(api.token).base_url(api.base_url)
           .base_file_url(api.base_file_url).build())
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with app:
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await app.start()
        api.push_text(42, "echo me")
        sent = await api.wait_for("sendMessage", lambda p: p["chat_id"] == 42)
        assert sent["text"] == "echo me"
        await app.updater.stop()
        await app.stop()
    assert api.sent_texts(42) == ["echo me"]
