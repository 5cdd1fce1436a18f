"""Follow-ups picking one of the things the last answer named ("what about the machine-free one"
after the variations), by that thing's title or its answer, and swapping a preference after one thing
of a list ("and if i want mobility instead" after tempo hypers: the variation for mobility); an
acknowledgement at the start ("ok got it, and how many times ...") points at nothing; asking for more
about a word of a linked answer gets it; an answer linking one goal's programme sets that goal."""

from __future__ import annotations

from tests.conftest import follow_up

VARIATIONS = "what are the variations"
TEMPO = "which reverse hyper variation is best to activate specific muscles"


def test_picking_one_by_its_title_gets_that_thing(understanding):
    assert understanding.read(VARIATIONS).match.entry_id == "variations"
    assert understanding.read("what about the machine-free one").match.entry_id != "no-machine"  # not read so alone
    assert follow_up(understanding, VARIATIONS, "what about the machine-free one").match.entry_id == "no-machine"


def test_picking_one_by_what_its_answer_says_gets_that_thing(understanding):
    assert understanding.read("and the one for mobility?").match.entry_id == "program-movement-integrity"
    assert follow_up(understanding, VARIATIONS, "and the one for mobility?").match.entry_id == "banded-hypers"


def test_asking_the_same_of_another_goal_after_one_thing_gets_its_sibling(understanding):
    assert understanding.read(TEMPO).match.entry_id == "tempo-hypers"
    for then in ("and if i want mobility instead", "what if i want mobility instead"):
        assert follow_up(understanding, TEMPO, then).match.entry_id == "banded-hypers", then


def test_picking_or_swapping_with_words_the_last_answer_said_is_not_a_pick(understanding):
    words = understanding.matcher.normalizer.words
    follow_ups, kb = understanding.follow_ups, understanding.kb
    assert follow_ups.picks_one(words("and the floor one?")) and follow_ups.swaps(words("what if i want bands instead"))
    assert follow_ups.picks_one(words("the one for mobility")) and not follow_ups.picks_one(words("can i do just one set"))
    # the banded hypers' answer names mobility itself: nothing else to pick
    assert follow_ups.named_among(words("and for mobility"), kb.entries["banded-hypers"], ("tempo-hypers",)) is None
    # a swap after an answer in no list (the sets for strength) is a goal switch, not a sibling
    assert follow_up(understanding, "sets for strength", "and if i want mobility instead").match.entry_id == "program-movement-integrity"
    # no preference swapped: "and for mobility?" asks for that goal's programme
    assert follow_up(understanding, TEMPO, "and for mobility?").match.entry_id == "program-movement-integrity"


def test_a_place_in_a_list_is_not_picked_by_title(understanding):
    first = "should I see a doctor before doing reverse hypers"
    assert understanding.read(first).match.entry_id == "beginner-doctor"
    assert follow_up(understanding, first, "the first one").match.entry_id is None  # it lists nothing: not "warm up first"
    # "version" names no thing ("Floor version ..." is a title): read as alone, not the floor one
    beginner, banded = "how should a beginner start reverse hypers", "what about the banded version"
    assert follow_up(understanding, beginner, banded).match.entry_id == understanding.read(banded).match.entry_id != "floor-legs"


def test_an_acknowledgement_at_the_start_points_at_nothing_asked(understanding):
    words = understanding.matcher.normalizer.words
    follow_ups = understanding.follow_ups
    assert follow_ups.after_acknowledging(words("ok got it, and how many times do i repeat"))[:2] == ["and", "how"]
    assert follow_ups.after_acknowledging(words("i dont get it")) == words("i dont get it")  # not at the start
    first = "single leg reverse hypers"  # its answer gives no count
    assert understanding.read(first).match.entry_id == "single-leg"
    assert follow_up(understanding, first, "ok got it, and how many times do i repeat").match.entry_id == "reps-general"


def test_asking_more_about_a_word_of_a_linked_answer_gets_that_answer(understanding):
    first = "do physios use reverse hypers for rehab"
    assert understanding.read(first).match.entry_id == "rehab"
    assert "decompression" in understanding.kb.entries["rehab"].related
    then = "explain the pumping thing more, sounds weird"
    assert understanding.read(then).match.entry_id != "decompression"  # not read so alone
    assert follow_up(understanding, first, then).match.entry_id == "decompression"


def test_an_answer_linking_one_goals_programme_sets_that_goal(understanding):
    first = "reverse hypers for a firmer butt"
    reading = understanding.read(first)
    assert reading.match.entry_id == "benefit-glute-shape"
    assert "program-hypertrophy" in understanding.kb.entries["benefit-glute-shape"].related
    assert reading.context.goal == "hypertrophy"
    assert follow_up(understanding, first, "how many reps then").match.entry_id == "program-hypertrophy"
    # an answer linking no single programme sets no goal
    assert understanding.read("what are tempo hypers").context.goal is None


def test_how_do_i_use_it_after_the_machine_asks_how_to_do_the_exercise(understanding):
    first = "what is the reverse hyper machine"
    assert understanding.read(first).match.entry_id == "machine"
    assert follow_up(understanding, first, "ok how do i use it").match.entry_id == "technique-steps"


def test_a_place_picked_in_a_list_is_no_near_miss_though_it_reads_like_one_alone(understanding):
    alone = understanding.read("and the second")
    assert alone.match.entry_id is None and alone.gap is not None  # "second" reads a little like buying second-hand
    assert follow_up(understanding, "what are the studies", "and the second").match.entry_id == "study-anatomy-text"
    reading = follow_up(understanding, "what are the studies", "where can i buy one second hand")
    assert reading.match.entry_id is None and reading.gap is not None  # a near miss with words of its own stays one
