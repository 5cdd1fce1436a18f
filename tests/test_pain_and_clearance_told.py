"""Two of the s33 tester's safety findings: pain told with "normal?" is never answered with a headline that calls it normal
(#3: "hurts a bit in my lower back on the way up, normal?" got "an intense pump in the lower back is normal"): the pump's
answer leads with "a pump isn't pain: if it hurts, stop the set"; and a professional's clearance told at the safety check
is no yes told late to the question about training only under supervision (#5: "my physio has reviewed these and cleared
me" was recorded as that yes over its "No")."""

from __future__ import annotations

from tests.conftest import message_update
from tests.recording_request import feed_all

PAIN = "hurts a bit in my lower back on the way up, normal?"


def test_pain_told_with_normal_gets_stop_the_set_before_any_normal(say):
    text = " ".join(r.text for r in say(PAIN))
    assert "stop the set" in text and text.index("stop the set") < text.index("normal")


def test_a_pump_asked_about_without_pain_is_still_told_normal(say):
    assert "pump in the lower back is normal" in say("is it normal to feel a pump in my lower back from reverse hypers")[0].text


def at_question_14(say) -> None:
    say("/screen")
    say("ok")
    for _ in range(13):
        say("no")


def test_a_clearance_at_the_check_is_no_yes_to_the_supervision_question(say):
    at_question_14(say)
    assert "recorded it there as a yes" not in " ".join(r.text for r in say("my physio has reviewed these and cleared me"))


async def test_pain_told_over_telegram(coach):
    sent = await feed_all(coach, [message_update(PAIN)])
    text = " ".join(sent.texts())
    assert "stop the set" in text and text.index("stop the set") < text.index("normal")
