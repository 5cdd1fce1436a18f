"""Safety-check records in SQLite: the questionnaire in progress and the latest result.

Stored, as shared/screening.md allows: user id, questionnaire version, started/completed times,
outcome, the ids answered yes or not sure, and the reviewed-by-professional date. In progress, the
position and the flagged ids so far, so a restart resumes where the user was. Never logged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.features.screening.questions import Outcome
from bot.storage.backend import SqlDatabase
from bot.storage.sql import save_row
from bot.storage.transaction import transaction


@dataclass(frozen=True)
class Progress:
    """A questionnaire the user has started but not finished."""

    user_id: int
    version: int
    nonce: str
    started_at: datetime
    consented: bool
    step: int
    flagged: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    """A completed questionnaire."""

    user_id: int
    version: int
    started_at: datetime
    completed_at: datetime
    outcome: Outcome
    flagged: tuple[str, ...]
    reviewed_at: datetime | None = None
    redo_at: datetime | None = None


def create_screening_tables(db: Database) -> None:
    """Migration: the two safety-check tables."""
    db["screening_progress"].create({
        "user_id": int, "version": int, "nonce": str, "started_at": str, "consented": int,
        "step": int, "flagged": str}, pk="user_id")
    db["screening_results"].create({
        "user_id": int, "version": int, "started_at": str, "completed_at": str, "outcome": str,
        "flagged": str, "reviewed_at": str}, pk="user_id")


def add_screening_redo(db: Database) -> None:
    """Migration: when the user reported a health change that calls for a new check."""
    db["screening_results"].add_column("redo_at", str)


class ScreeningStore:
    """Load and save safety-check progress and results; each write is one transaction."""

    def __init__(self, db: SqlDatabase) -> None:
        self.db = db

    def load_progress(self, user_id: int) -> Progress | None:
        """The questionnaire in progress, if any."""
        row = next(self.db.query("SELECT * FROM screening_progress WHERE user_id = ?", [user_id]), None)
        if row is None:
            return None
        return Progress(row["user_id"], row["version"], row["nonce"], datetime.fromisoformat(row["started_at"]),
                        bool(row["consented"]), row["step"], tuple(json.loads(row["flagged"])))

    def save_progress(self, progress: Progress) -> None:
        """Store progress after every answer."""
        with transaction(self.db):
            save_row(self.db, "screening_progress", {
                "user_id": progress.user_id, "version": progress.version, "nonce": progress.nonce,
                "started_at": progress.started_at.isoformat(), "consented": int(progress.consented),
                "step": progress.step, "flagged": json.dumps(list(progress.flagged))}, "user_id")

    def drop_progress(self, user_id: int) -> None:
        """Forget an unfinished questionnaire (cancelled or completed)."""
        with transaction(self.db):
            self.db.execute("DELETE FROM screening_progress WHERE user_id = ?", [user_id])

    def load_result(self, user_id: int) -> Result | None:
        """The latest completed questionnaire, if any."""
        row = next(self.db.query("SELECT * FROM screening_results WHERE user_id = ?", [user_id]), None)
        if row is None:
            return None
        reviewed, redo = row["reviewed_at"], row["redo_at"]
        return Result(row["user_id"], row["version"], datetime.fromisoformat(row["started_at"]),
                      datetime.fromisoformat(row["completed_at"]), Outcome(row["outcome"]),
                      tuple(json.loads(row["flagged"])), datetime.fromisoformat(reviewed) if reviewed else None,
                      datetime.fromisoformat(redo) if redo else None)

    def complete(self, result: Result) -> None:
        """Replace the previous result with this one and end the questionnaire, atomically."""
        with transaction(self.db):
            self.db.execute("DELETE FROM screening_progress WHERE user_id = ?", [result.user_id])
            save_row(self.db, "screening_results", {
                "user_id": result.user_id, "version": result.version,
                "started_at": result.started_at.isoformat(), "completed_at": result.completed_at.isoformat(),
                "outcome": result.outcome.value, "flagged": json.dumps(list(result.flagged)),
                "reviewed_at": None, "redo_at": None}, "user_id")

    def save_reviewed(self, user_id: int, at: datetime) -> None:
        """Record the date a health professional reviewed the flagged points."""
        with transaction(self.db):
            self.db.execute("UPDATE screening_results SET reviewed_at = ? WHERE user_id = ?", [at.isoformat(), user_id])

    def save_redo(self, user_id: int, at: datetime) -> None:
        """Record that the user reported a health change: the check must be done again."""
        with transaction(self.db):
            self.db.execute("UPDATE screening_results SET redo_at = ? WHERE user_id = ?", [at.isoformat(), user_id])

    def forget(self, user_id: int) -> None:
        """Erase every safety-check record of a user."""
        with transaction(self.db):
            self.db.execute("DELETE FROM screening_progress WHERE user_id = ?", [user_id])
            self.db.execute("DELETE FROM screening_results WHERE user_id = ?", [user_id])
