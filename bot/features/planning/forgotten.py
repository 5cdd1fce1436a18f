""""Forget" said about a plan, a day or a session ("forget my saturday plan", "forget about tuesday", "just forget the
next session"): the same request as "cancel" in its place (a plan's cancel confirmation, or "skip only the next one, or
the day off the plan?"), never a new plan for that day. Only when the words after it name a plan, a session or a day
of the week: "forget me", "forget what i said" and "forget my data" are the privacy feature's."""

from __future__ import annotations

import re

_DAY = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?s?"
_FORGET = re.compile(r"^\W*(?:(?:ok|okay|actually|oh|so|and|pls|please|just|hey|nah|no|um+)\W+)*(?:pls\s+|please\s+|just\s+)?"
                     r"forget\s+(?:about\s+)?(?P<rest>.+)$")
_ABOUT_PLANS = re.compile(rf"\b(?:{_DAY}|plans?|sessions?|workouts?|reminders?|schedule)\b|\b(?:one|ones)\W*$")
_NOT_PLANS = re.compile(r"\b(?:me|said|say|data|info|information|everything|all (?:about )?me|what|that i|it all)\b")


def as_cancel(text: str) -> str | None:
    """The message with "forget" read as "cancel" when it is about plans ("cancel my saturday plan"), else None."""
    found = _FORGET.match(" ".join(text.lower().split()))
    if found is None:
        return None
    rest = found.group("rest")
    return f"cancel {rest}" if _ABOUT_PLANS.search(rest) and not _NOT_PLANS.search(rest) else None
