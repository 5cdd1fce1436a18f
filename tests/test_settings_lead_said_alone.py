"""At /settings, which shows the reminder lead, a duration said alone ("make it 45 mins", "an hour") is the lead: it
opened a stored plan's edit (a plan's time in words), the lead never changed, and "all good thanks" then saved the plan."""

from __future__ import annotations

import pytest

from bot.features.planning.lead import bare_lead
from tests import test_planning, test_telegram_adapter
from tests.conftest import message_update
from tests.test_plans_in_words import save
from tests.test_telegram_adapter import feed

planned, tg = test_planning.planned, test_telegram_adapter.tg  # fixtures shared with those tests


@pytest.mark.parametrize("typed, minutes", [("make it 45 mins", 45), ("make it an hour", 60), ("an hour", 60),
                                            ("change it to 15m pls", 15), ("1h", 60)])
def test_a_duration_said_alone_names_the_lead(typed, minutes):
    assert bare_lead(typed) == minutes


@pytest.mark.parametrize("typed", ["make it 7pm", "7", "tue and thu", "45 mins of cardio first"])
def test_a_time_or_anything_more_is_no_lead_alone(typed):
    assert bare_lead(typed) is None


def test_a_duration_at_the_settings_sets_the_lead_not_a_plans_time(planned, coach):
    save(planned, "every sun 7am")
    times = [p.schedule for p in coach.plans.load_plans(7)]
    planned("/settings")
    assert "45 min before" in planned("make it 45 mins")[0].text
    assert coach.plans.load_profile(7).lead_minutes == 45 and [p.schedule for p in coach.plans.load_plans(7)] == times
    assert "Saved" not in " ".join(r.text for r in planned("all good thanks"))


async def test_a_duration_at_the_settings_over_telegram(tg, coach):
    app, request = tg
    for text in ("/settings", "make it an hour"):
        await feed(app, message_update(text))
    assert "1 h before" in request.texts()[-1] and coach.plans.load_profile(7).lead_minutes == 60
