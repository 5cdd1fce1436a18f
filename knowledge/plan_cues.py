"""The cue words of a schedule told when plans are stored (data/plan_cues.yaml): a schedule told as the routine from
now on ("i want to train 4x a week now") rather than as one more plan ("a new plan for mobility"), and the words that
only say when. The words are data a curator edits; the planning feature decides what is changed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from knowledge.training import DATA_DIR, TrainingDataError, read_yaml

PLAN_CUES = DATA_DIR / "plan_cues.yaml"
SECTIONS = ("new_routine", "when", "another")


@dataclass(frozen=True)
class PlanCues:
    """The cue words, each list one pattern (the defaults read nothing)."""

    new_routine: re.Pattern[str] | None = None  # "now", "from now on", "instead"
    when: re.Pattern[str] | None = None  # "now", "these days": only when
    another: re.Pattern[str] | None = None  # "new", "another", "also": one more plan

    def new_routine_told(self, text: str) -> bool:
        """Whether a message tells its schedule as the routine from now on, not as one more plan."""
        return _found(self.new_routine, text) and not _found(self.another, text)

    def without_when(self, text: str) -> str:
        """A message without its words that only say when ("mon wed fri 7am now" -> "mon wed fri 7am  ")."""
        return self.when.sub(" ", text) if self.when is not None else text


def _found(pattern: re.Pattern[str] | None, text: str) -> bool:
    """Whether an optional pattern matches."""
    return pattern is not None and pattern.search(text) is not None


def load_plan_cues(path: Path | None = None) -> PlanCues:
    """Read data/plan_cues.yaml (or `path`); TrainingDataError names the problem."""
    path = path or PLAN_CUES
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != set(SECTIONS):
        raise TrainingDataError(f"{path.name}: expected {', '.join(SECTIONS)}")
    return PlanCues(*(_pattern(data[key], key, path) for key in SECTIONS))


def _pattern(words: object, key: str, path: Path) -> re.Pattern[str]:
    """One pattern matching any of the words or phrases as whole words, in any case."""
    if not isinstance(words, list) or not words or not all(isinstance(w, str | int) and str(w).strip() for w in words):
        raise TrainingDataError(f"{path.name}: '{key}' must be a list of words")
    phrases = sorted((re.escape(str(w).strip()) for w in words), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(phrases)})\b", re.IGNORECASE)
