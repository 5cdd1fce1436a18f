"""The sections of data/screening.yaml, each read and checked: TrainingDataError names the problem."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeGuard

from knowledge.screening_denials import Others
from knowledge.screening_moves import ExitWords
from knowledge.screening_past import Past
from knowledge.screening_patterns import reply_pattern, word_pattern
from knowledge.screening_questions import Asking, Quoting
from knowledge.training import TrainingDataError


def read_after_pause(data: dict[str, Any]) -> re.Pattern[str] | None:
    """The `resuming_after_pause` replies, with the everyday words `resuming` allows around them (optional)."""
    resuming, after = data.get("resuming"), data.get("resuming_after_pause")
    return reply_pattern([resuming[0], *after]) if are_words(resuming) and are_words(after) else None


def read_whole(data: dict[str, Any], path: Path) -> dict[str, dict[str, str]]:
    """The `whole` section (optional): for "any" question and for those about "now", replies for yes, no and not sure (a
    question skipped)."""
    section = data.get("whole") or {}
    if not isinstance(section, dict) or set(map(str, section)) - {"any", "now"}:
        raise TrainingDataError(f"{path.name}: 'whole' must give replies for yes and no under any and now")
    return {str(key): read_answers(replies, path, "whole", ("yes", "no", "unsure")) for key, replies in section.items()}


def read_emoji(data: dict[str, Any], path: Path) -> dict[str, str]:
    """The `emoji` section (optional): one emoji (a variation selector dropped) and the word it answers with."""
    section = data.get("emoji") or {}
    emoji = {str(k).replace("\ufe0f", ""): str(v) for k, v in section.items()} if isinstance(section, dict) else {}
    if not isinstance(section, dict) or any(len(k) != 1 or not v.strip() for k, v in emoji.items()):
        raise TrainingDataError(f"{path.name}: 'emoji' must give one emoji and a word for each")
    return emoji


def read_quoting(data: dict[str, Any], path: Path) -> Quoting:
    """The `quoting` section (optional): its four lists."""
    quoting = data.get("quoting") or {}
    if not isinstance(quoting, dict):
        raise TrainingDataError(f"{path.name}: 'quoting' must give talk, meaning, asking and own")
    return Quoting(*(read_word_set(quoting, key, path) for key in ("talk", "meaning", "asking", "own")))


def read_phrases_at(data: dict[str, Any], path: Path) -> dict[str, dict[str, str]]:
    """The `phrases_at` section (optional): for a question id, its own phrases for yes and for no."""
    section = data.get("phrases_at") or {}
    if not isinstance(section, dict):
        raise TrainingDataError(f"{path.name}: 'phrases_at' must give phrases for yes and no per question id")
    return {str(q): read_answers(phrases, path, "phrases_at") for q, phrases in section.items()}


def read_past(data: dict[str, Any], path: Path) -> Past:
    """The `past` section (optional): its question lists, phrase lists and `ever` words per question."""
    past = data.get("past") or {}
    if not isinstance(past, dict):
        raise TrainingDataError(f"{path.name}: 'past' must give now, recent, over, long_ago, still, ever and kinds")
    over, long_ago, still = (word_pattern(past[key]) if are_words(past.get(key)) else None for key in ("over", "long_ago", "still"))
    parts = past.get("parts") or {}
    if not isinstance(parts, dict) or not all(isinstance(v, dict) for v in parts.values()):
        raise TrainingDataError(f"{path.name}: 'parts' must give outside and inside words per question id")
    outside, inside = ({str(q): word_pattern(v[key]) for q, v in parts.items() if are_words(v.get(key))} for key in ("outside", "inside"))
    return Past(read_word_set(past, "now", path), read_word_set(past, "recent", path), over, long_ago, still,
                read_per_question(past, "ever", path), read_per_question(past, "kinds", path), outside, inside)


def read_per_question(data: dict[str, Any], key: str, path: Path) -> dict[str, re.Pattern[str]]:
    """An optional section giving a list of words for each question id."""
    section = data.get(key) or {}
    if not isinstance(section, dict) or not all(are_words(v) for v in section.values()):
        raise TrainingDataError(f"{path.name}: '{key}' must give a list of words for each question id")
    return {str(q): word_pattern(words) for q, words in section.items()}


def read_others(data: dict[str, Any], path: Path) -> Others:
    """The `others` section: its three lists (all optional)."""
    others = data.get("others") or {}
    if not isinstance(others, dict):
        raise TrainingDataError(f"{path.name}: 'others' must give people, myself and questions")
    denials = others.get("denials")
    people, myself, questions = (read_word_set(others, key, path) for key in ("people", "myself", "questions"))
    return Others(people, myself, questions, word_pattern(denials) if are_words(denials) else None)


def read_asking(data: dict[str, Any], path: Path) -> Asking:
    """The `asking` section: its four lists (all optional)."""
    asking = data.get("asking") or {}
    if not isinstance(asking, dict):
        raise TrainingDataError(f"{path.name}: 'asking' must give wh, aux, subjects, referring and verbs")
    return Asking(*(read_word_set(asking, key, path) for key in ("wh", "aux", "subjects", "referring", "verbs")))


def read_exits(data: dict[str, Any], path: Path) -> ExitWords:
    """The `exits` section: its two lists (both optional)."""
    exits = data.get("exits") or {}
    if not isinstance(exits, dict):
        raise TrainingDataError(f"{path.name}: 'exits' must give verbs and way_out")
    return ExitWords(read_word_set(exits, "verbs", path), read_word_set(exits, "way_out", path), read_word_set(exits, "deferring", path))


def read_word_set(data: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    """An optional list of words as a set."""
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(w, str | int) for w in value):
        raise TrainingDataError(f"{path.name}: '{key}' must be a list of words")
    return frozenset(str(w) for w in value)


def read_answers(data: Any, path: Path, key: str = "leading", answers: tuple[str, ...] = ("yes", "no")) -> dict[str, str]:
    """Each opening word (or phrase) and the answer it gives (one of `answers`: yes or no, unless told)."""
    if not isinstance(data, dict) or set(map(str, data)) - set(answers) or not all(map(are_words, data.values())):
        raise TrainingDataError(f"{path.name}: '{key}' must give a list of words for {' and for '.join(answers)}")
    return {str(word): str(answer) for answer, words in data.items() for word in words}


def are_words(value: Any) -> TypeGuard[list[Any]]:
    """Whether a value is a non-empty list of non-empty texts."""
    return isinstance(value, list) and bool(value) and all(isinstance(w, str | int) and str(w).strip() for w in value)



def read_pattern(data: dict[str, Any], key: str) -> re.Pattern[str] | None:
    """An optional list of words as one pattern (see word_pattern)."""
    return word_pattern(data[key]) if are_words(data.get(key)) else None
