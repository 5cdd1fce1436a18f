"""Cleaning a message's text: each rewrite still applies when the text holds what it rewrites (each is
tried only then, as trying it at every place of a long text cost a quarter of cleaning it)."""

from __future__ import annotations

import pytest

from knowledge.normalize import clean_text


@pytest.mark.parametrize(("typed", "cleaned"), [
    ("ill try it tomorrow", "i will try it tomorrow"),
    ("ok ill do 3 sets", "ok i will do 3 sets"),
    ("I’ll try it", "i will try it"),
    ("i'll check", "i will check"),
    ("feeling ill today", "feeling ill today"),
    ("still try it", "still try it"),
    ("3-5 sets", "3 to 5 sets"),
    ("10 - 15 reps", "10 to 15 reps"),
    ("a-frame stance", "a frame stance"),
    ("Déjà vu, 20 reps!", "deja vu 20 reps"),
])
def test_cleaning_rewrites_what_a_text_holds_and_leaves_the_rest(typed, cleaned):
    assert clean_text(typed) == cleaned
