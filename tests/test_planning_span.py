"""Planning through the core with a first and last day ("for 6 weeks"), and a count of days a week
("3x a week at 7am" asks which 3 days, keeping the time; fewer or more days are planned, and said)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from scheduler.dispatcher import Dispatcher
from tests.test_planning import button, in_berlin
from tests.test_reminders import Outbox, Time, plan, run

LAST_FRIDAY_7 = datetime(2027, 1, 1, 6, 0, tzinfo=UTC)  # Fri 1 Jan 07:00 in Berlin: the 42nd day from Sat 21 Nov


@pytest.fixture
def planned(say):
    """A green user in Berlin with the goal strength, asked when to train."""
    say(button(in_berlin(say, "/plan")[-1], "Strength"), button=True)
    return say


def test_the_confirmation_and_the_plan_list_say_the_last_day(planned, coach):
    confirm = planned("mon wed fri 7am for 6 weeks")[0]
    assert "every Mon, Wed, Fri at 07:00 until Fri 1 Jan (Europe/Berlin)" in confirm.text
    planned(button(confirm, "Save"), button=True)
    assert coach.plans.load_plans(7)[0].schedule.until == date(2027, 1, 1)
    assert "until Fri 1 Jan" in planned("/plan")[0].text
    assert any("until Fri 1 Jan" in b.label for b in planned("/sessions")[0].button_list())


def test_the_first_day_is_said_and_no_session_comes_before_it(planned):
    confirm = planned("every day at 7am starting next week")[0]
    assert "every day at 07:00 from Mon 23 Nov" in confirm.text and "Mon 23 Nov 07:00" in confirm.text
    assert "Sun 22 Nov" not in confirm.text


async def test_no_reminder_after_the_last_day_and_the_plan_ends(say, coach, clock):
    plan(say, coach, "mon wed fri 7am for 6 weeks")
    outbox = Outbox(coach)
    time = Time(clock)
    dispatcher = Dispatcher(coach.plans, coach.planner, outbox, clock, rate=1000, sleep=time.sleep, monotonic=time.monotonic)
    dispatcher.start()
    clock.now = LAST_FRIDAY_7 - timedelta(minutes=30)  # every session until now passed unreminded; the last one is due
    await run(dispatcher)
    assert [due.at for due, _ in outbox.sent] == [LAST_FRIDAY_7]
    clock.now = LAST_FRIDAY_7 + timedelta(days=14)
    await run(dispatcher)
    await dispatcher.stop()
    assert len(outbox.sent) == 1 and coach.plans.count_plans(7) == 0
    assert "no plans" in say("/sessions")[0].text.lower()


def test_a_count_asks_which_days_with_the_time_kept(planned, coach):
    ask = planned("3x a week at 7am")[0]
    assert "Which 3 days" in ask.text and "07:00" in ask.text and "Mon/Wed/Fri" in ask.text
    confirm = planned("mon wed fri")[0]
    assert confirm.text.startswith("I understood: every Mon, Wed, Fri at 07:00")


def test_fewer_or_more_days_than_the_count_are_planned_and_said(planned):
    planned("twice a week at 6pm")
    fewer = planned("thursday")[0]
    assert "You said 2 days a week and named 1 (Thu)" in fewer.text and "every Thu at 18:00" in fewer.text
    planned("cancel")
    planned("/plan 3 days a week at 7am")
    more = planned("mon tue thu fri")[0]
    assert "named 4" in more.text and "every Mon, Tue, Thu, Fri at 07:00" in more.text


def test_days_picked_with_buttons_keep_the_span_said_before(planned):
    ask = planned("for 2 weeks")[0]
    assert "until Fri 4 Dec" in ask.text
    for label in ("Mon", "Wed"):
        ask = planned(button(ask, label), button=True)[0]
    ask = planned(button(ask, "07:00"), button=True)[0]
    confirm = planned(button(ask, "Review"), button=True)[0]
    assert "every Mon, Wed at 07:00 until Fri 4 Dec" in confirm.text


def test_a_span_typed_at_the_confirmation_is_added_to_the_plan(planned):
    planned("every other day at 7am")
    confirm = planned("for 2 weeks")[0]
    assert "every other day at 07:00 until Fri 4 Dec" in confirm.text
