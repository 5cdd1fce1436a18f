"""Weeks that take turns at two times (tester s32 #9: "mon wed fri at 7am but on my night weeks i need 5pm instead" was
dropped at the time-zone step with "I couldn't place that"): the bot says how to plan them, two plans every other week a
week apart, wherever it is said; and a start said with its weekday and date ("starting Mon 30 Nov") starts on that date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from scheduler.model import ScheduleError
from scheduler.parsing import read_schedule
from tests.conftest import message_update
from tests.test_planning import screen
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the Telegram fixture)

NOW = datetime(2026, 11, 20, 9, tzinfo=UTC)  # a Friday
BERLIN = ZoneInfo("Europe/Berlin")
SHIFTS = "mon wed fri at 7am but on my night weeks i need 5pm instead"
TWO_PLANS = ('"every other week Mon Wed Fri at 07:00 starting Mon 23 Nov", then "every other week Mon Wed Fri at 17:00 '
             'starting Mon 30 Nov"')


@pytest.mark.parametrize("said", [SHIFTS, "tue thu 6am, rotating shifts so some weeks 6pm", "week on week off: 7am or 5pm"])
def test_two_times_for_weeks_that_take_turns_are_told_as_two_plans_a_week_apart(said):
    with pytest.raises(ScheduleError, match="every other week .* starting Mon 23 Nov.*every other week .* starting Mon 30 Nov"):
        read_schedule(said, NOW, BERLIN)


def test_two_times_with_no_turns_said_are_still_one_plan_per_time():
    with pytest.raises(ScheduleError, match="One plan has one time of day"):
        read_schedule("every day at 7am and 7pm", NOW, BERLIN)


def test_a_start_said_with_its_weekday_and_date_starts_on_that_date():
    later = read_schedule("every other week Mon Wed Fri at 17:00 starting Mon 30 Nov", NOW, BERLIN)
    assert later.start == later.anchor == date(2026, 11, 30)  # type: ignore[union-attr]
    assert read_schedule("tue at 6pm starting monday", NOW, BERLIN).start == date(2026, 11, 23)  # type: ignore[union-attr]


def test_weeks_that_take_turns_said_at_the_zone_question_are_answered_and_the_zone_asked_again(say):
    screen(say)
    say("/plan")
    reply = say(SHIFTS)[-1]
    assert TWO_PLANS in reply.text and "time zone" in reply.text and "couldn't place" not in reply.text


def test_weeks_that_take_turns_said_at_the_when_question_are_answered(say):
    screen(say)
    say("/plan")
    say("Berlin")
    say("yes")
    say("strength")
    assert TWO_PLANS in say(SHIFTS)[0].text


async def test_weeks_that_take_turns_over_telegram(say, tg):  # noqa: F811
    screen(say)
    say("/plan")
    app, request = tg
    await feed(app, message_update(SHIFTS))
    assert TWO_PLANS in request.texts()[-1]
