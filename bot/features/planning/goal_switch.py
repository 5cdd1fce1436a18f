"""A new goal told in everyday words ("switch me to size", "ive been doing strength for a while, switch me to size", "i
want to build muscle now instead"): read as "change my goal to ..." about the saved plans, so the same edit is offered
("Which plan ...? Or all of them"); never the programme for that goal as if it were a question. Only a switch said as
one (a verb of switching with "to", or a wish with "now" / "instead" / "from now on"), never a question."""

from __future__ import annotations

import re
from collections.abc import Callable

_SWITCH = re.compile(r"\b(?:switch|swap|change|move|put|set|turn)\s+(?:me|us|it|things|that|this|my\s+(?:plans?|training|goal|"
                     r"program+e?|routine|workouts?)|the\s+(?:plans?|goal|program+e?))?\s*(?:over\s+|back\s+)?(?:to|into|onto)\b"
                     r"|\bswitch(?:ing)?\s+(?:over\s+)?to\b")
_WISH = re.compile(r"\b(?:i\s+(?:want|wanna|would like|d like|'d like)|id like|i\s+(?:need|prefer)|lets|let's)\b")
_FROM_NOW = re.compile(r"\b(?:now|instead|from now on|going forward|any ?more|these days|rather|after all|actually|on second thoughts?"
                       r"|changed my mind|change of plans?)\b")
_QUESTION = re.compile(r"\?|^\W*(?:should|shall|can|could|would|is|are|do|does)\b|\b(?:what|how|why|when|which)\b")  # asked


_WHEN = re.compile(r"\d|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:morning|evening|afternoon|noon|night|tonight|tomorrow"
                   r"|today|week|weekends?|daily|earlier|later|hour)\b")


def switched_goal(text: str, goal: Callable[[str], str | None]) -> str | None:
    """ "change my goal to <goal>" when the words switch to a goal (`goal` reads it: after "to" when a verb of switching
    is said, "ive been doing strength, switch me to size" is muscle growth), else None."""
    lowered = " ".join(text.lower().split())
    if _QUESTION.search(lowered) or _WHEN.search(lowered):
        return None  # asked, or a plan named by its goal with a new time ("id like strength at 6 am instead"): an edit of its own
    switch = _SWITCH.search(lowered)
    if switch is None and not (_WISH.search(lowered) and _FROM_NOW.search(lowered)):
        return None
    named = goal(lowered[switch.end():] if switch is not None else lowered)
    return f"change my goal to {named}" if named else None
