"""An emoji alone at a safety-check question (the tester's leftovers, s29): 👍, 👌, 🙂, 🤔 may mean yes, no or just "OK",
and the check is the one place a guess is dangerous, so it is asked back in words naming the emoji (never recorded as a
yes, never a reply that ignores it), the question shown again with its buttons; a word typed after it answers."""

from __future__ import annotations

import pytest

from bot.core.confirmation import emoji_only
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_screening import flagged_so_far, screen  # noqa: F401 (a fixture)
from tests.test_screening_replies import at


@pytest.mark.parametrize("typed", ["👍", "👌", "🙂", "🤔", "👍🏻", "🆗"])
def test_an_emoji_alone_at_a_question_is_asked_back_never_recorded(screen, typed):  # noqa: F811
    at(screen, "heart_bp")
    asked, question = screen.send(typed)
    assert asked.text.startswith(f"{typed} could mean yes, no or just “OK”") and "Is it a yes" in asked.text
    assert "Question 2 of 15" in question.text and question.button_list()
    assert flagged_so_far(screen) == ()
    assert screen.send("yes")[-1].text.startswith("Question 3 of 15") and flagged_so_far(screen) == ("heart_bp",)


def test_only_emoji_alone_is_asked_back():
    assert emoji_only("👍") and emoji_only(" 🤔 ") and not emoji_only("yes 👍") and not emoji_only("?") and not emoji_only("")


async def test_an_emoji_alone_over_telegram_is_asked_back(screen, coach):  # noqa: F811
    at(screen, "chest_pain")
    sent = await feed_all(coach, [message_update("👍")])
    assert sent.texts()[0].startswith("👍 could mean yes, no or just “OK”") and "Question 3 of 15" in sent.texts()[1]
    assert flagged_so_far(screen) == ()
