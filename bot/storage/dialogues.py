"""The one dialogue-state table: per user, the dialogue they are in, its step, its data as JSON and
the nonce its buttons carry. Every dialogue (safety check, planning, time zone, /forget) keeps its
state here, so a restart resumes any of them and /forget or /cancel clears any of them."""

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


class DialogueStore:
    """Load, save and end dialogue states; each write is one transaction."""

    def __init__(self, db: SqlDatabase) -> None:
        self.db = db

    def load(self, user_id: int, dialogue: str | None = None) -> State | None:
        """The user's dialogue state (only if it is `dialogue`, when given)."""
        row = self.db.execute("SELECT dialogue, step, nonce, data, updated_at FROM dialogues WHERE user_id = ?",
                              [user_id]).fetchone()
        if row is None or (dialogue is not None and row[0] != dialogue):
            return None
        return State(user_id, row[0], row[1], row[2], json.loads(row[3] or "{}"),
                     datetime.fromisoformat(row[4]) if row[4] else None)

    def save(self, state: State) -> None:
        """Store the state (replacing whatever dialogue the user was in)."""
        with transaction(self.db):
            save_row(self.db, "dialogues", {
                "user_id": state.user_id, "dialogue": state.dialogue, "step": state.step,
                "data": json.dumps(dict(state.data)), "nonce": state.nonce,
                "updated_at": state.updated_at.isoformat() if state.updated_at else None}, "user_id")

    def end(self, user_id: int, dialogue: str | None = None) -> None:
        """End the user's dialogue (only if it is `dialogue`, when given)."""
        with transaction(self.db):
            if dialogue is None:
                self.db.execute("DELETE FROM dialogues WHERE user_id = ?", [user_id])
            else:
                self.db.execute("DELETE FROM dialogues WHERE user_id = ? AND dialogue = ?", [user_id, dialogue])
