"""The voice benchmark's second instrument: flite's voices, recorded from people, beside espeak-ng's.
flite is a benchmark tool (`apt-get install flite`), not the bot's: these tests put a stand-in `flite`
on PATH (espeak-ng reading the text), so they prove on any machine how the benchmark calls it and
turns its WAV into a voice note Whisper hears."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from bench.bench_voice import FLITE_VOICES, STYLES, Readings, _heard, health_line, hedged, judge, voices
from bench.bench_voice_safety import Spoken, _blame, load_items, voices_of
from bench.voice_misses import RECOGNIZER, SELECTION_OTHER, SELECTION_UNSURE, UNDERSTANDING, Miss, format_split, whose
from bot.core.messages import Reply
from bot.features.qa.texts import DOCTOR_FIRST, EMERGENCY
from bot.features.voice.notes import HEDGE, UNSURE_HEARD
from tests.voice_support import shared_pipeline, spoken
from voice.pipeline import VoicePipeline
from voice.recognizer import Recognizer, Transcript
from voice.words import sentence_words

STAND_IN = """#!{python}
import json, sys
from pathlib import Path
from voice.audio import encode_wav
from voice.speech import Speaker
args = sys.argv[1:]
Path({log!r}).write_text(json.dumps(args))
text, out = args[args.index("-t") + 1], args[args.index("-o") + 1]
Path(out).write_bytes(encode_wav(Speaker().synthesize(text)))
"""


@pytest.fixture
def flite_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in `flite` first on PATH; the file where it records its arguments."""
    log = tmp_path / "args.json"
    script = tmp_path / "flite"
    script.write_text(STAND_IN.format(python=sys.executable, log=str(log)))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    return log


def test_flite_reads_the_question_in_its_voice_as_a_voice_note_whisper_hears(flite_log):
    pipeline = shared_pipeline()
    readers = voices("flite", pipeline)
    assert list(readers) == [f"flite:{voice}" for voice in FLITE_VOICES]
    heard = pipeline.transcribe(readers["flite:slt"]("How many reps for endurance?"))
    args = json.loads(flite_log.read_text())
    assert args[:4] == ["-voice", "slt", "-t", "How many reps for endurance?"] and args[4] == "-o"
    assert sentence_words(heard.text) == ["how", "many", "reps", "for", "endurance"]


def test_espeak_stays_the_default_instrument():
    assert list(voices("espeak", shared_pipeline())) == [f"{style.name}@{style.speed}" for style in STYLES]
    assert [style.name for style in STYLES][:2] == ["en-us", "en-us+m3"]


def test_the_spoken_safety_set_is_read_by_one_espeak_and_one_flite_voice_each_in_turn():
    espeak = [f"{style.name}@{style.speed}" for style in STYLES]
    assert [voices_of(n, flite=True)[0] for n in range(7)] == [*espeak, espeak[0]]
    assert [voices_of(n, flite=True)[1] for n in range(5)] == [f"flite:{v}" for v in (*FLITE_VOICES, FLITE_VOICES[0])]
    assert voices_of(1, flite=False) == [espeak[1]]


def test_a_message_keeps_its_voices_whether_the_look_alikes_are_spoken_too(tmp_path: Path):
    listed = tmp_path / "set.yaml"
    listed.write_text("- {q: a, kind: health}\n- {q: b, kind: lookalike}\n- {q: c, kind: emergency}\n")
    assert load_items(listed, lookalikes=False, sample=0) == [(0, {"q": "a", "kind": "health"}), (2, {"q": "c", "kind": "emergency"})]
    assert [n for n, _ in load_items(listed, lookalikes=True, sample=0)] == [0, 1, 2]


@pytest.mark.parametrize(("kind", "spoken", "typed", "whose"), [
    ("health", None, "doctor", "recognizer"),     # typed, the same words are caught: the transcript lost them
    ("health", None, None, "detector"),           # typed, missed too: the text detector's miss
    ("emergency", "doctor", "emergency", "recognizer"),
    ("emergency", "doctor", "doctor", "detector"),
])
def test_a_spoken_miss_is_blamed_on_whoever_also_misses_it_typed(kind, spoken, typed, whose):
    assert _blame(Spoken("q", kind, "en-us@165", ("q",), spoken, typed, 1.0)) == whose


def test_kept_readings_are_turned_into_the_transcript_by_the_recognizer_without_decoding(tmp_path: Path):
    kept = tmp_path / "readings.json"
    kept.write_text(json.dumps({"v\tq": [2.5, ["I have sciatica.", "I have sigh attica."], ["I have psoriasis."]],
                                "v\tsilence": [1.0, [], []]}))
    pipeline = VoicePipeline(Recognizer(lambda: None))  # type: ignore[arg-type, return-value]  (never decodes)
    transcript, seconds = Readings(kept).hear(pipeline, "v\tq", lambda: pytest.fail("no note"))
    assert transcript == Transcript("I have sciatica.", True, 2.5, ("I have sigh attica.",), ("I have psoriasis.",))
    assert seconds == 0.0 and not Readings(kept).hear(pipeline, "v\tsilence", lambda: pytest.fail("no note"))[0].confident


def test_kept_readings_are_answered_without_the_second_hearing_when_asked(tmp_path: Path):
    kept = tmp_path / "readings.json"
    kept.write_text(json.dumps({"v\tq": [2.5, ["I have sigh attica."], ["I have sciatica."]]}))
    pipeline = VoicePipeline(Recognizer(lambda: None))  # type: ignore[arg-type, return-value]  (never decodes)
    transcript, _ = Readings(kept, samples=False).hear(pipeline, "v\tq", lambda: pytest.fail("no note"))
    assert transcript == Transcript("I have sigh attica.", True, 2.5)


def test_new_readings_are_decoded_once_and_kept_for_the_next_run(tmp_path: Path):
    kept = tmp_path / "readings.json"
    pipeline = shared_pipeline()
    first = Readings(kept)
    note = spoken(pipeline, "how long should I rest between sets")
    transcript, seconds = first.hear(pipeline, "en-us@165\trest", lambda: note)
    first.save()
    again, no_time = Readings(kept).hear(pipeline, "en-us@165\trest", lambda: pytest.fail("decoded again"))
    assert again == transcript and transcript.confident and seconds > 0 and no_time == 0


@pytest.mark.parametrize(("miss", "kind"), [
    (Miss(False, (True,), "x"), UNDERSTANDING),        # typed, the question itself fails: the ceiling
    (Miss(True, (False, True), None), SELECTION_UNSURE),  # a reading was right, the note got "not sure"
    (Miss(True, (False, True), "x"), SELECTION_OTHER),  # a reading was right, another one was answered
    (Miss(True, (False, False), "x"), RECOGNIZER),      # no reading was right
    (Miss(True, (), None), RECOGNIZER),                 # nothing heard
])
def test_a_spoken_questions_miss_is_the_recognizers_the_texts_or_the_choice_among_readings(miss, kind):
    assert whose(miss) == kind


def test_the_split_counts_each_kind_of_miss():
    assert format_split([RECOGNIZER, RECOGNIZER, SELECTION_OTHER]) == \
        f"{RECOGNIZER} 2, {UNDERSTANDING} 0, {SELECTION_UNSURE} 0, {SELECTION_OTHER} 1"


def test_kept_readings_keep_how_sure_whisper_was(tmp_path: Path):
    kept = tmp_path / "readings.json"
    kept.write_text(json.dumps({"v\tq": [2.5, ["My legs go hum."], [], -0.9], "v\told": [2.5, ["My legs go hum."], []]}))
    pipeline = VoicePipeline(Recognizer(lambda: None))  # type: ignore[arg-type, return-value]  (never decodes)
    assert Readings(kept).hear(pipeline, "v\tq", lambda: pytest.fail("no note"))[0].certainty == -0.9
    assert Readings(kept).hear(pipeline, "v\told", lambda: pytest.fail("no note"))[0].certainty == 0.0  # kept before: sure


def test_a_health_line_counts_only_as_the_detectors_own_line_or_its_hedged_form():
    answer = "Rest two minutes between sets."
    assert health_line(Reply(f"{DOCTOR_FIRST}\n\n{answer}", safety="doctor"))
    assert health_line(Reply(EMERGENCY, safety="emergency"))
    assert not health_line(Reply(f"⚕️ See a doctor.\n\n{answer}", safety="doctor"))  # a line of its own: not counted
    assert not health_line(Reply(f"{DOCTOR_FIRST}\n\n{answer}"))  # the text without the level
    hedged_reply = Reply(f"{UNSURE_HEARD.format('My legs go hum.')}{HEDGE}{DOCTOR_FIRST}\n\n{answer}", safety="doctor")
    assert health_line(hedged_reply) and hedged(hedged_reply) and not hedged(Reply(DOCTOR_FIRST, safety="doctor"))


def test_an_unsure_notes_heard_line_is_read_back_as_what_was_heard():
    item = {"q": "my legs go numb when I do them", "expect": "doctor"}
    reply = Reply(f"{UNSURE_HEARD.format('My legs go hum when I do them.')}{HEDGE}{DOCTOR_FIRST}", safety="doctor")
    result = judge(item, "en-us@165", _heard(reply), reply)
    assert result.right and result.hedged and result.heard == "My legs go hum when I do them." and result.errors == 1
