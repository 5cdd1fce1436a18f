"""Follow-ups asking what comes after the last answer ("ok n then what" after the set-up: the entry's
`next` step or stage, from the content); questions opening a new topic at their start ("anyway ...",
"also ...") or asking for the sets after an answer on something else, read on their own; and a "why"
with words of its own, read leaning to the last answer."""

from __future__ import annotations

from tests.conftest import follow_up

SET_UP = "setting up on the reverse hyper bench feet n hips where"  # setup, whose next step is the movement


def test_asking_what_comes_next_gets_the_next_step_of_the_last_answer(understanding):
    kb = understanding.kb
    assert kb.entries["setup"].next == "technique-steps" and kb.entries["technique-steps"].next == "finishing-set"
    for then in ("ok n then what", "whats next?", "now what", "what comes after that"):
        assert understanding.read(then).match.entry_id != "technique-steps", then  # not read so alone
        assert follow_up(understanding, SET_UP, then).match.entry_id == "technique-steps", then
    assert follow_up(understanding, "how do i do a reverse hyper", "whats next?").match.entry_id == "finishing-set"


def test_a_beginners_next_stage_follows_the_progression(understanding):
    assert follow_up(understanding, "do i need to warm up", "and then?").match.entry_id == "floor-hyperextension"
    assert follow_up(understanding, "floor hyperextension how its done", "what next").match.entry_id == "floor-legs"


def test_a_next_question_with_words_of_its_own_asks_them(understanding):
    assert not understanding.follow_ups.asks_next(["and", "then", "how", "many", "sets"])
    assert follow_up(understanding, SET_UP, "and then how many sets").match.entry_id != "technique-steps"


def test_anyway_or_also_at_the_start_opens_a_question_of_its_own(understanding):
    first = "short head of biceps femoris attaches to"
    assert understanding.read(first).match.entry_id == "biceps-femoris"
    for then in ("also how many sets should i do", "anyway, how many sets should i do"):
        assert follow_up(understanding, first, then).match.entry_id == "reps-general", then


def test_an_opener_before_a_follow_up_asking_for_more_still_follows(understanding):
    words = understanding.matcher.normalizer.words
    assert understanding.follow_ups.new_topic(words("also why?")) is None
    assert understanding.follow_ups.new_topic(words("also is that bad")) is None  # points back
    assert understanding.follow_ups.new_topic(words("does it also work the abs")) is None  # not at the start
    assert follow_up(understanding, "what is the erector spinae", "also why?").match.entry_id == "erector-spinae"


def test_a_question_about_sets_after_an_answer_on_something_else_is_read_on_its_own(understanding):
    first = "short head of biceps femoris attaches to"
    assert understanding.read("how many sets should i do").match.entry_id == "reps-general"
    # in the conversation, asking only numbers: the sets by goal (the reps' entry gives no sets), not the biceps femoris
    assert follow_up(understanding, first, "how many sets should i do").match.entry_id == "program-overview"
    # tied to the last answer by a word pointing back, it stays on it
    assert follow_up(understanding, "what is the reverse hyper machine", "can i load it with normal plates").match.entry_id == "machine"


def test_a_why_with_words_of_its_own_leans_to_what_the_last_answer_said(understanding):
    reading = follow_up(understanding, "what are the three hamstring muscles", "why do those matter, theyre just leg muscles")
    assert reading.match.entry_id == "hamstring-anatomy"
    own = follow_up(understanding, "short head of biceps femoris attaches to", "why do people do reverse hypers")
    assert own.match.entry_id == "purpose"


def test_words_asking_why_or_the_point_name_no_thing_of_their_own(understanding):
    then = "whats the point, why not just do normal reps"
    words = understanding.matcher.normalizer.words(then)
    holds = understanding.kb.entries["isometric-holds"]
    assert understanding.read(then).match.entry_id == "purpose"
    assert not understanding.follow_ups.names_elsewhere(words, holds, "purpose")  # "point" asks, it names nothing
    reading = follow_up(understanding, "please explain me what is isometric holds for reverse hyper", then)
    assert reading.match.entry_id == "isometric-holds"


def test_after_the_beginners_progression_comes_the_movement_itself(understanding):
    assert follow_up(understanding, "how should a beginner progress", "ok and then what").match.entry_id == "technique-steps"


def test_a_pronoun_with_words_of_the_last_answer_weighs_the_context_as_after_a_listed_thing(understanding):
    then = "do they do anything besides bending the knee"
    assert understanding.read(then).match.entry_id == "bent-knees"
    assert follow_up(understanding, "what are the hamstring muscles", then).match.entry_id == "hamstring-anatomy"


def test_more_openers_of_a_new_topic_are_heard(understanding):
    words, new_topic = understanding.matcher.normalizer.words, understanding.follow_ups.new_topic
    assert new_topic(words("quick q, how many sets should i do")) == words("how many sets should i do")
    assert new_topic(words("one more question: can i do it at home")) == words("can i do it at home")  # "one" is read "1"
    assert new_topic(words("quick q about those")) is None  # points back


def test_what_comes_next_is_read_with_the_lexicons_synonyms(understanding):
    first = "where do my feet go on the reverse hyper bench"
    assert understanding.read(first).match.entry_id == "setup"
    assert understanding.follow_ups.asks_next(understanding.words("n then"))
    assert follow_up(understanding, first, "n then").match.entry_id == "technique-steps"
