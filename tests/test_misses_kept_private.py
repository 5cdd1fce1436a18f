"""The unanswered-questions log keeps the minimum (tester s29 #6): no e-mail address, link, @handle, phone number or name
given with "my name is"; nothing asked within the window after a health concern the user told; /mydata quotes what it
kept; and "forget what i said about my knee" right after a concern is told what is and isn't kept. Through the core and
the Telegram adapter."""

from __future__ import annotations

import pytest

from bot.features.privacy.questions import FORGET_SAID
from bot.features.qa.redact import redact
from tests.conftest import message_update
from tests.recording_request import feed_all

EMAIL = "my email is jo@example.com can u send me a program"
NAMED = "my name is anna kowalski and im 34, can u make me a diet"
HANDLE = "my insta is @anna_lifts, can u check my form video"
CONCERN = "my knee hurts a bit today"


@pytest.mark.parametrize(("typed", "kept"), [
    (EMAIL, "my email is [email] can u send me a program"), (NAMED, "my name is [name] and im 34, can u make me a diet"),
    (HANDLE, "my insta is [handle], can u check my form video"), ("call me on +44 7700 900123", "call me on [number]"),
    ("see www.example.com/x", "see [link]"), ("what is 10-15 reps", "what is 10-15 reps"),
    ("this is a question about 45 degree benches", "this is a question about 45 degree benches"),
])
def test_details_that_say_who_asked_are_replaced_by_their_kind(typed, kept):
    assert redact(typed) == kept


def test_the_misses_log_keeps_no_email_handle_or_name(say, coach):
    for typed in (EMAIL, NAMED, HANDLE):
        say(typed)
    logged = " ".join(str(row["text"]) for row in coach.kit.users.load_misses())
    assert "[email]" in logged and "[name]" in logged and "[handle]" in logged
    assert "jo@example.com" not in logged and "kowalski" not in logged and "anna_lifts" not in logged


def test_a_question_right_after_a_health_concern_is_not_logged(say, coach):
    say(CONCERN)
    say(NAMED)
    assert coach.kit.users.count_misses(7) == 0


def test_mydata_quotes_the_users_unanswered_questions_as_kept(say):
    say(EMAIL)
    assert "“my email is [email] can u send me a program”" in say("/mydata")[0].text


def test_forget_what_i_said_after_a_concern_says_what_is_kept(say):
    say(CONCERN)
    assert [r.text for r in say("forget what i said about my knee")] == [FORGET_SAID]


def test_forget_what_i_said_with_no_concern_told_is_no_privacy_answer(say):
    assert FORGET_SAID not in [r.text for r in say("forget what i said about my knee")]


async def test_over_telegram_the_log_and_mydata_keep_no_email(coach):
    sent = await feed_all(coach, [message_update(EMAIL), message_update("/mydata"), message_update(CONCERN),
                                  message_update("forget what i said about my knee")])
    texts = sent.texts()
    assert any("“my email is [email]" in t for t in texts) and not any("jo@example.com" in t for t in texts[1:])
    assert texts[-1] == FORGET_SAID
