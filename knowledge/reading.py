"""What the bot understood of one message: the reading the understanding layer returns."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.context import Context
from knowledge.fusion import Candidate, Match
from knowledge.safety import Safety
from knowledge.spelling import Fix
from knowledge.training import Gap

SAYS_SOMETHING = 5.0  # a message whose best candidate scores below this says nothing of its own ("null", "asdkjhasd")


@dataclass(frozen=True)
class Reading:
    """Everything the bot understood of one message."""

    match: Match
    safety: Safety = Safety.NONE
    gap: Gap | None = None
    fixes: tuple[Fix, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    not_ours: float = 0.0
    safety_odds: tuple[float, ...] = ()
    context: Context = Context()  # what the conversation is about after this message
    again: bool = False  # a follow-up asking for more about the entry just answered ("why?")
    each: tuple[str, ...] = ()  # a follow-up asking about each thing the last answer listed: those entries
    gap_odds: float = 0.0  # how likely the ranker finds the near miss read (`gap`)


def says_something(reading: Reading) -> bool:
    """Whether a reading's best candidate scores as words of their own ("null", "how are you" do not)."""
    return bool(reading.candidates) and reading.candidates[0].score >= SAYS_SOMETHING


def leans_to(reading: Reading, entry: str | None) -> bool:
    """Whether a message read alone says something and likeliest about `entry`, though perhaps too
    weakly to be answered with it ("does it help with soreness too?" and the back-health entry)."""
    return says_something(reading) and reading.candidates[0].entry_id == entry
