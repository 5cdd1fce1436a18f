"""End to end: an emergency told at "Save this plan?" in the real `coachbot run` process ends the
plan, marks the safety check for a redo, and the next "yes" saves nothing."""

from __future__ import annotations

from tests.botprocess import Chat, start_bot
from tests.fakebotapi import FakeBotApi
from tests.test_e2e_settings import screened

CHAT = 7474


async def test_an_emergency_at_save_ends_the_plan_over_the_real_process(tmp_path):
    async with FakeBotApi() as api:
        bot = await start_bot(api, tmp_path)
        try:
            chat = Chat(api, CHAT)
            await screened(chat)
            await chat.say("/plan", "time zone")
            await chat.say("Berlin", "Right?")
            await chat.say("yes", "What are you training for")
            await chat.say("strength", "When do you want to train")
            await chat.say("mon wed 7pm", "Save this plan?")
            before = len(api.sent_texts(CHAT))
            await chat.say("i just fainted", "no longer counts")
            await chat.say("yes", "")
            await chat.say("/plan", "needs redoing")
        finally:
            assert await bot.stop() == 0
        after = api.sent_texts(CHAT)[before:]
    assert not any("Saved" in text or "Save this plan?" in text for text in after)
