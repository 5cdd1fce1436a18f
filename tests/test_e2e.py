"""Layer 3: the real `coachbot run` process over HTTP against a loopback fake Bot API."""

from __future__ import annotations

import pytest

from tests.botprocess import BotProcess
from tests.fakebotapi import FakeBotApi

CHAT = 4242


@pytest.fixture
async def api():
    """A fake Bot API on 127.0.0.1."""
    async with FakeBotApi() as server:
        yield server


@pytest.fixture
async def bot(api, tmp_path):
    """The real bot process, stopped after the test."""
    process = BotProcess(api, tmp_path / "coach.db", tmp_path / "bot.log")
    process.start()
    yield process
    await process.stop()


async def test_question_in_right_answer_out_with_commands_registered(api, bot):
    await api.wait_for("setMyCommands", timeout=30)
    api.push_text(CHAT, "how many reps for endurance?")
    sent = await api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT, timeout=15)
    assert "15–20" in sent["text"] and "Reverse Hypers" in sent["text"]
    assert sent["parse_mode"] == "HTML"


async def test_off_topic_then_a_button_press(api, bot):
    await api.wait_for("setMyCommands", timeout=30)
    api.push_text(CHAT, "what's the capital of France?")
    declined = await api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT, timeout=15)
    assert "I'm not sure I can answer that" in declined["text"]
    api.push_callback(CHAT, "topics", declined.get("message_id", 1))
    menu = await api.wait_for("sendMessage", lambda p: "Pick a topic" in p["text"], timeout=15)
    assert menu["reply_markup"]["inline_keyboard"]
    await api.wait_for("answerCallbackQuery", timeout=5)


async def test_graceful_stop_exits_cleanly(api, bot):
    await api.wait_for("getUpdates", timeout=30)  # polling has started (signal handlers are in place)
    assert await bot.stop() == 0
    assert "Traceback" not in bot.log()
