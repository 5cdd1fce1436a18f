"""What a typed reply to one safety-check question carries, for the check's rules: the screening
talk reader's label (yes / no / unsure / back / cancel), the question topics it names, whether it
only acknowledges, an age it states, and a yes or no said first. Besides: everyday phrases that
answer ("not that i know of", "sometimes when i run"), questions about the check itself ("whats the
point of this"), and whether a reply with "stop" or "cancel" in it is a plain way out or more.

The words are data a curator edits (data/screening.yaml); the examples the reader learns from are
in data/intents.yaml (`screening`). The check itself (bot/features/screening) decides what is
recorded.

The reader's words are split by what they tell: screening_topics (which question's topic is named, and how),
screening_answers (the yes, no or not sure given in words), screening_questions (a question rather than an answer),
screening_moves (pauses, ways out and going back); screening_sections reads each section of the data file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.screening_answers import AGES
from knowledge.screening_denials import Denials
from knowledge.screening_moves import MoveWords
from knowledge.screening_patterns import matches, reply_pattern, word_pattern
from knowledge.screening_questions import QuestionWords
from knowledge.screening_sections import (
    are_words,
    read_after_pause,
    read_answers,
    read_asking,
    read_emoji,
    read_exits,
    read_others,
    read_past,
    read_pattern,
    read_per_question,
    read_phrases_at,
    read_quoting,
    read_whole,
    read_word_set,
)
from knowledge.training import DATA_DIR, TrainingDataError, read_yaml

SCREENING_WORDS = DATA_DIR / "screening.yaml"


@dataclass(frozen=True)
class TypedReply:
    """How a typed reply reads at one question (see the module's docstring)."""

    label: str | None = None  # "yes" | "no" | "unsure" | "back" | "cancel" | None
    lead: str | None = None  # the answer its first word gives alone ("yes, for my blood pressure")
    this_topic: bool = False  # it names this question's topic
    other_topic: str | None = None  # the question whose topic it names instead of this one's
    acknowledgement: bool = False  # "ok", "cool": no answer
    by_age: str | None = None  # "yes" | "no": a stated age at a question about age (this one, or other_topic)
    question: bool = False  # worded as a question
    contrast_topic: bool = False  # what follows its last "but" names this question's topic, undenied and unasked


@dataclass(frozen=True)
class ScreeningWords(QuestionWords, MoveWords):
    """The words of data/screening.yaml: each question's topic words and the words of answering, asking and moving
    through the check (see the modules it is made of)."""

    def held_off(self, words: list[str]) -> list[str] | None:
        """The words a reply says before holding off, when it ends on a word of changing or pausing with nothing after
        it but politeness ("ok wait", "sure... hold on", "yes actually wait": ok, sure, yes actually); else None."""
        text = " ".join(words)
        held = [m for pattern in (self.changes, self.pausing) if pattern for m in matches(pattern, text)]
        last = max(held, key=lambda m: m.end(), default=None)
        if last is None or not set(text[last.end():].split()) <= self.polite:
            return None
        before = text[:last.start()].split()
        return before or None


def load_screening_words(path: Path | None = None) -> ScreeningWords:
    """Read data/screening.yaml (or `path`); TrainingDataError names the problem."""
    path = path or SCREENING_WORDS
    data = read_yaml(path)
    topics, acknowledgements, ages, age_words, about = _required(data, path)
    return ScreeningWords(
        topics={str(q): word_pattern(words) for q, words in topics.items()},
        acknowledgements=frozenset(str(w) for w in acknowledgements), ages={str(q): a for q, a in ages.items()},
        leading=read_answers(data.get("leading"), path), age_words=frozenset(map(str, age_words)),
        phrases=read_answers(data["phrases"], path, "phrases") if "phrases" in data else {},
        negations=read_word_set(data, "negations", path), about_check=word_pattern(about) if about else None,
        exits=read_exits(data, path), question_openers=read_word_set(data, "question_openers", path),
        contrasts=read_word_set(data, "contrasts", path), going_back=read_word_set(data, "going_back", path),
        correcting=read_word_set(data, "correcting", path), doubts=read_pattern(data, "doubts"),
        all_clear=read_word_set(data, "all_clear", path), others=read_others(data, path),
        body_back=read_word_set(data, "body_back", path), asking=read_asking(data, path), past=read_past(data, path),
        phrases_at=read_phrases_at(data, path), tails=read_answers(data["tails"], path, "tails") if "tails" in data else {},
        quoting=read_quoting(data, path), denials=Denials(read_word_set(data.get("denials") or {}, "felt", path)),
        partial=read_word_set(data, "partial", path), topics_at=read_per_question(data, "topics_at", path),
        changes=read_pattern(data, "changes"), pausing=read_pattern(data, "pausing"),
        returning=read_pattern(data, "returning"), back_troubles=read_word_set(data, "back_troubles", path),
        asking_back=read_pattern(data, "asking_back"), leaving=read_pattern(data, "leaving"),
        quitting=read_pattern(data, "quitting"),
        resuming=reply_pattern(data["resuming"]) if are_words(data.get("resuming")) else None,
        restarting=reply_pattern(data["restarting"]) if are_words(data.get("restarting")) else None,
        emoji=read_emoji(data, path), whole=read_whole(data, path), polite=read_word_set(data, "polite", path),
        about_check_talk=read_word_set(data, "about_check_talk", path), answered_as=read_pattern(data, "answered_as"),
        answered_as_last=read_pattern(data, "answered_as_last"), resuming_after_pause=read_after_pause(data),
        putting_off=read_pattern(data, "putting_off"), erasing=read_pattern(data, "erasing"),
        retaking=read_pattern(data, "retaking"), denying=read_word_set(data, "denying", path),
        telling=read_word_set(data, "telling", path))


def _required(data: Any, path: Path) -> tuple[dict[Any, Any], list[Any], dict[Any, Any], list[Any], list[Any] | None]:
    """The sections every screening file checks first: topics, acknowledgements, ages, age_words and about_check."""
    if not isinstance(data, dict):
        raise TrainingDataError(f"{path.name}: expected topics, acknowledgements and ages")
    topics = data.get("topics")
    if not isinstance(topics, dict) or not all(are_words(v) for v in topics.values()):
        raise TrainingDataError(f"{path.name}: 'topics' must give a list of words for each question id")
    acknowledgements = data.get("acknowledgements")
    if not are_words(acknowledgements):
        raise TrainingDataError(f"{path.name}: 'acknowledgements' must be a list of words")
    ages = data.get("ages") or {}
    if not isinstance(ages, dict) or not all(isinstance(v, int) and v in AGES for v in ages.values()):
        raise TrainingDataError(f"{path.name}: 'ages' must give an age from 1 to 120 for each question id")
    age_words = data.get("age_words") or []
    if not isinstance(age_words, list):
        raise TrainingDataError(f"{path.name}: 'age_words' must be a list of words")
    about = data.get("about_check")
    if about is not None and not are_words(about):
        raise TrainingDataError(f"{path.name}: 'about_check' must be a list of phrases")
    return topics, acknowledgements, ages, age_words, about
