"""A yes that tells another question's topic (tester s32: "yes, I had back surgery" at the dizziness question was
recorded as a yes to dizziness, and she answered no at the surgery question thinking she had covered it): nothing is
recorded at the question asked, the check asks which the yes is about, and the other topic is kept for its own
question, which says so when it comes (an earlier question's topic is recorded there, as a yes told late). A yes with
a reason ("yes, for my blood pressure" at the medication question) still answers. Through the core and through the
Telegram adapter's process_update."""

from __future__ import annotations

import pytest

from bot.features.screening.flow import ScreeningFlow
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_screening import Screen, flagged_so_far
from tests.test_screening_replies import at

ASKED = "Is that a yes to question 4, about dizziness or fainting, or are you telling me about surgery?"
KEPT = "Earlier you mentioned surgery: this is the question about it, so please answer it here."


@pytest.mark.parametrize("typed", ["yes, I had back surgery", "yes i had a discectomy in 2019",
                                   "yeah, had an operation in march"])
def test_a_yes_telling_a_later_questions_topic_records_nothing_and_asks_which(coach, typed):
    screen = at(Screen(coach), "dizzy_faint")
    replies = screen.send(typed)
    assert any(r.text.startswith(ASKED) for r in replies) and "Question 4 of 15" in replies[-1].text
    assert flagged_so_far(screen) == ()
    assert coach.need(ScreeningFlow).store.load_progress(7).told == ("surgery",)


def test_the_kept_topic_is_named_when_its_question_comes_so_a_no_is_not_given_for_it(coach):
    screen = at(Screen(coach), "dizzy_faint")
    screen.send("yes, I had back surgery")
    screen.send("no")
    while "Question 12 of 15" not in screen.last.text:
        assert KEPT not in screen.last.text
        screen.tap("No")
    assert screen.last.text.startswith(KEPT)
    screen.send("yes")
    assert flagged_so_far(screen) == ("surgery",) and "Question 13 of 15" in screen.last.text


def test_a_yes_telling_an_earlier_questions_topic_is_recorded_there_and_asks_which(coach):
    screen = at(Screen(coach), "injury_in_care")
    replies = screen.send("yes, I had back surgery")
    assert any(r.text.startswith("Is that a yes to question 13, about an injury, or are you telling me about surgery? "
                                 "Question 12 asked about surgery, so I've recorded it there") for r in replies)
    assert flagged_so_far(screen) == ("surgery",) and "Question 13 of 15" in replies[-1].text


@pytest.mark.parametrize(("question_id", "typed"), [("medication", "yes, for my blood pressure"),
                                                    ("dizzy_faint", "yes, i get dizzy sometimes after surgery")])
def test_a_yes_with_a_reason_or_naming_its_own_topic_still_answers(coach, question_id, typed):
    screen = at(Screen(coach), question_id)
    screen.send(typed)
    assert flagged_so_far(screen) == (question_id,)


async def test_a_yes_about_another_topic_over_telegram_asks_which_and_keeps_it(coach):
    updates = [message_update("/screen"), message_update("ok"), *[message_update("no") for _ in range(3)],
               message_update("yes, I had back surgery")]
    sent = await feed_all(coach, updates)
    texts = sent.texts()
    assert any(text.startswith(ASKED) for text in texts) and "Question 4 of 15" in texts[-1]
    buttons = [b["text"] for row in sent.sent()[-1]["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons[:3] == ["Yes", "No", "Not sure"]
    progress = coach.need(ScreeningFlow).store.load_progress(7)
    assert progress.flagged == () and progress.told == ("surgery",)
