"""Answers that fit how the question was put: a question told beside a health remark keeps its
answer after the doctor-first line (read without the remark), a verdict ("Yes.") only answers a yes/no question, and a
greeting before a question never swallows it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.features.qa.texts import AFTER_EMERGENCY, DOCTOR_AGAIN, DOCTOR_FIRST, format_each
from tests.conftest import follow_up

HI = "Hi! Ask me anything"


def test_a_question_beside_a_health_remark_gets_its_answer_after_the_doctor_first_line(say):
    reply = say("how many reps for strength btw my knee is a bit sore")[0]
    assert reply.text.startswith(DOCTOR_FIRST)
    assert (reply.entry, reply.safety) == ("program-strength", "doctor")


def test_the_remark_may_come_first(say):
    reply = say("my knee is a bit sore, what load for strength?")[0]
    assert (reply.entry, reply.safety) == ("program-strength", "doctor")


def test_a_question_run_on_after_a_remark_without_punctuation_is_answered(say):
    reply = say("my shoulder is sore what muscles does it work")[0]
    assert (reply.entry, reply.safety) == ("muscles-worked", "doctor")


def test_a_concern_is_heard_the_same_with_or_without_a_question_beside_it(say):
    alone = say("my hamstring feels tight today")[0]
    beside = say("my hamstring feels tight today, how many reps")[0]
    assert alone.safety == beside.safety == "doctor"
    assert beside.entry == "reps-general"


@pytest.mark.parametrize(("text", "entry"), [
    ("what do the glutes do during the movement my hip has arthritis", "glutes-role"),  # the concern's words cut out
    ("tell me the common mistakes, my back is wrecked from years of deadlifting", "common-mistakes"),  # a request
    ("How long should I rest for endurance, given I have a hernia, and how many reps?", "program-endurance")])  # read whole
def test_what_is_asked_beside_a_concern_is_read_without_the_concern(say, text, entry):
    reply = say(text)[0]
    assert reply.text.startswith(DOCTOR_FIRST)
    assert (reply.entry, reply.safety) == (entry, "doctor")


@pytest.mark.parametrize("text", ["my calves ache when i walk a bit and ease when i rest, can i do this exercise?",
                                  "my heart flutters sometimes when im resting, doc thinks its nothing"])
def test_a_when_that_tells_of_a_concern_asks_nothing_beside_it(say, text):
    reply = say(text)[0]
    assert (reply.entry, reply.safety) == ("medical-care", "doctor")


@pytest.mark.parametrize("text", ["i have a herniated disc, can i start doing reverse hypers",
                                  "had back surgery 6 months ago, are these safe now"])
def test_a_yes_no_question_beside_a_concern_stays_with_medical_care(say, text):
    reply = say(text)[0]
    assert (reply.entry, reply.safety) in {("medical-care", "doctor"), ("rehab", "doctor")}
    assert reply.text.startswith(DOCTOR_FIRST)


def test_a_clause_that_is_no_question_is_not_answered_beside_a_concern(understanding):
    reading = understanding.read_uncached("sprained my ankle badly last month, still in a brace, can i use the machine")
    assert reading.match.entry_id != "core-bracing"


@pytest.mark.parametrize("text", ["tell me about the GHD", "reverse hyper vs a GHD", "GHD hypers"])
def test_an_answer_opening_with_yes_loses_it_when_no_yes_no_question_was_asked(say, text):
    reply = say(text)[0]
    assert reply.entry == "ghd-alternative"
    assert not reply.text.startswith("Yes"), reply.text[:40]
    assert reply.text[0].isupper()


@pytest.mark.parametrize("text", ["can i use a GHD instead", "hey quick q, can i use a ghd instead"])
def test_a_yes_no_question_keeps_the_verdict(say, text):
    reply = say(text)[0]
    assert (reply.entry, reply.text[:4]) == ("ghd-alternative", "Yes.")


def test_a_tapped_topic_is_answered_without_a_verdict(say):
    reply = say("kb:ghd-alternative", button=True)[0]
    assert reply.entry == "ghd-alternative" and not reply.text.startswith("Yes")


@pytest.mark.parametrize("text", ["good morning coach, how many sets", "morning! how many sets should i do",
                                  "hey there what muscles does it work"])
def test_a_question_after_a_greeting_is_answered(say, text):
    reply = say(text)[0]
    assert reply.entry in {"reps-general", "muscles-worked"}, reply.text[:60]


def test_a_question_of_its_own_after_a_greeting_is_not_answered_with_hello(say):
    reply = say("morning! are good mornings like reverse hypers?")[0]
    assert not reply.text.startswith(HI)


@pytest.mark.parametrize("text", ["hi how are you?", "hello", "hey whats up", "hi im maria from brazil my english not so good"])
def test_a_greeting_alone_or_with_small_talk_is_greeted(say, text):
    assert say(text)[0].text.startswith(HI)


def test_each_one_names_every_source_once_on_one_line(understanding):
    kb = understanding.kb
    entries = [kb.entries[e] for e in ("banded-hypers", "isometric-holds", "tempo-hypers")]
    text = format_each(entries, kb)
    sources = [line for line in text.splitlines() if line.startswith("📖")]
    sections = {ref.section for entry in entries for ref in entry.source}
    assert len(sources) == 1
    assert all(sources[0].count(f"— {section}") == 1 for section in sections)


def test_a_comparison_gets_no_verdict(say):
    reply = say("is it better than back extensions")[0]
    assert not reply.text.startswith("Yes")


def test_after_a_red_flag_answers_that_day_remind_the_user_to_stop(say, clock):
    assert say("my chest feels tight and i feel like im going to pass out")[0].safety == "emergency"
    reply = say("how many reps for hypertrophy")[0]
    assert reply.entry == "program-hypertrophy" and reply.text.startswith(AFTER_EMERGENCY)
    clock.now += timedelta(hours=13)
    assert not say("how many reps for hypertrophy")[0].text.startswith(AFTER_EMERGENCY)


def test_without_a_red_flag_answers_carry_no_reminder(say):
    assert not say("how many reps for hypertrophy")[0].text.startswith(AFTER_EMERGENCY)


def test_mydata_lists_a_warning_sign_told_today_and_forget_erases_it(say, clock):
    say("my chest feels tight and i feel like im going to pass out")
    assert "warning sign today" in say("/mydata")[0].text
    say("/forget")
    say("yes")
    assert not say("how many reps for hypertrophy")[0].text.startswith(AFTER_EMERGENCY)


def test_thanks_after_emergency_advice_repeats_the_warning_not_train_well(say):
    assert "Train well" in say("thanks")[0].text
    say("my chest feels tight and i feel like im going to pass out")
    for text in ("thanks", "ok", "bye"):
        reply = say(text)[0].text
        assert "doctor" in reply and "Train well" not in reply, text


@pytest.mark.parametrize("text", ["ok", "k", "got it", "cool"])
def test_an_acknowledgement_is_acknowledged_not_a_miss(say, coach, text):
    assert say(text)[0].text.startswith("👍")
    assert coach.store.load_misses() == []


@pytest.mark.parametrize("text", ["thank you for the information", "thx bro", "merci beaucoup"])
def test_thanks_that_share_words_with_an_entry_are_thanks(say, text):
    reply = say(text)[0]
    assert reply.entry is None and "welcome" in reply.text, text


def test_thanks_with_a_question_gets_the_answer(say):
    assert say("thanks, how many sets for strength?")[0].entry == "program-strength"


def test_a_misspelt_word_at_the_start_is_no_greeting_to_strip(understanding):
    assert understanding.after_greeting("isometirc hold at the top, what does it do") is None
    assert understanding.match("isometirc hold at the top, what does it do").entry_id == "isometric-holds"


def test_a_question_whose_start_reads_like_a_greeting_is_read_whole(understanding):
    # "do i hold" reads like "can i ask you something"; the words after it alone ask nothing
    assert understanding.match("do i hold onto anything on it").entry_id == "grip"
    assert follow_up(understanding, "how many reps for hypertrophy", "Can I hold the handles while I do them?").match.entry_id == "grip"


@pytest.mark.parametrize(("concern", "then"), [("my lower back feels a bit weird after the first set", "is it ok to keep going"),
                                              ("my lower back feels a bit weird after the first set", "so should i stop?")])
def test_a_follow_up_after_a_concern_gets_no_yes_or_no_verdict(say, concern, then):
    """"Yes, an intense pump is normal" reads as "yes, keep going": with a concern it is the doctor's call."""
    say(concern, user=31)
    reply = say(then, user=31)[0]
    line = DOCTOR_FIRST if reply.text.startswith(DOCTOR_FIRST) else DOCTOR_AGAIN  # s33: one line after a remark
    assert reply.safety == "doctor" and reply.text.startswith(line)
    assert not reply.text[len(line):].lstrip().startswith(("Yes", "No")), reply.text


def test_a_yes_no_question_told_with_a_concern_gets_no_verdict(say):
    reply = say("my lower back feels weird, is an intense pump in the lower back normal?")[0]
    assert reply.safety == "doctor"
    assert not reply.text[len(DOCTOR_FIRST):].lstrip().startswith(("Yes", "No")), reply.text



@pytest.mark.parametrize("text", [
    "had a slipped disc in my neck. do footballers coming back from injury train with this?",  # a weak match, its own words
    "had a slipped disc in my neck and cant run. do footballers coming back from injury train with this?",  # "cant" tells
    "my lower back has been aching for weeks, why do people with disc injuries use reverse hypers"])  # asked of others
def test_a_question_about_rehab_beside_a_concern_gets_the_rehab_entry_after_the_doctor_first_line(say, text):
    reply = say(text)[0]
    assert reply.text.startswith(DOCTOR_FIRST)
    assert (reply.entry, reply.safety) == ("rehab", "doctor")


def test_asking_whether_one_may_train_beside_a_concern_stays_with_medical_care_though_near_rehab(say):
    reply = say("had a slipped disc in my neck. can i train with this while coming back from injury?")[0]
    assert (reply.entry, reply.safety) == ("medical-care", "doctor")


def test_a_question_whose_health_words_are_its_entrys_own_gets_that_entry_after_the_doctor_first_line(say):
    # "lower back pain" is what the entry on what reverse hypers are for speaks of: the question asks what it says,
    # so the entry needs only the usual bar, though the health words keep the doctor-first line
    reply = say("do trainers commonly use reverse hypers to deal with lower back pain?")[0]
    assert reply.text.startswith(DOCTOR_FIRST)
    assert (reply.entry, reply.safety) == ("purpose", "doctor")


def test_a_concern_no_entry_speaks_of_keeps_the_advice_on_medical_care_below_the_health_margin(say):
    reply = say("broke a rib last month, does the chest pad push on it?")[0]  # the pad's entry names no rib
    assert (reply.entry, reply.safety) == ("medical-care", "doctor")


@pytest.mark.parametrize(("text", "entry", "named"), [
    ("do trainers use reverse hypers to deal with lower back pain?", "purpose", True),
    ("broke a rib last month, does the chest pad push on it?", "core-bracing", False),
    ("how many reps for strength", "program-strength", False)])  # no concern: nothing to name
def test_an_entry_names_a_concern_when_it_holds_every_word_that_tells_it(understanding, text, entry, named):
    assert understanding.names_concern(text, entry) is named


def test_a_question_told_after_a_story_of_its_own_is_answered_by_its_sentence(say):
    # whole, the story's words dilute the question's below the bar; its own sentence reads clearly
    reply = say("We moved to a new city in spring and everything has been chaotic since then. "
                "Finally joined a gym last week with my sister. Where should my hips be on the pad?")[0]
    assert reply.entry == "setup"


def test_a_sentence_that_reads_only_weakly_on_its_own_leaves_a_story_declined(understanding):
    # "any advice on the machine?" alone just clears the threshold, not the clearer bar a sentence taken alone needs
    text = "My cousin got married last weekend and we danced all night. The food was great too. Any advice on the machine?"
    assert understanding.read(text).match.entry_id is None
