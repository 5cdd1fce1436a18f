"""Back after a pause in the safety check ("brb" ... "ok im back"): the same question again, never the one before
("back" in "im back" went back a question)."""

from __future__ import annotations

from knowledge.normalize import clean_text
from tests.conftest import message_update
from tests.test_telegram_adapter import feed, tg  # noqa: F401  (the adapter fixture)


def test_a_reply_that_only_says_the_user_is_back_resumes(understanding):
    words = understanding.screening
    for text in ("ok im back", "I'm back!", "sorry where were we"):
        assert words.resumes(clean_text(text).split()), text
    for text in ("im back pain", "go back", "my back is back to normal"):
        assert not words.resumes(clean_text(text).split()), text


def test_back_after_a_pause_asks_the_same_question_again(say):
    say("/screen")
    say("ok")
    say("no")
    say("no")
    assert "No rush" in say("brb someone needs the machine")[0].text
    resumed = say("ok im back")
    assert "Welcome back" in resumed[0].text and "Question 3 of 15" in resumed[-1].text


async def test_back_after_a_pause_over_telegram(tg):  # noqa: F811
    app, request = tg
    for text in ("/screen", "ok", "no", "brb", "im back"):
        await feed(app, message_update(text))
    assert "Question 2 of 15" in request.texts()[-1]
