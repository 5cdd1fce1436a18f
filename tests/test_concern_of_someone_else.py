"""Whose concern (tester s30 #10): another person's condition told by the user ("my client is pregnant, can she do reverse
hypers?", "i have no problem but my father has hernia") is no health change of the user's: their safety check stays valid,
no concern of theirs is kept, and at a check-in ("kids are sick so no gym today") the session is skipped, never taken
for the user unwell ("Is it new or worse back or leg pain?"). A doctor-first line about that person is fine; a concern
of the user's own told beside another's still counts."""

from __future__ import annotations

import pytest

from bot.features.reminders.checkin import PAIN_ASKED
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import Status
from knowledge.safety import Safety
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_checkin import remind, sender, status  # noqa: F401 (a fixture)

SOMEONE_ELSES = ["my client is pregnant, can she do reverse hypers?", "i have no problem but my father has hernia",
                 "im fine but my wife hurt her back, can she do these?"]
AT_CHECK_IN = ["kids are sick so no gym today", "my son has fever, cant come"]
THE_USERS_TOO = ["my wife is pregnant and my back hurts", "my dad has a hernia and i have one too",
                 "my client has sciatica, but my knee hurts too"]


def screened(say) -> None:
    """A green safety check."""
    for text in ["/screen", "ok"] + ["no"] * 15:
        say(text)


@pytest.mark.parametrize("typed", SOMEONE_ELSES)
def test_someone_elses_condition_leaves_the_users_safety_check_valid(say, coach, clock, typed):
    screened(say)
    replies = say(typed)
    assert not any("no longer counts" in r.text for r in replies)
    assert coach.need(ScreeningFlow).status(7) is Status.GREEN and coach.store.load_concern(7, clock.now) is None


@pytest.mark.parametrize("typed", THE_USERS_TOO)
def test_the_users_own_concern_told_beside_anothers_still_asks_for_a_redo(say, coach, typed):
    screened(say)
    say(typed)
    assert coach.need(ScreeningFlow).status(7) is not Status.GREEN


@pytest.mark.parametrize("typed", SOMEONE_ELSES + AT_CHECK_IN)
def test_a_concern_told_of_someone_else_is_not_the_users(understanding, typed):
    assert understanding.told_of_someone_else(typed)


@pytest.mark.parametrize("typed", [*THE_USERS_TOO, "feeling sick, skip", "my back hurts", "i have a hernia, my dad too"])
def test_a_concern_of_the_users_own_is_theirs(understanding, typed):
    assert not understanding.told_of_someone_else(typed)


@pytest.mark.parametrize("typed", AT_CHECK_IN)
async def test_someone_elses_illness_at_a_check_in_skips_the_session_without_the_pain_question(say, coach, clock, sender,  # noqa: F811
                                                                                               typed):
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    replies = " ".join(r.text for r in say(typed))
    assert "Skipped today" in replies and PAIN_ASKED not in replies and status(coach, outbox) == "skipped"
    assert coach.need(ScreeningFlow).status(7) is Status.GREEN and coach.dialogues.current(7) is None


async def test_over_telegram_someone_elses_illness_at_a_check_in_skips_the_session(say, coach, clock, sender):  # noqa: F811
    dispatcher, outbox = sender
    await remind(say, coach, clock, dispatcher, outbox)
    sent = await feed_all(coach, [message_update("kids are sick so no gym today")])
    assert "Skipped today" in " ".join(sent.texts()) and PAIN_ASKED not in " ".join(sent.texts())
    assert status(coach, outbox) == "skipped" and coach.need(ScreeningFlow).status(7) is Status.GREEN


@pytest.mark.parametrize("typed", SOMEONE_ELSES[:2])
async def test_over_telegram_someone_elses_condition_leaves_the_check_valid(coach, typed):
    request = await feed_all(coach, [message_update(text) for text in ["/screen", "ok"] + ["no"] * 15 + [typed]])
    assert not any("no longer counts" in text for text in request.texts())
    assert coach.need(ScreeningFlow).status(7) is Status.GREEN


@pytest.mark.parametrize("typed", ["my uncle has sciatica, not me though. how many sets for me?",
                                   "my sister has a herniated disc lol. anyway for me, what tempo?",
                                   "coworker is off with sciatica, im fine, whats the best rep range",
                                   "my coach's got a herniated disc, anyway for me how many sets",
                                   "our keeper broke his ankle lol, anyway reps for me?"])
def test_someone_elses_condition_beside_the_users_own_question_is_no_concern(understanding, typed):
    assert understanding.read(typed).safety is Safety.NONE


@pytest.mark.parametrize("typed", ["my mum has osteoporosis, can she do these with me? anyway for me too",
                                   "my grandad has a pacemaker, should he start light? anyway for me reps",
                                   "my back hurts, my dad's too. anyway reps?"])
def test_asking_for_that_person_or_telling_ones_own_keeps_the_doctor_first_line(understanding, typed):
    assert understanding.read(typed).safety is not Safety.NONE
