"""Questions about the user's own training history, answered from the sessions stored (what /mydata and /sessions know),
never with a knowledge answer or a decline (tester s31): "did i train yesterday", "did i do my workout on monday" (that
day's sessions and how each was checked in), "whats my streak", "how many sessions in a row have i done" (the sessions
done one after another, up to the latest that came round)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from bot.core.messages import Reply
from bot.features.planning import texts as t
from knowledge.day_words import DAY_INDEX, DAY_NAME
from scheduler.store import CHECK_IN_OPEN, OPEN_STATUSES, SchedulerStore
from scheduler.timezones import zone_info

_TRAINED = (r"(?:train(?:ed)?|work\s*(?:ed\s+)?out|exercise[ds]?|lift(?:ed)?|go\s+to\s+the\s+gym|hit\s+the\s+gym|gym"
            r"|do\s+(?:it|them|my\s+\w+|the\s+\w+|reverse\s+hypers|hypers|any\s+\w+)|done\s+(?:it|my\s+\w+|the\s+\w+))")
# "did i train yesterday", "have i worked out today", "did i do my session on monday": that day's sessions
_TRAINED_ON = re.compile(rf"\b(?:did|have)\s+i\s+(?:\w+\s+)?{_TRAINED}\b(?:\s+\w+){{0,2}}?\s+(?:on\s+|last\s+|this\s+)?"
                         rf"(?P<when>yesterday|today|this\s+morning|tonight|last\s+night|(?P<day>{DAY_NAME}))\b")
# "whats my streak", "am i on a streak", "how many sessions in a row have i done": the sessions done one after another
_STREAK = re.compile(r"^\W*(?:(?:so|ok|okay|and|hey|yo)\W+)*(?:what'?s|whats|wats|what\s+is|how\s+long\s+is|how'?s|hows|how\s+is"
                     r"|show(?:\s+me)?|check|tell\s+me)\s+(?:my|the)\s+(?:current\s+|training\s+|workout\s+)?streak\b"
                     r"|\b(?:am\s+i|are\s+we)\s+(?:still\s+)?on\s+a\s+(?:\w+\s+)?streak\b|\bdo\s+i\s+(?:still\s+)?have\s+a\s+streak\b"
                     r"|^\W*(?:my\s+)?streak\W*$"
                     r"|\bhow\s+many\s+(?:sessions|workouts|days|times|trainings)\s+(?:in\s+a\s+row|back\s*to\s*back"
                     r"|(?:straight|consecutive)(?:ly)?)\b[^?]*\b(?:have\s+i|did\s+i|i'?ve|i\s+have)\b"
                     r"|\b(?:have|did)\s+i\s+(?:\w+\s+)?(?:trained|done|did|hit|made|do|train)\b.*\b(?:in\s+a\s+row|back\s*to\s*back)\b")
STREAK_LOOK_BACK = timedelta(days=366)
_OUTCOME = {"done": "was marked done 💪", "skipped": "was skipped", "cancelled": "was skipped in advance"}
NO_CHECK_IN = (f"has no check-in (tell me “did it” within {CHECK_IN_OPEN // timedelta(hours=1)} hours of it, or tap ✅ Done "
               "on its reminder)")


def asks_history(text: str) -> bool:
    """Whether a message asks about the user's own past sessions on a day or their streak."""
    lowered = text.lower()
    return bool(_TRAINED_ON.search(lowered) or _STREAK.search(lowered))


class OwnHistory:
    """Answers about the sessions the user trained or missed, from what is stored."""

    def __init__(self, store: SchedulerStore) -> None:
        self.store = store

    def on_text(self, user_id: int, text: str, now: datetime) -> list[Reply] | None:
        """A day's sessions ("did i train yesterday") or the streak ("whats my streak"); None for any other message."""
        lowered = text.lower()
        trained = _TRAINED_ON.search(lowered)
        if trained is not None:
            return [self._on_day(user_id, trained, now)]
        return [self._streak(user_id, now)] if _STREAK.search(lowered) else None

    def _on_day(self, user_id: int, said: re.Match[str], now: datetime) -> Reply:
        """The sessions of the day said (the last such weekday, today included), each with its outcome."""
        zone = self.store.load_profile(user_id).zone or "UTC"
        local = now.astimezone(zone_info(zone))
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        back = 1 if said.group("when") in ("yesterday", "last night") else 0
        if said.group("day"):
            back = (local.weekday() - DAY_INDEX[said.group("day")[:2]]) % 7
        start = midnight - timedelta(days=back)
        day = f"{start:%a %d %b}"
        sessions = self.store.past_sessions(user_id, start, min(now, start + timedelta(days=1)))
        if not sessions:
            return Reply(f"No session of yours came round on {day}, so nothing is recorded for it. "
                         "/sessions shows what's coming.")
        told = "; ".join(f"your {at.astimezone(zone_info(zone)):%H:%M} session {_OUTCOME.get(status, NO_CHECK_IN)}"
                         for at, status in sessions)
        return Reply(f"{day}: {told}.")

    def _streak(self, user_id: int, now: datetime) -> Reply:
        """How many sessions in a row were done, counting back from the latest that came round."""
        zone = self.store.load_profile(user_id).zone or "UTC"
        past = [(at, status) for at, status in self.store.past_sessions(user_id, now - STREAK_LOOK_BACK, now)
                if not (status in OPEN_STATUSES and now - at <= CHECK_IN_OPEN)]  # still open: neither keeps nor breaks it
        if not past:
            return Reply("No session has come round yet, so there's no streak to count. /sessions shows what's coming.")
        streak = next((i for i, (_at, status) in enumerate(reversed(past)) if status != "done"), len(past))
        if not streak:
            at, status = past[-1]
            return Reply(f"No streak right now: your last session ({t.format_when(at, zone)}) "
                         f"{_OUTCOME.get(status, NO_CHECK_IN)}. The next one done starts a new "
                         "one: /sessions shows when.")
        since = t.format_when(past[-streak][0], zone)
        return Reply(f"Your streak: {streak} session{'' if streak == 1 else 's'} done in a row (since {since}) 🔥 "
                     "/sessions shows the next one.")
