"""The one dialogue-state table: per user and dialogue, its step, its data as JSON and the nonce its
buttons carry. Every dialogue (safety check, planning, settings, time zone, /forget, the reminder
check-in) keeps its state here, so a restart resumes any of them and /forget clears all of them.

A user is in at most one foreground dialogue (starting one replaces the one before); a side
dialogue (the check-in under a reminder) lives beside it, so a reminder arriving mid-plan drops
nothing."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlite_utils import Database

from bot.storage.backend import SqlDatabase
from bot.storage.sql import save_row
from bot.storage.transaction import transaction


@dataclass(frozen=True)
class State:
    """Where one user is in one dialogue."""

    user_id: int
    dialogue: str
    step: str
    nonce: str
    data: Mapping[str, Any] = field(default_factory=dict)  # JSON-ready values only
    updated_at: datetime | None = None
    side: bool = False  # beside the foreground dialogue rather than replacing it


def create_dialogue_table(db: Database) -> None:
    """Migration: one dialogue-state table replaces the safety check's and planning's own (their
    unfinished runs are carried over: progress as it was, a plan being made at its step)."""
    db.table("dialogues").create({"user_id": int, "dialogue": str, "step": str, "data": str, "nonce": str,
                            "updated_at": str}, pk="user_id")
    for row in db.query("SELECT * FROM screening_progress"):
        data = {"version": row["version"], "started_at": row["started_at"], "consented": bool(row["consented"]),
                "step": row["step"], "flagged": json.loads(row["flagged"])}
        step = str(row["step"]) if row["consented"] else "consent"
        save_row(cast(SqlDatabase, db), "dialogues", {"user_id": row["user_id"], "dialogue": "scr", "step": step,
                                   "data": json.dumps(data), "nonce": row["nonce"],
                                   "updated_at": row["started_at"]}, "user_id")
    db.execute("DROP TABLE screening_progress")
    db.execute("DROP TABLE plan_drafts")  # a plan being made at upgrade time is asked again from /plan


def key_dialogues_by_name(db: Database) -> None:
    """Migration: one row per user and dialogue (a side dialogue, the reminder check-in, lives
    beside the foreground one); the rows there were are foreground dialogues."""
    db.execute("ALTER TABLE dialogues RENAME TO dialogues_old")
    db.table("dialogues").create({"user_id": int, "dialogue": str, "step": str, "data": str, "nonce": str,
                                  "updated_at": str, "side": int}, pk=("user_id", "dialogue"), defaults={"side": 0})
    db.execute("INSERT INTO dialogues (user_id, dialogue, step, data, nonce, updated_at, side) "
               "SELECT user_id, dialogue, step, data, nonce, updated_at, 0 FROM dialogues_old")
    db.execute("DROP TABLE dialogues_old")


class DialogueStore:
    """Load, save and end dialogue states; each write is one transaction."""

    def __init__(self, db: SqlDatabase) -> None:
        self.db = db

    def load(self, user_id: int, dialogue: str | None = None) -> State | None:
        """The user's state in `dialogue`, or (None) the foreground dialogue they are in."""
        where, params = ("dialogue = ?", [user_id, dialogue]) if dialogue else ("side = 0", [user_id])
        row = self.db.execute(f"SELECT {COLUMNS} FROM dialogues WHERE user_id = ? AND {where}", params).fetchone()
        return _state(user_id, row) if row else None

    def load_side(self, user_id: int) -> list[State]:
        """The side dialogues the user has open, newest first."""
        return [_state(user_id, row) for row in self.db.execute(
            f"SELECT {COLUMNS} FROM dialogues WHERE user_id = ? AND side = 1 ORDER BY updated_at DESC", [user_id]).fetchall()]

    def save(self, state: State) -> None:
        """Store the state; a foreground one replaces whatever foreground dialogue the user was in."""
        with transaction(self.db):
            if not state.side:
                self.db.execute("DELETE FROM dialogues WHERE user_id = ? AND side = 0 AND dialogue <> ?",
                                [state.user_id, state.dialogue])
            save_row(self.db, "dialogues", {
                "user_id": state.user_id, "dialogue": state.dialogue, "step": state.step,
                "data": json.dumps(dict(state.data)), "nonce": state.nonce,
                "updated_at": state.updated_at.isoformat() if state.updated_at else None,
                "side": int(state.side)}, "user_id, dialogue")

    def end(self, user_id: int, dialogue: str | None = None) -> None:
        """End the user's `dialogue`, or (None) their foreground dialogue."""
        with transaction(self.db):
            where, params = ("dialogue = ?", [user_id, dialogue]) if dialogue else ("side = 0", [user_id])
            self.db.execute(f"DELETE FROM dialogues WHERE user_id = ? AND {where}", params)

    def forget(self, user_id: int) -> None:
        """End every dialogue of the user, side ones included."""
        with transaction(self.db):
            self.db.execute("DELETE FROM dialogues WHERE user_id = ?", [user_id])


COLUMNS = "dialogue, step, nonce, data, updated_at, side"


def _state(user_id: int, row: Any) -> State:
    """A State from a row of COLUMNS."""
    return State(user_id, row[0], row[1], row[2], json.loads(row[3] or "{}"),
                 datetime.fromisoformat(row[4]) if row[4] else None, bool(row[5]))
