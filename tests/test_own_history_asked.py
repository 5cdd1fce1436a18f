"""Questions about one's own progress and history (tester s31) are answered from the sessions stored, never with a
knowledge answer or a decline: "how many sessions did i do this week" (the week's counts), "did i train yesterday" (that
day's sessions and how each was checked in, nothing recorded by asking), "whats my streak" (the sessions done in a row).
Through the core and the Telegram adapter. The daily plan's sessions come round at 10:30 in Berlin from Sun 22 Nov 2026."""

from __future__ import annotations

import pytest

from bot.features.planning.own_history import asks_history
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_history_kept_and_told import _came_round
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved


@pytest.fixture
def trained(planned, coach, clock):  # noqa: F811
    """Sessions done Sun 22 Nov, skipped Mon, done Tue and Wed; the clock an hour after Wednesday's."""
    saved(planned, "every day at 10:30am")
    _came_round(coach, clock, "done", "skipped", "done", "done")
    return planned


@pytest.mark.parametrize("text", ["how many sessions did i do this week", "how many workouts did i do this week?"])
def test_sessions_done_this_week_are_counted_from_the_history(trained, text):
    assert trained(text)[0].text.startswith("This week: 2 done, 1 skipped.")


@pytest.mark.parametrize(("text", "told"), [("did i train yesterday", "Tue 24 Nov: your 10:30 session was marked done"),
                                            ("did i work out on monday?", "Mon 23 Nov: your 10:30 session was skipped"),
                                            ("have i done my workout today", "Wed 25 Nov: your 10:30 session was marked done")])
def test_a_day_asked_about_is_told_its_sessions_outcome(trained, coach, text, told):
    done = coach.plans.count_done(7)
    assert trained(text)[0].text.startswith(told)
    assert coach.plans.count_done(7) == done  # asking records nothing


def test_a_day_with_no_session_says_nothing_is_recorded(trained):
    assert trained("did i train on saturday")[0].text.startswith("No session of yours came round on Sat 21 Nov")


@pytest.mark.parametrize("text", ["whats my streak", "am i on a streak?", "how many sessions in a row have i done"])
def test_the_streak_is_the_sessions_done_in_a_row(trained, text):
    assert trained(text)[0].text.startswith("Your streak: 2 sessions done in a row (since Tue 24 Nov 10:30)")


def test_a_streak_broken_by_the_last_session_says_so(planned, coach, clock):  # noqa: F811
    saved(planned, "every day at 10:30am")
    _came_round(coach, clock, "done", "skipped")
    assert planned("whats my streak")[0].text.startswith("No streak right now: your last session (Mon 23 Nov 10:30) was skipped")


def test_a_streak_with_no_session_yet_says_there_is_none(planned):  # noqa: F811
    saved(planned, "every day at 10:30am")
    assert planned("whats my streak")[0].text.startswith("No session has come round yet")


@pytest.mark.parametrize("text", ["can i train 3 days in a row", "is it ok to do reverse hypers on monday",
                                  "how long should i rest between sets", "what happens to my streak if i snooze?",
                                  "dont want to break my streak, can i go light", "is skipping bad for my streak"])
def test_questions_about_training_or_keeping_a_streak_are_not_about_the_history(text):
    assert not asks_history(text)


async def test_history_questions_over_telegram(trained, coach):
    sent = await feed_all(coach, [message_update("did i train yesterday"), message_update("whats my streak")])
    assert sent.texts()[0].startswith("Tue 24 Nov: your 10:30 session was marked done")
    assert sent.texts()[1].startswith("Your streak: 2 sessions done in a row")
