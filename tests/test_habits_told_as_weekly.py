"""A training habit said as a statement (tester s31) is offered as a weekly plan, not a one-off: "i train sunday" at 9 is
every Sunday, "i usually do mondays" and "mondays are my gym days" start planning with those days, and the words telling
the habit are not said to be left out; a day with "this" or a date stays a one-off, and a question plans nothing.
Through the core and the Telegram adapter. The clock is Sat 21 Nov 2026 in Berlin."""

from __future__ import annotations

import pytest

from bot.features.planning.habits import says_habit, weekly_habit
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_dialogues import ready  # noqa: F401 (a fixture)
from tests.test_planning import planned  # noqa: F401 (a fixture)


@pytest.mark.parametrize(("text", "weekly"), [("i train sunday", "every Sun at 09:00"),
                                              ("i usually do mondays", "every Mon at 09:00"),
                                              ("mondays and thursdays are my gym days", "every Mon, Thu at 09:00"),
                                              ("i normally train saturday", "every Sat at 09:00")])
def test_a_habit_told_at_idle_is_planned_weekly(ready, text, weekly):  # noqa: F811
    asked = ready(text)[-1].text
    assert asked.startswith("What time?") and "left out" not in asked
    assert weekly in ready("9am")[-1].text


def test_a_habit_told_at_the_when_step_is_weekly(planned):  # noqa: F811
    assert "every Sun at 18:00" in planned("i train sunday at 6pm")[-1].text


@pytest.mark.parametrize("text", ["i train this sunday", "i train sunday the 29th", "do i train sunday?", "sunday", "train sunday",
                                  "wed is my bad day, swap it for tuesday"])
def test_a_day_said_once_or_asked_is_no_habit(text):
    assert "every" not in weekly_habit(text)


@pytest.mark.parametrize("text", ["my gym days are mon and thu", "we usually hit the gym on tuesdays", "i go friday"])
def test_habits_in_other_words_are_read(text):
    assert says_habit(text)


def test_a_one_off_stays_a_one_off(planned):  # noqa: F811
    shown = planned("i train this sunday at 6pm")[-1].text
    assert "every Sun at" not in shown and "Sun 22 Nov 18:00" in shown


async def test_a_habit_over_telegram_is_planned_weekly(ready, coach):  # noqa: F811
    sent = await feed_all(coach, [message_update("i train sunday"), message_update("9am")])
    assert "every Sun at 09:00" in sent.texts()[-1]
