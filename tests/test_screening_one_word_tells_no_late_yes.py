"""One word typed at the safety check tells no yes to an earlier question (tester s33: "Cardiff", a town typed for the
plan, was recorded as a yes to the heart question over its "No"); a sentence telling it still is ("actually i do have
high blood pressure")."""

from __future__ import annotations

from tests.conftest import message_update
from tests.recording_request import feed_all


def at_question_5(say) -> None:
    say("/screen")
    say("ok")
    for _ in range(4):
        say("no")


def test_one_word_naming_an_earlier_topic_records_nothing_there(say, coach):
    at_question_5(say)
    assert "recorded it there as a yes" not in " ".join(r.text for r in say("Cardiff"))


def test_a_sentence_telling_an_earlier_topic_is_still_a_yes_told_late(say):
    at_question_5(say)
    assert "recorded it there as a yes" in " ".join(r.text for r in say("actually i do have high blood pressure"))


async def test_one_word_over_telegram(say, coach):
    at_question_5(say)
    request = await feed_all(coach, [message_update("Cardiff")])
    assert not any("recorded it there as a yes" in text for text in request.texts())
