"""After a health concern the user told, the doctor-first line stays on follow-ups that ask ("can i still do it?",
"why"), not on words that ask nothing and get no answer ("no", "lol", "gtg"): repeating the warning on chatter made it
noise."""

from __future__ import annotations

from bot.features.qa.texts import DOCTOR_FIRST
from tests.conftest import message_update
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the adapter fixture)


def test_chatter_after_a_concern_gets_no_doctor_line(say):
    say("i have high blood pressure")
    say("how many reps for strength")
    for text in ("no", "lol", "gtg"):
        assert all(DOCTOR_FIRST not in r.text for r in say(text)), text


def test_a_follow_up_that_asks_after_a_concern_keeps_the_doctor_line(say):
    say("i have high blood pressure")
    say("how many reps for strength")
    assert say("can i still do it?")[0].text.startswith(DOCTOR_FIRST)


async def test_chatter_after_a_concern_over_telegram(tg):  # noqa: F811
    app, request = tg
    for text in ("i have high blood pressure", "how many reps for strength", "lol"):
        await feed(app, message_update(text))
    assert DOCTOR_FIRST not in request.texts()[-1]
