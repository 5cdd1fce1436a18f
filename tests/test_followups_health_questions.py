"""A health question worded from the last answer ("could that mess up my discs" after how high to
lift the legs, whose answer warns of the discs) keeps the doctor-first line and gets that answer
after it, not the general advice on medical care; a concern told with "can i do them" still gets
the advice: through the core, and through Telegram."""

from __future__ import annotations

from bot.core.coach import Coach
from bot.features.qa import texts as qa_texts
from bot.features.qa.answerer import HEALTH_MARGIN
from knowledge.safety import Safety
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all

HEIGHT, DISCS = "legs higher than parallel on reverse hyper ok", "could that mess up my discs"


def test_a_health_question_worded_from_the_last_answer_fits_that_answer_clearly(understanding):
    assert understanding.read(HEIGHT).match.entry_id == "leg-height"
    alone = understanding.read(DISCS)
    assert alone.safety is Safety.DOCTOR and alone.match.score < understanding.threshold + HEALTH_MARGIN
    reading = follow_up(understanding, HEIGHT, DISCS)
    assert reading.safety is Safety.DOCTOR and reading.match.entry_id == "leg-height"
    assert reading.match.score >= understanding.threshold + HEALTH_MARGIN


def test_a_concern_told_after_an_answer_still_gets_the_advice_on_medical_care(say):
    say("how many sets for endurance")
    reply = say("i had a c section last year can i do them")[0]
    assert reply.safety == "doctor" and reply.entry == "medical-care"


async def test_the_discs_question_gets_the_doctor_first_line_and_the_leg_height_answer_over_telegram(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(t) for t in (HEIGHT, DISCS)])).texts()
    title = understanding.kb.entries["leg-height"].title
    assert len(texts) == 2 and qa_texts.DOCTOR_FIRST in texts[1] and title in texts[1]
