"""Questions asked where a way out or an answer was expected (issue 12, item 4): "so should i stop?"
after a health concern, idle or in a dialogue, asks; "stop", "cancel" and "can we stop?" still leave.
A question at /settings or at a yes / no confirmation ("is it ok to keep going") neither closes nor
answers it: it is answered, then the screen's question is asked again."""

from __future__ import annotations

import pytest

from bot.core.texts import NOTHING_TO_CANCEL
from tests import test_checkin, test_planning, test_telegram_adapter
from tests.conftest import message_update
from tests.test_dialogues import rows
from tests.test_planning import in_berlin
from tests.test_plans_in_words import save
from tests.test_telegram_adapter import feed

planned, tg, sender = test_planning.planned, test_telegram_adapter.tg, test_checkin.sender  # fixtures shared with those tests
CONCERN = "my lower back hurts after doing them"
SETTINGS_SHOWN = "Tap to change, or say it"
STILL_IN_SETTINGS = "Still in settings (reminders 30 min before, goal strength, time zone Europe/Berlin)"


@pytest.fixture
def green(say):
    """A green user with zone Berlin and goal strength, not in any dialogue."""
    in_berlin(say, "/timezone")
    say("change the goal to strength")
    return say


@pytest.mark.parametrize("typed", ["so should i stop?", "should i stop", "is it ok to keep going", "can i keep going?",
                                   "ok should i carry on"])
def test_a_question_about_stopping_or_going_on_asks_the_bot(coach, typed):
    assert coach.kit.words.asks(typed)


@pytest.mark.parametrize("typed", ["stop", "cancel", "stop?", "can we stop?", "could you cancel it please",
                                   "can i stop now", "dont cancel it", "lets stop", "is done, all series finished",
                                   "did it at lunch"])
def test_a_way_out_or_a_request_worded_as_a_question_asks_nothing(coach, typed):
    assert not coach.kit.words.asks(typed)


def test_should_i_stop_after_a_concern_is_answered_not_taken_as_a_cancel(green):
    green(CONCERN)
    reply = green("so should i stop?")[0]
    assert reply != NOTHING_TO_CANCEL and reply.safety and reply.entry is not None


def test_should_i_stop_while_planning_is_answered_and_the_step_asked_again_but_stop_leaves(planned, coach):
    replies = planned("should i stop?")
    assert coach.kit.dialogues.current(7).dialogue == "plan" and replies[-1].text.startswith("Back to your plan")
    assert planned("stop")[0].text == "Okay, no plan saved." and coach.kit.dialogues.current(7) is None


def test_can_we_stop_still_leaves_the_dialogue(planned, coach):
    planned("can we stop?")
    assert coach.kit.dialogues.current(7) is None


def test_a_question_at_the_settings_keeps_them_open_and_says_so_in_one_line(green, coach):
    green("/settings")
    replies = green("is it ok to keep going")
    assert rows(coach) == [("set", "menu")] and replies[-1].text.startswith(STILL_IN_SETTINGS) and "kept as they are" not in replies[0].text
    assert not any(SETTINGS_SHOWN in r.text for r in replies) and not replies[-1].button_list()  # the screen is not shown again
    replies = green("what about endurance?")  # a goal asked about is no goal chosen
    assert coach.plans.load_profile(7).goal == "strength" and replies[-1].text.startswith(STILL_IN_SETTINGS)
    assert "kept as they are" in green("that's all")[0].text and rows(coach) == []


def test_a_question_at_a_confirmation_is_no_answer_and_the_confirmation_is_asked_again(green, coach):
    save(green, "every sun 7am")
    green("cancel my sunday plan")
    for question in ("is it ok to keep going", "should i stop?"):
        replies = green(question)
        assert replies[-1].text.startswith("Cancel the plan every Sun at 07:00?") and coach.plans.count_plans(7) == 1
    assert green("keep it")[0].text == "Okay, the plan stays." and coach.plans.count_plans(7) == 1


@pytest.mark.parametrize("typed", ["should i skip today", "do i have to do it today", "is it ok to keep going"])
async def test_a_question_under_a_reminder_is_answered_never_recorded(say, coach, clock, sender, typed):
    dispatcher, outbox = sender
    await test_checkin.remind(say, coach, clock, dispatcher, outbox)
    say(typed)
    assert test_checkin.status(coach, outbox) == "sent" and rows(coach) == [("rem", "open")]
    assert say("skip today")[0].text.startswith("Skipped today") and test_checkin.status(coach, outbox) == "skipped"


async def test_a_stop_question_and_a_settings_question_over_telegram(tg, green, coach):
    app, request = tg
    await feed(app, message_update(CONCERN))
    await feed(app, message_update("so should i stop?"))
    assert "nothing to cancel" not in request.texts()[-1]
    await feed(app, message_update("/settings"))
    await feed(app, message_update("is it ok to keep going"))
    assert request.texts()[-1].startswith(STILL_IN_SETTINGS) and rows(coach) == [("set", "menu")]
