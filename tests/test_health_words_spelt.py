"""Health and symptom words are never corrected into other words (issue 11): the speller knows English and the
content, and a word the safety lexicon reads alone, or one it keeps as typed, stays a health word; a message in another
language, made English by the speller, is the lexicon's alone."""

from __future__ import annotations

import pytest

from knowledge.safety import SAFETY_LEXICON, Safety, SafetyLexiconError, load_safety_lexicon
from knowledge.spelling import Speller, load_english


@pytest.mark.parametrize("word", ["tingles", "statin", "statins", "copd", "woozy", "stoma", "fibro", "adhd", "pcos",
                                  "throbs", "blacked", "peed", "creaky", "concussions", "underactive"])
def test_a_health_word_is_never_corrected_into_another_word(understanding, word):
    assert understanding.matcher.normalizer.spelt([word]) == [word]


@pytest.mark.parametrize(("typo", "meant"), [("osteoperosis", "osteoporosis"), ("arthritus", "arthritis"),
                                             ("sciatca", "sciatica"), ("hamstirngs", "hamstrings")])
def test_a_typo_of_a_health_word_or_of_any_word_is_still_corrected(understanding, typo, meant):
    assert understanding.matcher.normalizer.spelt([typo]) == [meant]


def test_a_health_word_wins_a_tie_with_an_equally_close_word():
    speller = Speller(load_english(), set())
    assert speller.correct("cricked") == "cricket"
    speller.heed(lambda word: word == "cricked")
    assert speller.correct("cricked") == "cricked"  # a health word is kept, not made a cricket
    speller.heed(lambda word: word == "cracked")
    assert speller.correct("cricked") == "cracked"  # as close as cricket, and a health word


def test_a_health_word_becomes_no_word_that_is_not_one():
    speller = Speller(load_english(), set())
    assert speller.correct("tingles") == "singles"
    speller.heed(lambda word: word.startswith("tingl"))
    assert speller.correct("tingles") == "tingles"
    speller.heed(lambda word: False, kept=["tingles"])
    assert speller.correct("tingles") == "tingles" and speller.keeps("tingles") and not speller.knows("tingles")


def test_the_tingling_leg_beside_no_pain_is_read_as_tingling(understanding):
    assert "tingles" in understanding.spelt("no pain at all, but my leg tingles")


@pytest.mark.parametrize("kept", ["[Blacked]", "[black out]", "[peed, 3]", "peed"])
def test_the_safety_lexicon_takes_only_single_lower_case_words_to_keep_as_typed(tmp_path, kept):
    lexicon = tmp_path / "safety.yaml"
    text = SAFETY_LEXICON.read_text(encoding="utf-8")
    start = text.index("kept_as_typed:")
    lexicon.write_text(text[:start] + f"kept_as_typed: {kept}\n", encoding="utf-8")
    with pytest.raises(SafetyLexiconError, match="kept_as_typed"):
        load_safety_lexicon(lexicon)


@pytest.mark.parametrize(("text", "level"), [
    ("hola, cómo estás? me puedes ayudar con mi tarea de historia", Safety.NONE),
    ("¿cuántas series de sentadillas debo hacer por semana?", Safety.NONE),
    ("ayuda, dolor muy fuerte en el pecho, no puedo respirar", Safety.EMERGENCY),
    ("geçen ay bel fıtığı ameliyatı oldum, doktor yürüyüş yap dedi", Safety.DOCTOR),
])
def test_a_message_in_another_language_is_read_by_the_lexicon_alone(understanding, text, level):
    reading = understanding.read(text)
    assert reading.safety is level
    assert tuple(reading.safety_odds) == (1.0, 0.0, 0.0)  # the classifier read only what the speller made English
