"""The tester's findings of session 32 (a real bot at 2122464) that the lead fixed, through the core and the Telegram
adapter (Application.process_update with a recording request): "remind me at the start" by a user with a plan changes the
reminder lead, as "remind me 1 hour before" does, never a new plan."""

from __future__ import annotations

import pytest

from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import planned  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved


@pytest.mark.parametrize("told", ["remind me at the start", "ping me when the session starts"])
def test_a_lead_told_with_no_schedule_changes_the_reminders_of_a_user_with_a_plan(planned, coach, told):  # noqa: F811
    saved(planned, "every tue thu at 18:00")
    replies = planned(told)
    assert "when each session starts" in replies[0].text
    assert coach.plans.load_profile(7).lead_minutes == 0 and len(coach.plans.load_plans(7)) == 1


def test_a_lead_told_with_a_schedule_still_plans(planned, coach):  # noqa: F811
    saved(planned, "every tue thu at 18:00")
    assert "Save this plan?" in planned("remind me every saturday at 9am, at the start")[-1].text


async def test_a_lead_told_over_telegram_changes_the_reminders(planned, coach):  # noqa: F811
    saved(planned, "every tue thu at 18:00")
    request = await feed_all(coach, [message_update("remind me at the start")])
    assert "when each session starts" in request.texts()[0]
