"""Unsure voice notes: when Whisper scores its reading low and the reading touches the body or health,
the reply keeps its answer but adds the doctor-first line in a hedged form, and says it may have
misheard (Whisper cannot hear some health words at all: "sciatica" as "I can't be cut")."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from telegram import Update

from bot.adapters.telegram.app import build_application
from bot.features.qa.texts import DOCTOR_FIRST
from bot.features.voice.engine import voice_inbound
from bot.features.voice.notes import HEDGE, UNSURE_HEARD
from bot.settings import Settings
from tests.recording_request import unpaced
from tests.test_voice_pauses import THIRTY_SECONDS
from tests.voice_support import FileServingRequest, human_speech, shared_pipeline, spoken, voice_dir, voice_update
from voice.audio import Clip, decode_audio
from voice.pipeline import VoicePipeline
from voice.recognizer import UNSURE_BELOW, Recognizer
from voice.weights import load_int8_weights
from voice.whisper import Hearing, Whisper

MISHEARD = "I can't be cut down my right leg, can I still do reverse hypers?"  # "I have sciatica down my right leg, ..."
REST = "How long should I rest between sets?"
UNSURE = UNSURE_BELOW - 0.2
HEDGED_LINE = f"{HEDGE}{DOCTOR_FIRST}"


def unsure_heard(text: str) -> str:
    """How a reply to an unsure note that touches health begins."""
    return UNSURE_HEARD.format(text)


def test_a_reading_scored_below_the_bar_is_unsure_and_one_above_it_is_not():
    assert Recognizer.transcript([MISHEARD], 3.0, certainty=UNSURE).unsure
    assert not Recognizer.transcript([MISHEARD], 3.0, certainty=UNSURE_BELOW + 0.1).unsure
    assert not Recognizer.transcript([MISHEARD], 3.0).unsure  # no score kept: sure, as before


def test_an_unsure_note_that_touches_health_gets_the_hedged_doctor_first_line_and_keeps_its_answer(coach):
    sure = coach.handle(voice_inbound(1, Recognizer.transcript([MISHEARD], 3.0)))[0]
    reply = coach.handle(voice_inbound(2, Recognizer.transcript([MISHEARD], 3.0, certainty=UNSURE)))[0]
    assert sure.safety is None and HEDGE not in sure.text  # heard as sure: answered as before
    assert reply.text.startswith(unsure_heard(MISHEARD) + HEDGED_LINE) and reply.safety == "doctor"
    assert reply.text.endswith(sure.text.split("\n\n", 1)[1]) and reply.entry == sure.entry  # the answer is kept


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

    def __init__(self, *scores: list[float]) -> None:
        self.scores = list(scores)
        self.options: list[dict[str, object]] = []

    def encode(self, features):
        return features

    def generate(self, features, prompts, **options):
        self.options.append(options)
        count = options["num_hypotheses"]
        return [SimpleNamespace(no_speech_prob=0.0, sequences=[["ĠI", "Ġam", "Ġempty"]] * count,
                                sequences_ids=[[1, 2, 3]] * count, scores=self.scores.pop(0)[:count])]


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
    model = ScoredModel([0.0], [-0.2], [-0.7], [-0.3], [-0.1])
    hearing = scored_whisper(model).listen(clip)
    pieces = len(model.options) - 1
    assert pieces >= 2 and hearing.certainty == min([-0.2, -0.7, -0.3, -0.1][:pieces])


class HeardUnsure:
    """Stands in for Whisper: a health word lost, and the beam unsure of what it heard instead."""

    def listen(self, clip):
        return Hearing([MISHEARD], [], UNSURE)


async def test_an_unsure_note_over_telegram_says_it_may_have_misheard_and_gives_the_hedged_line(coach):
    voice = shared_pipeline()
    request = FileServingRequest()
    pipeline = VoicePipeline(Recognizer(HeardUnsure), lambda: voice.speaker)
    app = build_application(Settings(token="123:ABC"), coach, request=request, voice=pipeline, budget=unpaced())
    data = spoken(voice, "I have sciatica down my right leg, can I still do reverse hypers")
    async with app:
        await app.start()
        request.files["f1"] = data
        await app.process_update(Update.de_json(voice_update(1, "f1", len(data), 4), app.bot))
        [sent] = await request.wait_for("sendMessage")
        await app.stop()
    assert sent["text"].startswith(unsure_heard(MISHEARD) + HEDGED_LINE)
