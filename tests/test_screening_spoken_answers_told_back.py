"""A spoken answer to a safety-check question is told back as recorded, since the words heard may not be the words
said ("I do have that" heard "I do have met." is a yes), and "aye" is a yes (tester s30 #22): through the core, and
through the Telegram adapter's process_update with a voice note."""

from __future__ import annotations

import pytest

from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.screening.flow import ScreeningFlow
from tests.test_screening import Screen, told_then
from tests.test_screening_replies import at
from tests.voice_support import Heard, sent_for_note, shared_pipeline, spoken

RECORDED_YES = "I've recorded \"Yes\" for question 2, about a heart condition or high blood pressure."


def spoken_reply(screen: Screen, heard: str) -> list[Reply]:
    """The replies to a voice note heard as `heard`."""
    return screen._keep(screen.coach.handle(Inbound(screen.user, InboundKind.VOICE, heard)))


def flagged(screen: Screen) -> tuple[str, ...]:
    progress = screen.coach.need(ScreeningFlow).store.load_progress(screen.user)
    assert progress is not None
    return progress.flagged


def test_a_spoken_answer_is_told_back_as_recorded_with_the_way_to_change_it(coach):
    screen = at(Screen(coach), "heart_bp")
    replies = spoken_reply(screen, "I do have met.")
    assert replies[0].text.startswith("🎙 I heard: “I do have met.”") and RECORDED_YES in replies[0].text
    assert "Tap ⬅️ Back" in replies[0].text and "\n\nQuestion 3 of 15" in replies[0].text and len(replies) == 1
    assert flagged(screen) == ("heart_bp",)


def test_a_spoken_no_is_told_back_too_and_a_typed_answer_is_not(coach):
    screen = at(Screen(coach), "heart_bp")
    assert "I've recorded \"No\" for question 2" in spoken_reply(screen, "No, I don't.")[0].text
    typed = screen.send("no")
    assert len(typed) == 1 and typed[0].text.startswith("Question 4 of 15")


def test_a_spoken_answer_that_ends_the_check_is_told_back_without_the_way_back(coach):
    screen = at(Screen(coach), "red_flags")
    [reply] = spoken_reply(screen, "no")
    assert "I've recorded \"No\" for question 15" in reply.text and "Back" not in reply.text
    assert "Nothing in your answers calls for a check" in reply.text


@pytest.mark.parametrize("said", ["aye", "Aye.", "aye i do"])
def test_aye_is_a_yes_typed_or_spoken(coach, said):
    typed = at(Screen(coach, user=1), "heart_bp")
    assert told_then(typed.send(said)[-1].text, "Question 3 of 15") and flagged(typed) == ("heart_bp",)
    heard = at(Screen(coach, user=2), "heart_bp")
    assert RECORDED_YES in spoken_reply(heard, said)[0].text and flagged(heard) == ("heart_bp",)


def test_aye_confirms_a_yes_no_question(coach):
    screen = Screen(coach)
    screen.send("/forget")
    assert "erased" in screen.send("aye")[-1].text.lower()



@pytest.mark.parametrize(("said", "heard"), [("I do have that", "I do have met."), ("aye", "Aye.")])
async def test_a_spoken_answer_over_telegram_is_told_back_as_recorded(coach, said, heard):
    voice = shared_pipeline()
    sent = await sent_for_note(coach, Heard(heard), voice.speaker, spoken(voice, said), before=("/screen", "ok", "no"))
    told = sent[-1]["text"]
    assert told.startswith(f"🎙 I heard: “{heard}”") and RECORDED_YES in told and "\n\nQuestion 3 of 15" in told
    assert [b["text"] for row in sent[-1]["reply_markup"]["inline_keyboard"] for b in row][:3] == ["Yes", "No", "Not sure"]
