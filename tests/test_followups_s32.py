"""Follow-ups of session 32, as general causes, through the core and over Telegram (Application.process_update with a
recording request):
- a goal named after an answer about goals gets that goal's programme when the message leans to it alone, however
  little it reads as ours ("i'm training for a half marathon now, do i switch to the endurance numbers");
- a goal dropped ("forget strength", "more for endurance than strength", "instead of") is never the goal named;
- reps or sets asked alone after a near miss (which moves the conversation on) get the reps or sets by goal;
- "which ones exactly" after an answer about a group that lists none gets the entry listing them;
- "is that the same for my wife" asks about that person, not what the exercise is called;
- the meaning of a word of the steps ("what does 'brace your core' mean in the steps") gets the entry explaining it."""

from __future__ import annotations

from tests.conftest import message_update
from tests.recording_request import feed_all

NOT_COVERED_ARTICLES = "The two articles I'm built on don't cover"


def test_a_goal_named_after_a_programme_gets_its_programme_though_it_reads_as_nothing_alone(say):
    assert say("how many reps for size")[0].entry == "program-hypertrophy"
    assert say("alright, im training for a half marathon now, do i switch to the endurance numbers")[0].entry == \
        "program-endurance"
    assert say("how many reps for size")[0].entry == "program-hypertrophy"
    assert say("hmm ok, i want mobility for my hips mostly, same numbers?")[0].entry == "program-movement-integrity"


def test_a_goal_named_after_a_way_of_doing_it_still_picks_that_way(say):
    assert say("what are tempo hypers")[0].entry == "tempo-hypers"
    assert say("and if i want mobility instead")[0].entry == "banded-hypers"  # the other variation, not the programme


def test_a_goal_dropped_is_never_the_goal_named(say):
    assert say("how heavy should i go for strength")[0].entry == "program-strength"
    assert say("forget strength, what about hypertrophy")[0].entry == "program-hypertrophy"
    assert say("how many reps for endurance")[0].entry == "program-endurance"
    assert say("nah forget endurance, i want to get stronger, how heavy")[0].entry == "program-strength"
    assert say("sets and reps for strength")[0].entry == "program-strength"
    assert say("and if its more for endurance than strength?")[0].entry == "program-endurance"


async def test_over_telegram_a_goal_named_after_a_programme_gets_its_programme(coach):
    sent = await feed_all(coach, [message_update("how many reps for size"),
                                  message_update("alright, im training for a half marathon now, do i switch to the "
                                                 "endurance numbers")])
    size, endurance = sent.texts()
    assert endurance != size and "15–20" in endurance, endurance


def test_reps_or_sets_alone_after_a_near_miss_get_them_by_goal(say):
    assert say("how much does a machine cost")[0].entry is None
    assert say("ok so what about reps")[0].entry == "reps-general"
    assert say("how much does a machine cost")[0].entry is None
    assert say("and sets then")[0].entry == "program-overview"


async def test_over_telegram_reps_after_a_near_miss_get_the_reps_by_goal(coach):
    sent = await feed_all(coach, [message_update("how much does a machine cost"), message_update("ok so what about reps")])
    assert "10–15 reps" in sent.texts()[-1], sent.texts()[-1]


def test_which_ones_after_an_answer_about_a_group_gets_the_entry_listing_them(say):
    assert say("what do the erectors do")[0].entry == "erectors-role"
    assert say("which ones exactly")[0].entry == "erector-spinae"
    assert say("what do the hamstrings do")[0].entry == "hamstrings-role"
    assert say("go deeper, which muscles exactly")[0].entry == "hamstring-anatomy"
    assert say("what muscles does it work")[0].entry == "muscles-worked"
    assert say("which ones exactly")[0].entry == "muscles-worked"  # an answer listing them itself keeps them


async def test_over_telegram_which_ones_after_the_erectors_names_the_three(coach):
    sent = await feed_all(coach, [message_update("what do the erectors do"), message_update("which ones exactly")])
    assert "iliocostalis" in sent.texts()[-1], sent.texts()[-1]


def test_the_same_for_someone_asks_about_them_not_what_it_is_called(say):
    assert say("how many sets and reps for strength")[0].entry == "program-strength"
    reply = say("is that the same for my wife")[0]
    assert reply.entry is None and "someone's own situation" in reply.text, reply.text
    assert say("whats a reverse hyper")[0].entry == "what-is"
    assert say("is it the same as a back extension")[0].entry == "what-is"  # the same as another exercise: what ours is


async def test_over_telegram_the_same_for_someone_is_not_the_exercises_names(coach):
    sent = await feed_all(coach, [message_update("how many sets and reps for strength"),
                                  message_update("is that the same for my wife")])
    assert sent.texts()[-1].startswith(NOT_COVERED_ARTICLES) and "someone's own situation" in sent.texts()[-1]


def test_the_meaning_of_a_word_of_the_steps_gets_the_entry_explaining_it(say):
    assert say("how do i do it")[0].entry == "technique-steps"
    assert say("what does 'brace your core' mean in the steps")[0].entry == "core-bracing"
    assert say("how do i do it")[0].entry == "technique-steps"
    assert say("whats bracing, the article says it")[0].entry == "core-bracing"


def test_how_many_after_a_way_of_doing_it_asks_the_reps_not_how_many_ways(say):
    assert say("how do i do reverse hypers on a flat bench")[0].entry == "roman-chair"
    assert say("k how many")[0].entry == "reps-general"
    assert say("whats the stability ball version")[0].entry == "stability-ball"
    assert say("ok how many then")[0].entry == "reps-general"
    assert say("what are the alternatives to the machine")[0].entry == "no-machine"
    assert say("so how many")[0].entry == "no-machine"  # after the list itself, how many it lists


async def test_over_telegram_how_many_after_the_bench_version_gets_the_reps(coach):
    sent = await feed_all(coach, [message_update("how do i do reverse hypers on a flat bench"), message_update("k how many")])
    assert "10–15 reps" in sent.texts()[-1], sent.texts()[-1]


def test_more_on_a_term_another_entry_explains_gets_that_entry(say):
    assert say("how does it help my lower back")[0].entry == "benefit-back-health"
    assert say("tell me more about the pumping mechanism")[0].entry == "decompression"
    assert say("how do i do it")[0].entry == "technique-steps"
    assert say("more on the pendulum part?")[0].entry == "momentum"
    assert say("what muscles does it work")[0].entry == "muscles-worked"
    assert say("why?")[0].entry == "muscles-worked"  # asking for more naming no term: more of the last answer


async def test_over_telegram_more_on_the_pumping_mechanism_gets_the_decompression(coach):
    sent = await feed_all(coach, [message_update("how does it help my lower back"),
                                  message_update("the pumping mechanism bit, more detail?")])
    assert "spinal fluid" in sent.texts()[-1], sent.texts()[-1]


def test_when_something_came_out_asks_when_not_why(say):
    assert say("where can i find a machine")[0].entry == "where-to-find"
    assert say("when did these machines even come out")[0].entry == "history"
    assert say("what does it do for rehab")[0].entry == "rehab"
    assert say("how come")[0].entry == "decompression"  # "how come" still asks why


async def test_over_telegram_when_the_machines_came_out_gets_their_history(coach):
    sent = await feed_all(coach, [message_update("where can i find a machine"),
                                  message_update("when did these machines even come out")])
    assert "Louie Simmons" in sent.texts()[-1], sent.texts()[-1]
