"""Changes of a saved plan that name one day, and what planning remembers (the tester's findings of session 27): a new
time for one day of a plan of several days is explained and asked, never applied to every day or by dropping the others;
"this thursday only" moves that one session; a day of an every-other-day plan moved is that one session; a session
skipped stays skipped when its plan's time is edited; a schedule told before the safety check is kept through a /plan
typed after it; a new time zone names the plan's own clock time."""

from __future__ import annotations

import pytest

from tests import test_telegram_adapter
from tests.conftest import message_update
from tests.test_planning import button, in_berlin, screen
from tests.test_telegram_adapter import feed

tg = test_telegram_adapter.tg  # the Telegram fixture, on the same core as `say`


@pytest.fixture
def green(say):
    """A green user in Berlin, goal strength, not in any dialogue."""
    in_berlin(say, "/timezone")
    say("/settings")
    say("strength")
    say("that's all")
    return say


def saved(say, when: str):
    """`when` planned and saved."""
    say(f"/plan {when}")
    assert "Saved" in say("save")[0].text
    return say


def test_a_new_zone_names_the_plans_own_clock_time(green):
    saved(green, "every sat 10am")
    green("/timezone")
    moved = green(button(green("Toronto")[0], "Yes"), button=True)[0].text
    assert "a session at 10:00 is now at 10:00 America/Toronto time" in moved and "18:30" not in moved


async def test_a_new_zone_names_the_plans_own_clock_time_over_telegram(green, tg):
    saved(green, "every sat 10am")
    app, request = tg
    await feed(app, message_update("/timezone Toronto"))
    await feed(app, message_update("yes"))
    assert "a session at 10:00 is now at 10:00 America/Toronto time" in request.texts()[-1]


def told_before_the_check(say) -> None:
    """A schedule asked for before the safety check, the check taken green, then /plan typed as its result says."""
    assert "safety check" in say("can u remind me tue/thu 6:30pm")[0].text
    screen(say)
    say("/plan")


def test_a_schedule_told_before_the_check_is_kept_through_plan_typed_after_it(say):
    told_before_the_check(say)
    say(button(say("Berlin")[0], "Yes"), button=True)
    confirm = say("strength")[-1].text
    assert "every Tue, Thu at 18:30" in confirm and "Save this plan?" in confirm


async def test_a_schedule_told_before_the_check_is_kept_over_telegram(say, tg):
    told_before_the_check(say)
    say(button(say("Berlin")[0], "Yes"), button=True)
    app, request = tg
    await feed(app, message_update("strength"))
    assert "every Tue, Thu at 18:30" in request.texts()[-1]


def skipped_then_moved(say) -> None:
    """Every Sat 9:00 saved, next Saturday's session skipped, /sessions looked at, then the plan moved to 10:00."""
    saved(say, "every sat 9am")
    assert "Skip Sat 28 Nov 09:00" in say("i cant make it saturday, skip it")[0].text  # a skip told with a reason is asked
    assert "Skipped Sat 28 Nov 09:00" in say("yes")[0].text
    say("/sessions")
    draft = say("move saturday to 10am")[0].text
    assert "every Sat at 10:00" in draft and "Sat 28 Nov 10:00 · stays skipped" in draft  # said before it is saved
    assert "Saved" in say("yes")[0].text


def test_a_session_skipped_stays_skipped_at_its_plans_new_time(green, coach):
    skipped_then_moved(green)
    listed = green("/sessions")[0]
    assert "Sat 28 Nov 10:00 · skipped" in listed.text and "09:00" not in listed.text
    assert [b.label for b in listed.button_list() if "28 Nov" in b.label] == ["↩️ Restore Sat 28 Nov 10:00"]  # no skip
    plan = coach.plans.load_plans(7)[0]
    assert plan.next_at is not None and plan.next_at.day == 5  # Sat 05 Dec is the next session reminded


async def test_a_session_skipped_stays_skipped_over_telegram(green, tg):
    skipped_then_moved(green)
    app, request = tg
    await feed(app, message_update("/sessions"))
    assert "Sat 28 Nov 10:00 · skipped" in request.texts()[-1] and "09:00" not in request.texts()[-1]


def test_a_time_for_one_day_of_a_saved_plan_becomes_a_plan_of_its_own_not_every_days(green, coach):
    saved(green, "every tue and thu 6:30pm")
    asked = green("move thursday to 7pm")[0].text
    assert "One plan keeps one time" in asked and "every Tue at 18:30" in asked and "Thu at 19:00 will be a plan of its own" in asked
    assert "every Thu at 19:00" in green("save")[-1].text
    green("save")
    assert sorted(str(p.schedule.local_time) for p in coach.plans.load_plans(7)) == ["18:30:00", "19:00:00"]


@pytest.mark.parametrize("typed", ["push thursday back an hour", "make thursday 7 instead", "change thursday to 7:30pm"])
def test_a_time_for_one_day_said_other_ways_keeps_the_other_days(green, typed):
    saved(green, "every tue and thu 6:30pm")
    asked = green(typed)[0].text
    assert "One plan keeps one time" in asked and "every Tue at 18:30" in asked


def test_a_time_for_every_day_of_a_saved_plan_still_moves_them_all(green):
    saved(green, "every tue and thu 6:30pm")
    moved = green("move tuesday and thursday to 7pm")[0].text
    assert "every Tue, Thu at 19:00" in moved and "One plan keeps one time" not in moved


async def test_a_time_for_one_day_of_a_saved_plan_over_telegram(green, tg):
    saved(green, "every tue and thu 6:30pm")
    app, request = tg
    await feed(app, message_update("move thursday to 7pm"))
    assert "One plan keeps one time" in request.texts()[-1] and "every Tue at 18:30" in request.texts()[-1]


def test_this_thursday_only_at_the_edit_moves_that_one_session(green, coach):
    saved(green, "every tue and thu 6:30pm")
    green("move thursday to 7pm")
    asked = green("this thursday only can we do 8pm")[0].text
    assert asked.startswith("Move Thu 26 Nov 18:30") and "to Thu 26 Nov 20:00?" in asked
    assert "Moved" in green("yes")[0].text
    plans = {p.schedule.kind: p for p in coach.plans.load_plans(7)}
    assert plans["weekly"].schedule.weekdays == {1, 3} and plans["weekly"].schedule.local_time.hour == 18
    assert "once" in plans  # the moved session, the plan kept


@pytest.mark.parametrize("typed", ["this thursday only can we do 8pm", "just this thursday at 8pm"])
def test_this_thursday_only_with_no_dialogue_moves_that_session_not_skips_it(green, typed):
    saved(green, "every tue and thu 6:30pm")
    asked = green(typed)[0].text
    assert asked.startswith("Move Thu 26 Nov 18:30") and "to Thu 26 Nov 20:00?" in asked


def test_a_skip_with_a_reason_at_another_time_is_still_a_skip(green):
    saved(green, "every tue and thu 6:30pm")
    assert green("i cant make this thursday, dentist at 5pm")[0].text.startswith("Skip Thu 26 Nov 18:30")


async def test_this_thursday_only_over_telegram(green, tg):
    saved(green, "every tue and thu 6:30pm")
    green("move thursday to 7pm")
    app, request = tg
    await feed(app, message_update("this thursday only can we do 8pm"))
    assert request.texts()[-1].startswith("Move Thu 26 Nov 18:30")


def test_a_day_of_an_every_other_day_plan_moves_that_session(green, coach):
    saved(green, "every other day at 7pm")
    asked = green("reschedule wednesday to 8am")[0].text
    assert asked.startswith("Move Wed 25 Nov 19:00") and "to Wed 25 Nov 08:00?" in asked
    green("yes")
    assert any(p.schedule.kind == "every_n_days" and p.schedule.local_time.hour == 19 for p in coach.plans.load_plans(7))


async def test_a_day_of_an_every_other_day_plan_over_telegram(green, tg):
    saved(green, "every other day at 7pm")
    app, request = tg
    await feed(app, message_update("reschedule wednesday to 8am"))
    assert request.texts()[-1].startswith("Move Wed 25 Nov 19:00")


def test_a_one_off_asked_for_this_thursday_is_a_new_plan_not_a_move(green):
    saved(green, "every tue and thu 6:30pm")
    assert "once, Thu 26 Nov 20:00" in green("remind me this thursday at 8pm")[0].text


def test_a_plan_named_by_one_of_its_days_is_moved_whole(green):
    saved(green, "every tue and thu 6:30pm")
    moved = green("change my thursday plan to 7pm")[0].text
    assert "every Tue, Thu at 19:00" in moved and "One plan keeps one time" not in moved
