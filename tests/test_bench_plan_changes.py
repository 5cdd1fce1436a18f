"""The end-to-end bench of plans changed in words (bench/bench_plan_changes.py): it judges what was
stored, answers the bot's confirmations "yes" only for a change the label asks, and counts a change
made unasked apart."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.bench_plan_changes import SITUATIONS, Stored, judge, measure

FIXTURE = Path(__file__).with_name("data") / "plan_changes_fixture.yaml"
A = (True, "", "strength", frozenset({0, 2, 4}), "19:00", None)
B = (True, "", "endurance", frozenset({5}), "09:00", None)
BEFORE = Stored({1: A, 2: B}, frozenset(), False)
IDS = {"A": 1, "B": 2}


def item(kind: str, plan: str = "A", **label: object) -> dict[str, object]:
    """An idle item labelled `kind` for `plan`."""
    return {"q": "...", "ctx": "idle", "kind": kind, "plan": plan, "time": None, "days": None, "date": None,
            "goal": None, **label}


def test_the_bench_gets_its_fixture_right_through_the_core(understanding):
    right, total, unasked, misses = measure(understanding, yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    assert (sum(right.values()), sum(total.values()), unasked, misses) == (9, 9, 0, [])
    assert total["confirm/accept"] == 1 and total["idle/edit"] == 2


def test_a_plan_cancelled_where_a_skip_was_asked_is_a_change_made_unasked():
    after = Stored({1: (False, "cancelled", *A[2:]), 2: B}, frozenset(), False)
    assert judge(item("skip"), BEFORE, after, IDS) == (False, True)
    assert judge(item("cancel"), BEFORE, after, IDS) == (True, False)


def test_an_edit_is_right_only_with_the_labelled_time_and_the_plan_kept_otherwise():
    after = Stored({1: (False, "edited", *A[2:]), 2: B, 3: (True, "", "strength", A[3], "20:00", None)}, frozenset(), False)
    assert judge(item("edit", time="20:00"), BEFORE, after, IDS) == (True, False)
    assert judge(item("edit", time="08:00"), BEFORE, after, IDS) == (False, False)
    assert judge(item("edit", plan="B", time="20:00"), BEFORE, after, IDS) == (False, True)


def test_a_skip_is_judged_by_its_plan_and_local_date():
    after = Stored({1: A, 2: B}, frozenset({(1, "2026-12-09")}), False)
    assert judge(item("skip", date="2026-12-09"), BEFORE, after, IDS) == (True, False)
    assert judge(item("skip", date="2026-12-11"), BEFORE, after, IDS) == (False, False)
    assert judge(item("none", plan="none"), BEFORE, after, IDS) == (False, True)


def test_a_question_at_the_confirmation_must_leave_the_draft_open():
    item_ = {**item("none", plan="none"), "ctx": "confirm"}
    empty = Stored({}, frozenset(), True)
    assert judge(item_, empty, empty, {}) == (True, False)
    assert judge(item_, empty, Stored({}, frozenset(), False), {}) == (False, False)


def test_a_set_written_for_another_situation_is_measured_on_its_own_plans_and_draft(understanding):
    items = [{**item("skip", plan="B", date="2026-12-13"), "q": "skip sunday"},
             {**item("edit", plan="A", time="07:00"), "q": "make it 7am", "ctx": "confirm"}]
    right, total, unasked, misses = measure(understanding, items, SITUATIONS["thu10"])
    assert (sum(right.values()), unasked, misses) == (2, 0, [])


def test_a_plan_whose_row_is_gone_is_cancelled_not_a_crash():
    forgotten = Stored({}, frozenset(), False)  # all the user's data forgotten: the plan rows deleted
    assert judge(item("cancel", plan="all"), BEFORE, forgotten, IDS) == (True, False)
    assert judge(item("cancel"), BEFORE, forgotten, IDS) == (False, True)  # plan B went too


def test_time_away_is_right_only_with_every_session_of_the_range_skipped():
    labelled = item("skip", plan="all", date="2026-12-09", until="2026-12-12")  # A on Wed 9 and Fri 11, B on Sat 12
    every = Stored({1: A, 2: B}, frozenset({(1, "2026-12-09"), (1, "2026-12-11"), (2, "2026-12-12")}), False)
    assert judge(labelled, BEFORE, every, IDS) == (True, False)
    assert judge(labelled, BEFORE, Stored({1: A, 2: B}, frozenset({(1, "2026-12-09")}), False), IDS) == (False, False)


def test_a_skip_taken_back_is_right_only_when_that_session_is_back_on():
    skipped = Stored({1: A, 2: B}, frozenset({(1, "2026-12-09")}), False)
    assert judge(item("unskip", date="2026-12-09"), skipped, BEFORE, IDS) == (True, False)
    assert judge(item("unskip", date="2026-12-09"), skipped, skipped, IDS) == (False, False)


def test_a_day_with_its_own_time_may_be_a_second_plan_but_the_other_days_keep_theirs():
    labelled = item("edit", day_time={"wed": "08:00"})
    split = Stored({1: (False, "edited", *A[2:]), 2: B, 3: (True, "", "strength", frozenset({0, 4}), "19:00", None),
                    4: (True, "", "strength", frozenset({2}), "08:00", None)}, frozenset(), False)
    assert judge(labelled, BEFORE, split, IDS) == (True, False)
    every_day_moved = Stored({1: (False, "edited", *A[2:]), 2: B, 3: (True, "", "strength", A[3], "08:00", None)},
                             frozenset(), False)
    assert judge(labelled, BEFORE, every_day_moved, IDS) == (False, False)


def test_which_of_skip_or_drop_is_answered_with_the_change_labelled(understanding):
    items = [{**item("skip", date="2026-12-16"), "q": "cancel wed"}, {**item("edit", days=["mon", "fri"]), "q": "cancel wed"}]
    right, total, unasked, misses = measure(understanding, items, SITUATIONS["mon14"])
    assert (sum(right.values()), unasked, misses) == (2, 0, [])
