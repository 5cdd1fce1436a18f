"""Tiredness told on its own, outside a check-in ("i'm so tired today", "feeling knackered", "no energy today"; tester s32):
a coach's reply (rest is part of training; today's session, when there is one, can be skipped or done lighter), never a
planning flow or "you have no plans yet". Only a whole message of tiredness: one that goes on to ask or to request ("tired
af today but did it", "knackered, skip tonight") is read for that; an open check-in reads it as its answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from bot.core.messages import Reply
from bot.features.planning import texts as t
from scheduler.planner import Planner
from scheduler.timezones import zone_info

_OPENERS = r"(?:(?:ugh+|ugh|man|mate|honestly|tbh|omg|god|so|ok|okay|well|hey|coach|oh|urgh|meh|sigh)\W+)*"
_FEEL = r"(?:(?:i\W*m|im|i\s+am|i\s+feel|feeling|i\W*m\s+feeling|im\s+feeling|i\s+am\s+feeling|just|been|i\W*ve\s+been|ive\s+been)\s+)?"
_HOW = r"(?:(?:so|really|super|very|pretty|a\s+bit|a\s+little|bit|kinda|kind\s+of|quite|totally|absolutely|dead|proper|soo+|too)\s+)*"
_TIRED = (r"(?:tired|tierd|exhausted|knackered|shattered|wiped(?:\s+out)?|drained|worn\s+out|beat|burnt\s+out|burned\s+out|sleepy"
          r"|fatigued|zonked|cooked|done\s+in|pooped|wrecked|spent|running\s+on\s+empty|low\s+on\s+energy|out\s+of\s+energy"
          r"|unmotivated|not\s+motivated|lazy|not\s+feeling\s+it|not\s+in\s+the\s+mood)")
_NO_ENERGY = (r"(?:(?:no|zero|low)\s+energy|(?:didn'?t|didnt|did\s+not|couldn'?t|couldnt)\s+sleep(?:\s+(?:well|much|at\s+all))?"
              r"|slept\s+(?:badly|terribly|like\s+crap))")
_WHEN = (r"(?:\W+(?:today|tonight|this\s+morning|this\s+evening|this\s+arvo|rn|right\s+now|atm|at\s+the\s+moment|af|lol|haha|mate|bro"
         r"|coach|honestly|tbh|man|ugh|again|after\s+work|from\s+work|all\s+day|this\s+week|lately|😩|😴|🥱|😫))*")
TIRED = re.compile(rf"^\W*{_OPENERS}(?:{_FEEL}{_HOW}{_TIRED}|{_NO_ENERGY}){_WHEN}\W*$")
REST = "Sounds like a tough day. Rest is part of training, and reps done worn out tend to get sloppy."
WITH_SESSION = ("Your session today is at {at}: if you're worn out, skip it (say “skip today”) and come back fresh, or do a "
                "lighter one (fewer sets, a lighter load, every rep controlled).")
NO_SESSION = "Take it easy, sleep well, and come back fresh for your next session."
UNWELL = "If it's more than tiredness (you feel ill, dizzy or in pain), don't train until you feel well again."


def tired_told(text: str) -> bool:
    """Whether a whole message only tells the user is tired ("i'm so tired today", "no energy rn")."""
    return "?" not in text and TIRED.match(" ".join(text.lower().replace("’", "'").split())) is not None


class Feelings:
    """The reader of tiredness told outside a check-in, for any number of users."""

    def __init__(self, planner: Planner, clock: Callable[[], datetime], zone: Callable[[int], str],
                 busy: Callable[[int], bool]) -> None:
        self.planner, self.clock, self.zone = planner, clock, zone
        self.busy = busy  # the user is in a dialogue or has a check-in open: that reads the message

    def on_text(self, user_id: int, text: str) -> list[Reply] | None:
        """A coach's reply to tiredness, naming today's session when one is still to come; None for any other message."""
        if not tired_told(text) or self.busy(user_id):
            return None
        zone = self.zone(user_id)
        today = self.clock().astimezone(zone_info(zone)).date()
        later = [at for _plan, at in self.planner.upcoming(user_id, days=1) if at.astimezone(zone_info(zone)).date() == today]
        said = WITH_SESSION.format(at=t.format_clock(later[0], zone)) if later else NO_SESSION
        return [Reply(f"{REST} {said} {UNWELL}")]
