"""Safety-check answers in more kinds of words (screening_dev11's classes): how many times ("once, after a long run",
"twice this year") is a yes, still a no when told long ago at a recent question; "nvr" is "never"; "i don't know" in a few
other languages ("je sais pas", "keine ahnung") is not sure; named conditions ("hashimotos", "psoriatic arthritis") answer
the long-term condition question; a scope is surgery, a no where only the knee had it; supplements bought, not
prescribed ("just vitamins", "only creatine lol"), are a no at the medication question. Through the core and through the
Telegram adapter's process_update."""

from __future__ import annotations

import pytest

from bot.features.screening.flow import ScreeningFlow
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_screening import Screen, flagged_so_far
from tests.test_screening_replies import at, number


@pytest.mark.parametrize(("question_id", "typed", "flagged"), [
    ("dizzy_faint", "once, after a long run in june", True), ("dizzy_faint", "twice this year", True),
    ("dizzy_faint", "once, like 10 years ago", False), ("chest_pain", "nvr", False),
    ("heart_bp", "je sais pas", True), ("heart_bp", "keine ahnung", True),
    ("chronic_condition", "hashimotos", True), ("chronic_condition", "psoriatic arthritis", True),
    ("surgery", "knee scope in march", False), ("surgery", "arthroscopy on my hip last month", True),
    ("medication", "just vitamins", False), ("medication", "only creatine lol", False),
])
def test_counts_names_and_other_languages_words_answer(coach, question_id, typed, flagged):
    screen = at(Screen(coach), question_id)
    screen.send(typed)
    assert flagged_so_far(screen) == ((question_id,) if flagged else ())
    assert f"Question {number(question_id) + 1} of 15" in screen.last.text


async def test_a_supplement_over_telegram_is_a_no_told_back(coach):
    updates = [message_update("/screen"), message_update("ok"), *[message_update("no") for _ in range(6)],
               message_update("just vitamins")]
    sent = await feed_all(coach, updates)
    assert sent.texts()[-1].startswith("Noted: \"No\" for question 7") and "Question 8 of 15" in sent.texts()[-1]
    assert coach.need(ScreeningFlow).store.load_progress(7).flagged == ()
