"""A typed yes takes the one thing the last reply offered with a button (tester s29 #21): "yes" or "ok lets do it" after
"please take the short safety check" [🩺 Take the safety check] starts it; a yes after another reply, after
storage.users.OFFER_TTL, or to a button that claims something (a professional's review) takes nothing. Through the core
and the Telegram adapter."""

from __future__ import annotations

from datetime import timedelta

from bot.features.planning.texts import NEED_REVIEW
from bot.features.screening import texts as st
from bot.storage.users import OFFER_TTL
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_dialogues import rows
from tests.test_planning import screen


def test_a_typed_yes_after_the_offer_of_the_check_starts_it(say, coach):
    say("/plan")
    assert say("yes")[0].text == st.CONSENT and ("scr", "consent") in rows(coach)


def test_ok_lets_do_it_after_the_welcome_starts_the_check(say, coach):
    say("/start")
    assert say("ok lets do it")[0].text == st.CONSENT


def test_a_yes_after_another_reply_takes_no_earlier_offer(say, coach):
    say("/plan")
    say("what is it")
    assert say("yes")[0].text != st.CONSENT and ("scr", "consent") not in rows(coach)


def test_a_yes_long_after_the_offer_takes_nothing(say, coach, clock):
    say("/plan")
    clock.now += OFFER_TTL + timedelta(minutes=1)
    assert say("yes")[0].text != st.CONSENT and ("scr", "consent") not in rows(coach)


def test_a_yes_never_claims_a_professionals_review(say):
    screen(say, {2: "yes"})
    assert say("/plan")[0].text == NEED_REVIEW
    say("yes")
    assert say("/plan")[0].text == NEED_REVIEW


async def test_over_telegram_a_typed_yes_starts_the_check_offered(coach):
    sent = await feed_all(coach, [message_update("/plan"), message_update("yes")])
    assert sent.texts()[1] == st.CONSENT
