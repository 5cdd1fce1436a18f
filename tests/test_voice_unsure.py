"""Unsure voice notes: when Whisper scores its reading low and the note touches the body or health (or
scores it a little low and the note clearly touches health), the reply keeps its answer but adds the
doctor-first line in a hedged form, and says it may have misheard (Whisper cannot hear some health words
at all: "sciatica" as "I can't be cut")."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from bot.features.qa.texts import DOCTOR_FIRST
from bot.features.voice.engine import voice_inbound
from bot.features.voice.feature import (
    CLEARLY_HEALTH,
    DOUBTFUL_BELOW,
    FITS_CLEARLY,
    LOST_BELOW,
    TOUCHES_HEALTH,
    UNSURE_BELOW,
    WORDLESS_HEALTH,
)
from bot.features.voice.notes import HEDGE, UNSURE_HEARD
from tests.test_voice_pauses import THIRTY_SECONDS
from tests.voice_support import Heard, human_speech, sent_for_note, shared_pipeline, spoken, voice_dir
from voice.audio import Clip, decode_audio
from voice.recognizer import Recognizer
from voice.weights import load_int8_weights
from voice.whisper import Whisper

MISHEARD = "I can't be cut down my right leg, can I still do reverse hypers?"  # "I have sciatica down my right leg, ..."
REST = "How long should I rest between sets?"
# "pins and needles down below", heard a little unsure: clearly health (0.70), too short for the classifier alone
# (a real note, "Bins and needles all round my backside, and private side out, started after the workout.", heard at
# -0.31, is read as the emergency it is since the classifier learned the development writers' concerns)
PINS = "Bins and needles down below."
HUM = "My legs go hum when I do them."  # "my legs go numb ...": touches health, not clearly
KG = "Starting weight?"  # heard unsure as a clear question (a note heard as "Starting weight, KG." asks a figure
# the articles never give, a near miss since the missing-detail rule)
UNSURE = (UNSURE_BELOW + LOST_BELOW) / 2
LOST = LOST_BELOW - 0.2  # the words likely lost
# "my legs go numb when I go high, ...", heard with "numb" as "dumb": fits leg-height at 71 and touches health a little
# (0.34; a real note heard as "My legs go hum with high doom," sat at 0.14-0.17, too near the bar for a test)
DUMB = "My legs go dumb when I go high, how high should they go?"
DOUBTFUL = (UNSURE_BELOW + DOUBTFUL_BELOW) / 2  # a little unsure
HEDGED_LINE = f"{HEDGE}{DOCTOR_FIRST}"


def unsure_heard(text: str) -> str:
    """How a reply to an unsure note that touches health begins."""
    return UNSURE_HEARD.format(text)


def hedged(coach, user_id: int, readings: list[str], certainty: float) -> bool:
    """Whether a note heard as these readings, this sure, gets the hedged doctor-first line."""
    reply = coach.handle(voice_inbound(user_id, Recognizer.transcript(readings, 3.0, certainty=certainty)))[0]
    return HEDGED_LINE in reply.text and reply.safety == "doctor"


def test_a_transcript_and_the_note_it_becomes_carry_whispers_score_of_its_best_reading():
    transcript = Recognizer.transcript([MISHEARD], 3.0, certainty=UNSURE)
    assert transcript.certainty == UNSURE and voice_inbound(1, transcript).certainty == UNSURE
    assert Recognizer.transcript([MISHEARD], 3.0).certainty == 0.0  # no score kept: sure, as before


def test_a_little_unsure_note_that_clearly_touches_health_gets_the_hedged_line(coach, understanding):
    assert 1.0 - understanding.read(PINS).safety_odds[0] >= CLEARLY_HEALTH
    assert hedged(coach, 1, [PINS], DOUBTFUL)
    assert not hedged(coach, 2, [PINS], DOUBTFUL_BELOW + 0.05)  # sure enough: answered as heard


def test_a_little_unsure_note_that_touches_health_only_a_little_is_answered_as_heard(coach, understanding):
    assert touches_health_a_little(understanding, HUM)
    assert not hedged(coach, 1, [HUM], DOUBTFUL)
    assert hedged(coach, 2, [HUM], UNSURE)  # unsure: hedged


def test_an_unsure_note_heard_as_a_clear_question_is_answered_unhedged(coach, understanding):
    assert touches_health_a_little(understanding, KG) and understanding.read(KG, 4.0).match.score >= FITS_CLEARLY
    reply = coach.handle(voice_inbound(1, Recognizer.transcript([KG], 3.0, certainty=UNSURE)))[0]
    assert reply.entry == "load-weight" and reply.safety is None and HEDGE not in reply.text


def test_a_note_whose_words_are_likely_lost_gets_the_hedged_line_when_it_touches_health_even_heard_as_a_question(
        coach, understanding):
    for heard in (KG, DUMB):
        assert touches_health_a_little(understanding, heard) and understanding.read(heard, 4.0).match.score >= FITS_CLEARLY
        assert not hedged(coach, 1, [heard], UNSURE)  # unsure, but a clear question: answered as heard
        assert hedged(coach, 2, [heard], LOST)
    assert not hedged(coach, 3, [REST], LOST)  # no health in it: answered as heard


# A note the classifier reads as barely touching health (0.17 on average) though no health word was heard in it.
NO_HEALTH_WORD = ["One sec, B-R-B.", "One sec, brb.", "1 sec, B-R-B."]


def test_an_unsure_note_barely_touching_health_without_a_health_word_heard_gets_no_hedge(coach, understanding):
    odds = sum(1.0 - understanding.read(text).safety_odds[0] for text in NO_HEALTH_WORD) / len(NO_HEALTH_WORD)
    assert TOUCHES_HEALTH <= odds < WORDLESS_HEALTH  # on average over the readings, as the hedge reads them
    assert not hedged(coach, 1, NO_HEALTH_WORD, UNSURE)
    assert hedged(coach, 2, NO_HEALTH_WORD, LOST)  # the words likely lost, any health word with them: hedged
    assert hedged(coach, 3, [*NO_HEALTH_WORD, "One sec, my legs go hum."], UNSURE)  # a reading that heard one


def test_a_note_answering_a_safety_check_question_gets_no_hedge(coach, understanding):
    _screen_to(coach, 1, "pregnan")
    said = "I'm not pregnant."
    assert 1.0 - understanding.read(said).safety_odds[0] >= CLEARLY_HEALTH  # clearly health to the classifier
    reply = coach.handle(voice_inbound(1, Recognizer.transcript([said, "I am not pregnant."], 2.0, certainty=DOUBTFUL)))
    assert not any(HEDGE in r.text for r in reply) and not any(r.safety for r in reply)
    assert hedged(coach, 2, [said, "I am not pregnant."], DOUBTFUL)  # outside the check: hedged, as before


def _screen_to(coach, user_id: int, words: str) -> None:
    """Start the safety check and answer no until the question holding `words` is asked."""
    from bot.core.messages import Inbound, InboundKind

    replies = coach.handle(Inbound(user_id, InboundKind.TEXT, "/screen"))
    replies = coach.handle(Inbound(user_id, InboundKind.TEXT, "I agree, start"))
    for _ in range(20):
        if words in replies[-1].text.lower():
            return
        replies = coach.handle(Inbound(user_id, InboundKind.TEXT, "no"))
    raise AssertionError(f"no question about {words!r}")


def test_how_clearly_a_note_touches_health_is_the_average_over_its_readings(coach):
    assert not hedged(coach, 1, [KG], DOUBTFUL)
    assert hedged(coach, 2, [KG, PINS, PINS.lower()], DOUBTFUL)  # the readings that kept the health words count


def touches_health_a_little(understanding, text: str) -> bool:  # noqa: N802  (reads as the condition it checks)
    """Whether the safety classifier's odds of a concern in the text are between the two bars."""
    odds = 1.0 - understanding.read(text).safety_odds[0]
    return TOUCHES_HEALTH <= odds < CLEARLY_HEALTH


def test_an_unsure_note_that_touches_health_gets_the_hedged_doctor_first_line_and_keeps_its_answer(coach):
    sure = coach.handle(voice_inbound(1, Recognizer.transcript([HUM], 3.0)))[0]
    reply = coach.handle(voice_inbound(2, Recognizer.transcript([HUM], 3.0, certainty=UNSURE)))[0]
    assert sure.safety is None and HEDGE not in sure.text  # heard as sure: answered as before
    assert reply.text.startswith(unsure_heard(HUM) + HEDGED_LINE) and reply.safety == "doctor"
    assert reply.text.endswith(sure.text.split("\n\n", 1)[1]) and reply.entry == sure.entry  # the answer is kept


def test_a_health_word_whisper_cannot_hear_still_gets_the_doctor_first_line_when_the_rest_reads_as_a_concern(coach):
    for certainty in (0.0, UNSURE):  # "sciatica" heard as "I can't be cut": the rest of the note still tells it
        reply = coach.handle(voice_inbound(1, Recognizer.transcript([MISHEARD], 3.0, certainty=certainty)))[0]
        assert reply.safety == "doctor" and DOCTOR_FIRST in reply.text and HEDGE not in reply.text


def test_an_unsure_note_that_does_not_touch_health_is_answered_as_heard(coach):
    sure = coach.handle(voice_inbound(1, Recognizer.transcript([REST], 2.0)))[0]
    reply = coach.handle(voice_inbound(2, Recognizer.transcript([REST], 2.0, certainty=UNSURE)))[0]
    assert reply == sure and reply.entry and reply.safety is None


def test_an_unsure_note_the_detector_already_answers_gets_its_own_line_unhedged(coach):
    said = "I have sciatica down my right leg, can I still do reverse hypers?"
    reply = coach.handle(voice_inbound(1, Recognizer.transcript([said], 3.0, certainty=UNSURE)))[0]
    assert reply.safety == "doctor" and DOCTOR_FIRST in reply.text and HEDGE not in reply.text


class ScoredModel:
    """Stands in for CTranslate2's Whisper: the beam's readings with the scores of each call in turn
    (the warm-up's first)."""

    def __init__(self, *scores: list[float], words: tuple[str, ...] = ("ĠI", "Ġam", "Ġempty")) -> None:
        self.scores = list(scores)
        self.words = list(words)
        self.options: list[dict[str, object]] = []

    def encode(self, features):
        return features

    def generate(self, features, prompts, **options):
        self.options.append(options)
        count = options["num_hypotheses"]
        return [SimpleNamespace(no_speech_prob=0.0, sequences=[self.words] * count,
                                sequences_ids=[[1] * len(self.words)] * count, scores=self.scores.pop(0)[:count])]


def scored_whisper(model: ScoredModel) -> Whisper:
    """Whisper on the real tokenizer and a scoring stand-in for its model."""
    return Whisper(load_int8_weights(None, voice_dir()), "Questions.", model=lambda path: model, storage=lambda a: a)


def test_whisper_keeps_its_best_readings_score_from_the_same_beam_search():
    model = ScoredModel([0.0], [-0.61, -0.7])
    hearing = scored_whisper(model).listen(decode_audio(human_speech("austen-0870")[0]))
    assert hearing.beam == ["I am empty"] and hearing.certainty == -0.61
    assert all(options["return_scores"] for options in model.options) and len(model.options) == 2  # + warm-up: no extra decode


def test_a_note_heard_in_pieces_is_as_sure_as_its_least_sure_piece():
    clip = Clip(np.concatenate([decode_audio(human_speech(name)[0]).samples for name in THIRTY_SECONDS]), 16_000)
    # each piece heard as 40 words: the note heard whole (three words would be too few: heard again, voice.coverage)
    model = ScoredModel([0.0], [-0.2], [-0.7], [-0.3], [-0.1], words=tuple(f"Ġw{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(40)))
    hearing = scored_whisper(model).listen(clip)
    pieces = len(model.options) - 1
    assert pieces >= 2 and hearing.certainty == min([-0.2, -0.7, -0.3, -0.1][:pieces])



@pytest.mark.parametrize(("heard", "certainty", "said"), [
    (HUM, UNSURE, "my legs go numb when I do them"),
    (PINS, DOUBTFUL, "pins and needles down below"),
])
async def test_an_unsure_note_over_telegram_says_it_may_have_misheard_and_gives_the_hedged_line(coach, heard, certainty, said):
    voice = shared_pipeline()
    [sent] = await sent_for_note(coach, Heard(heard, certainty=certainty), voice.speaker, spoken(voice, said), seconds=4)
    assert sent["text"].startswith(unsure_heard(heard) + HEDGED_LINE)
