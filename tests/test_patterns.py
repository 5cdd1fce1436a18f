"""A lazy pattern is compiled when first used, and answers as the pattern compiled at once does."""

from __future__ import annotations

import re

import pytest

from knowledge.patterns import LazyPattern, compile_all, counts, lazy_regex

TEXTS = ["move friday to saturday", "Friday, then FRIDAY again", "nothing here", ""]


def test_a_lazy_pattern_is_not_compiled_until_first_used():
    pattern = lazy_regex(r"\bfri(day)?\b", re.IGNORECASE)
    assert not pattern.is_compiled
    assert pattern.search("on friday")
    assert pattern.is_compiled


@pytest.mark.parametrize("text", TEXTS)
def test_a_lazy_pattern_answers_as_the_compiled_pattern(text):
    source, flags = r"\b(fri)(day)?\b", re.IGNORECASE
    lazy, compiled = LazyPattern(source, flags), re.compile(source, flags)
    assert lazy.pattern == compiled.pattern and lazy.flags == flags
    for method in ("search", "match", "fullmatch"):
        found, expected = getattr(lazy, method)(text), getattr(compiled, method)(text)
        assert (found and found.span()) == (expected and expected.span())
    assert lazy.findall(text) == compiled.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.split(text) == compiled.split(text)
    assert lazy.sub("-", text) == compiled.sub("-", text)
    assert lazy.sub(lambda m: m.group(1).upper(), text, 1) == compiled.sub(lambda m: m.group(1).upper(), text, 1)


def test_compiling_all_compiles_every_lazy_pattern_made():
    lazy_regex(r"\bsat(urday)?\b")
    compile_all()
    made, compiled = counts()
    assert made > 30 and compiled == made  # the plan readers' patterns too
