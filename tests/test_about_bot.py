"""Questions about the bot itself (tester s28, finding 22): what it does or where a newcomer begins get the welcome
(what it can do, the next steps), who or what it is a line about it, never an exercise answer; questions about the
exercise that share those words keep their answers. Through the core and the Telegram adapter."""

from __future__ import annotations

import pytest

from bot.core.about import ABOUT_ME
from tests import test_telegram_adapter
from tests.conftest import message_update
from tests.test_telegram_adapter import feed

tg = test_telegram_adapter.tg
WELCOME = "Hi! I'm Coachbot"


@pytest.mark.parametrize("text", ["hey whats this bot do exactly", "what is this app", "hello, i am new. what i must do first?",
                                  "im new here, where do i start"])
def test_asking_what_the_bot_does_gets_the_welcome(say, text):
    reply = say(text)[0]
    assert reply.text.startswith(WELCOME) and reply.entry is None


@pytest.mark.parametrize("text", ["who made you", "are you a real person", "am i talking to a bot?"])
def test_asking_who_the_bot_is_gets_a_line_about_it(say, text):
    assert say(text) == [ABOUT_ME]


@pytest.mark.parametrize(("text", "entry"), [("who made the reverse hyper", "history"), ("what does the machine do", "machine"),
                                             ("i am new to reverse hypers, how many sets", "reps-general")])
def test_questions_about_the_exercise_with_the_same_words_keep_their_answers(say, text, entry):
    assert say(text)[0].entry == entry


async def test_a_question_about_the_bot_over_the_adapter(tg):
    app, request = tg
    await feed(app, message_update("whats this bot do exactly"))
    assert request.texts()[-1].startswith(WELCOME)
