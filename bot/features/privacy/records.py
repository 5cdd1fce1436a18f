"""What the bot stores about a user (/mydata) and erasing all of it (/forget)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from bot.core.messages import Reply
from bot.storage.backend import SqlDatabase
from bot.storage.dialogues import DialogueStore
from bot.storage.transaction import transaction
from bot.storage.users import Store
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


FORGOTTEN = Reply("Done: everything I stored about you is erased. Say hi any time to start fresh.", edit=True)
KEPT = Reply("Okay, nothing was erased.", edit=True)
