"""A safety-check question skipped in words ("skip", "pass on this one", "id rather not answer that") is recorded as
"Not sure", which counts as yes (screening.md), and the reply says so: never left out as a no, nor taken for leaving the
check (screening_dev9: "skip" left the check, "pass" was asked again). Through the core, and the Telegram adapter."""

from __future__ import annotations

import pytest

from bot.features.screening import texts
from bot.features.screening.flow import ScreeningFlow
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_screening import Screen
from tests.test_screening_replies import at


def progress(screen: Screen):
    return screen.coach.need(ScreeningFlow).store.load_progress(screen.user)


@pytest.mark.parametrize("said", ["skip", "Skip this one", "pass", "pass on this one", "ill pass on that",
                                  "id rather not answer that", "prefer not to say"])
def test_a_question_skipped_is_recorded_as_not_sure_and_the_reply_says_so(coach, said):
    screen = at(Screen(coach), "heart_bp")
    [reply] = screen.send(said)
    assert reply.text.startswith(texts.SKIPPED + "I've recorded \"Not sure\" for question 2")
    assert "\n\nQuestion 3 of 15" in reply.text and progress(screen).flagged == ("heart_bp",)


def test_a_red_flag_question_skipped_gets_the_did_you_mean_step_first(coach):
    screen = at(Screen(coach), "chest_pain")
    assert "Did you mean yes, no, or not sure?" in screen.send("skip")[-1].text
    assert progress(screen).step == 2 and not progress(screen).flagged


def test_skipping_the_whole_check_still_leaves_it(coach):
    screen = at(Screen(coach), "heart_bp")
    screen.send("skip all this")
    assert progress(screen) is None


async def test_a_question_skipped_over_telegram_is_recorded_as_not_sure(coach):
    request = await feed_all(coach, [message_update(t) for t in ["/screen", "ok", "no", "pass"]])
    assert request.texts()[-1].startswith(texts.SKIPPED) and "Question 3 of 15" in request.texts()[-1]
    assert coach.need(ScreeningFlow).store.load_progress(7).flagged == ("heart_bp",)
