"""What a second user tester found in planning (2026-12-02): a place taken for a yes, a goal asked
about taken for one stated, offsets with minutes, everyday words read as places, "no" to a guessed
place, a place typed outside a dialogue, time edits at the confirmation and the am/pm question, and
planning picked up after the safety check."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.features.planning import texts as t
from bot.features.planning.after_check import WAITING
from bot.features.planning.draft import load_draft
from bot.features.planning.reading import bare_hour
from bot.features.screening.flow import REVIEWED
from knowledge.training import load_talk
from scheduler.timezones import find_zone
from tests import test_dialogues
from tests.conftest import callback_update, message_update
from tests.test_planning import button, in_berlin, screen
from tests.test_telegram_adapter import feed, tg  # noqa: F401 (a fixture)


def confirm_brisbane(say):
    """A green user at "Save this plan?" for Sundays 08:00 in Brisbane, goal endurance."""
    screen(say)
    say("remind me sundays at 8am")
    say(button(say("Brisbane")[0], "Yes"), button=True)
    assert "Save this plan?" in say("endurance")[-1].text


def test_a_place_typed_at_the_confirmation_saves_nothing(say, coach):
    confirm_brisbane(say)
    replies = say("Brisbane")
    assert coach.plans.count_plans(7) == 0 and "Save this plan?" in replies[-1].text
    say("yes")
    assert coach.plans.count_plans(7) == 1


def test_no_typed_yes_names_a_place():
    yeses = [text for text, label in load_talk()["answers"] if label == "yes"]
    assert yeses and [y for y in yeses if find_zone(y).zone or find_zone(y).choices] == []


@pytest.mark.parametrize("question", ["and hypertrophy?", "and endurance?", "what about mobility"])
def test_a_goal_asked_about_while_planning_is_answered_not_stored(say, coach, question):
    screen(say)
    say("/plan")
    assert say("strength")[0].text == t.KEPT_ASK_ZONE
    replies = say(question)
    assert load_draft(coach.kit.dialogues.current(7)).goal == "strength"  # kept with the plan, not the question's goal
    assert replies[-1].text.startswith("Back to your plan.") and t.KEPT_ASK_ZONE not in [r.text for r in replies]


def test_a_goal_asked_about_at_the_goal_question_is_answered_then_asked_again(say, coach):
    in_berlin(say, "/plan")
    replies = say("and hypertrophy?")
    assert coach.plans.load_profile(7).goal is None and t.ASK_GOAL in replies[-1].text


@pytest.mark.parametrize("offset, zone", [("UTC+5:30", "UTC+05:30"), ("UTC-3:30", "UTC-03:30")])
def test_an_offset_with_minutes_at_the_zone_question_is_a_zone(say, coach, offset, zone):
    screen(say)
    say("/plan")
    check = say(offset)[0]
    assert check.text != t.KEPT_ASK_ZONE and zone in check.text
    say(button(check, "Yes"), button=True)
    assert coach.plans.load_profile(7).zone == zone


@pytest.mark.parametrize("words", ["for strength", "evening", "in the morning", "morning", "save", "dunno",
                                   "later", "banana"])
def test_everyday_words_are_no_place(words):
    guess = find_zone(words)
    assert guess.zone is None and not guess.choices


@pytest.mark.parametrize("place, zone", [("the bay area", "America/Los_Angeles"), ("Bath", "Europe/London"),
                                         ("Galway", "Europe/Dublin"), ("berln", "Europe/Berlin")])
def test_places_named_by_everyday_words_or_misspelt_are_still_found(place, zone):
    assert find_zone(place).zone == zone


def labels(reply) -> list[str]:
    """The places a reply's buttons name (without their local time)."""
    return [b.label.split(", now")[0] for b in reply.button_list()]


@pytest.fixture
def portland(say):
    """A green user shown "Portland (United States) ... Right?" at the zone question."""
    screen(say)
    say("/plan")
    check = say("Portland")[0]
    assert "Portland (United States)" in check.text and "Portland, Maine (United States)" in labels(check)
    return say


def test_no_to_a_guessed_place_offers_the_other_zones_again(portland, coach):
    again = portland("no")[0]
    assert again.text == t.ZONE_WHICH and labels(again) == ["Portland, Maine (United States)", "Portland, Texas (United States)"]
    portland(button(again, "Maine"), button=True)
    assert coach.plans.load_profile(7).zone == "America/New_York"


@pytest.mark.parametrize("answer", ["the one in maine", "New York"])
def test_an_offered_alternative_typed_is_taken(portland, coach, answer):
    portland("no")
    replies = portland(answer)
    assert coach.plans.load_profile(7).zone == "America/New_York" and replies[0].text.startswith("Time zone set")


def test_another_place_read_as_a_yes_is_a_new_guess_not_a_yes(portland, coach):
    replies = portland("Melbourne")
    assert coach.plans.load_profile(7).zone is None and "Melbourne (Australia)" in replies[0].text


def test_a_yes_after_no_does_not_take_the_rejected_guess(portland, coach):
    portland("no")
    portland("yes")
    assert coach.plans.load_profile(7).zone is None


@pytest.mark.parametrize("typed, place, zone", [("i'm in lagos", "Lagos (Nigeria)", "Africa/Lagos"),
                                               ("Berlin", "Berlin (Germany)", "Europe/Berlin")])
def test_a_place_typed_outside_a_dialogue_is_offered(say, coach, typed, place, zone):
    screen(say)
    replies = say(typed)
    assert place in replies[0].text
    say("yes")
    assert coach.plans.load_profile(7).zone == zone


@pytest.mark.parametrize("typed, hour", [("make it 11", (11, 0)), ("no, make it 9:30", (9, 30)), ("make it 25", None),
                                         ("make it 11am", None)])
def test_a_bare_hour_edit_is_read(typed, hour):
    found = bare_hour(typed)
    assert (found.hour, found.minute) == hour if hour else found is None


def test_make_it_11_at_the_confirmation_changes_the_time(say):
    screen(say)
    say("/plan christmas eve 10am")
    say(button(say("London")[0], "Yes"), button=True)
    assert "10:00" in say("endurance")[-1].text
    assert "once, Thu 24 Dec 11:00" in say("make it 11")[0].text


def test_make_it_8_on_an_evening_plan_stays_evening(say):
    in_berlin(say, "/plan")
    say("strength")
    assert "at 19:00" in say("mon wed fri 7pm")[0].text
    assert "every Mon, Wed, Fri at 20:00" in say("make it 8")[0].text


def test_a_time_at_the_am_pm_question_picks_that_reading(say):
    in_berlin(say, "/plan")
    say("strength")
    assert "in the morning or in the evening?" in say("every wensday and friday at 7")[0].text
    confirm = say("7pm")[0]
    assert "every Wed, Fri at 19:00" in confirm.text and "Save this plan?" in confirm.text


@pytest.mark.parametrize("first", [[], ["no"]])
def test_every_3_weeks_keeps_the_days_and_time(say, first):
    in_berlin(say, "/plan every 2 weeks on monday 7am")
    assert "every other week on Mon at 07:00" in say("strength")[-1].text
    for text in first:
        say(text)
    assert "every 3 weeks on Mon at 07:00" in say("make it every 3 weeks")[0].text


def green(say) -> list:
    """Take the safety check by typing 'no' throughout; the replies to the last answer."""
    say("/screen")
    say("ok")
    return [say("no") for _ in range(15)][-1]


def test_planning_goes_on_after_the_safety_check_with_what_was_said(say):
    say("remind me mon wed 7pm")
    assert green(say)[-1].text == t.ASK_ZONE
    say(button(say("Berlin")[0], "Yes"), button=True)
    assert "every Mon, Wed at 19:00" in say("strength")[-1].text


def test_planning_goes_on_after_a_recorded_review(say):
    screen(say, {4: "yes"})  # amber
    assert "review" in say("/plan")[-1].text.lower()
    replies = say(REVIEWED.data, button=True)
    assert replies[-1].text == t.ASK_ZONE


def test_a_request_given_up_on_is_not_acted_on_later(say, clock):
    say("remind me mon wed 7pm")
    clock.now += timedelta(hours=3)
    assert t.ASK_ZONE not in [r.text for r in green(say)]


def test_a_request_given_up_on_is_not_kept(say, coach, clock):
    say("remind me mon wed 7pm")
    assert coach.dialogues.current(7, WAITING) is not None
    clock.now += timedelta(hours=3)
    say("hello")
    assert coach.dialogues.current(7, WAITING) is None


async def test_a_place_at_the_confirmation_over_telegram_saves_nothing(tg):  # noqa: F811
    app, request = tg
    for text in ["/screen", "ok"] + ["no"] * 15 + ["remind me sundays at 8am", "Brisbane"]:
        await feed(app, message_update(text))
    await feed(app, callback_update(request.sent()[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]))
    await feed(app, message_update("endurance"))
    await feed(app, message_update("Brisbane"))
    assert "Save this plan?" in request.texts()[-1] and app.bot_data["coach"].plans.count_plans(7) == 0


# the same answers at the /timezone screen (dlg2's screen over or without a dialogue)

ready = test_dialogues.ready  # a green user with zone Berlin and goal strength, in no dialogue


def test_no_at_the_zone_screen_offers_the_other_places_then_keeps_the_zone(ready, coach):
    ready("/timezone Portland")
    again = ready("no")[0]
    assert again.text == t.ZONE_WHICH and labels(again) == ["Portland, Maine (United States)", "Portland, Texas (United States)"]
    assert ready("no")[0].text == t.ZONE_KEPT and coach.plans.load_profile(7).zone == "Europe/Berlin"


def test_a_place_at_the_zone_screen_is_a_new_guess_not_a_yes(ready, coach):
    ready("/timezone Portland")
    assert "Melbourne (Australia)" in ready("Melbourne")[0].text and coach.plans.load_profile(7).zone == "Europe/Berlin"
    ready("yes")
    assert coach.plans.load_profile(7).zone == "Australia/Melbourne"


def test_an_offered_place_typed_at_the_zone_screen_over_a_plan_is_taken_and_the_plan_goes_on(ready, coach):
    ready("/plan every Mon at 7am")
    ready("/timezone Portland")
    back = ready("the one in maine")
    assert coach.plans.load_profile(7).zone == "America/New_York" and "Save this plan?" in back[-1].text
