"""Follow-ups asking the last question again for a case of their own after "for" ("and for sprinting?"), a bare "why?"
followed by the asker's own remark, a span of weeks asked after an answer that gives one, and the numbers asked after an
answer about programming with a goal named."""

from __future__ import annotations

from knowledge.context import Context
from tests.conftest import message_update
from tests.recording_request import feed_all


def test_the_same_for_a_case_named_after_for_is_what_the_exercise_does_for_it(understanding):
    for last, then in (("benefit-glute-shape", "and for sprinting?"), ("program-strength", "and for my cleans n box jumps")):
        assert understanding.read(then, context=Context(last, "strength")).match.entry_id == "benefit-hip-extension", then


def test_a_case_read_only_weakly_for_itself_stays_declined(understanding):
    reading = understanding.read("what about for abs / six pack", context=Context("program-hypertrophy", "hypertrophy"))
    assert reading.match.entry_id is None


def test_a_bare_why_then_a_remark_asks_why_of_the_last_answer(understanding):
    reading = understanding.read("why? my arms arent doing anything", context=Context("grip"))
    assert reading.match.entry_id == "grip" and reading.again


def test_a_span_asked_after_an_answer_giving_one_is_that_answer(understanding):
    assert understanding.read("so how many weeks roughly", context=Context("benefit-glute-shape")).match.entry_id == \
        "benefit-glute-shape"
    assert understanding.read("for how many weeks", context=Context("reps-general")).match.entry_id is None


def test_the_reps_asked_after_the_rest_with_a_goal_named_are_that_goals_programme(understanding):
    reading = understanding.read("and reps?", context=Context("rest-periods", "strength"))
    assert reading.match.entry_id == "program-strength" and reading.match.score >= understanding.threshold


async def test_over_telegram_a_case_after_for_and_a_bare_why_follow_the_last_answer(coach):
    sent = await feed_all(coach, [message_update("will this make my butt look better"), message_update("and for sprinting?"),
                                  message_update("do i hold the handles on the reverse hyper or just let my arms hang"),
                                  message_update("why? my arms arent doing anything")])
    butt, sprinting, handles, why = sent.texts()
    assert sprinting.startswith("<b>Better hip extension</b>")
    assert why != handles and "I'm not sure I can answer that one" not in why


def test_another_thing_too_that_the_last_answer_never_says_is_not_that_answer(understanding):
    assert understanding.read("does it work the calves too", context=Context("hamstrings-role")).match.entry_id is None
    assert understanding.read("do they hit the glutes too", context=Context("hamstrings-role")).match.entry_id is not None


def test_which_variation_uses_bands_asks_the_variation_not_the_band_strength(understanding):
    reading = understanding.read("ok totally diff topic which variation uses bands", context=Context("gluteus-maximus"))
    assert reading.match.entry_id == "banded-hypers" and reading.gap is None
    assert understanding.read("which bands should i buy", context=Context("banded-hypers")).gap is not None


def test_explosive_power_asked_is_the_near_miss_not_the_momentum_warning(understanding):
    for then in ("for explosive power?", "what about for explosive power like sprinting"):
        reading = understanding.read(then, context=Context("program-endurance", "endurance"))
        assert reading.match.entry_id is None and reading.gap is not None and "explosive power" in reading.gap.about, then
    assert understanding.read("is explosive momentum bad on reverse hypers").gap is None
