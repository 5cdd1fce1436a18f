"""End to end: the real `coachbot run` process over the fake Bot API, typed and tapped, through the
settings dialogue (reminder lead, goal, time zone; a stale settings message), the lead edited in
the planning dialogue, and the reminder check-in (tapped, then typed)."""

from __future__ import annotations

from tests.botprocess import Chat, advance_clock, start_bot
from tests.fakebotapi import FakeBotApi

CHAT = 6363


async def screened(chat: Chat) -> None:
    """Take the safety check by typing: green."""
    await chat.say("/screen", "Safety check")
    await chat.say("ok", "Question 1 of 15")
    for n in range(2, 16):
        await chat.say("no", f"Question {n} of 15")
    await chat.say("no", "Nothing in your answers")


async def reminded(api: FakeBotApi) -> dict:
    """The next reminder the bot sends."""
    return await api.wait_for("sendMessage", lambda p: p["chat_id"] == CHAT and "reverse hypers at" in p["text"], timeout=20)


async def test_settings_the_lead_in_a_plan_and_the_check_in_typed_and_tapped(tmp_path):
    async with FakeBotApi() as api:
        bot = await start_bot(api, tmp_path)
        try:
            chat = Chat(api, CHAT)
            await screened(chat)
            await chat.say("change my timezone to Berlin", "Berlin (Germany), now")  # a settings request in words
            await chat.say("yes", "Time zone set")
            settings = await chat.say("/settings", "Reminders come 30 min before")
            await chat.press(settings, "15 min", "Reminders come 15 min before", "editMessageText")  # tapped
            await chat.say("remind me 1 hour before", "reminders come 1 h before")  # typed
            await chat.say("change the goal to endurance", "your goal is endurance")
            await chat.press(settings, "Strength", "Goal: 💪 Strength", "editMessageText")  # the same run's buttons
            await chat.say("/settings", "Reminders come 1 h before")
            await chat.press(settings, "at start", "no longer applies")  # an older settings message

            confirm = await chat.say("/plan in 10 minutes", "reminder 1 h before the session")  # a one-off
            typed = await chat.say("remind me 15 minutes before", "reminder 15 min before")  # typed lead edit
            await chat.press(confirm, "Save", "no longer applies")  # the first confirmation's Save
            tapped = await chat.press(typed, "at start", "reminder when the session starts", "editMessageText")
            await chat.press(tapped, "Save", "Saved", "editMessageText")

            advance_clock(tmp_path, 600)  # the session starts
            reminder = await reminded(api)
            await chat.press(reminder, "Not feeling well", "back or leg pain", "editMessageText")  # tapped check-in
            await chat.say("no", "Rest up")  # typed answer at its second step
            await chat.press(reminder, "Done", "no longer applies")  # the answered check-in's button

            await chat.say("/plan in 5 minutes", "Save this plan?")
            await chat.say("yes", "Saved")
            advance_clock(tmp_path, 300)
            await reminded(api)
            await chat.say("done", "Nice work")  # a typed check-in
        finally:
            assert await bot.stop() == 0
