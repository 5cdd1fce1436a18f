"""A red flag's words at the safety check that tell no alarm: a question about a red-flag question's own words
("what counts as bladder problems?") is explained and the question asked again, and a plain denial ("never
fainted") is a no; a real report ("yes my groin is numb since this morning") still stops the check red, through
the core and over the Telegram adapter."""

from __future__ import annotations

import pytest

from bot.features.screening import texts
from bot.features.screening.questions import Status
from knowledge.screening import load_screening_words
from tests.conftest import message_update
from tests.test_screening import Screen, flagged_so_far, told_then
from tests.test_screening_replies import at, number
from tests.test_telegram_adapter import feed, tg  # noqa: F401 - the adapter fixture


@pytest.fixture
def screen(coach) -> Screen:
    return Screen(coach)


@pytest.mark.parametrize(("question_id", "typed"), [
    ("red_flags", "what does numbness around the groin mean?"),  # an emergency to the safety detector
    ("red_flags", "what counts as bladder problems"),  # a doctor-first concern to it
    ("red_flags", "why would I have numbness around the groin??"),
    ("red_flags", "what do you mean?"),
    ("chest_pain", "what counts as chest pain?"),
    ("chest_pain", "what do you mean by tightness in the chest"),
])
def test_a_question_quoting_a_red_flag_question_is_explained_and_asked_again(screen, question_id, typed):
    at(screen, question_id)
    replies = screen.send(typed)
    assert [r.text for r in replies[:-1]] == [texts.EXPLAINED[question_id]]
    assert f"Question {number(question_id)} of 15" in replies[-1].text and not any(r.safety for r in replies)
    assert screen.status is Status.IN_PROGRESS and flagged_so_far(screen) == ()
    assert screen.send("no")[-1].text.startswith(("Question 4 of 15", "✅"))  # and the check goes on


@pytest.mark.parametrize(("question_id", "typed"), [
    ("red_flags", "yes my groin is numb since this morning"),
    ("red_flags", "since this morning i cant really feel my inner thighs"),  # a negation telling a symptom
    ("red_flags", "no feeling in my groin"),
    ("red_flags", "i do have numbness around the groin, what do bowel problems mean?"),  # told, then asked
    ("red_flags", "what if my groin is numb?"),
    ("red_flags", "no groin numbness but i fell yesterday and my back is killing me"),
    ("chest_pain", "what if i get chest pain only when lifting heavy?"),
    ("chest_pain", "does pressure in the chest mean heart attack?"),
])
def test_a_red_flag_told_at_its_question_still_stops_the_check_red(screen, question_id, typed):
    at(screen, question_id)
    replies = screen.send(typed)
    assert replies[0].safety == "emergency" and screen.status is Status.RED


@pytest.mark.parametrize(("question_id", "typed", "then"), [
    ("dizzy_faint", "never fainted", "Question 5 of 15"),
    ("dizzy_faint", "no fainting no dizziness", "Question 5 of 15"),
    ("chest_pain", "no i dont get any pain in my chest", "Question 4 of 15"),
    ("red_flags", "no numbness around the groin", "✅"),
    ("red_flags", "no, no groin numbness or bladder issues", "✅"),
])
def test_a_denial_of_a_red_flag_is_a_no_not_an_emergency(screen, question_id, typed, then):
    at(screen, question_id)
    replies = screen.send(typed)
    assert told_then(replies[-1].text, then) and not any(r.safety == "emergency" for r in replies)
    assert screen.status is (Status.GREEN if then == "✅" else Status.IN_PROGRESS)


def test_only_question_talk_and_the_question_words_quote_it():
    quoting = load_screening_words().quoting
    quoted = frozenset("right now do you have numbness around the groin".split())
    assert quoting.quotes("what is meant by numbness around the groin".split(), quoted, asked=True)
    assert quoting.quotes("do i have to count numbness".split(), quoted, asked=True)
    assert not quoting.quotes("numbness around the groin".split(), quoted, asked=False)  # told, not asked
    assert not quoting.quotes("is my groin numbness bad".split(), quoted, asked=True)  # "my": the user's own
    assert not quoting.quotes("what is numbness around the groin since monday".split(), quoted, asked=True)


def test_a_negation_telling_a_symptom_is_kept_as_told():
    words = load_screening_words()
    undenied = words.denials.undenied
    assert undenied("no numbness around the groin", words.negations, words.contrasts) == ""
    assert undenied("no groin numbness, but i fell", words.negations, words.contrasts) == "i fell"
    assert undenied("i cant feel my thighs", words.negations, words.contrasts) == "i cant feel my thighs"


async def test_a_question_quoting_the_red_flag_question_over_the_adapter_is_explained_and_a_report_stops_it(tg):  # noqa: F811
    app, request = tg
    for text in ["/screen", "ok", *["no"] * 14, "what does numbness around the groin mean?"]:
        await feed(app, message_update(text))
    assert "What this question means" in request.texts()[-2] and "Question 15 of 15" in request.texts()[-1]
    await feed(app, message_update("yes my groin is numb since this morning"))
    assert any("seek medical care" in text for text in request.texts()[-3:])
