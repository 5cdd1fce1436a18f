"""End to end: the safety check survives the real process being killed mid-way, and no health
answer reaches the log of the whole run."""

from __future__ import annotations

from tests.botprocess import BotProcess
from tests.fakebotapi import FakeBotApi

CHAT = 5151


def buttons(params: dict) -> dict[str, str]:
    """Label -> callback data of a sent or edited message."""
    return {b["text"]: b["callback_data"] for row in params["reply_markup"]["inline_keyboard"] for b in row}


async def tap(api: FakeBotApi, message_id: int, params: dict, label: str, expect: str) -> dict:
    """Press a button of a message and wait for the edit that answers it."""
    api.push_callback(CHAT, buttons(params)[label], message_id)
    return await api.wait_for("editMessageText", lambda p: expect in p["text"], timeout=20)


async def test_killed_mid_questionnaire_the_user_finishes_after_restart(tmp_path):
    async with FakeBotApi() as api:
        log = tmp_path / "bot.log"
        first = BotProcess(api, tmp_path / "coach.db", log)
        first.start()
        try:
            await api.wait_for("setMyCommands", timeout=30)
            api.push_command(CHAT, "/screen")
            consent = await api.wait_for("sendMessage", lambda p: "Safety check" in p["text"], timeout=20)
            message_id = max(mid for chat, mid in api.messages if chat == CHAT)
            current = await tap(api, message_id, consent, "I agree, start", "Question 1 of 15")
            for n in range(2, 8):
                current = await tap(api, message_id, current, "No", f"Question {n} of 15")
            current = await tap(api, message_id, current, "Yes", "Question 8 of 15")  # 7: medication
        finally:
            await first.kill()
        second = BotProcess(api, tmp_path / "coach.db", log)
        second.start()
        try:
            for n in range(9, 16):
                current = await tap(api, message_id, current, "No", f"Question {n} of 15")
            result = await tap(api, message_id, current, "No", "talk to a doctor or physiotherapist")
            assert "prescribed medicine" in result["text"]
        finally:
            assert await second.stop() == 0
    text = log.read_text()
    assert "Traceback" not in text
    for needle in ("scr:", "prescribed", "medication", "Question 8", "amber"):
        assert needle not in text
