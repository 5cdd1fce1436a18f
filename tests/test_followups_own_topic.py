"""Follow-ups that ask about a topic of their own, though the conversation would lend them the last
answer: a programming question tied to the last answer only by a word every programme says ("how
many sets" after the glutes' shape gets the sets for the goal in the conversation), and a question
whose words the last answer never says, pointing back only with "this" or "these", which then mean
the exercise ("will my other leg exercises get easier if i do these" after where to find a machine);
"it" still means the thing just answered."""

from __future__ import annotations

from tests.conftest import follow_up

SHAPE = "i want bigger hamstrings is RH good for that"  # the glutes' shape, which links the sets for growth
WHERE = "where can i find a reverse hyper machine"
EASIER = "will my other leg exercises get easier if i do these"


def test_a_programming_question_holding_only_a_word_every_programme_says_gets_the_goals_programme(understanding):
    first = understanding.read(SHAPE)
    assert (first.match.entry_id, first.context.goal) == ("benefit-glute-shape", "hypertrophy")
    assert "sets" in understanding.kb.entries["benefit-glute-shape"].answer  # the word alone ties nothing
    for then in ("how many sets", "how many sets should i do"):
        assert follow_up(understanding, SHAPE, then).match.entry_id == "program-hypertrophy", then


def test_a_word_few_answers_say_still_ties_a_message_to_the_last_answer(understanding):
    words, entries = understanding.follow_ups, understanding.kb.entries
    told = understanding.words("which side of the knee")
    assert words.told_in(told, entries["biceps-femoris"]) and words.told_distinctly(told, entries["biceps-femoris"])
    sets = understanding.words("how many sets")
    assert words.told_in(sets, entries["benefit-glute-shape"]) and not words.told_distinctly(sets, entries["benefit-glute-shape"])


def test_these_beside_words_the_last_answer_never_says_means_the_exercise(understanding):
    assert understanding.follow_ups.lexicon.meaning_exercise == frozenset({"this", "these"})
    assert understanding.read(WHERE).match.entry_id == "where-to-find"
    alone = understanding.read(EASIER).match.entry_id
    assert alone not in (None, "where-to-find")
    assert follow_up(understanding, WHERE, EASIER).match.entry_id == alone


def test_it_beside_words_of_another_answer_still_means_the_thing_just_answered(understanding):
    first, then = "whats the stability ball hyperextension", "is it as good as the machine tho"
    assert understanding.read(then).match.entry_id == "machine"
    assert follow_up(understanding, first, then).match.entry_id == "stability-ball"
