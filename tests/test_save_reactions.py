"""Typed replies at "Save this plan?" that only react ("lol ok"), or agree and ask a change the edit reader does not
read ("yes, 8 instead of 7"), save nothing: a plan saved unasked is the costly mistake. A plain yes in any words saves."""

from __future__ import annotations

import pytest

from tests import test_planning

planned = test_planning.planned  # shared fixture


@pytest.mark.parametrize("typed", ["lol ok", "ok haha", "ok 😂", "yes, 8 instead of 7"])
def test_a_laugh_or_a_change_beside_a_yes_at_save_saves_nothing(planned, coach, typed):
    planned("every Mon Wed Fri at 7am")
    planned(typed)
    assert coach.plans.count_plans(7) == 0


@pytest.mark.parametrize("typed", ["ok keep it", "yes lol", "perfect"])
def test_a_yes_in_any_words_at_save_saves(planned, coach, typed):
    planned("every Mon Wed Fri at 7am")
    planned(typed)
    assert coach.plans.count_plans(7) == 1
