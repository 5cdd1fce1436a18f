"""What the bot stores about a user (/mydata) and erasing all of it (/forget)."""

from __future__ import annotations

from bot.core.messages import Reply
from bot.features.screening.store import ScreeningStore
from bot.storage.backend import SqlDatabase
from bot.storage.dialogues import DialogueStore
from bot.storage.transaction import transaction
from bot.storage.users import Store
from scheduler.store import SchedulerStore


def forget_user(db: SqlDatabase, user_id: int) -> None:
    """Erase everything stored about a user in one transaction: all of it or, on failure, none."""
    with transaction(db):
        DialogueStore(db).end(user_id)  # whatever dialogue was open: a plan being made included
        ScreeningStore(db).forget(user_id)
        SchedulerStore(db).forget(user_id)
        Store(db).forget_user(user_id)


def format_planning(zone: str | None, goal: str | None, lead_minutes: int, plans: int) -> str:
    """The planning settings and how many plans are stored."""
    return (f"Planning: time zone {zone or 'not set'}, goal {goal or 'not set'}, reminders {lead_minutes} min "
            f"before, {plans} active plan(s) with their done/skipped sessions")


def format_mydata(first_seen: str | None, screening: str, planning: str, misses: int, voice: str = "") -> str:
    """Everything stored about the user, in plain words."""
    if first_seen is None:
        return "I don't store anything about you."
    return (
        "Here is everything I store about you:\n"
        f"• your Telegram user id, first seen {first_seen[:10]}\n"
        f"• {screening}\n"
        f"• {planning}\n"
        f"• questions I couldn't answer yet: {misses} (kept so the content can grow)\n"
        + (f"• {voice}\n" if voice else "") + "\n"
        "Nothing else, and never in logs. /forget erases all of it."
    )


FORGOTTEN = Reply("Done: everything I stored about you is erased. Say hi any time to start fresh.", edit=True)
KEPT = Reply("Okay, nothing was erased.", edit=True)
