"""The tester's planning findings of session 30 (a real bot at 97e3c0f), through the core and through Telegram (layer 2:
Application.process_update with a recording request): cancelling a plan while a change of it waits for Save drops
the change (saving it brought the cancelled plan back); a skip said with other requests skips one session, never the
day off the plan, and a part not done is named. The clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.features.planning import texts as t
from bot.features.planning.sessions import EDIT_DROPPED
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, planned, screen  # noqa: F401 (a fixture)
from tests.test_plans_by_day import saved


def _plans(coach) -> list[tuple[frozenset[int], str]]:
    return [(p.schedule.weekdays, f"{p.schedule.local_time:%H:%M}") for p in coach.plans.load_plans(7)]


def test_cancelling_all_plans_while_a_change_waits_for_save_drops_the_change(planned, coach):  # noqa: F811
    saved(planned, "weekdays 7:30pm")
    assert "Save this plan?" in planned("change my monday plan to 8am")[-1].text
    planned("cancel all my plans")
    replies = planned("yes")
    assert EDIT_DROPPED in replies[0].text and not any("Save this plan?" in r.text for r in replies)
    planned("yes")
    assert _plans(coach) == []


def test_a_change_saved_after_its_plan_was_cancelled_brings_nothing_back(planned, coach):  # noqa: F811
    saved(planned, "weekdays 7:30pm")
    planned("change my monday plan to 8am")
    coach.planner.cancel_plan(7, coach.plans.load_plans(7)[0].id)  # by a /sessions button, a second device, ...
    assert planned("save")[-1].text == t.EDITED_PLAN_GONE and _plans(coach) == []


def test_delete_the_plan_while_changing_it_asks_to_cancel_that_plan(planned, coach):  # noqa: F811
    saved(planned, "weekdays 7:30pm")
    planned("change my monday plan to 8am")
    replies = planned("actually forget it, delete the plan")
    assert replies[0].text == t.EDIT_DROPPED_FOR_CANCEL and replies[-1].text.startswith("Cancel the plan every Mon")
    planned("yes")
    assert _plans(coach) == []


async def test_cancelling_all_plans_while_a_change_waits_over_telegram_leaves_none(planned, coach):  # noqa: F811
    saved(planned, "weekdays 7:30pm")
    sent = await feed_all(coach, [message_update("change my monday plan to 8am"), message_update("cancel all my plans"),
                                  message_update("yes"), message_update("yes")])
    assert any(EDIT_DROPPED in text for text in sent.texts()) and _plans(coach) == []


def test_a_skip_said_with_a_goal_change_skips_one_session_and_keeps_the_day(planned, coach):  # noqa: F811
    saved(planned, "mon wed fri 6pm")
    replies = planned("skip monday, and change my goal to endurance")
    assert replies[0].text.startswith("Skipped Mon 23 Nov 18:00") and "every Mon, Wed, Fri at 18:00" in replies[-1].text
    assert "goal: endurance" in replies[-1].text
    planned("yes")
    assert _plans(coach) == [(frozenset({0, 2, 4}), "18:00")] and len(coach.plans.cancelled_at(coach.plans.load_plans(7)[0].id)) == 1


def test_a_part_of_several_requests_left_undone_is_named(planned, coach):  # noqa: F811
    saved(planned, "every day at 10:30am")
    replies = planned("skip tomorrow and change my goal to endurance and move saturday to 11am")
    assert replies[0].text.startswith("Skipped Sun 22 Nov 10:30") and replies[-1].text == t.format_not_done("move saturday to 11am")


async def test_a_skip_said_with_a_goal_change_over_telegram_keeps_the_day(planned, coach):  # noqa: F811
    saved(planned, "mon wed fri 6pm")
    sent = await feed_all(coach, [message_update("skip monday, and change my goal to endurance"), message_update("yes")])
    assert sent.texts()[0].startswith("Skipped Mon 23 Nov 18:00")
    assert _plans(coach) == [(frozenset({0, 2, 4}), "18:00")] and coach.plans.load_plans(7)[0].goal == "endurance"


@pytest.mark.parametrize("typed", ["change friday one to 8 pm", "the friday one at 8pm pls", "mon and wed stay 7, friday 8pm",
                                   "friday should be 8pm, mon and wed stay 7"])
def test_a_change_said_of_one_day_of_a_plan_moves_that_day_only(planned, coach, typed):  # noqa: F811
    saved(planned, "mon wed fri 7pm")
    shown = planned(typed)[-1].text
    assert "Fri at 20:00 will be a plan of its own" in shown and "every Mon, Wed at 19:00" in shown


def test_the_wednesday_one_is_wednesday_and_a_plan_named_by_its_day_is_still_the_plan(planned, coach):  # noqa: F811
    saved(planned, "mon wed fri 7pm")
    assert "Wed at 18:00 will be a plan of its own" in planned("make the wednesday one 6pm")[-1].text
    planned("/cancel")
    assert "every Mon, Wed, Fri at 20:00" in planned("change my friday plan to 8pm")[-1].text


async def test_days_said_to_stay_over_telegram_keep_their_time(planned, coach):  # noqa: F811
    saved(planned, "mon wed fri 7pm")
    await feed_all(coach, [message_update("mon and wed stay 7, friday 8pm"), message_update("yes"), message_update("yes")])
    assert sorted(_plans(coach), key=lambda p: sorted(p[0])) == [(frozenset({0, 2}), "19:00"), (frozenset({4}), "20:00")]


LEAD_WITH_A_PLAN = "tuesday and thursday 18 uhr, for muscle, and remind me 1 hour before"


def test_a_lead_said_with_a_new_plan_plans_and_keeps_the_lead(say, coach):
    screen(say)
    assert not say(LEAD_WITH_A_PLAN)[0].text.startswith("Done")
    say(button(say("Berlin")[0], "Yes"), button=True)
    shown = say("hypertrophy")[-1].text
    assert "every Tue, Thu at 18:00" in shown and "reminder 1 h before" in shown
    say("yes")
    assert _plans(coach) == [(frozenset({1, 3}), "18:00")] and coach.plans.load_profile(7).lead_minutes == 60


async def test_a_lead_said_with_a_new_plan_over_telegram_never_says_done(say, coach):
    screen(say)
    sent = await feed_all(coach, [message_update(LEAD_WITH_A_PLAN)])
    assert sent.texts()[0].startswith("First, your time zone")


def test_done_at_the_settings_an_hour_on_closes_them_and_saves_no_plan_edit(planned, coach, clock):  # noqa: F811
    saved(planned, "every day at 10:30am")
    planned("change goal to endurance")
    planned("/settings")
    clock.now += timedelta(minutes=60)
    replies = planned("done")
    assert replies[0].text == t.SETTINGS_KEPT and "Save this plan?" in replies[-1].text
    assert [p.goal for p in coach.plans.load_plans(7)] == ["strength"]


async def test_done_at_the_settings_an_hour_on_over_telegram_saves_nothing(planned, coach, clock):  # noqa: F811
    saved(planned, "every day at 10:30am")
    planned("change goal to endurance")
    planned("/settings")
    clock.now += timedelta(minutes=60)
    sent = await feed_all(coach, [message_update("done")])
    assert not any(text.startswith("✅ Saved") for text in sent.texts()) and [p.goal for p in coach.plans.load_plans(7)] == ["strength"]


def test_after_a_detour_the_plan_asks_its_pending_question_again_with_its_buttons(planned):  # noqa: F811
    asked = planned("every tuesday and saturday at 6:30")[-1]
    again = planned("/sessions")[-1]
    assert again.text == f"Back to your plan. {asked.text}" and len(again.button_list()) == len(asked.button_list()) >= 2
    assert "every Tue, Sat at 06:30" in planned("morning")[-1].text


async def test_after_a_detour_over_telegram_the_pending_question_comes_back(planned, coach):  # noqa: F811
    asked = planned("every tuesday and saturday at 6:30")[-1]
    sent = await feed_all(coach, [message_update("/sessions")])
    assert sent.texts()[-1].endswith(asked.text) and "inline_keyboard" in sent.sent()[-1]["reply_markup"]
