"""A new question with words of its own is read on its own first; the conversation only fills in what it lacks (a user
tester's findings: each of these got the previous answer again). A message tied to the last answer by nothing (no
reference, no request for more, no goal, none of that answer's words) keeps what it reads alone; "it" as the exercise
being done ("during it") ties nothing; a typed yes to no question of ours ("ok save it" after a plan saved in words)
is no follow-up; and "what for" after an answer asks why, not for help."""

from __future__ import annotations

import pytest

from bot.core.coach import Coach
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all
from tests.test_planning_qa2 import confirm_brisbane

ALL_THERE_IS = "That's all the articles say"

MUSCLES = "what muscles does it hit"
BENCH = "do i need a machine or can i do it on a bench"
TIGHT = "my lower back is a bit tight at the top, like its working. normal?"
# (first, then, what `then` reads as asked first: asked after `first`, it must read the same)
OWN_QUESTIONS = [
    (MUSCLES, "how do i breath during it", None),
    (BENCH, TIGHT, "lower-back-pump"),
    (MUSCLES, "can i add ankle weights", None),
]


@pytest.mark.parametrize(("first", "then", "alone"), OWN_QUESTIONS)
def test_a_new_question_with_words_of_its_own_reads_as_it_does_alone(understanding, first, then, alone):
    assert understanding.read(then).match.entry_id == alone
    assert understanding.read(first).match.entry_id not in (None, alone)
    assert follow_up(understanding, first, then).match.entry_id == alone, (first, then)


@pytest.mark.parametrize(("first", "then", "alone"), OWN_QUESTIONS)
def test_a_new_question_with_words_of_its_own_never_gets_the_last_answer_again(say, first, then, alone):
    first_entry = say(first)[0].entry
    reply = say(then)[0]
    assert reply.entry == alone and reply.entry != first_entry


@pytest.mark.parametrize(("first", "then", "alone"), OWN_QUESTIONS)
async def test_a_new_question_with_words_of_its_own_never_gets_the_last_answer_again_over_telegram(
        coach: Coach, understanding, first, then, alone):
    texts = (await feed_all(coach, [message_update(first), message_update(then)])).texts()
    assert len(texts) == 2 and texts[1] != texts[0]
    if alone is not None:
        assert understanding.kb.entries[alone].answer[:60] in texts[1]


def test_it_as_the_exercise_being_done_points_at_no_answer(understanding):
    words = understanding.follow_ups
    assert not words.points_at_answer(understanding.words("how do i breath during it"))
    assert words.points_at_answer(understanding.words("where does it start"))
    assert words.points_at_answer(understanding.words("can i do those during it"))
    # after a thing an answer lists, "it" still means that thing ("can i do it on the floor" after the single-leg one)
    assert follow_up(understanding, "is there a single leg version", "is it harder").match.entry_id == "single-leg"


def test_a_follow_up_asking_nothing_of_its_own_still_follows(understanding):
    assert follow_up(understanding, MUSCLES, "why?").match.entry_id == "muscles-worked"
    assert follow_up(understanding, "how many sets for strength", "and for endurance?").match.entry_id \
        == "program-endurance"


def test_ok_save_it_after_a_plan_saved_in_words_is_not_the_last_answer_again(say, coach):
    muscles = say(MUSCLES, user=7)[0]
    confirm_brisbane(say)
    say("yes")
    assert coach.plans.count_plans(7) == 1
    reply = say("ok save it")[-1]
    assert reply.entry != muscles.entry and reply.text != muscles.text
    assert coach.plans.count_plans(7) == 1


def test_a_typed_yes_to_no_question_is_no_follow_up(understanding):
    assert understanding.read("ok save it").match.entry_id is None
    assert follow_up(understanding, MUSCLES, "ok save it").match.entry_id is None


async def test_ok_save_it_after_an_answer_is_not_that_answer_again_over_telegram(coach: Coach):
    texts = (await feed_all(coach, [message_update(MUSCLES), message_update("ok save it")])).texts()
    assert len(texts) == 2 and texts[1] != texts[0]


def test_what_for_after_an_answer_asks_why_not_for_help(say):
    say("what does it work")
    reply = say("what for")[0]
    assert reply.entry == "muscles-worked" and "/help" not in reply.text
    assert "/help" in say("what for", user=8)[0].text  # with nothing said before, it is a call for help


async def test_what_for_after_an_answer_asks_why_over_telegram(coach: Coach):
    texts = (await feed_all(coach, [message_update("how many sets for strength"), message_update("what for")])).texts()
    assert len(texts) == 2 and ALL_THERE_IS in texts[1] and "/help" not in texts[1]
