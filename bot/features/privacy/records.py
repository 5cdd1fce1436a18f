"""What the bot stores about a user (/mydata) and erasing all of it (/forget)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from bot.core.messages import Reply
from bot.storage.backend import SqlDatabase
from bot.storage.dialogues import DialogueStore
from bot.storage.transaction import transaction
from bot.storage.users import ALARM_TTL, CONCERN_TTL, CONTEXT_TTL, Store
from scheduler.store import SchedulerStore


def forget_user(db: SqlDatabase, user_id: int, erasers: Iterable[Callable[[int], None]] = ()) -> None:
    """Erase everything stored about a user in one transaction: the core's records (dialogues, plans,
    the user) and each feature's own through the `erasers` it registered; all of it or, on failure, none."""
    with transaction(db):
        DialogueStore(db).forget(user_id)  # every dialogue open: a plan being made and a check-in included
        SchedulerStore(db).forget(user_id)
        for erase in erasers:
            erase(user_id)
        Store(db).forget_user(user_id)


def format_mydata(first_seen: str | None, lines: Sequence[str]) -> str:
    """Everything stored about the user, in plain words: the id, then each feature's line."""
    if first_seen is None:
        return "I don't store anything about you."
    listed = "".join(f"• {line}\n" for line in lines)
    return (f"Here is everything I store about you:\n• your Telegram user id, first seen {first_seen[:10]}\n{listed}\n"
            "Nothing else, and never in logs. /forget erases all of it.")


def format_kept_context(store: Store, user_id: int, now: datetime, titles: Mapping[str, str]) -> list[str]:
    """The conversation context kept about the user (last topic and goal, for how long), whether a
    health concern was told lately and the time of a red flag told today, in plain words; nothing
    when none is kept."""
    lines = []
    context = store.load_context(user_id, now)
    title = titles.get(context.entry or "")
    about = [f"the topic \"{title}\"" if title else "",
             f"your goal ({context.goal})" if context.goal else ""]
    if any(about):
        lines.append(f"what we last talked about: {' and '.join(a for a in about if a)}, kept "
                     f"{_span(CONTEXT_TTL)} after your last question so a follow-up like \"why?\" is understood")
    if store.load_concern(user_id, now) is not None:
        lines.append(f"that you mentioned a health concern in the last {_span(CONCERN_TTL)}: the time only (not what "
                     "you said), so a follow-up like \"can I still do it?\" gets the doctor-first line too")
    alarm = store.load_alarm(user_id, now)
    if alarm is not None:
        lines.append(f"that you told me about a warning sign today, at {alarm:%H:%M} UTC: the time only, kept "
                     f"{_span(ALARM_TTL)} so my answers remind you to stop")
    return lines


def _span(span: timedelta) -> str:
    """A time span in words ("30 minutes", "12 hours")."""
    minutes = int(span.total_seconds() // 60)
    return f"{minutes // 60} hours" if minutes % 60 == 0 else f"{minutes} minutes"


FORGOTTEN = Reply("Done: everything I stored about you is erased. Say hi any time to start fresh.", edit=True)
KEPT = Reply("Okay, nothing was erased.", edit=True)
