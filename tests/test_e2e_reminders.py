"""End to end: a plan saved a few minutes ahead survives a SIGKILL of the real process, and its
reminder arrives after the restart."""

from __future__ import annotations

from tests.botprocess import Chat, advance_clock, start_bot
from tests.fakebotapi import FakeBotApi

CHAT = 6161


async def test_reminder_arrives_after_the_process_is_killed_and_restarted(tmp_path):
    async with FakeBotApi() as api:
        first = await start_bot(api, tmp_path)
        try:
            chat = Chat(api, CHAT)
            await chat.say("/screen", "Safety check")
            await chat.say("ok", "Question 1 of 15")
            for n in range(2, 16):
                await chat.say("no", f"Question {n} of 15")
            await chat.say("no", "Nothing in your answers")
            await chat.say("/plan", "time zone")
            check = await chat.say("Berlin", "Right?")
            goal = await chat.press(check, "Yes", "What are you training for")
            await chat.press(goal, "Endurance", "When do you want to train")
            settings = await chat.say("/settings", "Reminders come")
            await chat.press(settings, "at start", "when each session starts", method="editMessageText")
            confirm = await chat.say("in 10 minutes", "Save this plan?")
            await chat.press(confirm, "Save", "Saved", method="editMessageText")
        finally:
            await first.kill()
        advance_clock(tmp_path, 600)  # the session starts while the bot is down
        second = await start_bot(api, tmp_path)
        try:
            reminder = await api.wait_for("sendMessage", lambda p: "reverse hypers at" in p["text"], timeout=20)
            assert "2–4 sets × 15–20 reps" in reminder["text"]
            labels = [b["text"] for row in reminder["reply_markup"]["inline_keyboard"] for b in row]
            assert labels == ["✅ Done", "😴 Snooze 15 min", "⏭ Skip today", "🤒 Not feeling well"]
        finally:
            assert await second.stop() == 0
    assert sum("reverse hypers at" in t for t in api.sent_texts(CHAT)) == 1
