"""Yes/no replies that must not act (replies_dev5's dangerous classes): where the answer can't be undone (/forget,
cancelling a plan), a bare word of one answer right before a word of the other ("no, erase", "yes keep it", "no cancel")
and an emoji alone that would do it ("🗑️") are asked again, nothing done (one that keeps, "🚫", keeps; "no, I'm sure,
delete it" still erases); a reply choosing only part, in another language too ("annule mardi seulement"), is told what
answering does and asked again; a yes going on to report training done ("yes I did it yesterday", "yes I trained at 7")
is no yes; yes and no both said and then held off ("yes no wait") is no answer. Through the core and through the
Telegram adapter's process_update."""

from __future__ import annotations

import pytest

from bot.core.confirmation import emoji_only
from bot.features.planning.sessions import CANCELLING_DOES
from bot.features.privacy.dialog import PROMPT
from bot.features.screening.flow import ScreeningFlow
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, screen
from tests.test_planning_qa2 import confirm_brisbane


def at_cancel(say):
    """A green user with one saved plan, asked "Cancel the plan?" from /sessions."""
    confirm_brisbane(say)
    say("yes")
    say(button(say("/sessions")[-1], "Cancel plan"), button=True)


@pytest.mark.parametrize("typed", ["no, erase", "yes keep it", "nope delete", "🗑️"])
def test_both_answers_or_an_emoji_alone_at_forget_erase_nothing_and_ask_again(say, coach, typed):
    screen(say)
    say("/forget")
    replies = say(typed)
    assert PROMPT in replies[-1].text and coach.dialogues.current(7, "forget") is not None
    assert coach.need(ScreeningFlow).store.load_result(7) is not None
    assert not emoji_only(typed) or replies[0].text.startswith(f"{typed} could mean yes or no")


def test_a_no_with_words_between_before_erasing_still_erases(say, coach):
    screen(say)
    say("/forget")
    say("no, I'm sure, delete it")
    assert coach.need(ScreeningFlow).store.load_result(7) is None


@pytest.mark.parametrize("typed", ["no cancel", "yes keep it", "🗑", "yes I trained at 7"])
def test_both_answers_an_emoji_or_a_training_report_at_cancel_plan_keep_it_asking(say, coach, typed):
    at_cancel(say)
    replies = say(typed)
    assert coach.plans.count_plans(7) == 1 and coach.dialogues.current(7, "unplan") is not None
    assert "Cancel the plan" in replies[-1].text


def test_only_part_in_another_language_at_cancel_plan_says_what_cancelling_does(say, coach):
    at_cancel(say)
    replies = say("annule dimanche seulement")
    assert replies[0].text == CANCELLING_DOES and coach.plans.count_plans(7) == 1


@pytest.mark.parametrize("typed", ["yes I did it yesterday", "yeah i already went this morning", "yes no wait"])
def test_a_training_report_or_both_answers_held_off_at_save_saves_nothing(say, coach, typed):
    confirm_brisbane(say)
    say(typed)
    assert coach.plans.count_plans(7) == 0 and coach.dialogues.current(7, "plan") is not None


def test_a_bare_yes_i_did_still_saves(say, coach):
    confirm_brisbane(say)
    say("yes i did")
    assert coach.plans.count_plans(7) == 1


async def test_no_erase_over_telegram_erases_nothing_and_asks_again(say, coach):
    screen(say)
    sent = await feed_all(coach, [message_update("/forget"), message_update("no, erase")])
    assert PROMPT in sent.texts()[-1] and coach.need(ScreeningFlow).store.load_result(7) is not None
    buttons = [b["text"] for row in sent.sent()[-1]["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons == ["🗑 Yes, erase everything", "Keep my data"]

