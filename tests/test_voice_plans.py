"""Plans said aloud: a voice note answering "When do you want to train?" is heard after the days' names and times
(the recognizer's context for that step), and of its readings the one that names most of a plan is planned."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from telegram import Update

from bot.adapters.telegram.app import build_application
from bot.core.messages import Inbound, InboundKind
from bot.features.planning.draft import load_draft
from bot.features.planning.heard import SCHEDULE_ASKED
from bot.features.voice.engine import speech_contexts, voice_inbound
from bot.settings import Settings
from tests.recording_request import unpaced
from tests.test_planning import button, in_berlin
from tests.voice_support import STYLES, FileServingRequest, human_speech, shared_pipeline, spoken, voice_dir, voice_update
from voice.audio import decode_audio
from voice.pipeline import VoicePipeline
from voice.recognizer import Recognizer
from voice.tokens import prompt_tokens
from voice.weights import load_int8_weights
from voice.whisper import DEFAULT, Hearing, Whisper

LOST_DAYS = "2st and 1st and 6th 30 in the evening."  # Whisper's likeliest reading of a schedule, without its context
KEPT_DAYS = "Tuesday and Thursday, six 30 in the evening."


@pytest.fixture
def when(say):
    """A green user in Berlin, goal strength, asked "When do you want to train?"."""
    say(button(in_berlin(say, "/plan")[-1], "Strength"), button=True)
    return say


def pending(coach, user: int = 7):
    """The days and time of the plan shown for saving."""
    plan = load_draft(coach.kit.dialogues.current(user)).pending
    return (sorted(plan.weekdays), f"{plan.local_time:%H:%M}") if plan else None


def test_the_bot_asks_the_recognizer_for_a_schedule_only_at_the_when_step(coach, say):
    assert coach.asked(7) == ""
    say(button(in_berlin(say, "/plan")[-1], "Strength"), button=True)
    assert coach.asked(7) == SCHEDULE_ASKED
    say("/cancel")
    assert coach.asked(7) == ""


def test_at_the_when_step_the_reading_that_names_the_days_and_time_is_planned(coach, when):
    reply = coach.handle(Inbound(7, InboundKind.VOICE, LOST_DAYS, alternatives=(KEPT_DAYS,)))[0]
    assert pending(coach) == ([1, 3], "18:30") and reply.text.startswith(f"🎙 I heard: “{KEPT_DAYS}”")


def test_at_the_when_step_the_likeliest_reading_is_planned_when_no_later_one_names_more(coach, when):
    coach.handle(Inbound(7, InboundKind.VOICE, "Tuesday and Thursday at 6:30pm.", alternatives=("Tuesday at 6:30pm.",)))
    assert pending(coach) == ([1, 3], "18:30")


def test_at_the_when_step_a_concern_in_any_reading_still_comes_first(coach, when):
    reply = coach.handle(Inbound(7, InboundKind.VOICE, KEPT_DAYS, alternatives=("Tuesday and Thursday, my back hurts",)))[0]
    assert reply.safety == "doctor"


class Prompted:
    """Stands in for CTranslate2's Whisper: keeps the prompt each generation started with."""

    def __init__(self) -> None:
        self.prompts: list[list[int]] = []

    def encode(self, features):
        return features

    def generate(self, features, prompts, **options):
        self.prompts += prompts
        count = options["num_hypotheses"]
        return [SimpleNamespace(no_speech_prob=0.0, sequences=[["ĠTuesday"]] * count, sequences_ids=[[1]] * count,
                                scores=[-0.2] * count)]


def test_a_note_answering_a_question_is_heard_after_the_words_of_its_context(tmp_path):
    model, weights = Prompted(), load_int8_weights(None, voice_dir())
    whisper = Whisper(weights, "Questions.", DEFAULT, model=lambda path: model, storage=lambda a: a,
                      contexts={"days": "When? Monday, Tuesday."})
    clip = decode_audio(human_speech("austen-0870")[0])
    for context in ("days", "", "nothing of ours"):
        model.prompts.clear()
        whisper.listen(clip, context=context)
        said = "Questions. When? Monday, Tuesday." if context == "days" else "Questions."
        assert model.prompts and all(prompt == prompt_tokens(weights, said)[0] for prompt in model.prompts)


def test_the_schedule_context_names_the_days_and_a_time_after_the_bots_question():
    context = speech_contexts()[SCHEDULE_ASKED]
    assert context.startswith("When do you want to train? Monday, Tuesday,") and "6:30 in the evening" in context


def test_a_spoken_schedule_at_the_when_step_plans_its_days_and_time(coach, when):
    voice = shared_pipeline()
    note = spoken(voice, "Tuesday and Thursday at six thirty in the evening", STYLES[0])
    coach.handle(voice_inbound(7, voice.transcribe(note, coach.asked(7))))
    assert pending(coach) == ([1, 3], "18:30")  # heard as "2st and 1st and 6th 30 in the evening" without the context


class Answering:
    """Stands in for Whisper: keeps the context each note was heard in; its likeliest reading lost the days."""

    def __init__(self) -> None:
        self.contexts: list[str] = []

    def listen(self, clip, context=""):
        self.contexts.append(context)
        return Hearing([LOST_DAYS, KEPT_DAYS], [])


async def test_over_telegram_a_spoken_schedule_is_heard_as_the_answer_and_planned(coach, when):
    voice, heard = shared_pipeline(), Answering()
    request = FileServingRequest()
    pipeline = VoicePipeline(Recognizer(lambda: heard), lambda: voice.speaker)
    app = build_application(Settings(token="123:ABC"), coach, request=request, voice=pipeline, budget=unpaced())
    note = spoken(voice, "Tuesday and Thursday at six thirty in the evening")
    request.files["f1"] = note
    async with app:
        await app.start()
        await app.process_update(Update.de_json(voice_update(1, "f1", len(note), 3), app.bot))
        [sent] = await request.wait_for("sendMessage")
        await app.stop()
    assert heard.contexts == [SCHEDULE_ASKED] and "every Tue, Thu at 18:30" in sent["text"]
