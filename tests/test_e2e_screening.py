"""End to end: the safety check survives the real process being killed mid-way, and no health
answer reaches the log of the whole run."""

from __future__ import annotations

from tests.botprocess import Chat, start_bot
from tests.fakebotapi import FakeBotApi

CHAT = 5151


async def test_killed_mid_questionnaire_the_user_finishes_after_restart(tmp_path):
    async with FakeBotApi() as api:
        first = await start_bot(api, tmp_path)
        try:
            chat = Chat(api, CHAT)
            consent = await chat.say("/screen", "Safety check")
            current = await chat.press(consent, "I agree, start", "Question 1 of 15", "editMessageText")
            for n in range(2, 8):
                current = await chat.press(current, "No", f"Question {n} of 15", "editMessageText")
            current = await chat.press(current, "Yes", "Question 8 of 15", "editMessageText")  # 7: medication
        finally:
            await first.kill()
        second = await start_bot(api, tmp_path)
        try:
            for n in range(9, 16):
                current = await chat.press(current, "No", f"Question {n} of 15", "editMessageText")
            result = await chat.press(current, "No", "talk to a doctor or physiotherapist", "editMessageText")
            assert "prescribed medicine" in result["text"]
        finally:
            assert await second.stop() == 0
    text = first.log()
    assert "Traceback" not in text
    for needle in ("scr:", "prescribed", "medication", "Question 8", "amber"):
        assert needle not in text
