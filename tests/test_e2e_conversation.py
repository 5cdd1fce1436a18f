"""End to end: one scripted conversation with the real `coachbot run` process over the fake Bot
API, typed and tapped, through every part of the conversation engine (issue 12): the command
registry and menu, requests in words, slots in any order, typed confirmations and edits, a stale
Save, a question mid-dialogue, a follow-up in context, plans listed and edited, a confirmed plan
cancel, the safety result with a retake, and /cancel."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.botprocess import Chat, set_clock, start_bot
from tests.fakebotapi import FakeBotApi

CHAT = 6262
MONDAY_MORNING = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # no Tue/Thu session today, none reminded yet


def labels(params: dict) -> list[str]:
    """The button labels under a message."""
    return [b["text"] for row in params.get("reply_markup", {}).get("inline_keyboard", []) for b in row]


async def test_a_scripted_conversation_covers_the_engine(tmp_path):
    set_clock(tmp_path, MONDAY_MORNING)  # on a Tuesday or Thursday evening, the 19:00 session had been reminded
    async with FakeBotApi() as api:
        bot = await start_bot(api, tmp_path)
        try:
            menu = [c["command"] for c in next(iter(api.commands.values()))]
            assert {"plan", "sessions", "settings", "timezone", "cancel"} <= set(menu)  # one registry
            chat = Chat(api, CHAT)
            assert "/cancel –" in (await chat.say("/help", "Commands"))["text"]
            await chat.say("/screen", "Safety check")
            await chat.say("ok", "Question 1 of 15")  # typed answers
            for n in range(2, 16):
                await chat.say("no", f"Question {n} of 15")
            assert "/plan" in (await chat.say("no", "Nothing in your answers"))["text"]
            shown = await chat.say("/screen", "Safety check: green")  # a valid result, with a retake
            assert any("Retake" in label for label in labels(shown))

            await chat.say("can you remind me every tuesday and thursday at 6:30 pm", "your time zone")
            await chat.say("Berlin", "Berlin (Germany)")
            goal = await chat.say("yes", "What are you training for?")  # typed yes to the zone
            first = await chat.press(goal, "Strength", "every Tue, Thu at 18:30")  # the schedule was kept
            await chat.say("how many reps for endurance?", "For endurance")  # a question mid-dialogue...
            await api.wait_for("sendMessage", lambda p: "Save this plan?" in p["text"])  # ...then the step again
            await chat.say("and for strength?", "For strength")  # a follow-up read in context
            await chat.say("no, make it 7pm", "every Tue, Thu at 19:00")  # a typed edit
            await chat.press(first, "Save", "no longer applies")  # the old Save acts on nothing
            await chat.say("looks good", "Saved")  # a typed confirmation

            listing = await chat.say("/plan", "Your plans")  # plans first, each with Edit
            await chat.press(listing, "Edit", "Editing this plan")
            await chat.say("make it 8pm", "every Tue, Thu at 20:00")
            await chat.say("yes", "Saved")
            sessions = await chat.say("show my sessions", "Your sessions")  # a request in words
            assert "20:00" in sessions["text"] and "19:00" not in sessions["text"]  # edited, not added
            assert "Tue 24 Nov 20:00" in sessions["text"]  # on the test's clock, whatever the day it runs
            ask = await chat.press(sessions, "Cancel plan", "Cancel the plan")
            await chat.press(ask, "Keep it", "the plan stays", "editMessageText")

            await chat.say("/forget", "Erase it?")
            await chat.say("cancel", "nothing was erased")  # /cancel and "cancel" leave any dialogue
            await chat.say("/cancel", "nothing to cancel")
        finally:
            assert await bot.stop() == 0
    assert "Traceback" not in bot.log()
