"""A check-in reply read for all it says (tester s30 #6, #7, #8): a bare "yes" or "no" (the reminder asks both "did you do
it?" and "feeling unwell?") is asked back, never recorded as done; "done! but my back hurts" records the session done,
not skipped; a concern typed at a check-in that already voided the safety check is not followed by the pain question
(whose "no" said "your plan continues as usual" while every session was on hold); tapped, the question is still asked;
/sessions says when the sessions are on hold (#9)."""

from __future__ import annotations

import pytest

from bot.features.reminders.checkin import DONE_BUT_PAIN, PAIN_ASKED, REST_DAY, WHICH
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import Status
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_checkin import remind, sender, status  # noqa: F401 (a fixture)
from tests.test_planning import button


@pytest.mark.parametrize("typed", ["yes", "ok", "no", "Yeah!"])
async def test_a_bare_yes_or_no_at_a_check_in_is_asked_back_and_records_nothing(say, coach, clock, sender, typed):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    replies = say(typed)
    assert replies[-1].text == WHICH and replies[-1].buttons and status(coach, outbox) == "sent"
    assert "Nice work" in say("done")[0].text and status(coach, outbox) == "done"


@pytest.mark.parametrize("typed", ["done! but my back hurts a bit now", "did it, my knee hurts now"])
async def test_a_session_done_with_pain_is_recorded_done_never_skipped(say, coach, clock, sender, typed):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    replies = say(typed)
    assert replies[0].safety == "doctor" and status(coach, outbox) == "done"
    assert PAIN_ASKED not in " ".join(r.text for r in replies) and coach.need(ScreeningFlow).status(7) is not Status.GREEN


async def test_a_session_done_with_pain_the_check_still_counting_asks_about_the_pain(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    assert say("done but feeling a bit off")[-1].text == DONE_BUT_PAIN and status(coach, outbox) == "done"
    assert coach.need(ScreeningFlow).status(7) is Status.GREEN and "continues as usual" in say("no")[-1].text


@pytest.mark.parametrize("typed", ["i have bit of flu, skip", "my kid is sick and now i have a fever too"])
async def test_a_concern_that_voided_the_check_is_not_followed_by_the_pain_question(say, coach, clock, sender, typed):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    replies = [r.text for r in say(typed)]
    assert REST_DAY in replies and not [r for r in replies if PAIN_ASKED in r] and "no longer counts" in " ".join(replies)
    assert coach.need(ScreeningFlow).status(7) is not Status.GREEN and status(coach, outbox) == "skipped"
    assert "continues as usual" not in " ".join(r.text for r in say("no"))


async def test_not_feeling_well_tapped_still_asks_about_the_pain(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    reminder = await remind(say, coach, clock, dispatcher, outbox)
    assert PAIN_ASKED in say(button(reminder, "Not feeling well"), button=True)[-1].text


async def test_over_telegram_a_bare_yes_at_a_check_in_is_asked_back(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    sent = await feed_all(coach, [message_update("yes")])
    assert sent.texts()[-1] == WHICH and status(coach, outbox) == "sent"


async def test_sessions_on_hold_say_so_in_the_list(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    assert not say("/sessions")[0].text.startswith("⏸")
    say("i have bit of flu, skip")
    assert say("/sessions")[0].text.startswith("⏸ On hold") and "/screen" in say("/sessions")[0].text


async def test_over_telegram_sessions_on_hold_say_so(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    say("i have bit of flu, skip")
    sent = await feed_all(coach, [message_update("/sessions")])
    assert sent.texts()[0].startswith("⏸ On hold")
