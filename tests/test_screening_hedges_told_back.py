"""A hedged answer to the safety check is told back as recorded, typed as spoken (tester s32 §23: "my doc said my bp is a
bit borderline" must say what was kept): every class of hedge the check reads as not sure (a doubt anywhere, "i think
so", "i dont think so", a yes hedged or asked, a topic told then asked whether it counts, a question skipped) opens the
next question with what was recorded ("Not sure", it counts as yes, or "Yes" for a yes hedged with a detail) and how
to change it, and the question is flagged. Through the core and
through the Telegram adapter's process_update."""

from __future__ import annotations

import pytest

from bot.features.screening.flow import ScreeningFlow
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_screening import Screen, flagged_so_far
from tests.test_screening_replies import at

NOTED = "Noted: \"Not sure\" (it counts as yes) for question 2, about a heart condition or high blood pressure."
YES = "Noted: \"Yes\" for question 2, about a heart condition or high blood pressure."
HEDGES = [("my doc said my bp is a bit borderline", NOTED), ("they said borderline once?", YES), ("i think so", NOTED),
          ("i dont think so", NOTED), ("sort of?", NOTED), ("kinda, he said to watch it", YES),
          ("high cholesterol, does that count?", NOTED), ("maybe, not sure tbh", NOTED)]


@pytest.mark.parametrize(("typed", "noted"), HEDGES)
def test_every_hedge_is_told_back_as_recorded_with_the_way_to_change_it(coach, typed, noted):
    screen = at(Screen(coach), "heart_bp")
    replies = screen.send(typed)
    told = next(r.text for r in replies if "Question 3 of 15" in r.text)
    assert told.startswith(noted) and "I meant no" in told
    assert flagged_so_far(screen) == ("heart_bp",)


def test_a_question_skipped_is_told_back_as_not_sure(coach):
    screen = at(Screen(coach), "heart_bp")
    told = screen.send("pass")[-1].text
    assert "\"Not sure\" for question 2" in told and "Question 3 of 15" in told
    assert flagged_so_far(screen) == ("heart_bp",)


async def test_a_hedge_over_telegram_is_told_back_as_recorded(coach):
    updates = [message_update("/screen"), message_update("ok"), message_update("no"),
               message_update("my doc said my bp is a bit borderline")]
    sent = await feed_all(coach, updates)
    assert sent.texts()[-1].startswith(NOTED) and "Question 3 of 15" in sent.texts()[-1]
    assert coach.need(ScreeningFlow).store.load_progress(7).flagged == ("heart_bp",)
