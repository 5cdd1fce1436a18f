"""The talk readers: intents, typed yes/no answers and goals read in any words, from data a
curator edits (knowledge/data/intents.yaml)."""

from __future__ import annotations

import pytest

from knowledge.build import train, train_talk
from knowledge.intents import Answer, Intent
from knowledge.training import TrainingData, TrainingDataError, load_paraphrases, load_safety_messages, load_talk


@pytest.mark.parametrize(("text", "intent"), [
    ("could you remind me every tuesday and thursday at 6:30 pm", Intent.PLAN),
    ("put me down for mondays", Intent.PLAN),
    ("what have i got coming up", Intent.SESSIONS),
    ("pls erase all my stuff", Intent.FORGET),
    ("what info have u got on me", Intent.MY_DATA),
    ("pls show me the records you keep on me", Intent.MY_DATA),
    ("hiya coach", Intent.GREETING),
    ("cheers mate", Intent.THANKS),
])
def test_intents_are_read_in_words_nobody_wrote_down(understanding, text, intent):
    assert understanding.intent(text) is intent


@pytest.mark.parametrize("text", ["how many reps for endurance", "what muscles does it hit", "i like pizza", "why?"])
def test_questions_and_chat_are_no_intent(understanding, text):
    assert understanding.intent(text) is None


@pytest.mark.parametrize(("text", "answer"), [
    ("yeah sure", Answer.YES), ("looks good to me", Answer.YES), ("nope never", Answer.NO),
    ("not really no", Answer.NO), ("dunno tbh", Answer.UNSURE), ("kinda sometimes", Answer.UNSURE),
])
def test_typed_answers_are_read_in_any_words(understanding, text, answer):
    assert understanding.answer(text) is answer


def test_an_edit_or_a_question_is_not_a_yes(understanding):
    assert understanding.answer("no make it 7pm") is not Answer.YES
    assert understanding.answer("what does that mean") is None


@pytest.mark.parametrize(("text", "goal"), [
    ("i want to get stronger", "strength"), ("bigger glutes pls", "hypertrophy"),
    ("to last longer on my bike", "endurance"), ("move better", "mobility"), ("idk", None),
    ("i want to be able to touch my toes again", "mobility"), ("a rounder bum please", "hypertrophy"),
])
def test_goals_are_read_in_words(understanding, text, goal):
    assert understanding.goal(text) == goal


def test_yes_and_no_in_the_talk_data_are_words_not_booleans(tmp_path):
    intents = ", ".join(f"{intent.value}: [{intent.value}]" for intent in Intent)
    (tmp_path / "intents.yaml").write_text(
        f"intents: {{{intents}, none: [no]}}\n"
        "answers: {yes: [yes], no: [no], unsure: [dunno], none: [on]}\n"
        "goals: {strength: [strong], hypertrophy: [size], endurance: [stamina], mobility: [mobility], none: [off]}\n"
        "checkin: {done: [done], snooze: [later], skip: [skip], unwell: [sick], none: [hi]}\n"
        "closing: {close: [no changes], none: [yes]}\n"
        "screening: {yes: [yes], no: [no], unsure: [dunno], back: [back], cancel: [stop], none: [hi]}\n"
        "plans: {skip: [skip tomorrow], cancel: [cancel the plan], edit: [edit the plan], none: [no]}\n")
    answers = load_talk(tmp_path)["answers"]
    assert ("yes", "yes") in answers and ("no", "no") in answers and ("on", "none") in answers


@pytest.mark.parametrize("data", ["answers:\n  yes: [yes]\n", "intents: {plan: [plan]}\n", "[oops\n"])
def test_malformed_talk_data_is_one_clear_error(tmp_path, data):
    (tmp_path / "intents.yaml").write_text(data)
    with pytest.raises(TrainingDataError, match="intents.yaml"):
        load_talk(tmp_path)


def test_paraphrases_must_name_entries_of_the_content(tmp_path, understanding):
    (tmp_path / "paraphrases.yaml").write_text("paraphrases:\n  no-such-entry: [how do i do it]\n")
    with pytest.raises(TrainingDataError, match="no-such-entry"):
        load_paraphrases(tmp_path, understanding.kb)


def test_adding_a_talk_reader_changes_no_other_readers_reading(understanding):
    normalizer = understanding.matcher.normalizer
    answers = [("yes", "yes"), ("yep sure", "yes"), ("no", "no"), ("nope not really", "no"), ("dunno", "unsure"),
               ("how many reps", "none")]
    checkin = [("done", "done"), ("later", "snooze"), ("skip today", "skip"), ("sick", "unwell"), ("no time", "none")]
    alone = train_talk({"answers": answers}, normalizer)
    beside = train_talk({"answers": answers, "checkin": checkin}, normalizer)
    for words in (["no", "time"], ["yes", "done"], ["sure"]):
        assert alone.label("answers", words) == beside.label("answers", words), words


def test_adding_safety_examples_changes_no_topics_reading(understanding):
    """The topic ranker and the safety classifier each have the vocabulary of their own texts."""
    normalizer = understanding.matcher.normalizer
    topics = [("how many reps for strength", "reps"), ("sets for endurance", "reps"), ("where do my hips go", "setup"),
              ("how do i set up the machine", "setup")]
    safety = [("my back hurts", "doctor"), ("chest pain right now", "emergency"), ("how many reps", "none")]
    extra = [("on metformin for diabetes", "doctor"), ("reps for my sore hips", "doctor")]
    alone = train(TrainingData({}, topics, safety, {}), normalizer)
    beside = train(TrainingData({}, topics, safety + extra, {}), normalizer)
    for text in ("reps for my hips", "metformin reps"):
        words, tokens = normalizer.read(text)
        assert (alone.topics.probabilities(alone.vocabulary.vector(words, tokens)).tolist()
                == beside.topics.probabilities(beside.vocabulary.vector(words, tokens)).tolist()), text


def test_safety_messages_must_name_their_kind(tmp_path):
    (tmp_path / "safety_messages.yaml").write_text("writer1:\n- {q: my back hurts, kind: sore}\nwriter2: []\n")
    with pytest.raises(TrainingDataError, match="kind must be"):
        load_safety_messages(tmp_path)
