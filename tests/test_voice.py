"""Voice notes without Telegram: audio, text to speech, the weights, the recognizer, the core."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from bot.adapters.terminal import voice_cli
from bot.adapters.terminal.chat import SPOKEN_NOTE, run_chat
from bot.cli import main
from bot.core.messages import Inbound, InboundKind
from bot.features.qa import texts
from bot.features.qa.answerer import DID_YOU_MEAN, HEARD_MARGIN
from bot.features.voice.engine import read_audio_file, voice_inbound
from bot.features.voice.notes import DIDNT_CATCH, TOO_LONG, UNREADABLE
from knowledge.fusion import LONG_MESSAGE_RELIEF
from tests.voice_support import STYLES, human_speech, shared_pipeline, spoken, voice_dir
from voice import whisper as whisper_module
from voice.audio import MAX_BYTES, MAX_SECONDS, AudioError, Clip, TooLong, decode_audio, encode_voice_note, encode_wav
from voice.features import FILTERS, log_mel
from voice.pipeline import VoicePipeline
from voice.recognizer import Transcript
from voice.speech import format_spoken
from voice.weights import load_int8_weights
from voice.whisper import DEFAULT, MAX_WINDOW, Decoding, Hearing, Whisper, window_seconds, without_repeats
from voice.words import sentence_words, words_apart


@pytest.fixture(scope="module")
def model_dir() -> Path:
    """The run's voice folder (the int8 weights are built there once)."""
    return voice_dir()


@pytest.fixture(scope="module")
def voice():
    """The real voice pipeline, shared by every voice test."""
    return shared_pipeline()


def test_a_voice_note_round_trips_as_telegram_ogg_opus(voice):
    clip = voice.speaker.synthesize("how high should my legs go")
    data = encode_voice_note(clip)
    assert data[:4] == b"OggS" and b"OpusHead" in data[:100]
    decoded = decode_audio(data)
    assert decoded.rate == 16_000 and abs(decoded.seconds - clip.seconds) < 0.1
    assert np.sqrt(np.mean(decoded.samples ** 2)) > 0.01


def test_espeak_starts_at_the_first_reply_read_aloud_not_with_the_pipeline(voice):
    started = []

    def speaker():
        started.append(1)
        return voice.speaker

    pipeline = VoicePipeline(voice.recognizer, speaker)
    assert started == []
    first, second = pipeline.speak("Three sets of ten."), pipeline.speak("Rest a minute.")
    assert started == [1] and first.seconds > 0.5 and second.seconds > 0.5


@pytest.mark.parametrize("style", STYLES)
def test_text_to_speech_speaks_in_several_voices_and_speeds(voice, style):
    clip = voice.speaker.synthesize("what muscles do reverse hypers work", style)
    assert 1.0 < clip.seconds < 4.0 and np.abs(clip.samples).max() > 0.1
    slower = voice.speaker.synthesize("what muscles do reverse hypers work", replace(style, speed=110))
    assert slower.seconds > clip.seconds


def test_reply_text_is_read_without_emoji_and_with_ranges_said():
    spoken_text = format_spoken("Strength: 3–4 sets of 8–10 💪\n📖 Source: Reverse Hypers — Strength")
    assert spoken_text.startswith("Strength: 3 to 4 sets of 8 to 10") and "💪" not in spoken_text


@pytest.mark.parametrize(("question", "style", "entries"), [
    ("how high should my legs go", STYLES[0], {"leg-height"}),
    ("how long should I rest between sets", STYLES[1], {"rest-periods"}),
    ("what can I do without a machine", STYLES[2], {"no-machine"}),
    ("who invented the reverse hyper", STYLES[1], {"history"}),
    ("how many reps should I do for endurance", STYLES[2], {"program-endurance", "reps-general"}),
])
def test_a_spoken_question_gets_the_typed_answer_with_what_was_heard(voice, coach, question, style, entries):
    transcript = voice.transcribe(spoken(voice, question, style))
    assert transcript.confident
    replies = coach.handle(voice_inbound(7, transcript))
    assert replies[0].entry in entries
    readings = (transcript.text, *transcript.alternatives)
    # the heard line opens the reply, hedged or not: a note Whisper is barely sure of (its score at the hedge's
    # bar, -0.6, where a run's last digits decide) may say "I may have misheard you" first
    first_line = replies[0].text.split("\n\n", 1)[0]
    assert first_line.startswith("🎙 ") and any(first_line.endswith(f"I heard: “{heard}”") for heard in readings)


def test_a_barely_matching_transcript_gets_suggestions_where_typed_text_gets_the_answer(coach, say):
    misheard = ("My new coach put tempo hypers in my plan for the coming week and honestly I have no clue what that "
                "means, so what are they and why would anyone bother doing them at all?")
    score = coach.answers.understanding.match(misheard).score
    bar = coach.answers.understanding.threshold - LONG_MESSAGE_RELIEF  # a long message needs less
    assert bar <= score < bar + HEARD_MARGIN
    assert say(misheard)[0].entry == "tempo-hypers"
    reply = coach.handle(Inbound(8, InboundKind.VOICE, misheard))[0]  # another user: no conversation to follow
    assert reply.entry is None and reply.text.startswith(f"🎙 I heard: “{misheard}”\n\nI'm not sure I caught")
    assert "kb:tempo-hypers" in [b.data for b in reply.button_list()]


def test_a_heard_answer_offers_a_close_second_one_tap_away_where_typed_text_gets_related_topics(coach, say):
    heard = "does this take pressure off the spine"  # no load on the spine and decompression score alike
    reply = coach.handle(Inbound(7, InboundKind.VOICE, heard))[0]
    pair = {"no-spinal-load", "decompression"}
    assert reply.entry in pair
    (other,) = pair - {reply.entry}
    offered = [(b.label, b.data) for b in reply.button_list() if b.label.startswith(DID_YOU_MEAN)]
    assert offered == [(f"{DID_YOU_MEAN}{coach.answers.kb.entries[other].title}?", f"kb:{other}")]
    typed = say(heard, user=9)[0]  # a fresh user: no conversation to follow
    assert typed.entry == reply.entry
    assert [b.label for b in typed.button_list() if b.label.startswith(DID_YOU_MEAN)] == []
    assert any(b.label.startswith("➡️") for b in typed.button_list())


def heard_twice(user: int, first: str, second: str) -> Inbound:
    """A voice note the recognizer heard as `first`, or else as `second`."""
    return Inbound(user, InboundKind.VOICE, first, alternatives=(second,))


@pytest.mark.parametrize(("first", "second"), [
    ("how many reps for my legs", "my legs go numb and tingly"),
    ("my legs go numb and tingly", "how many reps should my legs do"),
    ("a call you sis is this okay", "I have scoliosis is this okay"),
])
def test_a_health_concern_heard_in_any_reading_gets_the_doctor_first_line(coach, first, second):
    concern = second if "numb" in second or "scoliosis" in second else first
    reply = coach.handle(heard_twice(7, first, second))[0]
    assert texts.DOCTOR_FIRST in reply.text and reply.text.startswith(f"🎙 I heard: “{concern}”")


def test_an_emergency_heard_in_any_reading_outranks_a_doctor_first_concern(coach):
    reply = coach.handle(heard_twice(7, "my back is sore is that okay", "my chest feels tight and i can't breathe"))[0]
    assert reply.safety == "emergency" and reply.text.startswith("🎙 I heard: “my chest feels tight")


def test_of_the_readings_a_concern_is_heard_in_the_one_that_fits_a_question_best_is_answered(coach):
    reply = coach.handle(heard_twice(7, "Can I get injured doing ease?", "Can I get injured doing these?"))[0]
    assert reply.safety == "doctor" and reply.entry == "injury-risk"  # the first reading got medical care
    assert reply.text.startswith("🎙 I heard: “Can I get injured doing these?”")

def test_a_spoken_health_concern_gets_the_doctor_first_line(voice, coach):
    transcript = voice.transcribe(spoken(voice, "my legs go numb and tingly when I do these", STYLES[1]))
    reply = coach.handle(voice_inbound(7, transcript))[0]
    assert texts.DOCTOR_FIRST in reply.text


def test_a_health_concern_wins_even_while_the_safety_check_waits_for_an_answer(coach, say):
    say("/screen")
    say("ok")
    reply = coach.handle(heard_twice(7, "no", "no my back hurts"))[0]
    assert reply.text.startswith("🎙 I heard: “no my back hurts”")


def test_the_next_reading_is_answered_when_it_fits_a_question_better(coach):
    misheard = "how do my sets my do up on the machine"
    reply = coach.handle(heard_twice(7, misheard, "How do I set myself up on the machine?"))[0]
    assert reply.entry == "setup" and reply.text.startswith("🎙 I heard: “How do I set myself up on the machine?”")


def test_the_best_reading_is_answered_when_the_next_fits_no_question_or_a_worse_one(coach):
    for whisper_heard in ("Thank you for watching.", "", "muscles"):
        reply = coach.handle(heard_twice(7, "what muscles does this exercise work", whisper_heard))[0]
        assert reply.entry == "muscles-worked" and "“what muscles does this exercise work”" in reply.text
    assert coach.handle(heard_twice(7, "", "Thank you for watching.")) == [DIDNT_CATCH]


def test_during_the_safety_check_a_spoken_answer_is_never_swapped_for_a_question(coach, say):
    say("/screen")
    say("ok")
    reply = coach.handle(heard_twice(7, "no", "What muscles does this exercise work?"))[0]
    assert reply.text.startswith("🎙 I heard: “no”") and "Question 2 of 15" in reply.text


def sampled(user: int, heard: str, *samples: str) -> Inbound:
    """A voice note Whisper's beam heard as `heard` and its second hearing sampled as `samples`."""
    return Inbound(user, InboundKind.VOICE, heard, samples=samples)


REST = "How long should I rest between sets?"
SAMPLED = Decoding(samples=2)  # the second hearing on (off by default)


def test_a_concern_only_a_sample_holds_puts_the_doctor_first_line_in_front_of_the_beams_answer(coach, say):
    typed = say(REST, user=8)[0]
    reply = coach.handle(sampled(7, REST, "I have epilepsy, how long should I rest between sets?"))[0]
    assert reply.safety == "doctor" and reply.entry == typed.entry is not None  # the beam's reading is answered
    assert reply.text.startswith(f"🎙 I heard: “{REST}”\n\n🎙 It may also have been: “I have epilepsy, how long")
    assert reply.text.index(texts.DOCTOR_FIRST) < reply.text.index(typed.title) < reply.text.index(typed.text)


def test_an_emergency_only_a_sample_holds_puts_the_emergency_advice_in_front_and_stores_no_alarm(coach, say):
    reply = coach.handle(sampled(7, REST, "my chest feels tight and i can't breathe"))[0]
    assert reply.safety == "emergency" and reply.entry is not None and reply.text.index(texts.EMERGENCY) > 0
    assert texts.AFTER_EMERGENCY not in say(REST)[0].text  # the words may never have been said: nothing kept


def test_a_second_hearing_is_looked_at_for_concerns_only_and_only_when_more_urgent_than_the_beams(coach):
    misheard = "how do my sets my do up on the machine"
    reply = coach.handle(sampled(7, misheard, "How do I set myself up on the machine?"))[0]
    assert reply.text.startswith(f"🎙 I heard: “{misheard}”") and reply.safety is None  # no better fit taken
    reply = coach.handle(sampled(7, "my back is sore is that okay", "my back is sore and my knee hurts too"))[0]
    assert reply.safety == "doctor" and "It may also have been" not in reply.text  # as urgent: the beam's concern stands


def test_an_emergency_a_sample_holds_comes_first_even_after_the_beams_doctor_first_line(coach):
    replies = coach.handle(sampled(7, "my back is sore is that okay", "my chest feels tight and i can't breathe"))
    text = "\n".join(r.text for r in replies)
    assert "It may also have been: “my chest feels tight" in text and texts.EMERGENCY in text
    assert text.index(texts.EMERGENCY) < text.index(texts.DOCTOR_FIRST)  # the most urgent advice first


class CountingModel:
    """Stands in for CTranslate2's Whisper: counts the encoder's runs and what each generation got."""

    def __init__(self) -> None:
        self.encoded: list[object] = []
        self.generated: list[tuple[object, dict]] = []

    def encode(self, features):
        self.encoded.append(output := SimpleNamespace(features=features))
        return output

    def generate(self, features, prompts, **options):
        self.generated.append((features, options))
        words = ["ĠI", "Ġhave", "Ġepilepsy"] if "sampling_topk" in options else ["ĠI", "Ġam", "Ġempty"]
        count = options["num_hypotheses"]
        return [SimpleNamespace(no_speech_prob=0.0, sequences=[words] * count, sequences_ids=[[1, 2, 3]] * count,
                                scores=[-0.2] * count)]


def counted_whisper(model_dir: Path, model: CountingModel, decoding: Decoding = SAMPLED) -> Whisper:
    """Whisper on the real tokenizer and a counting stand-in for its model."""
    return Whisper(load_int8_weights(None, model_dir), "Questions.", decoding, model=lambda path: model, storage=lambda a: a)


def test_the_encoder_runs_once_a_note_for_the_beam_and_the_second_hearing(model_dir):
    model = CountingModel()
    whisper = counted_whisper(model_dir, model)
    model.encoded.clear()
    model.generated.clear()  # the warm-up's
    hearing = whisper.listen(decode_audio(human_speech("austen-0870")[0]))
    assert hearing == Hearing(["I am empty"], ["I have epilepsy"], -0.2)
    assert len(model.encoded) == 1 and [features for features, _ in model.generated] == model.encoded * 2
    assert "sampling_topk" not in model.generated[0][1] and model.generated[1][1]["beam_size"] == 1


def test_the_encoders_code_is_given_back_before_the_beam_search_peaks(model_dir, monkeypatch):
    model, events = CountingModel(), []
    whisper = counted_whisper(model_dir, model)
    monkeypatch.setattr(whisper_module, "release_file_pages", lambda: events.append(len(model.encoded + model.generated)))
    model.encoded.clear()
    model.generated.clear()
    whisper.listen(decode_audio(human_speech("austen-0870")[0]))
    assert events == [0, 1]  # before the note, and after its encoding (one call so far), before the beam's


def test_by_default_a_note_is_heard_once_by_the_beam_alone(model_dir):
    model = CountingModel()
    hearing = counted_whisper(model_dir, model, DEFAULT).listen(decode_audio(human_speech("austen-0870")[0]))
    assert hearing == Hearing(["I am empty"], [], -0.2) and len(model.encoded) == 2 and len(model.generated) == 2  # + warm-up


def test_a_note_is_heard_a_second_time_by_sampling(voice, model_dir):
    whisper = Whisper(load_int8_weights(None, model_dir), "Questions about the reverse hyperextension.", SAMPLED)
    clip = decode_audio(spoken(voice, "I have epilepsy, is it safe to do hypers?"))
    hearing = whisper.listen(clip)  # random: the beam's readings, or others
    assert hearing.beam and 1 <= len(hearing.samples) <= 2 and all(hearing.samples)
    assert whisper.transcribe(clip) == hearing.beam  # the same beam, without the samples


def test_the_pipeline_gives_a_next_reading_of_speech_and_nothing_for_silence(voice):
    assert voice.transcribe(spoken(voice, "how long should I rest between sets")).alternatives
    silence = voice.transcribe(encode_voice_note(Clip(np.zeros(48_000, dtype=np.float32), 16_000)))
    assert silence == Transcript("", False, silence.seconds)


def test_whisper_features_put_a_tone_in_the_mel_band_around_its_pitch():
    tone = (0.5 * np.sin(2 * np.pi * 1000 * np.arange(16_000) / 16_000)).astype(np.float32)
    features = log_mel(tone, 10)
    assert features.shape == (80, 1000)
    assert np.argmax(features[:, 50]) == 26  # the band centred nearest 1 kHz on the Slaney mel scale
    assert features.max() - features.min() == pytest.approx(2.0)  # 8 decades below the peak, over 4
    assert np.allclose(FILTERS[30:].sum(axis=1) * 40, 1.0, atol=0.1)  # unit area (40 Hz per FFT bin)


def test_whisper_hears_a_spoken_question(voice):
    clip = decode_audio(spoken(voice, "how long should I rest between sets", STYLES[1]))
    assert words_apart(voice.recognizer.wait().transcribe(clip)[0], "how long should I rest between sets") <= 1


@pytest.mark.parametrize("name", ["austen-0880", "goforward", "cards-004"])
def test_whisper_hears_recorded_people_without_repeating_itself(voice, name):
    data, said = human_speech(name)  # in a window fitted to the note, each of these came out looped
    heard = voice.transcribe(data)  # a word at most flipped by another CPU's beam; a loop adds many
    assert words_apart(heard.text, said) <= 1


def test_whisper_decodes_in_at_least_a_15_second_window_and_skips_notes_longer_than_a_note_may_be(voice):
    assert [window_seconds(Clip(np.zeros(int(s * 16_000), np.float32), 16_000)) for s in (0.5, 5, 16, 30)] == \
        [15, 15, 20, 30]
    assert window_seconds(Clip(np.zeros((MAX_WINDOW + 1) * 16_000, np.float32), 16_000)) is None
    too_long = Clip(np.full((MAX_SECONDS + 1) * 16_000, 0.1, np.float32), 16_000)
    assert voice.recognizer.wait().transcribe(too_long) == []


def test_a_note_longer_than_whispers_window_is_heard_a_piece_at_a_time(voice):
    def said(text: str) -> np.ndarray:
        return decode_audio(spoken(voice, text)).samples
    samples = np.concatenate([said("how high should my legs go"), np.zeros(40 * 16_000, np.float32),
                              said("how long should I rest between sets")])
    heard = voice.transcribe(encode_wav(Clip(samples, 16_000)))
    assert 40 < heard.seconds <= MAX_SECONDS  # over Whisper's 30 s: it was "I didn't catch that"
    words = sentence_words(heard.text)  # each piece heard, in order (a word of either may flip between machines:
    assert "legs" in words and "rest" in words and words.index("legs") < words.index("rest")  # "stairs", "this")


def silent_file(folder: Path, seconds: float) -> Path:
    """A voice note of silence, as a file."""
    path = folder / f"silence-{seconds}.ogg"
    path.write_bytes(encode_voice_note(Clip(np.zeros(int(seconds * 16_000), np.float32), 16_000)))
    return path


def test_a_file_over_a_minute_gets_the_over_a_minute_reply_not_unplayable(voice, tmp_path):
    assert read_audio_file(voice, 7, silent_file(tmp_path, 70)) == TOO_LONG  # a tester's 70 s silent note


def test_a_silent_minute_a_tap_and_a_corrupt_file_each_get_a_friendly_reply(voice, coach, tmp_path):
    corrupt = tmp_path / "corrupt.ogg"
    corrupt.write_bytes(silent_file(tmp_path, 3).read_bytes()[:200])  # an OGG/Opus cut short in its header
    for path in (silent_file(tmp_path, 60), silent_file(tmp_path, 0.2)):
        heard = read_audio_file(voice, 7, path)
        assert isinstance(heard, Inbound) and coach.handle(heard) == [DIDNT_CATCH]
    assert read_audio_file(voice, 7, corrupt) == UNREADABLE


def test_a_phrase_whisper_repeats_is_kept_once_and_single_words_are_left_alone():
    assert without_repeats("What is the hyper? What is the hyper? What is the hyper?") == "What is the hyper?"
    assert without_repeats("how many reps how many reps") == "how many reps"
    assert without_repeats("five five") == "five five"
    assert without_repeats("I can't, I can't, I can't, I can't, I") == "I can't, I"  # the shortest phrase that repeats


def test_decoding_is_capped_at_a_few_tokens_per_second_of_audio(voice):
    whisper = voice.recognizer.wait()
    prefix = len(whisper._prefix)
    short, long = (whisper._options(Clip(np.zeros(s * 16_000, np.float32), 16_000), prefix)["max_length"] for s in (2, 20))
    assert short - len(whisper._prefix) < 30 and long - short == 18 * whisper.decoding.tokens_per_second


def test_off_topic_speech_is_heard_as_itself_and_declined(voice, coach):
    transcript = voice.transcribe(spoken(voice, "what's the weather like tomorrow", STYLES[1]))
    assert "weather" in transcript.text
    reply = coach.handle(voice_inbound(7, transcript))[0]
    assert reply.entry is None and "outside what I know" in reply.text


def test_safety_check_answers_can_be_spoken(voice, coach, say):
    say("/screen")
    say("ok")
    reply = coach.handle(voice_inbound(7, voice.transcribe(spoken(voice, "no"))))[0]
    assert reply.text.lower().startswith("🎙 i heard: “no") and "Question 2 of 15" in reply.text
    reply = coach.handle(voice_inbound(7, voice.transcribe(spoken(voice, "yes"))))[0]
    assert "Question 3 of 15" in reply.text


def test_silence_and_noise_are_not_caught_and_not_answered(voice, coach):
    rng = np.random.default_rng(5)
    for clip in (np.zeros(48_000), rng.standard_normal(48_000) * 0.2, rng.standard_normal(48_000) * 0.0005):
        transcript = voice.transcribe(encode_voice_note(Clip(clip.astype(np.float32), 16_000)))
        assert not transcript.confident and transcript.text == ""
        assert coach.handle(voice_inbound(7, transcript)) == [DIDNT_CATCH]


def test_corrupt_huge_and_long_audio_are_refused(voice):
    with pytest.raises(AudioError):
        voice.transcribe(b"OggS" + bytes(5000))
    with pytest.raises(TooLong):
        voice.transcribe(bytes(MAX_BYTES + 1))
    with pytest.raises(TooLong):
        voice.transcribe(encode_wav(Clip(np.zeros(61 * 16_000, dtype=np.float32), 16_000)))


def test_voice_replies_setting_is_stored_shown_and_forgotten(coach, say):
    assert not coach.store.load_voice_replies(7)
    assert "Voice replies are off" in say("/voice")[0].text
    assert "on" in say("/voice on")[0].text and coach.store.load_voice_replies(7)
    assert "voice replies: on" in say("/mydata")[0].text
    say("/voice off")
    assert not coach.store.load_voice_replies(7)
    say("/voice on")
    say("/forget"), say("yes")
    assert not coach.store.load_voice_replies(7)


def test_with_voice_on_typed_answers_are_marked_to_be_read_aloud_and_chat_is_not(coach, say):
    assert not any(r.speak for r in say("how many reps for endurance"))
    say("/voice on")
    answer = say("how many reps for endurance")[0]
    assert answer.entry and answer.speak
    assert not say("/help")[0].speak


def test_with_voice_on_the_first_reply_to_a_voice_note_is_read_aloud(coach, say):
    say("/voice on")
    question = coach.handle(Inbound(7, InboundKind.VOICE, "yes"))
    assert question[0].speak  # whatever it is: here the reply to an unprompted "yes"
    assert coach.handle(Inbound(7, InboundKind.VOICE, ""))[0].speak  # "I didn't catch that" too


def test_terminal_chat_says_when_an_answer_would_be_read_aloud(coach):
    out = io.StringIO()
    run_chat(coach, ["how many reps for endurance", "/voice on", "how many reps for endurance"], out, user_id=7)
    assert out.getvalue().count(SPOKEN_NOTE) == 1


def test_terminal_chat_sends_an_audio_file_as_a_voice_note(voice, coach, tmp_path):
    path = tmp_path / "question.ogg"
    path.write_bytes(spoken(voice, "can I bend my knees"))
    out = io.StringIO()
    run_chat(coach, [f"{path}\n", "hello\n"], out, 7, lambda user, p: voice_inbound(user, voice.transcribe_file(p)))
    heard = out.getvalue().partition("🎙 I heard: “")[2].partition("”")[0]
    assert words_apart(heard, "can I bend my knees") <= 1 and "Hi!" in out.getvalue()


def test_transcribe_command_prints_the_transcript_the_bot_would_answer(voice, model_dir, tmp_path, monkeypatch,
                                                                       capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COACHBOT_VOICE_DIR", str(model_dir))
    (tmp_path / "q.ogg").write_bytes(spoken(voice, "how long should I rest between sets"))
    (tmp_path / "q.wav").write_bytes(encode_wav(voice.speaker.synthesize("who invented the reverse hyper")))
    (tmp_path / "bad.wav").write_bytes(b"RIFF nonsense")
    assert main(["transcribe", "q.ogg", "q.wav", "bad.wav", "missing.ogg"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].lower().startswith("q.ogg: how long should i rest between sets")
    assert lines[1].lower().startswith("q.wav: who invented the reverse hyper")
    assert lines[2].startswith("bad.wav: 🎙 I couldn't play that audio") and lines[3] == "missing.ogg: error: no such file"


def test_transcribe_command_prints_the_reading_a_health_concern_was_heard_in(tmp_path, monkeypatch, capsys):
    heard = {"plain.ogg": Transcript("What are banded hypers?", True, 1.0, ("What are banded hippos?",)),
             "health.ogg": Transcript("How many reps for my legs?", True, 1.0, ("My legs go numb.",))}
    monkeypatch.chdir(tmp_path)
    for name in heard:
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(voice_cli, "build_voice", lambda *_: SimpleNamespace(transcribe_file=lambda p, _asked="": heard[p.name]))
    assert main(["transcribe", "plain.ogg", "health.ogg"]) == 0
    assert capsys.readouterr().out.splitlines() == ["plain.ogg: What are banded hypers?", "health.ogg: My legs go numb."]


def test_ask_sends_an_audio_path_as_a_voice_note_with_what_was_heard_in_the_json(voice, model_dir, tmp_path,
                                                                                monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COACHBOT_VOICE_DIR", str(model_dir))
    monkeypatch.setenv("COACHBOT_DB", str(tmp_path / "ask.db"))
    (tmp_path / "q.ogg").write_bytes(spoken(voice, "how long should I rest between sets"))
    monkeypatch.setattr("sys.stdin", io.StringIO("q.ogg\nhow long should I rest between sets\n"))
    assert main(["ask", "-", "--json"]) == 0
    spoken_answer, typed = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert words_apart(spoken_answer["heard"].lower().rstrip("?."), "how long should i rest between sets") <= 1
    assert spoken_answer["entry"] == typed["entry"] == "rest-periods" and "heard" not in typed
    assert spoken_answer["text"].startswith(f"🎙 I heard: “{spoken_answer['heard']}”")


def test_voice_build_command_builds_and_checks_the_int8_weights(voice, model_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COACHBOT_VOICE_DIR", str(model_dir))
    assert main(["voice", "build"]) == 0
    assert "int8 weights" in capsys.readouterr().out
    monkeypatch.setenv("COACHBOT_VOICE_DIR", str(tmp_path / "new"))
    monkeypatch.setenv("COACHBOT_WHISPER_DIR", str(tmp_path / "nowhere"))
    assert main(["voice", "build"]) == 1
    assert "voice is off:" in capsys.readouterr().out
