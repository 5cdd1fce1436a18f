"""Typed replies to the safety check's questions, read by the understanding layer (the screening
talk reader and data/screening.yaml): details that answer THIS question, back and cancel in any
words, what is never recorded, and an emergency told at a question."""

from __future__ import annotations

import pytest

from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import BY_ID, QUESTIONS, Status
from bot.features.screening.texts import TYPE_HINT
from knowledge.screening import load_screening_words
from tests.conftest import reported_by_kb_check
from tests.test_screening import Screen, flagged_so_far


@pytest.fixture
def screen(coach) -> Screen:
    return Screen(coach)


def at(screen: Screen, question_id: str) -> Screen:
    """Start the check and answer No up to `question_id`."""
    screen.begin()
    for _ in range(QUESTIONS.index(BY_ID[question_id])):
        screen.tap("No")
    assert BY_ID[question_id].text in screen.last.text
    return screen


def number(question_id: str) -> int:
    """The question's number as the user sees it (1-based)."""
    return QUESTIONS.index(BY_ID[question_id]) + 1


@pytest.mark.parametrize(("question_id", "typed"), [
    ("chronic_condition", "yes, type 2 diabetes"),
    ("chronic_condition", "rheumatoid arthritis in both hands"),
    ("medication", "on lisinopril"),
    ("spine_diagnosis", "bulging disc at L4"),
    ("age_minor", "17"),
    ("age_minor", "im fifteen"),
])
def test_an_answer_with_details_is_a_yes_for_this_question(screen, question_id, typed):
    at(screen, question_id)
    assert f"Question {number(question_id) + 1} of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen)[-1] == question_id


@pytest.mark.parametrize("typed", ["im 34", "42", "thirty five"])
def test_an_adult_age_at_the_age_question_is_a_no(screen, typed):
    at(screen, "age_minor")
    assert "Question 2 of 15" in screen.send(typed)[-1].text
    assert flagged_so_far(screen) == ()


def test_an_adult_age_at_another_question_is_about_the_age_question_and_records_nothing(screen):
    at(screen, "pregnancy")
    replies = screen.send("im 34")
    assert "question 1" in replies[-2].text and f"Question {number('pregnancy')} of 15" in replies[-1].text
    assert flagged_so_far(screen) == ()


def test_an_age_under_18_told_late_is_a_yes_at_the_age_question_not_this_one(screen):
    at(screen, "pregnancy")
    replies = screen.send("im 17")
    assert "question 1" in replies[-2].text and f"Question {number('pregnancy')} of 15" in replies[-1].text
    assert flagged_so_far(screen) == ("age_minor",)


@pytest.mark.parametrize("typed", ["wait go back", "oops, wrong answer on the previous one", "can we go back a step"])
def test_back_in_any_words_asks_the_previous_question(screen, typed):
    at(screen, "chest_pain")
    assert "Question 2 of 15" in screen.send(typed)[-1].text


def test_a_sore_back_told_at_a_question_answers_it_and_never_goes_back(screen):
    at(screen, "back_pain_now")
    assert f"Question {number('back_pain_now') + 1} of 15" in screen.send("back hurts since last week")[-1].text
    assert flagged_so_far(screen)[-1] == "back_pain_now"


def test_a_sore_back_told_at_another_question_does_not_step_back(screen):
    at(screen, "chest_pain")
    replies = screen.send("my back hurts")
    assert f"Question {number('chest_pain') - 1} of 15" not in replies[-1].text
    assert flagged_so_far(screen) == ()


@pytest.mark.parametrize("typed", ["back pls i messed up the injury answer", "go back, my back is fine"])
def test_back_with_a_word_of_going_back_still_asks_the_previous_question(screen, typed):
    at(screen, "pregnancy")
    assert f"Question {number('pregnancy') - 1} of 15" in screen.send(typed)[-1].text


@pytest.mark.parametrize("typed", ["no more questions for now", "nvm"])  # "i'll do it later" pauses it (s28)
def test_cancel_in_any_words_leaves_the_check(screen, typed):
    at(screen, "medication")
    screen.send(typed)
    assert screen.status is Status.NOT_SCREENED


@pytest.mark.parametrize("typed", ["asdfgh", "what was the question", "my cat is asleep", "does a sore throat count"])
def test_a_reply_that_cannot_be_read_is_asked_again_with_the_hint_never_recorded(screen, typed):
    at(screen, "heart_bp")
    replies = screen.send(typed)
    assert "Question 2 of 15" in replies[-1].text and TYPE_HINT in replies[-1].text
    assert flagged_so_far(screen) == () and screen.status is Status.IN_PROGRESS


def test_a_question_naming_no_answer_is_not_recorded(screen):
    at(screen, "spine_diagnosis")
    assert f"Question {number('spine_diagnosis')} of 15" in screen.send("can you explain what stenosis is?")[-1].text
    assert flagged_so_far(screen) == ()


@pytest.mark.parametrize(("typed", "flagged"), [
    ("yes my chest gets tight and painful when i walk", ("chest_pain",)),  # answers this question
    ("i fainted at work yesterday", ()),  # another question's topic: red, but this question is not answered
])
def test_an_emergency_told_at_a_question_stops_the_check_and_flags_the_question_it_answers(screen, coach, typed,
                                                                                            flagged):
    at(screen, "chest_pain")
    replies = screen.send(typed)
    assert replies[0].safety == "emergency" and "stopped the safety check" in replies[-1].text
    assert screen.status is Status.RED
    assert coach.need(ScreeningFlow).store.load_result(screen.user).flagged == flagged


def test_the_topic_words_are_data_a_curator_edits(tmp_path):
    words = tmp_path / "screening.yaml"
    words.write_text("topics: {medication: [tablets, beta blocker*]}\nacknowledgements: [ok]\n"
                     "leading: {yes: [yes], no: [no]}\nages: {age_minor: 18}\n")
    loaded = load_screening_words(words)
    assert loaded.named("on beta blockers since may") == ["medication"]
    assert loaded.by_age("age_minor", ["i", "am", "16"]) == "yes" and loaded.lead(["no", "thanks"]) == "no"


@pytest.mark.parametrize("broken", ["topics: [oops]\n", "topics: {medication: [pills]}\nacknowledgements: []\n",
                                    "topics: {x: [y]}\nacknowledgements: [ok]\nleading: {maybe: [hm]}\n", "[oops\n"])
@pytest.mark.timeout(300)  # kb check reads all the content: a hang guard, not a speed check
def test_kb_check_reports_a_broken_screening_file_in_one_line(capsys, monkeypatch, tmp_path, broken):
    path = tmp_path / "screening.yaml"
    path.write_text(broken)
    reported_by_kb_check(capsys, monkeypatch, "knowledge.screening.SCREENING_WORDS", path, load_screening_words)


@pytest.mark.parametrize("typed", ["✅", "👍"])
def test_a_tick_or_thumbs_up_is_no_answer_to_a_health_question(screen, typed):
    """A user tester's ✅ at the chest-pain question gave a red result that blocked planning for 14 days."""
    at(screen, "chest_pain")
    replies = screen.send(typed)
    assert "Question 3 of 15" in replies[-1].text
    assert flagged_so_far(screen) == () and screen.status is Status.IN_PROGRESS
