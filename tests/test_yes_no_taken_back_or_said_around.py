"""Yes/no confirmations never act on a misreading: a yes taken back with a doubt after it ("yes. wait no. ugh i dont
know my schedule yet"), a bare "right" taken back ("right... wait no, maine"), "no es correcto", a question naming a zone
("can i just type a timezone like PST"), a negation with "you" between ("i dont want you keeping anything. yes") and "no
more ..." at "Cancel the plan?" (replies_dev3's dangerous readings): through the core, and through the Telegram adapter's
process_update."""

from __future__ import annotations

import pytest

from bot.core.confirmation import MIXED
from bot.features.planning.sessions import CANCELLING
from bot.features.planning.texts import ZONE_WHICH as WHICH  # the places offered again after a no to the guess
from bot.features.planning.zone import GUESSED
from bot.features.privacy.dialog import ERASING
from bot.features.screening.flow import ScreeningFlow
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, screen
from tests.test_planning_qa2 import confirm_brisbane


@pytest.mark.parametrize(("choices", "text", "answer"), [
    (ERASING, "i dont want you keeping anything. yes", "yes"), (ERASING, "dont want u to erase it", "no"),
    (CANCELLING, "no more 7am workouts for me", "yes"), (GUESSED, "no es correcto", MIXED),
])
def test_a_negation_said_around_you_no_more_and_no_es_choose_as_meant(choices, text, answer):
    assert choices.read(text) == answer


@pytest.mark.parametrize(("text", "taken"), [("right... wait no, maine", "no"), ("no no, you got it right", None),
                                             ("correct", None), ("yes actually no", "no")])
def test_a_bare_yes_is_taken_back_only_by_a_bare_no_after_it(text, taken):
    assert GUESSED.taken_back(text) == taken


def test_a_yes_taken_back_with_a_doubt_after_it_is_no_answer(understanding):
    assert understanding.answer("yes. wait no. ugh i dont know my schedule yet") is None
    assert understanding.answer("yes... actually no").value == "no"  # taken back plainly: the no
    assert understanding.answer("no wait yes").value == "yes"


def test_at_save_a_yes_taken_back_with_a_doubt_saves_nothing_and_goes_nowhere(say, coach):
    confirm_brisbane(say)
    replies = say("yes. wait no. ugh i dont know my schedule yet")
    assert not coach.plans.load_plans(7) and not replies[-1].text.startswith("Okay, what should change?")
    assert "Save this plan?" in replies[-1].text


def at_guess(say) -> None:
    """A green user whose "Portland" is guessed as Portland, Oregon, with other places offered."""
    screen(say)
    say("/plan")
    assert "Portland" in say("Portland")[-1].text


@pytest.mark.parametrize("text", ["no es correcto", "right... wait no, maine", "can i just type a timezone like PST"])
def test_at_the_zone_guess_a_no_in_other_words_or_a_question_naming_a_zone_saves_no_zone(say, coach, text):
    at_guess(say)
    replies = say(text)
    assert not coach.plans.load_profile(7).zone
    if text != "can i just type a timezone like PST":
        assert WHICH in replies[-1].text  # read as the no it is: the other places shown


def test_forget_erases_on_a_negated_keep_with_you_between(say, coach):
    screen(say)
    say("/forget")
    say("i dont want you keeping anything. yes")
    assert coach.need(ScreeningFlow).store.load_result(7) is None


@pytest.mark.parametrize("typed", ["no more early workouts for me", "sure, no point keeping it"])
def test_no_more_at_cancel_the_plan_cancels_it(say, coach, typed):
    confirm_brisbane(say)
    say("yes")
    say(button(say("/sessions")[-1], "Cancel plan"), button=True)
    say(typed)
    assert coach.plans.count_plans(7) == 0


def typed_screen() -> list[str]:
    return ["/screen", "ok", *["no"] * 15]


async def test_over_telegram_a_no_es_correcto_and_a_question_save_no_zone_and_a_negated_keep_erases(coach):
    request = await feed_all(coach, [message_update(t) for t in [*typed_screen(), "/plan", "Portland", "no es correcto"]])
    assert WHICH in request.texts()[-1] and not coach.plans.load_profile(7).zone
    request = await feed_all(coach, [message_update(t, user_id=8) for t in [
        *typed_screen(), "/plan", "Portland", "can i just type a timezone like PST"]])
    assert not coach.plans.load_profile(8).zone
    request = await feed_all(coach, [message_update(t, user_id=9) for t in [
        *typed_screen(), "/forget", "i dont want you keeping anything. yes"]])
    assert "erased" in request.texts()[-1] and coach.need(ScreeningFlow).store.load_result(9) is None


async def test_over_telegram_no_more_cancels_the_plan_and_a_doubted_yes_saves_nothing(coach):
    plan = [*typed_screen(), "remind me sundays at 8am", "Brisbane", "yes", "endurance"]
    request = await feed_all(coach, [message_update(t) for t in [*plan, "yes. wait no. ugh i dont know my schedule yet"]])
    assert "Save this plan?" in request.texts()[-1] and not coach.plans.load_plans(7)
    request = await feed_all(coach, [message_update(t) for t in ["yes", "cancel my sunday plan",
                                                                 "no more early workouts for me"]])
    assert coach.plans.count_plans(7) == 0 and "cancelled" in request.texts()[-1].lower()
