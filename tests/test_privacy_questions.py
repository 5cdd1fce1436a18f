"""Questions about the user's data (tester s28, findings 13 and 14): who sees it, whether it is shared or kept, get a
short privacy answer, mid-dialogue too (the step is asked again), never an exercise answer; "did you delete it?" is
answered with what is stored now, never a new request to erase. Through the core and the Telegram adapter."""

from __future__ import annotations

import pytest

from bot.features.privacy.dialog import PROMPT
from bot.features.privacy.questions import PRIVACY, asks_about_privacy, asks_if_erased
from tests import test_telegram_adapter
from tests.conftest import message_update
from tests.test_telegram_adapter import feed

tg = test_telegram_adapter.tg


@pytest.mark.parametrize("text", ["who can see my answers", "is my health info safe with you",
                                  "do you share my data with anyone", "do u store my health stuff?"])
def test_a_question_about_who_sees_the_users_data_gets_the_privacy_answer(say, text):
    replies = say(text)
    assert [r.text for r in replies] == [PRIVACY] and replies[0].entry is None and replies[0].safety is None


def test_a_privacy_question_mid_check_is_answered_and_the_question_asked_again(say):
    for text in ["/screen", "ok", "no"]:
        say(text)
    answer, again = say("who can see this")
    assert answer.text == PRIVACY and again.text.startswith("Question 2 of 15")


def test_a_question_at_the_erase_confirmation_about_the_chats_is_answered_and_the_confirmation_kept(say):
    say("how many reps for strength")
    say("/forget")
    answer, again = say("wait does that include the chats we had")
    assert answer.text == PRIVACY and again.text == PROMPT


@pytest.mark.parametrize("text", ["did you delete it?", "is everything gone now", "are you sure you deleted everything"])
def test_asking_whether_the_data_was_erased_shows_what_is_stored_and_asks_nothing(say, text):
    say("/forget")
    say("yes")
    replies = say(text)
    assert len(replies) == 1 and replies[0].text.startswith("Here is everything I store about you") and not replies[0].buttons


@pytest.mark.parametrize("text", ["where does the information come from", "is it safe to do daily", "can you delete my data",
                                  "is the pain gone if i rest", "delete it"])
def test_questions_about_the_exercise_and_requests_to_erase_are_not_privacy_questions(text):
    assert not asks_about_privacy(text) and not asks_if_erased(text)


async def test_privacy_and_erased_questions_over_the_adapter(tg):
    app, request = tg
    await feed(app, message_update("do you share my data with anyone"))
    assert request.texts()[-1] == PRIVACY
    await feed(app, message_update("did you delete it?"))
    assert request.texts()[-1].startswith("Here is everything I store about you")
