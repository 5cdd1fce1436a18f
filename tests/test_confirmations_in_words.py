"""Confirmations answered in people's own words: a word that chooses a button ("nuke it", "kill it",
"no, save it"), negated ("don't keep anything"), in a few other languages ("borra todo"), or a reply
that chooses only part of what was asked ("erase just the plans", "cancel only friday"), which is no
answer at all: it is asked again, and nothing is erased, cancelled or saved."""

from __future__ import annotations

import pytest

from bot.core.confirmation import MIXED, NOT_YET, Choices
from bot.features.planning.confirm_step import SAVING
from bot.features.planning.sessions import CANCELLING
from bot.features.planning.texts import PLAN_CANCELLED
from bot.features.privacy.dialog import ERASING, PROMPT
from bot.features.screening.flow import ScreeningFlow
from tests.conftest import message_update
from tests.recording_request import feed_all
from tests.test_planning import button, screen
from tests.test_planning_qa2 import confirm_brisbane
from tests.test_screening import Screen
from tests.test_screening_replies import at


@pytest.mark.parametrize(("choices", "text", "answer"), [
    (ERASING, "nuke it", "yes"), (ERASING, "don't keep anything", "yes"), (ERASING, "no, I'm sure, delete it", "yes"),
    (ERASING, "borra todo", "yes"), (ERASING, "🗑", "yes"), (ERASING, "dont erase", "no"), (ERASING, "keep it", "no"),
    (ERASING, "erase just the plans", MIXED), (ERASING, "wipe everything except my plan", MIXED),
    (CANCELLING, "kill it", "yes"), (CANCELLING, "sí, cancélalo", "yes"), (CANCELLING, "i don't want it anymore", "yes"),
    (CANCELLING, "never mind, keep", "no"), (CANCELLING, "misclicked sorry", "no"),
    (CANCELLING, "cancel the reminder but keep the plan", MIXED), (CANCELLING, "how long is it", None),
    (SAVING, "no, save it", "yes"), (SAVING, "dont change anything", "yes"), (SAVING, "no changes, good to go", "yes"),
    (SAVING, "id rather tweak it first", "no"), (SAVING, "save it but remind me 15 min before", MIXED),
])
def test_a_word_that_chooses_a_button_is_read_with_its_negation_and_a_partial_choice_is_no_answer(choices, text, answer):
    assert choices.read(text) == answer


def test_choices_from_labels_are_the_words_only_one_label_has():
    choices = Choices.of(("🗑 Yes, erase everything", "Keep my data"))
    assert choices.read("erase it") == "yes" and choices.read("keep it") == "no" and choices.read("Noah") is None


def test_forget_erases_on_nuke_it_and_nothing_on_erase_just_the_plans(say, coach):
    screen(say)
    say("/forget")
    say("erase just the plans")
    assert coach.dialogues.current(7, "forget") is not None
    assert coach.need(ScreeningFlow).store.load_result(7) is not None
    say("nuke it")
    assert coach.need(ScreeningFlow).store.load_result(7) is None


def test_cancelling_a_plan_keeps_it_on_remove_only_one_day_and_cancels_on_kill_it(say, coach):
    confirm_brisbane(say)
    say("yes")
    say(button(say("/sessions")[-1], "Cancel plan"), button=True)
    say("remove only the sunday one")
    assert coach.plans.count_plans(7) == 1 and coach.dialogues.current(7, "unplan") is not None
    say("kill it")
    assert coach.plans.count_plans(7) == 0


@pytest.mark.parametrize("text", ["no, save it", "dont change anything, just save"])
def test_save_in_words_saves_the_plan_even_after_a_no(say, coach, text):
    confirm_brisbane(say)
    say(text)
    assert coach.plans.count_plans(7) == 1


def test_scrapping_the_plan_in_words_saves_nothing_and_says_so(say, coach):
    confirm_brisbane(say)
    assert say("not this one, scrap it")[-1].text == PLAN_CANCELLED
    assert coach.plans.count_plans(7) == 0


def test_save_with_a_change_beside_it_saves_nothing_yet(say, coach):
    confirm_brisbane(say)
    say("save it but remind me 15 min before")
    assert coach.plans.count_plans(7) == 0


def test_a_question_at_the_guessed_place_is_no_yes(say, coach):
    screen(say)
    say("/plan")
    say("Portland")
    say("does it matter for the reminders?")
    assert coach.plans.load_profile(7).zone is None


@pytest.mark.parametrize(("text", "zone"), [
    ("yes oregon", "America/Los_Angeles"), ("yes but I'm in maine", None),
    ("Yes, Portland Oregon. Sorry its so late, I just got off a night shift.", "America/Los_Angeles"),
])
def test_the_guessed_place_named_again_is_a_yes_and_a_yes_with_a_but_is_not(say, coach, text, zone):
    screen(say)
    say("/plan")
    say("Portland")
    say(text)
    assert coach.plans.load_profile(7).zone == zone


def test_an_age_not_reached_yet_at_the_age_question_is_under_it(coach):
    check = at(Screen(coach), "age_minor")
    check.send("not 18 yet, birthday in june")
    assert coach.need(ScreeningFlow).store.load_progress(7).flagged == ("age_minor",)


@pytest.mark.parametrize(("text", "flagged"), [("nein", ()), ("ja", ("heart_bp",))])
def test_a_yes_or_no_in_another_language_answers_a_safety_question(coach, text, flagged):
    check = at(Screen(coach), "heart_bp")
    check.send(text)
    progress = coach.need(ScreeningFlow).store.load_progress(7)
    assert progress is not None and progress.step == 2 and progress.flagged == flagged


def test_wrong_and_the_place_at_the_guessed_place_shows_the_others_again(say, coach):
    screen(say)
    say("/plan")
    say("Portland")
    replies = say("wrong portland")
    assert coach.plans.load_profile(7).zone is None
    assert any("Maine" in b.label for r in replies for b in r.button_list())


@pytest.mark.parametrize(("text", "saved"), [("yes pls", 1), ("yes plz", 1), ("no thx", 0), ("nope pls", 0)])
def test_a_yes_or_no_with_a_courtesy_answers_save_this_plan(say, coach, text, saved):
    confirm_brisbane(say)
    replies = say(text)
    assert coach.plans.count_plans(7) == saved and "Save this plan?" not in replies[-1].text


async def test_a_yes_with_a_courtesy_saves_the_plan_over_telegram(say, coach):
    confirm_brisbane(say)
    await feed_all(coach, [message_update("yes pls")])
    assert coach.plans.count_plans(7) == 1


@pytest.mark.parametrize("typed", ["did it work", "is it done?", "did you delete it", "has it gone through"])
def test_asking_if_it_is_done_at_a_confirmation_says_not_yet_and_erases_nothing(say, coach, typed):
    screen(say)
    say("/forget")
    replies = say(typed)
    assert replies[0] == NOT_YET and replies[-1].text == PROMPT and replies[0].entry is None
    assert coach.kit.dialogues.current(7, "forget") is not None and coach.kit.users.load_first_seen(7) is not None


async def test_asking_if_it_is_done_over_telegram_says_not_yet(coach):
    sent = await feed_all(coach, [message_update("/forget"), message_update("did it work")])
    assert sent.texts()[1:] == [NOT_YET.text, PROMPT]
