"""The safety lexicon's alternations look only for the patterns a text can match, and find exactly
what the patterns joined into one regular expression find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from knowledge.alternation import Alternation, required_text
from knowledge.normalize import clean_text
from knowledge.safety import SAFETY_LEXICON, Safety, SafetyLexiconError, load_safety_lexicon

ROOT = Path(__file__).resolve().parent.parent
DEV_SETS = ("safety_dev4.yaml", "safety_dev5.yaml", "health_asks_dev.yaml", "regression.yaml", "offtopic_dev.yaml")


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"chest (?:\w+ )?(?:pain|tight\w*)", {"chest "}),
    (r"legs? (?:gave out|went dead)", {"gave out", "went dead"}),
    (r"\w+ ache", {" ache"}),
    (r"numb(?!er)\w*", {"numb"}),
    (r"(?:cant|cannot) breath\w*", {" breath"}),
    (r"pains?|hurts?", {"pain", "hurt"}),
    (r"(?<!at )once", {"once"}),
    (r"in (?:19|20)\d\d", {"in "}),
])
def test_a_pattern_needs_its_plain_text_outside_optional_parts(pattern, needs):
    assert required_text(pattern) == needs


@pytest.mark.parametrize("pattern", [r"\w+ ?\w*", r"(?:pain)?", r"(?i)pain", r"(a)\1", r"a{", r"pain)", r"(?:pain", r"[a-z]+"])
def test_a_pattern_that_can_match_without_plain_text_or_is_not_read_needs_nothing(pattern):
    assert required_text(pattern) is None


def _texts() -> list[str]:
    """Cleaned messages of development sets and the safety examples, and made-up health sentences."""
    found: set[str] = set()

    def walk(item: object) -> None:
        if isinstance(item, str):
            found.add(clean_text(item))
        elif isinstance(item, list):
            for x in item:
                walk(x)
        elif isinstance(item, dict):
            for x in item.values():
                walk(x)

    for name in DEV_SETS:
        walk(yaml.load((ROOT / "bench" / name).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
    walk(yaml.load((ROOT / "knowledge" / "data" / "safety_examples.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
    return sorted(found)[::2]


def test_the_lexicon_finds_and_cuts_out_exactly_what_its_patterns_joined_find():
    lexicon = load_safety_lexicon(check=False)
    texts = _texts()
    assert len(texts) > 1000
    for alternation in lexicon.alternations():
        joined = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in alternation.patterns) + r")\b")
        for text in texts:
            assert alternation.search(text) is bool(joined.search(text)), (alternation.patterns[0], text)
            assert alternation.sub(" ", text) == joined.sub(" ", text), (alternation.patterns[0], text)


@pytest.mark.parametrize("text", ["back pain and knee pains in my back", "painful back", "knee back pain knee", "no match here"])
def test_cutting_out_several_patterns_matches_as_joined_and_compiles_no_subset_of_them_together(text):
    patterns = [r"back pain", r"pain\w*", r"knee", r"back"]  # at "back pain", the first pattern's match wins
    alternation = Alternation(patterns)
    joined = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b")
    assert alternation.sub(" ", text) == joined.sub(" ", text)
    assert alternation._joined.cache_info().currsize == 0  # a message's path compiles each pattern once, alone


def test_patterns_that_refer_to_a_group_by_number_are_searched_joined():
    alternation = Alternation([r"(a)b", r"(c)\1"])  # joined, \1 is the first pattern's group: "cc" matches neither
    assert not alternation.search("cc")
    assert alternation.search("ab")
    assert alternation.sub("-", "ab cc") == "- cc"


def test_a_lexicon_for_a_cached_model_compiles_only_the_patterns_a_message_may_match():
    lexicon = load_safety_lexicon(check=False)
    assert sum(a.compiled for a in lexicon.alternations()) == 0
    assert lexicon.level("i have crushing chest pain") is Safety.EMERGENCY
    compiled = sum(a.compiled for a in lexicon.alternations())
    assert 0 < compiled < sum(len(a.patterns) for a in lexicon.alternations()) / 10


def test_a_lexicon_for_a_cached_model_scans_the_patterns_required_text_when_first_searched_not_at_start():
    lexicon = load_safety_lexicon(check=False)
    assert not any(a.scanned for a in lexicon.alternations())
    assert lexicon.level("i have crushing chest pain") is Safety.EMERGENCY
    assert lexicon.emergency.scanned and not all(a.scanned for a in lexicon.alternations())


def test_a_warmed_up_lexicon_has_scanned_and_compiled_every_pattern_and_reads_as_before():
    cold, warm = load_safety_lexicon(check=False), load_safety_lexicon(check=False)
    warm.warm_up()
    assert all(a.scanned and a.compiled == len(a.patterns) for a in warm.alternations())
    for text in _texts()[:400]:
        assert warm.level(text) is cold.level(text), text
        assert warm.without_concerns(text) == cold.without_concerns(text), text


def test_warming_up_patterns_that_refer_to_a_group_by_number_compiles_them_joined():
    alternation = Alternation([r"(a)b", r"(c)\1"])
    alternation.warm_up()
    assert alternation.compiled == 0 and alternation.search("ab") and not alternation.search("cc")


def test_a_broken_safety_pattern_is_found_when_the_lexicon_is_checked(tmp_path):
    lexicon = tmp_path / "safety.yaml"
    lexicon.write_text(SAFETY_LEXICON.read_text(encoding="utf-8").replace("doctor:\n", "doctor:\n  - 'sore (?:knee'\n", 1),
                       encoding="utf-8")
    load_safety_lexicon(lexicon, check=False)  # not compiled yet: a model is only built (and cached) from a checked lexicon
    with pytest.raises(SafetyLexiconError):
        load_safety_lexicon(lexicon)


def test_a_pattern_is_checked_alone_too():
    with pytest.raises(re.error):
        Alternation(["a)|(?:b", "c)"]).check()  # joined, the stray brackets would pair up
