"""A saved plan changed in words to another rhythm (tester s32 #6): "change my plan to every other day at 7ish" is read as
a change (a time said roughly, "7ish", is a time) and the new rhythm is kept, never dropped for a new time on the old
days."""

from __future__ import annotations

from tests import test_saved_plans_changed_one_day, test_telegram_adapter
from tests.conftest import message_update
from tests.test_telegram_adapter import feed

tg = test_telegram_adapter.tg
green, saved = test_saved_plans_changed_one_day.green, test_saved_plans_changed_one_day.saved  # a green user; a plan saved


def test_a_weekly_plan_changed_to_every_other_day_at_a_rough_time_keeps_the_new_rhythm(green):
    saved(green, "every mon wed fri at 6pm")
    shown = green("change my plan to every other day at 7ish")[-1].text
    assert "every other day at 19:00" in shown and "Save this plan?" in shown
    assert "Saved" in green("yes")[0].text
    assert "Cancel plan: every other day at 19:00" in str([b.label for b in green("/sessions")[0].button_list()])


def test_a_weekly_plan_changed_to_every_few_days_at_an_open_hour_keeps_the_new_rhythm(green):
    saved(green, "every mon wed fri at 6pm")
    assert "every 3 days at 19:00" in green("change my plan to every 3 days at 7")[-1].text


async def test_a_plan_changed_to_every_other_day_over_telegram(green, tg):
    saved(green, "every mon wed fri at 6pm")
    app, request = tg
    await feed(app, message_update("change my plan to every other day at 7ish"))
    assert "every other day at 19:00" in request.texts()[-1]
