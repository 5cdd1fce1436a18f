"""Yes/no replies that are not the answer they look like (replies_dev4's classes): "no point keeping it" negates the
keeping, so it cancels (at "Cancel the plan?": tests/test_yes_no_taken_back_or_said_around.py); a reply naming only
part of what /forget erases ("just erase my injury stuff", "i wanted to forget the last message not everything")
erases nothing and keeps nothing; an answer taken back and then held off ("ya i mean wait no hold on lemme check my
shifts") saves nothing and changes nothing; a question at the guessed place ("is that daylight savings time or not")
is no "no", and the guessed name typed again ("portland") saves nothing. Through the core and through the Telegram
adapter's process_update."""

from __future__ import annotations

import pytest

from bot.core.confirmation import Choices
from bot.features.planning.sessions import CANCELLING
from bot.features.planning.texts import ZONE_WHICH
from bot.features.privacy.dialog import PROMPT
from bot.features.screening.flow import ScreeningFlow
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import screen
from tests.test_planning_qa2 import confirm_brisbane


@pytest.mark.parametrize(("text", "answer"), [("sure, no point keeping it", "yes"), ("no need to keep it", "yes"),
                                               ("keep it", "no"), ("no, keep it", "no")])
def test_no_point_or_no_need_negates_the_word_after_it(text, answer):
    assert CANCELLING.read(text) == answer


@pytest.mark.parametrize("typed", ["just erase my injury stuff", "i wanted to forget the last message not everything",
                                   "yes delete my plans"])
def test_a_reply_naming_part_of_what_forget_erases_erases_and_keeps_nothing(say, coach, typed):
    screen(say)
    say("/forget")
    say(typed)
    assert coach.dialogues.current(7, "forget") is not None
    assert coach.need(ScreeningFlow).store.load_result(7) is not None


@pytest.mark.parametrize("typed", ["no, keep my plans", "hmm no, I'd lose my plans", "yes delete all my data"])
def test_a_whole_answer_at_forget_still_decides(say, coach, typed):
    screen(say)
    say("/forget")
    say(typed)
    assert coach.dialogues.current(7, "forget") is None
    assert (coach.need(ScreeningFlow).store.load_result(7) is None) == typed.startswith("yes")


async def test_a_part_named_at_forget_over_telegram_erases_nothing(say, coach):
    screen(say)
    sent = await feed_all(coach, [message_update("/forget"),
                                  message_update("i wanted to forget the last message not everything")])
    assert PROMPT in sent.texts()[-1] and coach.need(ScreeningFlow).store.load_result(7) is not None
    assert coach.dialogues.current(7, "forget") is not None


def test_an_answer_taken_back_then_held_off_at_save_changes_nothing(say, coach):
    confirm_brisbane(say)
    replies = say("ya i mean wait no hold on lemme check my shifts")
    assert coach.plans.count_plans(7) == 0 and coach.dialogues.current(7, "plan") is not None
    assert not any("Which days" in r.text or "What time" in r.text for r in replies)
    say("yes")
    assert coach.plans.count_plans(7) == 1


def at_portland(say) -> None:
    """A green user whose /plan guessed Portland, Oregon, with Maine and Texas offered."""
    screen(say)
    say("/plan")
    say("Portland")


def test_a_question_at_the_guessed_place_is_no_no(say, coach):
    at_portland(say)
    replies = say("wait is that daylight savings time or not")
    assert not any(r.text == ZONE_WHICH for r in replies) and coach.plans.load_profile(7).zone is None


def test_the_guessed_name_typed_again_saves_nothing_and_yes_then_saves_it(say, coach):
    at_portland(say)
    replies = say("portland")
    assert coach.plans.load_profile(7).zone is None and "Right?" in replies[-1].text
    say("yes")
    assert coach.plans.load_profile(7).zone == "America/Los_Angeles"


async def test_the_guessed_name_typed_again_over_telegram_saves_nothing(say, coach):
    at_portland(say)
    await feed_all(coach, [message_update("portland")])
    assert coach.plans.load_profile(7).zone is None


def test_choices_read_no_point_only_after_no():
    assert Choices.listed("cancel", "keep").read("the point is to keep it") == "no"
