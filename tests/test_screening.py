"""The safety check through the core: every path, buttons that must change nothing, expiry, data."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from bot.composition import assemble
from bot.core.coach import Coach
from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import BY_ID, QUESTIONS, Level, Status
from bot.features.screening.texts import FORBIDDEN, STALE, TYPE_HINT
from bot.storage.database import open_database

RED_IDS = [q.id for q in QUESTIONS if q.level is Level.RED]
AMBER_IDS = [q.id for q in QUESTIONS if q.level is Level.AMBER]


class Screen:
    """Drives the safety check for one user and keeps every reply it saw."""

    def __init__(self, coach: Coach, user: int = 7) -> None:
        self.coach, self.user, self.seen, self.last = coach, user, [], None

    def send(self, text: str) -> list[Reply]:
        return self._keep(self.coach.handle(Inbound(self.user, InboundKind.TEXT, text)))

    def press(self, data: str, user: int | None = None) -> list[Reply]:
        return self._keep(self.coach.handle(Inbound(user or self.user, InboundKind.BUTTON, data)))

    def tap(self, label: str) -> list[Reply]:
        data = next(b.data for b in self.last.button_list() if b.label.endswith(label))
        return self.press(data)

    def _keep(self, replies: list[Reply]) -> list[Reply]:
        self.seen += replies
        self.last = replies[-1]
        return replies

    def begin(self) -> None:
        self.send("/screen")
        self.tap("I agree, start")

    def answer_all(self, yes: set[str] = frozenset(), unsure: set[str] = frozenset()) -> Reply:
        while self.last.text.startswith("Question "):
            question = QUESTIONS[int(self.last.text.split()[1]) - 1]
            assert question.text in self.last.text
            self.tap("Not sure" if question.id in unsure else "Yes" if question.id in yes else "No")
        return self.last

    @property
    def status(self) -> Status:
        return self.coach.need(ScreeningFlow).status(self.user)


@pytest.fixture
def screen(coach) -> Screen:
    return Screen(coach)


def test_consent_comes_first_and_says_what_is_stored_and_how_to_erase(screen):
    consent = screen.send("/screen")[0]
    assert "/forget" in consent.text and "keep" in consent.text
    assert [b.label for b in consent.button_list()] == ["I agree, start", "Not now"]
    assert screen.status is Status.IN_PROGRESS
    assert "Question 1 of 15" in screen.tap("I agree, start")[0].text


def test_declining_consent_stores_nothing(screen):
    screen.send("/screen")
    assert "No problem" in screen.tap("Not now")[0].text
    assert screen.status is Status.NOT_SCREENED


def test_all_no_is_green_with_next_steps_and_the_screening_aid_note(screen):
    screen.begin()
    result = screen.answer_all()
    assert "start light" in result.text and "screening aid, not a medical assessment" in result.text
    assert screen.status is Status.GREEN
    assert screen.status.allows_planning


@pytest.mark.parametrize("red_id", RED_IDS)
def test_a_red_answer_ends_at_once_with_seek_care_now(screen, red_id):
    screen.begin()
    result = screen.answer_all(yes={red_id})
    assert "seek medical care" in result.text and "emergency services" in result.text
    assert screen.status is Status.RED and not screen.status.allows_planning
    index = [q.id for q in QUESTIONS].index(red_id)
    assert sum("Question" in r.text for r in screen.seen) == index + 1


@pytest.mark.parametrize("amber_id", AMBER_IDS)
def test_an_amber_answer_lists_the_point_and_asks_for_a_professional(screen, amber_id):
    screen.begin()
    result = screen.answer_all(yes={amber_id})
    assert BY_ID[amber_id].topic in result.text
    assert "doctor or physiotherapist" in result.text
    assert screen.status is Status.AMBER and not screen.status.allows_planning
    screen.tap("reviewed these")
    assert screen.status is Status.AMBER_REVIEWED and screen.status.allows_planning


def test_not_sure_counts_as_yes(screen):
    screen.begin()
    result = screen.answer_all(unsure={"medication"})
    assert BY_ID["medication"].topic in result.text
    assert screen.coach.need(ScreeningFlow).store.load_result(7).flagged == ("medication",)


def test_back_steps_back_and_forgets_that_answer(screen):
    screen.begin()
    screen.tap("Yes")
    assert "Question 2 of 15" in screen.last.text
    assert "Question 1 of 15" in screen.tap("Back")[0].text
    screen.answer_all()
    assert screen.status is Status.GREEN


def test_cancel_deletes_the_answers_so_far(screen):
    screen.begin()
    screen.tap("Yes")
    assert "cancelled" in screen.tap("Cancel")[0].text
    assert screen.status is Status.NOT_SCREENED
    assert screen.coach.need(ScreeningFlow).store.load_progress(7) is None


def test_a_knowledge_question_midway_is_answered_then_the_same_question_returns(screen):
    screen.begin()
    screen.tap("No")
    answer, again = screen.send("how many reps for endurance?")
    assert answer.entry == "program-endurance"
    assert "Question 2 of 15" in again.text and not again.edit
    screen.answer_all()
    assert screen.status is Status.GREEN


def test_typed_answers_work_like_buttons(screen):
    screen.send("/screen")
    assert "Question 1 of 15" in screen.send("ok")[0].text
    assert "Question 2 of 15" in screen.send("nope")[0].text
    assert "Question 3 of 15" in screen.send("Not sure!")[0].text
    assert "Question 2 of 15" in screen.send("back")[0].text
    for _ in range(14):
        screen.send("no")
    assert screen.status is Status.GREEN


def test_result_expires_after_twelve_months(screen, clock):
    screen.begin()
    screen.answer_all()
    clock.now += timedelta(days=364)
    assert screen.status is Status.GREEN
    clock.now += timedelta(days=2)
    assert screen.status is Status.EXPIRED and not screen.status.allows_planning
    assert "Take the safety check" in [b.label for b in screen.send("/start")[0].button_list()][0]


def test_forged_stale_foreign_and_double_pressed_buttons_change_nothing(screen):
    screen.begin()
    first_yes = next(b.data for b in screen.last.button_list() if b.label == "Yes")
    for forged in ("scr:deadbeef:0:y", "scr:", "scr:x:y:z:w:v", "scr:rev", first_yes + "x"):
        assert screen.press(forged)[0].text == STALE
    assert screen.press(first_yes, user=8)[0].text == STALE   # another user's button
    screen.press(first_yes)
    assert screen.press(first_yes)[0].text == STALE            # pressed twice
    progress = screen.coach.need(ScreeningFlow).store.load_progress(7)
    assert progress.step == 1 and progress.flagged == ("age_minor",)
    screen.answer_all()
    assert screen.press(first_yes)[0].text == STALE            # from a finished questionnaire


def test_progress_survives_a_restart_of_the_core(tmp_path, understanding, clock):
    path = tmp_path / "coach.db"
    before = Screen(assemble(understanding, open_database(path), clock))
    before.begin()
    for _ in range(5):
        before.tap("No")
    button = next(b.data for b in before.last.button_list() if b.label == "Yes")
    after = Screen(assemble(understanding, open_database(path), clock))
    assert "Question 7 of 15" in after.press(button)[0].text
    after.answer_all()
    assert after.coach.need(ScreeningFlow).store.load_result(7).flagged == ("chronic_condition",)


def test_no_reply_of_the_flow_uses_a_forbidden_word(coach):
    screens = []
    for n, flags in enumerate([set(), {"heart_bp", "pregnancy"}, {"chest_pain"}, {"red_flags"}]):
        screen = Screen(coach, user=100 + n)
        screen.begin()
        screen.tap("No")
        screen.tap("Back")
        screen.send("can I do hypers with a herniated disc?")
        screen.answer_all(yes=flags)
        screens.append(screen)
    Screen(coach, user=200).send("/screen")
    texts = [r.text.lower() for s in screens for r in s.seen]
    assert len(texts) > 60
    assert [(w, t) for t in texts for w in FORBIDDEN if w in t] == []


def test_mydata_shows_the_result_and_forget_erases_everything(screen):
    screen.begin()
    screen.answer_all(yes={"surgery"})
    screen.send("what is the capital of peru")
    mydata = screen.send("/mydata")[0].text
    assert "amber" in mydata and BY_ID["surgery"].topic in mydata and "couldn't answer yet: 1" in mydata
    prompt = screen.send("/forget")[0]
    nonce = prompt.button_list()[0].data.split(":")[1]
    assert [b.data for b in prompt.button_list()] == [f"forget:{nonce}:confirm:yes", f"forget:{nonce}:confirm:no"]
    assert "nothing was erased" in screen.tap("Keep my data")[0].text
    assert screen.status is Status.AMBER
    assert screen.press(f"forget:{nonce}:confirm:yes")[0].text == STALE  # that prompt was answered
    screen.send("/forget")
    screen.tap("Yes, erase everything")
    db = screen.coach.store.db
    assert all(db[t].count == 0 for t in ("screening_results", "dialogues", "misses", "users"))


def test_start_offers_the_check_to_a_new_user_only(screen):
    assert screen.send("/start")[0].button_list()[0].label == "🩺 Take the safety check"
    screen.begin()
    screen.answer_all()
    assert "Take the safety check" not in [b.label for b in screen.send("/start")[0].button_list()]


def test_health_answers_never_reach_the_logs(screen, caplog):
    with caplog.at_level(logging.DEBUG):
        screen.begin()
        screen.answer_all(yes={"pregnancy", "heart_bp"})
    for needle in ("pregnan", "heart", "scr:", "amber"):
        assert needle not in caplog.text.lower()


def flagged_so_far(screen: Screen) -> tuple[str, ...]:
    progress = screen.coach.need(ScreeningFlow).store.load_progress(screen.user)
    assert progress is not None
    return progress.flagged


@pytest.mark.parametrize("typed", ["thanks", "thank you", "ok", "cool", "great", "hmm"])
def test_thanks_or_an_acknowledgement_is_never_recorded_as_an_answer(screen, typed):
    screen.begin()
    screen.tap("No")
    again = screen.send(typed)[-1]
    assert "Question 2 of 15" in again.text and TYPE_HINT in again.text
    assert screen.send("yes")[-1].text.startswith("Question 3 of 15")
    assert flagged_so_far(screen) == ("heart_bp",)  # the typed word answered nothing; the "yes" counted


def test_a_sentence_about_another_questions_topic_is_not_this_questions_answer(screen):
    screen.begin()
    for _ in range(6):
        screen.tap("No")
    assert "prescribed medicine" in screen.last.text
    replies = screen.send("I had surgery 2 years ago")
    assert replies[0].safety == "doctor"  # the doctor-first line still leads
    assert "question 12" in replies[1].text and "Question 7 of 15" in replies[-1].text
    assert flagged_so_far(screen) == ()
    for _ in range(5):
        screen.tap("No")
    assert "surgery" in screen.last.text
    assert "Question 13 of 15" in screen.send("I had surgery 2 years ago")[-1].text  # on its own topic it answers
    assert flagged_so_far(screen) == ("surgery",)


def test_a_yes_or_no_said_with_other_words_answers_this_question(screen):
    screen.begin()
    for _ in range(6):
        screen.tap("No")
    assert "Question 8 of 15" in screen.send("yes, for my blood pressure")[-1].text
    assert flagged_so_far(screen) == ("medication",)


def test_an_emergency_told_mid_check_stops_it_with_a_red_result(screen):
    screen.begin()
    replies = screen.send("I have chest pain")
    assert replies[0].safety == "emergency" and "stopped the safety check" in replies[-1].text
    assert not any("Question" in r.text for r in replies)
    assert screen.status is Status.RED
    assert "Safety check: red" in screen.send("/screen")[0].text
    assert "it stands for now" in screen.tap("Retake the check")[0].text  # no all-"no" retake at once


def test_an_emergency_before_consent_stops_the_check_and_records_nothing(screen):
    screen.send("/screen")
    replies = screen.send("I have chest pain")
    assert replies[0].safety == "emergency" and "nothing was recorded" in replies[-1].text
    assert screen.status is Status.NOT_SCREENED


def told_then(text: str, then: str) -> bool:
    """Whether a reply is `then`, or `then` after what a typed answer was recorded as ("Noted: "No" ...")."""
    return text.startswith(then) or text.startswith("Noted: ") and text.split("\n\n", 1)[-1].startswith(then)
