"""Several sessions named in one message (the tester's findings 9 and 10, 2026-12-05, s29): time away as a range of
weekdays ("im away mon to wed") skips those sessions after one question and never takes a day off the plan; two days,
two dates, the next few sessions or a week ("skip monday and wednesday", "skip the 23rd and 25th", "skip the next 3
sessions", "skip next week") are asked together, not the first alone. The clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.day_words import DayWord, day_said
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved


@pytest.fixture
def mwf(planned):  # noqa: F811
    """A green user in Berlin with the plan every Mon, Wed, Fri at 07:00."""
    saved(planned, "every mon wed fri at 7am")
    return planned


@pytest.mark.parametrize("typed, sessions", [
    ("im away mon to wed", "Mon 23 Nov 07:00, Wed 25 Nov 07:00"),
    ("im traveling monday to wednesday", "Mon 23 Nov 07:00, Wed 25 Nov 07:00"),
    ("skip monday and wednesday", "Mon 23 Nov 07:00, Wed 25 Nov 07:00"),
    ("skip mon and wed", "Mon 23 Nov 07:00, Wed 25 Nov 07:00"),
    ("i cant come monday and wednesday", "Mon 23 Nov 07:00, Wed 25 Nov 07:00"),
    ("skip the 23rd and 25th", "Mon 23 Nov 07:00, Wed 25 Nov 07:00"),
    ("skip the next 3 sessions", "Mon 23 Nov 07:00, Wed 25 Nov 07:00, Fri 27 Nov 07:00"),
    ("skip next week", "Mon 23 Nov 07:00, Wed 25 Nov 07:00, Fri 27 Nov 07:00"),
])
def test_several_sessions_named_in_one_message_are_asked_together_and_skipped_on_a_yes(mwf, coach, typed, sessions):
    asked = mwf(typed)[0].text
    assert asked.startswith("Skip your ") and f"({sessions})?" in asked and "Your plans stay" in asked
    mwf("yes")
    assert len(coach.plans.cancelled_at(1)) == sessions.count("Nov")
    assert [p.schedule.weekdays for p in coach.plans.load_plans(7)] == [frozenset({0, 2, 4})]  # the plan keeps its days


@pytest.mark.parametrize("typed", ["i cant do mondays and wednesdays anymore", "skip tuesday, move wed to 8",
                                   "skip monday", "skip the 7th",
                                   "can you skip the 23rd, work christmas party is the night before",
                                   "skip tuesday, ill go thursday"])  # days in clauses apart are no list
def test_a_day_off_for_good_a_change_or_one_session_is_not_time_away(typed):
    said = day_said(typed, date(2026, 11, 21), "Europe/Berlin")
    assert said is None or said.how is not DayWord.AWAY


def test_a_range_of_weekdays_in_the_week_named_starts_that_week():
    said = day_said("away wed to fri next week", date(2026, 11, 23), "Europe/Berlin")
    assert said is not None and (said.start, said.until) == (date(2026, 12, 2), date(2026, 12, 4))


async def test_away_mon_to_wed_over_telegram_skips_those_sessions_and_keeps_the_plan(mwf, coach):
    sent = await feed_all(coach, [message_update("im away mon to wed"), message_update("yes")])
    assert sent.texts()[0].startswith("Skip your 2 sessions until Wed 25 Nov")
    assert len(coach.plans.cancelled_at(1)) == 2 and coach.plans.load_plans(7)[0].schedule.weekdays == {0, 2, 4}
