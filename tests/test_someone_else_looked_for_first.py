"""Whether a concern is only someone else's: a message that names no one else is not read again clause by clause."""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.understanding import Understanding
from tests.counting import count_calls


def test_a_concern_told_naming_no_one_else_is_not_read_again_clause_by_clause(understanding: Understanding,
                                                                             monkeypatch: pytest.MonkeyPatch):
    clauses: list[Any] = []
    count_calls(monkeypatch, understanding, "_safety_of_words", clauses)
    assert not understanding.told_of_someone_else("my knee hurts a bit, how many reps should i do for strength")
    assert clauses == []
    assert understanding.told_of_someone_else("i am fine but my dad has a hernia, can he do them")
    assert clauses  # naming someone, its clauses are read
