"""The follow-up findings of the s29 tester (#14, #16, #17, #25), as general causes, through the core and over Telegram
(Application.process_update with a recording request):
- after a health concern, a follow-up asking the same for the user's own body ("what about my knee") gets the advice on
  medical care, not a technique entry naming the knee; a question of its own with many words none of which the advice
  says is read on its own, not as the advice;
- a concern supposed of the exercise ("what if it hurts") gets the advice on medical care, not what the exercise is for;
- a question about a group of people or someone the user asks for ("and for women?", "what about for my mom") is told
  the articles single out no such group, with who the exercise suits offered, never the last answer again;
- a follow-up asking something new in words of its own kind ("for how many weeks" after the reps, "what does it do"
  after a programme, "why not heavier" after the load) is answered as that question, not with the last answer."""

from __future__ import annotations

from bot.features.qa.texts import DOCTOR_FIRST
from knowledge.context import Context
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all

CONCERN = "my knee hurts a bit today"
NO_GROUP = "The two articles I'm built on don't cover advice for"


def test_asking_the_same_for_ones_own_body_after_a_concern_gets_the_advice_on_medical_care(say):
    assert say(CONCERN)[0].entry == "medical-care"
    reply = say("what about my knee")[0]
    assert reply.entry == "medical-care" and reply.safety == "doctor" and reply.text.startswith(DOCTOR_FIRST)


def test_a_goal_of_ones_own_after_a_concern_is_no_question_about_the_concern(say):
    say("my lower back is always stiff from sitting at a desk all day are reverse hypers good for that")
    assert say("ok n if i mostly want my glutes stronger")[0].entry != "medical-care"


def test_a_question_of_its_own_after_the_advice_on_medical_care_is_not_read_as_that_advice(understanding):
    text = "what is the name of exercise where legs go up behind on a bench"
    reading = understanding.read(text, context=Context("medical-care"))  # what a concern leaves behind
    assert reading.match.entry_id != "medical-care"
    assert reading.candidates[0].entry_id == "what-is"


def test_a_concern_supposed_of_the_exercise_gets_the_advice_on_medical_care_not_its_benefits(say):
    say("how do i do it")
    reply = say("what if it hurts")[0]
    assert reply.safety == "doctor" and reply.entry == "medical-care"


def test_a_question_about_a_group_of_people_is_told_the_articles_single_out_none(say):
    for then, group in (("and for women?", "women in particular"), ("and older people?", "older people in particular"),
                        ("what about for my mom", "someone's own situation")):
        assert say("how many reps for strength")[0].entry == "program-strength"
        reply = say(then)[0]
        assert reply.entry is None and reply.text.startswith(f"{NO_GROUP} {group}"), then
        offered = [button.data for row in reply.buttons for button in row]
        assert any(data.endswith("purpose") for data in offered), (then, offered)
    assert say("is it good for women")[0].text.startswith(f"{NO_GROUP} women in particular")


def test_a_group_named_by_the_last_answer_or_after_beginners_advice_is_read_as_before(understanding):
    assert follow_up(understanding, "which study was about women with back pain", "and for women?").gap is None
    reading = follow_up(understanding, "what should a begginer do first for reverse hypers",
                        "what about for my mom shes 67 n never worked out")
    assert reading.gap is None and reading.match.entry_id == "beginner-progression"


def test_a_span_of_weeks_after_the_reps_is_not_the_reps_again(say):
    assert say("how many reps")[0].entry == "reps-general"
    assert say("for how many weeks")[0].entry is None


def test_what_it_does_after_a_programme_is_what_the_exercise_is(say):
    assert say("how many sets for endurance")[0].entry == "program-endurance"
    assert say("what does it do")[0].entry == "what-is"


def test_for_it_after_a_programme_still_asks_about_that_goal(understanding):
    first = "whats movement integrity"
    assert understanding.read(first).match.entry_id == "program-movement-integrity"
    assert follow_up(understanding, first, "so wat do i actually do for it").match.entry_id == "program-movement-integrity"


def test_why_not_heavier_after_the_load_is_the_reason_the_articles_never_give(say):
    assert say("how much weight should i use")[0].entry == "load-weight"
    reply = say("why not heavier")[0]
    assert reply.entry is None and "don't cover why to stay away from your maximum load" in reply.text


async def test_over_telegram_a_health_follow_up_after_a_concern_gets_medical_care(coach):
    sent = await feed_all(coach, [message_update(CONCERN), message_update("what about my knee")])
    assert DOCTOR_FIRST in sent.texts()[-1] and sent.texts()[-1].startswith("<b>Under medical care or recovering</b>")


async def test_over_telegram_a_question_of_its_own_after_a_concern_is_not_the_advice_on_medical_care(coach):
    sent = await feed_all(coach, [message_update(CONCERN),
                                  message_update("what is the name of exercise where legs go up behind on a bench")])
    assert not sent.texts()[-1].startswith("<b>Under medical care or recovering</b>")


async def test_over_telegram_what_if_it_hurts_gets_the_advice_on_medical_care(coach):
    sent = await feed_all(coach, [message_update("how do i do it"), message_update("what if it hurts")])
    assert DOCTOR_FIRST in sent.texts()[-1] and sent.texts()[-1].startswith("<b>Under medical care or recovering</b>")


async def test_over_telegram_a_person_switch_is_told_no_group_is_singled_out(coach):
    sent = await feed_all(coach, [message_update("how many reps for strength"), message_update("and for women?")])
    assert sent.texts()[-1].startswith(f"{NO_GROUP} women in particular")
    buttons = [b["text"] for row in sent.sent()[-1]["reply_markup"]["inline_keyboard"] for b in row]
    assert any(label.startswith("What reverse hypers are for") for label in buttons), buttons


async def test_over_telegram_new_questions_after_an_answer_are_not_that_answer_again(coach):
    sent = await feed_all(coach, [message_update("how many reps"), message_update("for how many weeks"),
                                  message_update("how much weight should i use"), message_update("why not heavier"),
                                  message_update("how many sets for endurance"), message_update("what does it do")])
    reps, weeks, load, heavier, endurance, does = sent.texts()
    assert weeks != reps and heavier != load and does != endurance
    assert "don't cover why to stay away from your maximum load" in heavier
    assert "You lie face down" in does
