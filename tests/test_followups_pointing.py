"""Follow-ups that point back at the last answer ("why does that matter", "which side of the
knee", "whats EMG"): two-turn conversations through the core, and one through Telegram."""

from __future__ import annotations

from bot.core.coach import Coach
from knowledge.context import ContextPolicy
from knowledge.safety import Safety
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all


def test_other_exercises_the_last_answer_named_still_point_back_at_it(understanding):
    first, then = "can reverse hypers improve my hip extension", "y does that even matter for me i mostly squat and run"
    assert understanding.read(first).match.entry_id == "benefit-hip-extension"
    assert understanding.read(then).match.entry_id is None  # alone it is about squats and running
    assert follow_up(understanding, first, then).match.entry_id == "benefit-hip-extension"


def test_another_exercise_the_last_answer_never_named_is_not_about_it(understanding):
    words = understanding.matcher.normalizer.words("does that go for squats too")
    named = understanding.kb.entries["benefit-hip-extension"]  # its answer names squats
    unnamed = understanding.kb.entries["isometric-holds"]
    assert understanding.follow_ups.answered_by(words, named)
    assert not understanding.follow_ups.answered_by(words, unnamed)


def test_a_weak_question_worded_from_the_last_answer_asks_about_it(understanding):
    first, then = "whats the biceps femoris", "which side of the knee"
    assert understanding.read(first).match.entry_id == "biceps-femoris"
    assert understanding.read(then).match.entry_id is None
    assert follow_up(understanding, first, then).match.entry_id == "biceps-femoris"


def test_words_from_the_last_answer_do_not_pull_a_question_that_reads_well_alone(understanding):
    first, then = "whats the biceps femoris", "what muscles does the reverse hyper work"
    alone = understanding.read(then).match
    assert alone.score > understanding.threshold + ContextPolicy().told
    assert follow_up(understanding, first, then).match.entry_id == alone.entry_id


def test_a_health_concern_worded_from_the_last_answer_stays_a_health_concern(understanding):
    reading = follow_up(understanding, "whats the biceps femoris", "the outer side of my knee hurts a lot")
    assert reading.safety is not Safety.NONE and reading.match.entry_id != "biceps-femoris"


async def test_the_knee_side_follow_up_is_answered_over_telegram(coach: Coach):
    texts = (await feed_all(coach, [message_update(t) for t in ("whats the biceps femoris", "which side of the knee")])).texts()
    assert len(texts) == 2 and "outer side of the knee" in texts[1]
