"""At a safety-check question (issue 12; tester s29 #2 and #7): a correction of the answer just given, naming no question
("oops i meant no", "i pressed yes by mistake") changes that answer and asks this question again, and a request to erase
everything ("delete all my stuff") opens the erase confirmation, never recorded as a yes; "start over" begins the check
again and "continue" asks the question again (tester s29 #22). Through the core and the Telegram adapter."""

from __future__ import annotations

import pytest

from bot.features.privacy.dialog import PROMPT
from bot.features.screening.corrections import corrected_last
from bot.features.screening.questions import BY_ID
from bot.features.screening.texts import RESTARTED, RESUMED_AFTER_PAUSE, format_answered_back
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_screening import flagged_so_far
from tests.test_screening_replies import at, screen  # noqa: F401 (a fixture)

HEART, CHEST, AGE = BY_ID["heart_bp"], BY_ID["chest_pain"], BY_ID["age_minor"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("oops i meant no", "no"), ("sorry meant to say yes", "yes"), ("that last one was supposed to be no", "no"),
    ("wait no i pressed yes by mistake", "no"), ("accidentally hit yes, its no", "no"),
    ("the one before should be not sure", "unsure"),
    ("no", None), ("i mean no not really", None), ("i meant to ask, whats this for?", None), ("yes", None),
])
def test_a_correction_of_the_last_answer_is_read_only_in_so_many_words(typed, meant):
    assert corrected_last(typed) == meant


@pytest.mark.parametrize("typed", ["oops i meant no", "wait no i pressed yes by mistake"])
def test_a_correction_of_the_last_answer_changes_it_and_asks_this_question_again(screen, typed):  # noqa: F811
    at(screen, "heart_bp").send("yes")
    assert flagged_so_far(screen) == ("heart_bp",)
    replies = screen.send(typed)
    assert replies[0].text == format_answered_back(HEART, "No") and CHEST.text in replies[-1].text
    assert flagged_so_far(screen) == ()


def test_a_correction_naming_this_questions_topic_answers_this_question(screen):  # noqa: F811
    at(screen, "heart_bp").send("no")
    screen.send("i meant no chest pain")
    assert not screen.last.text.startswith("Back to question") and flagged_so_far(screen) == ()


@pytest.mark.parametrize("typed", ["delete all my stuff", "erase all my stuff"])
def test_an_erase_request_at_a_question_opens_the_erase_confirmation_and_records_nothing(screen, typed):  # noqa: F811
    at(screen, "chest_pain")
    assert screen.send(typed)[0].text == PROMPT and flagged_so_far(screen) == ()


async def test_over_telegram_a_correction_and_an_erase_request_at_a_question_record_no_yes(coach):
    sent = await feed_all(coach, [message_update(t) for t in ("/screen", "ok", "no", "yes", "oops i meant no",
                                                               "delete all my stuff")])
    texts = sent.texts()
    back = texts.index(format_answered_back(HEART, "No"))
    assert CHEST.text in texts[back + 1] and texts[back + 2:] == [PROMPT]


@pytest.mark.parametrize("typed", ["start over", "can we restart", "can we start again from the beginning"])
def test_start_over_mid_check_clears_the_answers_and_asks_question_1(screen, typed):  # noqa: F811
    at(screen, "heart_bp").send("yes")
    replies = screen.send(typed)
    assert replies[0].text == RESTARTED and AGE.text in replies[-1].text and flagged_so_far(screen) == ()


@pytest.mark.parametrize("typed", ["continue", "next", "ok carry on"])
def test_continue_after_a_pause_asks_the_same_question_again(screen, typed):  # noqa: F811
    at(screen, "heart_bp").send("brb")
    replies = screen.send(typed)
    assert replies[0].text == RESUMED_AFTER_PAUSE and HEART.text in replies[-1].text and flagged_so_far(screen) == ()


async def test_over_telegram_start_over_begins_the_check_again(coach):
    sent = await feed_all(coach, [message_update(t) for t in ("/screen", "ok", "no", "start over")])
    assert RESTARTED in sent.texts() and AGE.text in sent.texts()[-1]
