"""A health professional named after a flagged safety-check result is no health change (user tester, s32: "what should I
show my physiotherapist?" right after an amber result, and "can i plan anyway, my midwife said exercise is fine", each
voided the finished check, so all 15 questions had to be answered again, and neither was answered): what to show them
is answered with the flagged points, a professional's word is read as a review told (the ✅ button), and a new concern
told beside a professional still asks for a new check."""

from __future__ import annotations

import pytest

from bot.features.planning.texts import NEED_REVIEW
from bot.features.screening.questions import Status
from bot.features.screening.results import tells_review, without_professionals
from bot.features.screening.texts import REDO_AFTER_CONCERN, REVIEW_TOLD
from tests.conftest import message_update
from tests.test_health_changes import status
from tests.test_planning import button, screen
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the adapter fixture)

AMBER_AT = {2: "yes"}  # a heart condition or high blood pressure: amber


def texts_of(replies) -> str:
    return "\n".join(r.text for r in replies)


@pytest.mark.parametrize("asked", ["what should I show my physiotherapist?", "which points do i tell my gp",
                                   "what do i need to bring to the doctor"])
def test_what_to_show_a_professional_is_answered_with_the_flagged_points(say, coach, asked):
    screen(say, AMBER_AT)
    replies = say(asked)
    assert "flagged" in replies[0].text and "heart" in replies[0].text.lower()
    assert "reviewed" in replies[0].button_list()[0].label
    assert REDO_AFTER_CONCERN not in texts_of(replies)
    assert status(coach) is Status.AMBER


@pytest.mark.parametrize("told", ["can i plan anyway, my midwife said exercise is fine",
                                  "my physical therapist said its ok to start"])
def test_a_professionals_word_after_an_amber_result_offers_the_review_and_keeps_the_result(say, coach, told):
    screen(say, AMBER_AT)
    replies = say(told)
    assert REVIEW_TOLD in texts_of(replies) and REDO_AFTER_CONCERN not in texts_of(replies)
    assert status(coach) is Status.AMBER
    say(button(replies[0], "reviewed"), button=True)
    assert say("/plan")[0].text != NEED_REVIEW


@pytest.mark.parametrize("told", ["my doctor says i have a herniated disc now", "my physio is treating a new hamstring tear"])
def test_a_new_concern_told_beside_a_professional_still_asks_for_a_new_check(say, coach, told):
    screen(say, AMBER_AT)
    assert REDO_AFTER_CONCERN in texts_of(say(told))
    assert status(coach) is Status.EXPIRED


@pytest.mark.parametrize("text", ["my midwife said exercise is fine", "the ob-gyn said its ok"])
def test_a_midwifes_or_obstetricians_word_is_a_review_told(text):
    assert tells_review(text)


@pytest.mark.parametrize("text", ["my doctor said its not safe yet", "my gp said wait, it's fine to walk only"])
def test_a_professionals_no_is_no_review(text):
    assert not tells_review(text)


def test_the_professionals_named_are_taken_out_of_what_is_read_for_a_change():
    assert "midwife" not in without_professionals("my midwife said exercise is fine")
    assert "disc" in without_professionals("my doctor says i have a herniated disc")


async def test_what_to_show_a_professional_over_telegram(say, tg):  # noqa: F811
    screen(say, AMBER_AT)
    app, request = tg
    await feed(app, message_update("what should I show my physiotherapist?"))
    assert "flagged" in request.texts()[-1] and "no longer counts" not in request.texts()[-1]
