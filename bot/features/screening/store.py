"""Safety-check records in SQLite: the questionnaire in progress (a row of the dialogue table) and
the latest result.

Stored, as shared/screening.md allows: user id, questionnaire version, started/completed times,
outcome, the ids answered yes or not sure, and the reviewed-by-professional date. In progress, the
position, the flagged ids so far and the ids of later questions whose topic was told beside another's answer, so a
restart resumes where the user was. Never logged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.features.screening.questions import Outcome
from bot.storage.backend import SqlDatabase
from bot.storage.dialogues import DialogueStore, State
from bot.storage.sql import save_row
from bot.storage.transaction import transaction

DIALOGUE = "scr"  # the safety check's name in the dialogue table and in its buttons
CONSENT = "consent"  # the step before the first question


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
    unsure_asked: bool = False  # a typed "not sure" at this red-flag question was met with "did you mean"
    paused: bool = False  # the last reply paused the check ("brb"): "ok back" next says the user is back
    told: tuple[str, ...] = ()  # later questions' topics told beside a yes to another ("yes, I had back surgery"): kept


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
    db.table("screening_progress").create({
        "user_id": int, "version": int, "nonce": str, "started_at": str, "consented": int,
        "step": int, "flagged": str}, pk="user_id")
    db.table("screening_results").create({
        "user_id": int, "version": int, "started_at": str, "completed_at": str, "outcome": str,
        "flagged": str, "reviewed_at": str}, pk="user_id")


def add_screening_redo(db: Database) -> None:
    """Migration: when the user reported a health change that calls for a new check."""
    db.table("screening_results").add_column("redo_at", str)


class ScreeningStore:
    """Load and save safety-check progress and results; each write is one transaction."""

    def __init__(self, db: SqlDatabase) -> None:
        self.db = db
        self.dialogues = DialogueStore(db)

    def load_progress(self, user_id: int) -> Progress | None:
        """The questionnaire in progress, if any (its state is a row of the dialogue table)."""
        state = self.dialogues.load(user_id, DIALOGUE)
        if state is None:
            return None
        data = state.data
        return Progress(user_id, int(data["version"]), state.nonce, datetime.fromisoformat(data["started_at"]),
                        bool(data["consented"]), int(data["step"]), tuple(data["flagged"]),
                        bool(data.get("unsure_asked")), bool(data.get("paused")), tuple(data.get("told", ())))

    def save_progress(self, progress: Progress) -> None:
        """Store progress after every answer; its step is "consent" until the user agreed, then
        the question's number."""
        self.dialogues.save(State(
            progress.user_id, DIALOGUE, str(progress.step) if progress.consented else CONSENT, progress.nonce,
            {"version": progress.version, "started_at": progress.started_at.isoformat(),
             "consented": progress.consented, "step": progress.step, "flagged": list(progress.flagged),
             "unsure_asked": progress.unsure_asked, "paused": progress.paused, "told": list(progress.told)},
            progress.started_at))

    def drop_progress(self, user_id: int) -> None:
        """Forget an unfinished questionnaire (cancelled or completed)."""
        self.dialogues.end(user_id, DIALOGUE)

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
            self.dialogues.end(result.user_id, DIALOGUE)
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
            self.dialogues.end(user_id, DIALOGUE)
            self.db.execute("DELETE FROM screening_results WHERE user_id = ?", [user_id])
