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


async def test_the_real_process_answers_a_question_with_stop_in_it_and_asks_before_stopping(tmp_path):
    async with FakeBotApi() as api:
        bot = await start_bot(api, tmp_path)
        try:
            chat = Chat(api, CHAT)
            await chat.say("/screen", "Safety check")
            await chat.say("ok", "Question 1 of 15")
            await chat.say("no", "Question 2 of 15")
            await chat.say("do i stop at parallel", "thighs parallel")  # answered, then the same question
            asked = await chat.say("can i cancel this later?", "Stop the safety check?")
            await chat.press(asked, "No, carry on", "Question 2 of 15")
            await chat.say("no", "Question 3 of 15")  # the answers so far were kept
        finally:
            assert await bot.stop() == 0
