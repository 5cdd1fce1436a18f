"""Typed yes / no answers that never mistake other words for one: the answers reader and the safety
check's reader say nothing of a name, a place or an unknown word (their letters looked like "yes" or
"no" to the character n-grams), and the steps that ask a yes/no question do nothing with one."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_replies import measure
from bot.features.screening.flow import ScreeningFlow
from knowledge.intents import Answer
from tests.test_planning import button, screen
from tests.test_planning_qa2 import confirm_brisbane
from tests.test_screening import Screen
from tests.test_screening_replies import at

NOT_ANSWERS = ["Brisbane", "Noah", "Nottingham", "Norway", "Yemen", "Nora", "banana", "nonsense", "asdf",
               "I live in Nottingham", "ok Noah", "hello", "good morning", "thanks", "which plan?", "mondays at 7",
               "strength", "🙂", "🔥"]


@pytest.mark.parametrize("text", NOT_ANSWERS)
def test_a_name_a_place_or_other_words_are_no_answer(understanding, text):
    assert understanding.answer(text) is None


@pytest.mark.parametrize(("text", "answer"), [
    ("yes", Answer.YES), ("yesss", Answer.YES), ("yse", Answer.YES), ("yeahhhh", Answer.YES), ("👍", Answer.YES),
    ("yeah Oregon one", Answer.YES), ("no", Answer.NO), ("noooo", Answer.NO), ("❌", Answer.NO), ("keep it", Answer.NO),
    ("wrong", Answer.NO), ("not sure", Answer.UNSURE), ("no clue", Answer.UNSURE),
])
def test_answers_in_words_the_reader_knows_or_typos_of_them_are_read(understanding, text, answer):
    assert understanding.answer(text) is answer


def test_a_typo_is_repeated_or_swapped_letters_of_a_known_word_not_any_look_alike(understanding):
    talk = understanding.model.talk
    assert talk.known("answers", ["gooood", "yse"]) == ["good", "yes"]
    assert talk.known("answers", ["god", "noah"]) == []  # "good", "nah"


@pytest.mark.parametrize("text", ["Nottingham", "Noah", "Yemen", "Brisbane", "banana"])
def test_the_safety_check_reader_reads_no_answer_in_a_place_or_a_name(understanding, text):
    assert understanding.typed_reply(text, "heart_bp").label is None


def test_nottingham_at_a_health_question_records_nothing(coach):
    check = at(Screen(coach), "heart_bp")
    check.send("Nottingham")
    progress = coach.need(ScreeningFlow).store.load_progress(7)
    assert progress is not None and progress.step == 1 and progress.flagged == ()
    check.send("yes")
    assert coach.need(ScreeningFlow).store.load_progress(7).flagged == ("heart_bp",)


@pytest.mark.parametrize("text", ["Brisbane", "Norway", "Noah"])
def test_a_place_or_a_name_at_save_neither_saves_nor_goes_back(say, coach, text):
    confirm_brisbane(say)
    replies = say(text)
    assert coach.plans.count_plans(7) == 0 and "Save this plan?" in replies[-1].text


def test_noah_at_forget_erases_nothing(say, coach):
    screen(say)
    say("/forget")
    say("Noah")
    assert coach.dialogues.current(7, "forget") is not None
    assert coach.need(ScreeningFlow).store.load_result(7) is not None
    assert say("yes")[0].text.startswith("Done: everything I stored about you is erased")
    assert coach.need(ScreeningFlow).store.load_result(7) is None


def test_a_place_at_the_cancel_plan_question_cancels_nothing(say, coach):
    confirm_brisbane(say)
    say("yes")
    say(button(say("/sessions")[-1], "Cancel plan"), button=True)
    say("Yemen")
    assert coach.plans.count_plans(7) == 1 and coach.dialogues.current(7, "unplan") is not None


def write_set(path: Path) -> Path:
    """A tiny replies set: a yes, and a place that must be no answer."""
    path.write_text('- {text: "yes", at: forget, expect: yes, style: short, hard: false}\n'
                    '- {text: "Brisbane", at: forget, expect: other, style: place, hard: true}\n'
                    '- {text: "Noah", at: health, expect: other, style: name, hard: true, question: "heart_bp: heart?"}\n',
                    encoding="utf-8")
    return path


def test_the_replies_bench_counts_right_and_dangerous_readings_per_step(tmp_path, capsys):
    measure(write_set(tmp_path / "dev.yaml"), show=True)
    out = capsys.readouterr().out
    assert "== dev.yaml: 3/3 right, 0 dangerous" in out
    assert "forget:other              1/1    100.0%  dangerous 0" in out


def test_the_replies_bench_prints_only_totals_for_an_unseen_set(tmp_path, capsys, monkeypatch):
    path = write_set(tmp_path / "unseen_x.yaml")
    monkeypatch.setattr("bench.bench_replies.dangerous", lambda at, expect, read: True)
    monkeypatch.setattr("bench.bench_replies.right", lambda at, expect, read: False)
    measure(path, show=True)
    out = capsys.readouterr().out
    assert "0/3 right, 3 dangerous" in out and "Brisbane" not in out and "Noah" not in out
