"""Follow-ups of session 31, as general causes, through the core and over Telegram (Application.process_update with a
recording request):
- a message that does not read as a follow-up never borrows the last topic: "is it okay to do reverse hypers" names
  the exercise (its "it" stands for what follows, pointing at nothing), and a last "go" after words of the message's
  own ("i shot my legs, go", a garbled voice note) asks for no more (tester s30 #13);
- a check naming one listed thing ("is that ball one any good") is about that thing; "how do i do it then" after a way
  of doing the exercise is about that way;
- a span or a time asked alone ("weeks?", "like 2 min?") after an answer giving none is not that answer again;
- a thanks with a question, asking to hear it again, a bare "and?", where it is felt, "it" after a beginner's advice
  and a goal said not to be wanted ("not grow") each get what they ask."""

from __future__ import annotations

from knowledge.context import Context
from tests.conftest import message_update
from tests.recording_request import feed_all

GARBLED_PAIN = "My lower marker, semit, is it okay to do reverse hypers?"  # a spoken back pain misheard (tester s30 #13)
GARBLED_HEIGHT = "I shot my legs, go."  # a fast "how high should my legs go" misheard


def test_an_it_standing_for_what_follows_borrows_no_topic(say):
    fresh = say(GARBLED_PAIN, user=8)[0]
    assert say("how many sets and reps for strength")[0].entry == "program-strength"
    reply = say(GARBLED_PAIN)[0]
    assert reply.entry == fresh.entry and reply.entry != "program-strength"


def test_a_last_go_after_words_of_its_own_asks_for_no_more(say):
    fresh = say(GARBLED_HEIGHT, user=8)[0]
    assert say("how many reps for endurance")[0].entry == "program-endurance"
    assert say(GARBLED_HEIGHT)[0].entry == fresh.entry == "leg-height"


async def test_over_telegram_a_garbled_message_after_an_answer_is_not_that_answer_again(coach):
    sent = await feed_all(coach, [message_update("how many sets and reps for strength"), message_update(GARBLED_PAIN),
                                  message_update("how many reps for endurance"), message_update(GARBLED_HEIGHT)])
    strength, pain, endurance, height = sent.texts()
    assert pain != strength and height != endurance
    assert pain.startswith("I'm not sure I can answer that one") and "parallel" in height


def test_a_check_of_one_thing_an_answer_listed_is_about_that_thing(say):
    assert say("what are the alternatives to the reverse hyper machine")[0].entry == "no-machine"
    assert say("is that ball one any good")[0].entry == "stability-ball"


def test_how_to_do_it_after_a_way_of_doing_the_exercise_is_about_that_way(say):
    assert say("single leg reverse hyper is that a thing")[0].entry == "single-leg"
    assert say("how do i do it then")[0].entry == "single-leg"
    assert say("tell me about the glute max")[0].entry == "gluteus-maximus"
    assert say("how do i do it")[0].entry == "technique-steps"  # after a muscle, "it" is still the exercise


async def test_over_telegram_a_follow_up_pointing_at_one_way_of_doing_it_is_answered_about_that_way(coach):
    sent = await feed_all(coach, [message_update("what are the alternatives to the reverse hyper machine"),
                                  message_update("is that ball one any good"),
                                  message_update("single leg reverse hyper is that a thing"),
                                  message_update("how do i do it then")])
    _, ball, single, how = sent.texts()
    assert ball.startswith("<b>Stability ball version</b>") and how.startswith("<b>Single-leg reverse hyper</b>"), (ball, how)


def test_a_span_asked_alone_after_an_answer_giving_none_is_not_that_answer_again(say):
    assert say("what is floor hyperextension")[0].entry == "floor-hyperextension"
    assert say("weeks?")[0].entry is None
    assert say("how long until i see results")[0].entry == "benefit-glute-shape"  # an answer giving a span keeps it
    assert say("months?")[0].entry == "benefit-glute-shape"
    assert say("who invented it")[0].entry == "history"
    assert say("what year")[0].entry == "history"  # a year asked is no span


async def test_over_telegram_weeks_alone_after_the_floor_version_is_not_that_answer_again(coach):
    sent = await feed_all(coach, [message_update("what is floor hyperextension"), message_update("weeks?")])
    floor, weeks = sent.texts()
    assert weeks != floor and weeks.startswith("I'm not sure I can answer that one")


def test_thanks_with_a_question_the_articles_do_not_cover_gets_the_honest_decline(say):
    say("how many sets and reps for strength")
    reply = say("thanks, and how often?")[0]
    assert reply.text.startswith("The two articles I'm built on don't cover") and "welcome" not in reply.text
    assert say("thank you for the information")[0].text.startswith("You're welcome")  # no question: still a thanks


async def test_over_telegram_thanks_with_a_question_is_not_only_thanked(coach):
    sent = await feed_all(coach, [message_update("how many sets and reps for strength"),
                                  message_update("thanks, and how often?")])
    assert sent.texts()[-1].startswith("The two articles I'm built on don't cover"), sent.texts()[-1]


def test_asking_to_hear_it_again_repeats_the_last_answer(say):
    first = say("how many sets and reps for strength")[0]
    for then in ("wait what", "say again?", "sorry i missed that", "come again?"):
        reply = say(then)[0]
        assert reply.entry == first.entry and reply.text == first.text, then
    assert say("can i do it again tomorrow")[0].entry != first.entry  # a question of its own with "again"


async def test_over_telegram_wait_what_repeats_the_last_answer(coach):
    sent = await feed_all(coach, [message_update("how high do my legs go"), message_update("wait what")])
    height, again = sent.texts()
    assert again == height


def test_a_time_in_a_unit_the_last_answer_never_gives_is_a_near_miss(say):
    assert say("how many sets and reps for strength")[0].entry == "program-strength"  # rest "as needed": no minutes
    reply = say("so like 2 min? 5 min? gimme a number")[0]
    assert reply.entry is None and "don't cover an exact time in minutes" in reply.text
    assert say("whats an isometric hold")[0].entry == "isometric-holds"  # it gives no hold time
    assert "don't cover an exact time in seconds" in say("ok how many seconds tho")[0].text


def test_a_time_the_last_answer_gives_or_is_asked_how_long_keeps_that_answer(say):
    assert say("do i rest between sets for strength on rev hypers")[0].entry == "rest-periods"
    assert say("how long tho like 2 min?")[0].entry == "rest-periods"
    assert say("how many reps for endurance")[0].entry == "program-endurance"  # 30–45 seconds of rest
    assert say("like 40 seconds?")[0].entry == "program-endurance"


async def test_over_telegram_a_time_never_given_is_said_not_covered(coach):
    sent = await feed_all(coach, [message_update("how many sets and reps for strength"), message_update("like 2 min?")])
    assert sent.texts()[-1].startswith("The two articles I'm built on don't cover an exact time in minutes")


def test_it_after_beginners_advice_is_the_exercise(understanding):
    for last in ("medical-care", "beginner-doctor"):
        reading = understanding.read("lol ok does it at least help with back pain", context=Context(last))
        assert reading.match.entry_id == "purpose", last


def test_a_question_after_a_concern_gets_its_own_answer_after_the_doctor_line(say):
    assert say("im recovering from knee surgery")[0].entry == "medical-care"
    reply = say("lol ok does it at least help with back pain")[0]
    assert reply.entry == "purpose" and reply.safety == "doctor"


async def test_over_telegram_a_question_after_the_advice_on_medical_care_is_answered(coach):
    sent = await feed_all(coach, [message_update("im recovering from knee surgery"),
                                  message_update("lol ok does it at least help with back pain")])
    assert "They build your posterior chain" in sent.texts()[-1]


def test_where_it_is_felt_after_an_answer_saying_nowhere_is_where_the_exercise_works(say):
    assert say("where should i stop the legs at the top")[0].entry == "leg-height"
    assert say("where should i feel it most up there")[0].entry == "muscles-worked"
    assert say("how to do stability ball hyperextensions")[0].entry == "stability-ball"
    assert say("where am i supposed to feel it")[0].entry == "stability-ball"  # "it" is the ball version


async def test_over_telegram_where_it_is_felt_after_the_leg_height_is_the_muscles_worked(coach):
    sent = await feed_all(coach, [message_update("where should i stop the legs at the top"),
                                  message_update("but where should i feel it most")])
    height, felt = sent.texts()
    assert felt != height and felt.startswith("<b>Muscles worked</b>"), felt


def test_a_bare_and_or_how_asks_to_go_on(say):
    first = say("how high do my legs go")[0]
    for then in ("and?", "how?"):
        reply = say(then)[0]
        assert reply.entry == first.entry and reply.text.startswith("That's all the articles say about it"), then


async def test_over_telegram_a_bare_and_says_that_is_all_the_articles_say(coach):
    sent = await feed_all(coach, [message_update("how high do my legs go"), message_update("and?")])
    assert sent.texts()[-1].startswith("<b>How high to lift the legs</b>\nThat's all the articles say about it")


def test_a_goal_said_not_to_be_wanted_is_no_goal_named(say):
    assert say("i want a bigger butt how do i program reverse hypers")[0].entry == "program-hypertrophy"
    assert say("and if i just want my hips to move better, not grow")[0].entry == "program-movement-integrity"
    assert say("i dont want size, just endurance")[0].entry == "program-endurance"


async def test_over_telegram_a_goal_said_not_to_be_wanted_does_not_keep_that_programme(coach):
    sent = await feed_all(coach, [message_update("i want a bigger butt how do i program reverse hypers"),
                                  message_update("and if i just want my hips to move better, not grow")])
    assert sent.texts()[-1].startswith("<b>Sets and reps for movement integrity</b>"), sent.texts()[-1]
