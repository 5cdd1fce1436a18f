"""The cue words of a schedule told as the new routine are data a curator edits (knowledge/data/plan_cues.yaml)."""

from __future__ import annotations

import pytest

from knowledge.plan_cues import load_plan_cues
from tests.conftest import reported_by_kb_check


def test_a_cue_word_a_curator_adds_tells_a_new_routine_unless_one_more_plan_is_said(tmp_path):
    path = tmp_path / "plan_cues.yaml"
    path.write_text("new_routine: [henceforth, from now on]\nwhen: [henceforth]\nanother: [extra]\n")
    cues = load_plan_cues(path)
    assert cues.new_routine_told("mon wed 7am HENCEFORTH") and not cues.new_routine_told("mon wed 7am")
    assert not cues.new_routine_told("an extra plan mon wed 7am henceforth")
    assert cues.without_when("mon wed 7am henceforth").split() == ["mon", "wed", "7am"]


def test_the_shipped_cue_words_read_now_as_the_routine_and_a_new_plan_as_one_more():
    cues = load_plan_cues()
    assert cues.new_routine_told("i want to train 4x a week now") and cues.new_routine_told("switching to 3 days")
    assert not cues.new_routine_told("a new plan for mobility now") and not cues.new_routine_told("mon wed fri 7pm")
    assert cues.without_when("4x a week from now on").split() == ["4x", "a", "week"]


@pytest.mark.parametrize("broken", ["new_routine: [now]\n", "new_routine: []\nwhen: [now]\nanother: [new]\n", "[oops\n"])
def test_kb_check_reports_a_broken_plan_cues_file_in_one_line(capsys, monkeypatch, tmp_path, broken):
    path = tmp_path / "plan_cues.yaml"
    path.write_text(broken)
    reported_by_kb_check(capsys, monkeypatch, "knowledge.plan_cues.PLAN_CUES", path, load_plan_cues)
