"""A health concern told beside a plan request ("remind me mon wed fri at 7am, btw my knee hurts since the surgery") is
answered with the doctor-first line, and the request is kept for after the safety check, but never the concern's words:
what a dialogue keeps of typed words leaves out the clauses that tell a concern (tester s30 #11)."""

from __future__ import annotations

import json

import pytest

from bot.core.kit import Kit
from bot.features.planning import texts as t
from knowledge.clauses import without
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button
from tests.test_planning_qa2 import green

TOLD = [("remind me mon wed fri at 7am, btw my knee hurts since the surgery", ("knee", "surgery"), "Mon, Wed, Fri at 07:00"),
        ("plan for me tuesday 6pm please, i am pregnant 5 month", ("pregnant",), "Tue 24 Nov 18:00"),
        ("my sciatica flares up, remind me every monday 8am", ("sciatica",), "Mon at 08:00")]


def stored_dialogue_data(coach) -> str:
    """Every dialogue's data as stored, for any user."""
    return " ".join(row[0] for row in coach.kit.db.execute("SELECT data FROM dialogues").fetchall())


@pytest.mark.parametrize("typed, concern, plan", TOLD)
def test_a_plan_asked_with_a_concern_is_kept_without_the_concerns_words(say, coach, typed, concern, plan):
    assert say(typed)[0].text.startswith(coach.kit.answers.doctor_first.text)  # s33: with the medical-care advice after it
    assert "mon" in stored_dialogue_data(coach).lower() or "tue" in stored_dialogue_data(coach).lower()
    assert not [word for word in concern if word in stored_dialogue_data(coach).lower()]
    assert green(say)[-1].text == t.ASK_ZONE
    assert not [word for word in concern if word in stored_dialogue_data(coach).lower()]
    say(button(say("Berlin")[0], "Yes"), button=True)
    assert plan in say("strength")[-1].text


def test_words_with_no_concern_are_kept_as_typed(coach):
    typed = "remind me mon, wed and fri at 7am, but not on holidays"
    assert coach.kit.keepable(typed) == typed


def test_a_clause_that_says_when_is_kept_even_beside_a_concern():
    assert without("mon wed 7pm, my knee hurts, thanks", lambda clause: "knee" in clause) == "mon wed 7pm, thanks"
    assert without("mon wed 7pm", lambda clause: False) == "mon wed 7pm"


def test_the_kit_keeps_the_clause_that_says_when(coach):
    kit: Kit = coach.kit
    assert kit.keepable("my knee hurts since monday, remind me tue 7pm") == "my knee hurts since monday, remind me tue 7pm"
    assert kit.keepable("remind me tue 7pm, my knee hurts") == "remind me tue 7pm"


async def test_over_telegram_the_concern_is_answered_and_its_words_not_stored(coach):
    sent = await feed_all(coach, [message_update(TOLD[0][0])])
    assert coach.kit.answers.doctor_first.text in sent.texts()[0]  # s33: in the medical-care advice
    data = stored_dialogue_data(coach)
    assert data and "7am" in json.dumps(data) and "knee" not in data and "surgery" not in data
