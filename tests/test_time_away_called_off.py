"""Time away shortened or called off in words (tester s30 §24), through the core and through Telegram (layer 2:
Application.process_update with a recording request): after "im on holiday till the 20th" skipped the sessions, "actually
i'm back on the 26th, put them back from then" puts back those from that day, "cancel my holiday", "holiday is cancelled,
restore all" and "unskip all" put back every one, each after a confirmation; a no keeps them skipped, and one weekday
("unskip friday") is still that session alone. The clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

from datetime import date

import pytest

from bot.features.planning import texts as t
from knowledge.day_words import DayWord, day_said
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved


def _skipped(coach) -> list[int]:
    """The days of the month of the sessions skipped, in order."""
    plan = coach.plans.load_plans(7)[0]
    return sorted(at.day if at.month == 11 else at.day + 30 for at in coach.plans.cancelled_at(plan.id))


@pytest.fixture
def away(planned, coach):  # noqa: F811
    """Mon/Wed/Fri 18:00 saved, and every session until Sun 20 Dec skipped as time away."""
    saved(planned, "mon wed fri 6pm")
    planned("im on holiday till the 20th")
    planned("yes")
    assert len(_skipped(coach)) == 12
    return planned


def test_back_on_a_day_puts_back_the_sessions_from_that_day_after_a_yes(away, coach):
    asked = away("actually i'm back on the 26th, put them back from then")[-1]
    assert asked.text.startswith("Put your 10 skipped sessions back on (Fri 27 Nov 18:00") and len(_skipped(coach)) == 12
    away("yes")
    assert _skipped(coach) == [23, 25]


@pytest.mark.parametrize("typed", ["cancel my holiday", "holiday is cancelled, restore all", "unskip all", "put them all back"])
def test_time_away_called_off_puts_back_every_skipped_session_after_a_yes(away, coach, typed):
    assert away(typed)[-1].text.startswith("Put your 12 skipped sessions back on")
    assert away("yes")[-1].text.startswith("Back on: 12 sessions") and _skipped(coach) == []


def test_a_no_keeps_the_sessions_skipped(away, coach):
    away("cancel my holiday")
    away("no")
    assert len(_skipped(coach)) == 12


def test_unskip_all_with_nothing_skipped_says_so(planned, coach):  # noqa: F811
    saved(planned, "mon wed fri 6pm")
    assert planned("unskip all")[-1].text == t.NOTHING_SKIPPED


@pytest.mark.parametrize("typed", ["unskip friday", "nvm i can make thursday after all", "unskip the 16th", "i am back from holiday"])
def test_one_session_taken_back_or_no_day_is_no_call_to_put_back_all(typed):
    said = day_said(typed, date(2026, 12, 8), "Europe/Berlin")
    assert said is None or said.how is not DayWord.UNSKIP or not said.every


async def test_time_away_called_off_over_telegram_puts_the_sessions_back(away, coach):
    sent = await feed_all(coach, [message_update("cancel my holiday"), message_update("yes")])
    assert sent.texts()[0].startswith("Put your 12 skipped sessions back on") and _skipped(coach) == []
