"""Plan changes people still typed in vain (issue 12, items 2-4 and 6, session 16): a number typed at "which
plan?", the words of a relative change never "left out", and more. A confirmation always stands before a
stored plan changes. The clock is Sat 21 Nov 2026 10:30 in Berlin; plan 1 is strength Mon/Wed/Fri 19:00,
plan 2 endurance Sat 09:00."""

from __future__ import annotations

import pytest

from tests import test_planning, test_plans_changed_relatively, test_telegram_adapter
from tests.conftest import message_update
from tests.test_plans_changed_relatively import MWF, SAT, plans
from tests.test_telegram_adapter import feed

planned, tg, two = test_planning.planned, test_telegram_adapter.tg, test_plans_changed_relatively.two  # shared fixtures


@pytest.mark.parametrize("typed, after", [("2", ("endurance", SAT, "08:00")), ("#1", ("strength", MWF, "20:00")),
                                          ("option 2", ("endurance", SAT, "08:00"))])
def test_a_number_typed_at_which_plan_picks_that_button_and_edits_after_a_yes(two, coach, typed, after):
    assert two("can we do 8 instead")[-1].text.startswith("Which plan do you want to edit?")
    assert "Save this plan?" in two(typed)[-1].text and len(plans(coach)) == 2
    two("yes")
    assert after in plans(coach) and len(plans(coach)) == 2


def test_a_number_past_the_buttons_offered_picks_nothing(two, coach):
    two("can we do 8 instead")
    replies = two("3")
    assert not any("Save this plan?" in r.text for r in replies) and plans(coach) == [("strength", MWF, "19:00"),
                                                                                          ("endurance", SAT, "09:00")]


async def test_a_number_typed_at_which_plan_to_cancel_over_telegram_is_confirmed_first(tg, two, coach):
    app, request = tg
    await feed(app, message_update("cancel my plan"))
    assert request.texts()[-1].startswith("Which plan do you want to cancel?")
    await feed(app, message_update("2"))
    assert request.texts()[-1].startswith("Cancel the plan every Sat at 09:00?") and len(plans(coach)) == 2
    await feed(app, message_update("yes"))
    assert plans(coach) == [("strength", MWF, "19:00")]


@pytest.mark.parametrize("typed, shown", [("strength plan: drop monday, add saturday", "every Wed, Fri, Sat at 19:00"),
                                          ("drop wednesday from the plan, keep mon and fri", "every Mon, Fri at 19:00"),
                                          ("strength at half 7 and drop wednesdays", "every Mon, Fri at 19:30")])
def test_the_words_of_a_relative_change_are_read_not_said_to_be_left_out(two, coach, typed, shown):
    confirm = two(typed)[-1]
    assert shown in confirm.text and "I left out" not in confirm.text and len(plans(coach)) == 2


def test_at_save_this_plan_a_day_dropped_beside_a_new_time_leaves_nothing_out(planned):
    planned("every mon wed fri 7pm")
    confirm = planned("move it to 8pm and drop monday")[-1]
    assert "every Wed, Fri at 20:00" in confirm.text and "I left out" not in confirm.text


def test_words_a_relative_change_does_not_use_are_still_said_to_be_left_out(planned):
    planned("every mon wed fri 7pm")
    assert "I left out" in planned("drop friday with my friend Noah")[-1].text


async def test_a_relative_change_over_telegram_says_nothing_left_out(tg, two, coach):
    app, request = tg
    await feed(app, message_update("drop wednesday from the plan, keep mon and fri"))
    assert "every Mon, Fri at 19:00" in request.texts()[-1] and "I left out" not in request.texts()[-1]
    await feed(app, message_update("yes"))
    assert ("strength", frozenset({0, 4}), "19:00") in plans(coach)
