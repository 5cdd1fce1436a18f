"""A change of saved plans said at the time-zone question of a first plan (tester s32 #16: "push friday's to next week",
"change my tuesday plan to 8am" and "no more thursdays" each got "Got it, I'll keep that", and "no more thursdays" then
ticked Thursday): the user is told there is no saved plan to change yet, nothing is kept, and the zone is asked again; a
change of what the user said before in this plan ("no more fridays" after "mon wed fri at 7pm") still changes it."""

from __future__ import annotations

import pytest

from bot.features.planning.texts import ASK_ZONE, NOTHING_TO_CHANGE
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, screen

CHANGES = ["push friday's to next week", "change my tuesday plan to 8am", "no more thursdays", "drop my saturday session"]


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_of_saved_plans_by_a_user_with_none_is_told_and_not_kept(say, change):
    screen(say)
    say("/plan")
    assert say(change)[0].text == f"{NOTHING_TO_CHANGE} {ASK_ZONE}"
    say(button(say("Berlin")[0], "Yes"), button=True)
    when = say("strength")[-1]
    assert when.text.startswith("When do you want to train?") and not any("✅" in b.label for b in when.button_list())


def test_a_change_of_what_was_said_before_in_this_plan_still_changes_it(say):
    screen(say)
    say("/plan")
    say("every mon wed fri at 7pm")
    assert NOTHING_TO_CHANGE not in say("no more fridays")[0].text
    say(button(say("Berlin")[0], "Yes"), button=True)
    assert "every Mon, Wed at 19:00" in say("strength")[-1].text


async def test_a_change_of_saved_plans_by_a_user_with_none_over_telegram(say, coach):
    screen(say)
    say("/plan")
    request = await feed_all(coach, [message_update("no more thursdays")])
    assert request.texts()[0].startswith(NOTHING_TO_CHANGE)
