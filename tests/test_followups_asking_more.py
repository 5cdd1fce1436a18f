"""Follow-ups asking for more in more ways: letters typed over and over ("go onnn", "whyyy"), more
words for it ("in more depth", "im confused", "huh?", "break it down", "simpler"), "more info", which
alone asks where the facts come from, "break down each one" after a list (but not "like im 5"), and
more about the title of an entry linked to the last answer: through the core, and through Telegram."""

from __future__ import annotations

from bot.core.coach import Coach
from tests.conftest import follow_up, message_update
from tests.recording_request import feed_all

FIRST = "what muscles do reverse hypers work"  # muscles-worked: an entry with details


def test_a_letter_typed_over_and_over_is_read_as_the_word_it_stretches(understanding):
    speller = understanding.matcher.normalizer.speller
    assert [speller.correct(w) for w in ("whyyy", "onnn", "moreee", "goood", "pleaseee")] == \
        ["why", "on", "more", "good", "please"]
    assert speller.correct("zzzz") == "zzzz"  # a stretched non-word stays one


def test_a_stretched_follow_up_asks_for_more_of_the_last_answer(understanding):
    for then in ("go onnn", "whyyy", "tell me moreee"):
        reading = follow_up(understanding, FIRST, then)
        assert (reading.match.entry_id, reading.again) == ("muscles-worked", True), then


def test_more_ways_of_asking_for_more_get_the_last_answers_details(understanding):
    for then in ("in more depth please", "dive deeper", "im confused", "huh?", "unpack that"):
        assert understanding.read(then).match.entry_id is None, then  # nothing alone
        reading = follow_up(understanding, FIRST, then)
        assert (reading.match.entry_id, reading.again) == ("muscles-worked", True), then


def test_more_info_after_an_answer_is_more_of_it_not_where_the_facts_come_from(understanding):
    assert understanding.read("more info").match.entry_id == "sources"
    reading = follow_up(understanding, FIRST, "more info")
    assert (reading.match.entry_id, reading.again) == ("muscles-worked", True)
    assert follow_up(understanding, FIRST, "where does your info come from").match.entry_id == "sources"


async def test_a_stretched_go_on_gets_the_details_over_telegram(coach: Coach, understanding):
    details = understanding.kb.entries["muscles-worked"].details.split(",")[0]  # its first words, as a reply shows them
    texts = (await feed_all(coach, [message_update(t) for t in (FIRST, "go onnn")])).texts()
    assert len(texts) == 2 and details not in texts[0] and details in texts[1]



def test_break_it_down_asks_for_more_and_break_down_each_one_asks_about_each(understanding):
    reading = follow_up(understanding, "what is the erector spinae", "break it down for me")
    assert (reading.match.entry_id, reading.again) == ("erector-spinae", True)
    assert follow_up(understanding, "erector spinae is what", "break down each one").each == \
        ("iliocostalis", "longissimus", "spinalis")


def test_a_number_other_than_how_many_things_were_listed_asks_about_none_of_them(understanding):
    assert follow_up(understanding, "what r the erector spinae", "those 3").each == ("iliocostalis", "longissimus", "spinalis")
    reading = follow_up(understanding, "what is the erector spinae", "break it down for me like im 5")
    assert (reading.match.entry_id, reading.each) == ("erector-spinae", ())


def test_asking_for_it_simpler_is_asking_for_more(understanding):
    reading = follow_up(understanding, "erector spinae function", "extenders of the vertebral column?? simpler")
    assert reading.match.entry_id == "erector-spinae"


def test_more_about_the_title_of_an_entry_linked_to_the_last_answer_gets_that_entry(understanding):
    assert understanding.read("where do you get your info from").match.entry_id == "sources"
    assert follow_up(understanding, "where do you get your info from", "tell me more about the six studies").match.entry_id \
        == "studies"


async def test_break_down_each_one_gets_each_over_telegram(coach: Coach, understanding):
    texts = (await feed_all(coach, [message_update(t) for t in ("erector spinae is what", "break down each one")])).texts()
    titles = [understanding.kb.entries[e].title for e in ("iliocostalis", "longissimus", "spinalis")]
    assert len(texts) == 2 and all(title in texts[1] for title in titles)
