"""End to end: messages the bot had fetched but not answered when it was killed are answered once
after the restart; different users are not kept waiting behind one slow reply."""

from __future__ import annotations

from tests.botprocess import start_bot
from tests.fakebotapi import FakeBotApi

USERS = range(7001, 7006)


async def test_messages_fetched_but_unanswered_at_a_kill_are_answered_once_after_restart(tmp_path):
    async with FakeBotApi() as api:
        first = await start_bot(api, tmp_path)
        try:
            api.hold_sends()  # the answers are on their way when the process dies
            for user in USERS:
                api.push_text(user, "how many reps for endurance?")
            await api.wait_holding(len(USERS))
        finally:
            await first.kill()
        assert not api.updates  # Telegram already considers them delivered: only our journal has them
        api.release_sends()
        second = await start_bot(api, tmp_path)
        try:
            for user in USERS:
                await api.wait_for("sendMessage", lambda p, u=user: p["chat_id"] == u, timeout=30)
        finally:
            assert await second.stop() == 0
    for user in USERS:
        assert len(api.sent_texts(user)) == 1
    assert "left unfinished by the previous run" in second.log()
