"""Typed answers at the yes/no steps are never guessed into the other answer (issue 12): "not sure" at /forget or at
"Cancel the plan?" decides nothing (it is asked again, nothing erased or kept for good); a change asked for at "Cancel
the plan?" ("change it to tue thu") is that change, not a "no"; a bare yes beside a bare no ("yeah no") at the guessed
place is no yes. Each through the core and through the Telegram adapter's process_update."""

from __future__ import annotations

import pytest

from bot.core.confirmation import MIXED, UNDECIDED
from bot.features.planning.zone import GUESSED
from bot.features.privacy.dialog import PROMPT
from bot.features.screening.flow import ScreeningFlow
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, screen
from tests.test_planning_qa2 import confirm_brisbane

KEPT = "Okay, the plan stays."


def at_cancel_plan(say):
    """A green user with one saved plan (Sundays 08:00, Brisbane), asked "Cancel the plan ...?"."""
    confirm_brisbane(say)
    say("yes")
    replies = say(button(say("/sessions")[-1], "Cancel plan"), button=True)
    assert replies[-1].text.startswith("Cancel the plan")


@pytest.mark.parametrize("typed", ["maybe", "not sure", "idk"])
def test_not_sure_at_forget_erases_nothing_keeps_nothing_for_good_and_asks_again(say, coach, typed):
    screen(say)
    say("/forget")
    replies = say(typed)
    assert replies[0] == UNDECIDED and replies[-1].text == PROMPT
    assert coach.kit.dialogues.current(7, "forget") is not None  # still asked: a yes now erases
    assert coach.need(ScreeningFlow).store.load_result(7) is not None


async def test_not_sure_at_forget_over_telegram_is_asked_again(say, coach):
    screen(say)
    sent = await feed_all(coach, [message_update("/forget"), message_update("maybe")])
    assert sent.texts()[-2:] == [UNDECIDED.text, PROMPT]
    assert coach.kit.dialogues.current(7, "forget") is not None


@pytest.mark.parametrize("typed", ["maybe", "not sure"])
def test_not_sure_at_cancel_the_plan_keeps_the_question_open(say, coach, typed):
    at_cancel_plan(say)
    replies = say(typed)
    assert replies[0] == UNDECIDED and replies[-1].text.startswith("Cancel the plan")
    assert coach.plans.count_plans(7) == 1 and coach.kit.dialogues.current(7, "unplan") is not None


@pytest.mark.parametrize(("typed", "shown"), [("change it to tue thu", "every Tue, Thu at 08:00"),
                                             ("no, move it to 7pm instead", "every Sun at 19:00")])
def test_a_change_asked_at_cancel_the_plan_is_that_change_not_a_no(say, coach, typed, shown):
    at_cancel_plan(say)
    replies = say(typed)
    assert KEPT not in [r.text for r in replies] and any(shown in r.text for r in replies)
    assert coach.plans.count_plans(7) == 1


async def test_a_change_asked_at_cancel_the_plan_over_telegram_is_that_change(say, coach):
    at_cancel_plan(say)
    sent = await feed_all(coach, [message_update("change it to tue thu")])
    assert KEPT not in sent.texts() and any("every Tue, Thu at 08:00" in text for text in sent.texts())


@pytest.mark.parametrize(("typed", "read"), [("yeah no", MIXED), ("right... no", MIXED), ("nah yeah", MIXED),
                                             ("no no, you got it right", "yes"), ("yeah yeah", "yes"),
                                             ("yes and no", MIXED), ("yeah maybe", MIXED)])
def test_a_bare_yes_next_to_a_bare_no_chooses_neither(typed, read):
    assert GUESSED.read(typed) == read


def test_yeah_no_at_the_guessed_place_sets_no_zone(say, coach):
    screen(say)
    say("/plan")
    say("Portland")
    say("yeah no")
    assert coach.plans.load_profile(7).zone is None


async def test_yeah_no_at_the_guessed_place_over_telegram_sets_no_zone(say, coach):
    screen(say)
    await feed_all(coach, [message_update("/plan"), message_update("Portland"), message_update("yeah no")])
    assert coach.plans.load_profile(7).zone is None


@pytest.mark.parametrize(("typed", "read"), [("ok wait", None), ("sure... hold on", None), ("yes actually wait", None),
                                             ("no wait", "no"), ("ok wait, yes", "yes"), ("yes", "yes")])
def test_a_yes_that_ends_holding_off_is_no_answer_yet(understanding, typed, read):
    found = understanding.answer(typed)
    assert (found.value if found else None) == read


@pytest.mark.parametrize("typed", ["ok wait", "sure... hold on", "yes if my plan stays"])
def test_a_yes_held_off_or_with_a_condition_at_forget_erases_nothing(say, coach, typed):
    screen(say)
    say("/forget")
    say(typed)
    assert coach.kit.dialogues.current(7, "forget") is not None
    assert coach.need(ScreeningFlow).store.load_result(7) is not None


@pytest.mark.parametrize("typed", ["ok wait", "yes if i can make a new one later"])
def test_a_yes_held_off_or_with_a_condition_at_cancel_the_plan_cancels_nothing(say, coach, typed):
    at_cancel_plan(say)
    say(typed)
    assert coach.plans.count_plans(7) == 1 and coach.kit.dialogues.current(7, "unplan") is not None


async def test_a_yes_held_off_or_with_a_condition_over_telegram_erases_nothing(say, coach):
    screen(say)
    sent = await feed_all(coach, [message_update("/forget"), message_update("sure... hold on"),
                                  message_update("yes if my plan stays")])
    assert sent.texts()[-2:] == [UNDECIDED.text, PROMPT]
    assert coach.need(ScreeningFlow).store.load_result(7) is not None


@pytest.mark.parametrize("typed", ["no worries, do it", "no problem, go ahead"])
def test_no_worries_at_cancel_the_plan_is_a_yes(say, coach, typed):
    at_cancel_plan(say)
    say(typed)
    assert coach.plans.count_plans(7) == 0


async def test_no_worries_at_cancel_the_plan_over_telegram_is_a_yes(say, coach):
    at_cancel_plan(say)
    await feed_all(coach, [message_update("no worries, do it")])
    assert coach.plans.count_plans(7) == 0


def test_a_no_to_only_part_at_forget_is_no_answer(say, coach):
    screen(say)
    say("/forget")
    replies = say("no, just my health data")
    assert "Okay, nothing was erased." not in [r.text for r in replies]
    assert coach.kit.dialogues.current(7, "forget") is not None


async def test_a_no_to_only_part_at_forget_over_telegram_is_no_answer(say, coach):
    screen(say)
    sent = await feed_all(coach, [message_update("/forget"), message_update("no, just my health data")])
    assert "Okay, nothing was erased." not in sent.texts() and coach.kit.dialogues.current(7, "forget") is not None


@pytest.mark.parametrize(("typed", "read"), [("tak", "yes"), ("nao", "no"), ("nie", "no"), ("🚫", "no"), ("🙅", "no")])
def test_one_word_of_another_language_or_a_no_emoji_answers_yes_or_no(understanding, typed, read):
    found = understanding.answer(typed)
    assert found is not None and found.value == read


@pytest.mark.parametrize(("typed", "erased"), [("tak", True), ("não", False), ("🚫", False)])
def test_one_word_of_another_language_answers_forget(say, coach, typed, erased):
    screen(say)
    say("/forget")
    say(typed)
    assert coach.kit.dialogues.current(7, "forget") is None
    assert (coach.need(ScreeningFlow).store.load_result(7) is None) == erased


async def test_one_word_of_another_language_over_telegram_answers_forget(say, coach):
    screen(say)
    await feed_all(coach, [message_update("/forget"), message_update("tak")])
    assert coach.need(ScreeningFlow).store.load_result(7) is None
