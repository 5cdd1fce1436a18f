"""Why the rest between sets is that short or long is a detail the articles never give (they give the times only):
"why so short??" after the rest for endurance is the near miss, not that programme again."""

from __future__ import annotations

from tests.conftest import follow_up

REST = "how long rest between sets for endurance on reverse hyper"


def test_asking_why_the_rest_is_short_is_a_near_miss(understanding):
    reading = follow_up(understanding, REST, "why so short??")
    assert reading.match.entry_id is None and reading.gap is not None and reading.gap.id == "detail:rest-reason"
    assert "rest-periods" in reading.gap.offer


def test_asking_why_results_take_long_is_no_question_about_the_rest(understanding):
    reading = follow_up(understanding, REST, "why does it take so long to notice")
    assert reading.gap is None or reading.gap.id != "detail:rest-reason"
