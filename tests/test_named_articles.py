"""A question naming a source article asks about its topic (tester s28, finding 15): "what does tight butt blast say
about X", "tight butt blast says what about knees", "according to the reverse hypers article..." are answered as the
question about X (every answer names its sources), not declined or answered with the sources overview, after another
answer too. Through the pure reader, the core and the Telegram adapter."""

from __future__ import annotations

import pytest

from knowledge.named_articles import article_patterns, without_article_names
from tests import test_telegram_adapter
from tests.conftest import message_update
from tests.test_telegram_adapter import feed

tg = test_telegram_adapter.tg
PATTERNS = article_patterns(["Reverse Hypers", "Tight Butt Blast"])


@pytest.mark.parametrize(("text", "meant"), [
    ("what does tight butt blast say about reps", "what about reps"), ("tight butt blast says what about knees",
                                                                       "what about knees"),
    ("according to tight butt blast how many sets", "how many sets"),
    ("in the tight butt blast article how high do my legs go", "how high do my legs go")])
def test_a_named_articles_framing_is_set_aside(text, meant):
    assert without_article_names(text, PATTERNS) == meant


@pytest.mark.parametrize("text", ["what do i get from reverse hypers", "how many reverse hypers should i do",
                                  "what does tight butt blast say"])
def test_the_exercises_name_and_a_bare_question_about_an_article_are_kept(text):
    assert without_article_names(text, PATTERNS) == text


@pytest.mark.parametrize(("text", "entry"), [
    ("what does the reverse hypers article say about rest", "rest-periods"),
    ("tight butt blast says what about knees", "bent-knees")])
def test_a_question_naming_an_article_gets_its_topics_answer(say, text, entry):
    assert say(text)[0].entry == entry


def test_a_question_naming_an_article_after_another_answer_is_read_on_its_own(say):
    say("how long rest")
    assert say("tight butt blast says what about knees")[0].entry == "bent-knees"


async def test_a_question_naming_an_article_over_the_adapter(tg):
    app, request = tg
    await feed(app, message_update("what does the reverse hypers article say about rest"))
    assert "30–45 seconds" in request.texts()[-1]
