"""End to end: a plan saved a few seconds ahead survives a SIGKILL of the real process, and its
reminder arrives after the restart."""

from __future__ import annotations

from tests.botprocess import BotProcess
from tests.fakebotapi import FakeBotApi

CHAT = 6161


async def say(api: FakeBotApi, text: str, expect: str) -> dict:
    """Send a text and wait for the reply containing `expect`."""
    api.mark()
    api.push_text(CHAT, text)
    return await api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT and expect in p["text"], timeout=20)


async def press(api: FakeBotApi, params: dict, label: str, expect: str, method: str = "sendMessage") -> dict:
    """Press a button of a sent message and wait for the answer containing `expect`."""
    data = next(b["callback_data"] for row in params["reply_markup"]["inline_keyboard"] for b in row if label in b["text"])
    api.mark()
    api.push_callback(CHAT, data, max(mid for chat, mid in api.messages if chat == CHAT))
    return await api.wait_for(method, lambda p: expect in p.get("text", ""), timeout=20)


async def test_reminder_arrives_after_the_process_is_killed_and_restarted(tmp_path):
    async with FakeBotApi() as api:
        log = tmp_path / "bot.log"
        first = BotProcess(api, tmp_path / "coach.db", log)
        first.start()
        try:
            await api.wait_for("setMyCommands", timeout=30)
            await say(api, "/screen", "Safety check")
            await say(api, "ok", "Question 1 of 15")
            for n in range(2, 16):
                await say(api, "no", f"Question {n} of 15")
            await say(api, "no", "Nothing in your answers")
            await say(api, "/plan", "time zone")
            goal = await say(api, "Berlin", "What are you training for")
            await press(api, goal, "Endurance", "When do you want to train")
            settings = await say(api, "/settings", "Reminders come")
            await press(api, settings, "at start", "when each session starts", method="editMessageText")
            confirm = await say(api, "in 6 seconds", "Save this plan?")
            await press(api, confirm, "Save", "Saved", method="editMessageText")
        finally:
            await first.kill()
        second = BotProcess(api, tmp_path / "coach.db", log)
        second.start()
        try:
            reminder = await api.wait_for("sendMessage", lambda p: "reverse hypers at" in p["text"], timeout=20)
            assert "2–4 sets × 15–20 reps" in reminder["text"]
            labels = [b["text"] for row in reminder["reply_markup"]["inline_keyboard"] for b in row]
            assert labels == ["✅ Done", "😴 Snooze 15 min", "⏭ Skip today", "🤒 Not feeling well"]
        finally:
            assert await second.stop() == 0
    assert sum("reverse hypers at" in t for t in api.sent_texts(CHAT)) == 1
