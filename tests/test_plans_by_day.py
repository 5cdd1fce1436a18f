"""A day of the week said about a stored plan (a tester on the real bot, 2026-12-05; bench/plan_changes_dev6.yaml's angle):
"cancel <day>" reads alike for every day and asks whether the next session or the day off the plan is meant, never
offering the whole plan of several days nor saying there is nothing to cancel; a day off for good takes it off the plan;
a skip is taken back in words or by a button of /sessions; time away offers to skip every session until then. The
clock is Sat 21 Nov 2026 10:30 in Berlin."""

from __future__ import annotations

import pytest

from knowledge.day_words import DayWord, day_said
from tests import test_plans_named_by_what_they_are
from tests.conftest import NOW, callback_update, message_update
from tests.recording_request import feed_all
from tests.test_planning import button, planned  # noqa: F401 (a fixture)

early_and_saturday = test_plans_named_by_what_they_are.early_and_saturday  # Mon/Wed/Fri 07:00 and Sat 10:00

ASKED = "skip only the next session"


def saved(say, when: str) -> None:
    """The plan `when` saved."""
    say(button(say(when)[-1], "Save"), button=True)


@pytest.fixture
def tue_thu(planned):  # noqa: F811
    """A green user in Berlin with the plan every Tue, Thu at 18:30."""
    saved(planned, "every tue thu at 18:30")
    return planned


@pytest.fixture
def wed_sat(planned):  # noqa: F811
    """A green user in Berlin with the plan every Wed, Sat at 18:30."""
    saved(planned, "every wed sat at 18:30")
    return planned


def _plan_days(coach) -> list[frozenset[int]]:
    return [p.schedule.weekdays for p in coach.plans.load_plans(7)]


@pytest.mark.parametrize("typed, day", [
    ("cancel tue", "Tuesday"), ("cancel tuesday", "Tuesday"), ("cancel thursday", "Thursday"), ("cancel thu", "Thursday"),
    ("Cancel Thursdays", "Thursday"), ("no thursday pls", "Thursday"), ("cant do tuesday", "Tuesday"),
])
def test_cancel_and_a_day_asks_whether_its_next_session_or_the_day_off_the_plan_is_meant(tue_thu, coach, typed, day):
    reply = tue_thu(typed)[0]
    assert reply.text.startswith(f"{day}: {ASKED}") and "Cancel the plan" not in reply.text
    assert [b.label.split()[0] for b in reply.button_list()] == ["✖️", "✏️", "Keep"]
    assert _plan_days(coach) == [frozenset({1, 3})] and not coach.plans.cancelled_at(1)


@pytest.mark.parametrize("typed", ["cancel saturday", "cancel saturdays", "cancel sat", "cancel wednesday"])
def test_every_day_of_a_plan_is_asked_alike(wed_sat, typed):
    assert ASKED in wed_sat(typed)[0].text


def test_a_day_with_no_session_says_so_not_that_there_is_nothing_to_cancel(tue_thu):
    assert tue_thu("cancel friday")[0].text.startswith("You have no sessions on Fridays")


def test_skip_chosen_skips_only_the_next_session_of_that_day(tue_thu, coach):
    tue_thu("cancel thursday")
    assert tue_thu("just the next one")[0].text.startswith("Skipped Thu 26 Nov 18:30")
    assert _plan_days(coach) == [frozenset({1, 3})]


def test_the_day_off_the_plan_chosen_is_an_edit_confirmed_with_save(tue_thu, coach):
    asked = tue_thu("cancel tue")[0]
    draft = tue_thu(button(asked, "Drop"), button=True)[-1]
    assert "every Thu at 18:30" in draft.text and "Save this plan?" in draft.text
    tue_thu(button(draft, "Save"), button=True)
    assert _plan_days(coach) == [frozenset({3})]


def test_keep_changes_nothing(tue_thu, coach):
    tue_thu("cancel tue")
    assert tue_thu("keep it")[0].text == "Okay, nothing changed."
    assert _plan_days(coach) == [frozenset({1, 3})] and not coach.plans.cancelled_at(1)


@pytest.mark.parametrize("typed", ["i cant do saturdays anymore", "actually cancel saturdays for good, keep wednesday",
                                   "no more saturdays"])
def test_a_day_off_for_good_takes_it_off_the_plan(wed_sat, typed):
    draft = wed_sat(typed)[-1]
    assert "every Wed at 18:30" in draft.text and "Save this plan?" in draft.text


def test_the_only_day_of_a_plan_off_for_good_cancels_it_after_the_confirmation(planned, coach):  # noqa: F811
    saved(planned, "every sat at 10am")
    assert planned("cant do saturdays anymore")[0].text.startswith("Cancel the plan every Sat at 10:00?")
    planned("yes")
    assert not coach.plans.load_plans(7)


def test_a_skip_is_taken_back_in_words(tue_thu, coach):
    assert tue_thu("skip thrusday pls")[0].text.startswith("Skipped Thu 26 Nov 18:30")
    assert tue_thu("ugh nvm i can make thursday after all")[0].text.startswith("Back on: Thu 26 Nov 18:30")
    assert not coach.plans.cancelled_at(1) and "skipped" not in tue_thu("/sessions")[0].text


def test_sessions_offers_a_restore_button_for_a_skipped_session(tue_thu, coach):
    tue_thu("skip thursday")
    listed = tue_thu("/sessions")[0]
    assert tue_thu(button(listed, "↩️ Restore Thu 26 Nov 18:30"), button=True)[0].text.startswith("Back on")
    assert not coach.plans.cancelled_at(1)


def test_taking_back_what_was_not_skipped_says_it_is_still_on(tue_thu):
    assert "still on" in tue_thu("i can make thursday after all")[0].text


def test_time_away_offers_to_skip_every_session_until_then(tue_thu, coach):
    asked = tue_thu("stop reminding me for a while, im on holiday till the 5th")[0]
    assert asked.text.startswith("Skip your 4 sessions until Sat 05 Dec (Tue 24 Nov 18:30, Thu 26 Nov 18:30, Tue 01 Dec")
    tue_thu("yes")
    assert len(coach.plans.cancelled_at(1)) == 4 and _plan_days(coach) == [frozenset({1, 3})]


@pytest.mark.parametrize("typed, start, until", [
    ("going skiing from the 18th to the 22nd", "2026-12-18", "2026-12-22"), ("holidays 24 dec to 3 jan no gym", "2026-12-24",
                                                                            "2027-01-03"),
    ("out of town the weekend after next", "2026-12-26", "2026-12-27"), ("skip the rest of this week", "2026-12-14", "2026-12-20"),
])
def test_time_away_said_as_a_range_a_weekend_or_the_rest_of_the_week_is_read(typed, start, until):
    said = day_said(typed, NOW.date().replace(month=12, day=14), "Europe/Berlin")  # a Monday
    assert said is not None and said.how is DayWord.AWAY and (said.start.isoformat(), said.until.isoformat()) == (start, until)


def test_two_days_of_a_week_are_skipped_after_one_question(tue_thu, coach):
    assert tue_thu("skip tue and thu next week")[0].text.startswith(
        "Skip your 2 sessions until Sun 29 Nov (Tue 24 Nov 18:30, Thu 26 Nov 18:30)?")
    tue_thu("yes")
    assert len(coach.plans.cancelled_at(1)) == 2


def test_a_day_of_one_plan_of_several_days_named_alone_edits_that_plan(early_and_saturday, coach):
    shown = early_and_saturday("make wednesdays 8 instead")[-1].text
    assert "Wed at 08:00 will be a plan of its own" in shown and "every Mon, Fri at 07:00" in shown
    early_and_saturday("yes")
    early_and_saturday("yes")
    assert {(p.schedule.weekdays, f"{p.schedule.local_time:%H:%M}") for p in coach.plans.load_plans(7)} == {
        (frozenset({0, 4}), "07:00"), (frozenset({2}), "08:00"), (frozenset({5}), "10:00")}


def test_a_reason_with_a_day_and_a_time_edits_no_plan(early_and_saturday, coach):
    early_and_saturday("cant make it friday, dentist at 8")
    early_and_saturday("yes")
    assert {p.schedule.weekdays for p in coach.plans.load_plans(7)} == {frozenset({0, 2, 4}), frozenset({5})}


@pytest.mark.parametrize("typed, how", [
    ("no more saturdays", DayWord.DROP), ("cant do fridays anymore", DayWord.DROP), ("no fri", DayWord.ASK),
    ("mondays are dead to me, take them off", DayWord.DROP),
    ("unskip saturday", DayWord.UNSKIP), ("away next week for work", DayWord.AWAY),
    ("skip everything till the 20th", DayWord.AWAY),
])
def test_days_said_are_read_by_their_words(typed, how):
    assert day_said(typed, NOW.date(), "Europe/Berlin").how is how


@pytest.mark.parametrize("typed", [
    "cancel this friday", "skip thursday", "i wont make it friday after all", "should i stop fridays for good?",
    "travelling next week, skip the thursday one (the 17th)", "moving abroad next week so cancel both my plans thx",
    "drop friday add saturday", "remind me every monday until christmas",
])
def test_other_words_about_days_are_left_to_the_other_readers(typed):
    assert day_said(typed, NOW.date(), "Europe/Berlin") is None


async def test_cancel_a_day_over_telegram_asks_which_and_a_skip_comes_back(tue_thu, coach):
    sent = await feed_all(coach, [message_update("cancel tue")])
    asked = sent.sent()[-1]
    assert ASKED in asked["text"] and len(asked["reply_markup"]["inline_keyboard"]) == 3
    skip = asked["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    sent = await feed_all(coach, [callback_update(skip), message_update("nvm i can make tuesday after all")])
    assert any(t.startswith("Skipped Tue 24 Nov 18:30") for t in sent.texts())
    assert sent.texts()[-1].startswith("Back on: Tue 24 Nov 18:30") and not coach.plans.cancelled_at(1)


def test_one_day_that_cannot_be_made_with_a_reason_asks_to_skip_its_next_session(early_and_saturday, coach):
    assert early_and_saturday("cant make it friday, dentist at 8")[0].text == "Skip Fri 27 Nov 07:00 (every Mon, Wed, Fri at 07:00)?"
    early_and_saturday("yes")
    assert len(coach.plans.cancelled_at(1)) == 1 and {p.schedule.weekdays for p in coach.plans.load_plans(7)} == {
        frozenset({0, 2, 4}), frozenset({5})}


@pytest.mark.parametrize("typed", ["cant make it fridays, work", "can't make it thursday"])
def test_days_that_cannot_be_made_without_a_reason_or_every_week_are_not_one_skip(typed):
    said = day_said(typed, NOW.date(), "Europe/Berlin")
    assert said is None or said.how is not DayWord.SKIP


async def test_one_day_that_cannot_be_made_over_telegram_is_asked_first(early_and_saturday, coach):
    sent = await feed_all(coach, [message_update("i cant make it friday because of work")])
    assert sent.texts() == ["Skip Fri 27 Nov 07:00 (every Mon, Wed, Fri at 07:00)?"] and not coach.plans.cancelled_at(1)


def test_another_date_named_at_the_skip_or_drop_question_skips_that_session_not_the_next(tue_thu, coach):
    assert ASKED in tue_thu("cancel thursday")[0].text  # doccheck s28: "skip the christmas eve session" skipped Thu 26 Nov
    skipped, again = tue_thu("skip the christmas eve session")
    assert "Skipped Thu 24 Dec" in skipped.text and ASKED in again.text
    assert [at.date().isoformat() for at in coach.plans.cancelled_at(1)] == ["2026-12-24"]


async def test_another_date_named_at_the_skip_or_drop_question_over_the_adapter(tue_thu, coach):
    tue_thu("cancel thursday")
    await feed_all(coach, [message_update("skip the christmas eve session")])
    assert [at.date().isoformat() for at in coach.plans.cancelled_at(1)] == ["2026-12-24"]
