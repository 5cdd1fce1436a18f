"""Typed answers whose words pull two ways (issue 12, items 3 and 6): when a reply says yes and no at once,
the bot asks again rather than guess a no; a health answer told after a "but", beside a "good night" or
with an age in doubt is not lost; a plan thrown away in words is not saved; a skip told with a health
concern is read as not feeling well."""

from __future__ import annotations

import pytest

from bot.features.planning.texts import PLAN_CANCELLED
from knowledge.intents import Answer
from tests.test_checkin import remind, sender, status  # noqa: F401 - sender is a fixture
from tests.test_dialogues import rows
from tests.test_planning_qa2 import confirm_brisbane
from tests.test_screening import Screen, flagged_so_far
from tests.test_screening_replies import at, number


@pytest.mark.parametrize("text", ["yes I don't need it anymore", "yeah no"])
def test_a_reply_opening_with_yes_that_reads_as_no_is_no_answer(understanding, text):
    assert understanding.answer(text) is None


def test_a_reply_opening_with_no_that_reads_as_not_sure_stays_not_sure(understanding):
    assert understanding.answer("no idea") is Answer.UNSURE


@pytest.mark.parametrize(("question_id", "typed"), [
    ("surgery", "not recently no, but i had a spinal fusion back in 2012"),
    ("leg_symptoms", "nope, but my left leg goes numb when i sit long"),
])
def test_this_topic_told_after_a_but_is_a_yes_whatever_came_first(coach, question_id, typed):
    screen = at(Screen(coach), question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == (question_id,)


def test_a_denied_topic_after_a_but_is_no_yes(understanding):
    assert not understanding.typed_reply("yes sometimes, but no surgery on my back", "surgery").contrast_topic


@pytest.mark.parametrize(("question_id", "typed"), [
    ("injury_in_care", "ya my knee at night"), ("heart_bp", "ya heart murmur, thanks")])
def test_a_yes_naming_this_topic_is_an_answer_though_it_ends_like_small_talk(coach, question_id, typed):
    screen = at(Screen(coach), question_id)
    screen.send(typed)
    assert flagged_so_far(screen) == (question_id,)


def test_an_age_said_with_a_yes_is_no_clean_no_at_the_age_question(coach):
    screen = at(Screen(coach), "age_minor")
    assert "Question 2 of 15" in screen.send("i turn 18 next month so technically yes")[-1].text
    assert flagged_so_far(screen) == ("age_minor",)


@pytest.mark.parametrize("typed", ["bin it", "delete that", "nah throw it away"])
def test_a_plan_thrown_away_in_words_at_the_confirmation_is_not_saved(say, coach, typed):
    confirm_brisbane(say)
    assert say(typed)[-1].text == PLAN_CANCELLED
    assert coach.plans.count_plans(7) == 0 and coach.dialogues.current(7) is None


async def test_a_skip_told_with_a_health_concern_is_not_feeling_well(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    replies = say("skipping, I've got a chest infection")
    assert any("rest day" in r.text for r in replies)
    assert rows(coach) == [] and status(coach, outbox) == "skipped"  # the concern voided the check: no pain question
