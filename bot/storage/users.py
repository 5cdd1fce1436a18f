"""Reads and writes of the core's own records: users, unanswered questions, handled updates."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.storage.backend import SqlDatabase
from bot.storage.transaction import transaction
from knowledge.context import Context

UPDATE_MEMORY = timedelta(days=2)
CONTEXT_TTL = timedelta(minutes=30)  # a follow-up after longer silence is read on its own
ALARM_TTL = timedelta(hours=12)  # after a red flag, answers remind the user to stop for the rest of the day
CONCERN_TTL = timedelta(minutes=30)  # after a health concern, "can i still do it?" keeps the doctor-first line
OFFER_TTL = timedelta(minutes=30)  # a typed yes takes the button the last reply offered this long after it
# what is kept only for a while: the columns erased together, the column with their time, and how long they count
_TIMED = ((("context_entry", "context_goal", "context_offer", "context_at"), "context_at", CONTEXT_TTL),
          (("offered_entry", "offered_at"), "offered_at", OFFER_TTL),
          (("concern_at",), "concern_at", CONCERN_TTL),
          (("alarm_at",), "alarm_at", ALARM_TTL))
PRUNE_BATCH = 100  # old update ids deleted per handled update: bounded work, and 100 > 1 keeps up


class Store:
    """The core's view of the database."""

    def __init__(self, db: SqlDatabase) -> None:
        self.db = db

    def touch_user(self, user_id: int, now: datetime) -> bool:
        """Record that the user was seen (and, for everyone, erase what no longer counts); True when they are new."""
        at = now.isoformat()
        with transaction(self.db):
            self.expire(now)
            cursor = self.db.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (?, ?, ?) "
                                     "ON CONFLICT (id) DO NOTHING", [user_id, at, at])
            if cursor.rowcount == 1:
                return True
            self.db.execute("UPDATE users SET last_seen = ? WHERE id = ?", [at, user_id])
            return False

    def expire(self, now: datetime) -> None:
        """Erase, for every user, what is kept only for a while once it no longer counts: the conversation's topic
        and goal, the button last offered, the time of a health concern and of a red flag (by the indexes on them)."""
        for columns, at, ttl in _TIMED:
            self.db.execute(f"UPDATE users SET {', '.join(f'{c} = NULL' for c in columns)} WHERE {at} < ?",
                            [(now - ttl).isoformat()])

    def load_first_seen(self, user_id: int) -> str | None:
        """When the user first wrote (ISO time), or None for an unknown user."""
        row = self.db.execute("SELECT first_seen FROM users WHERE id = ?", [user_id]).fetchone()
        return row[0] if row else None

    def count_misses(self, user_id: int) -> int:
        """How many of the user's questions are in the unanswered log."""
        return int(self.db.execute("SELECT count(*) FROM misses WHERE user_id = ?", [user_id]).fetchone()[0])

    def save_miss(self, user_id: int, text: str, score: float, best_entry: str | None, now: datetime) -> None:
        """Log a question the content could not answer, for curators."""
        with transaction(self.db):
            self.db.execute("INSERT INTO misses (user_id, text, at, score, best_entry) VALUES (?, ?, ?, ?, ?)",
                            [user_id, text, now.isoformat(), round(score, 1), best_entry])

    def load_user_misses(self, user_id: int, limit: int) -> list[str]:
        """The user's own most recent unanswered questions as logged, newest first (what /mydata shows)."""
        rows = self.db.execute("SELECT text FROM misses WHERE user_id = ? ORDER BY id DESC LIMIT ?", [user_id, limit])
        return [str(row[0]) for row in rows.fetchall()]

    def load_misses(self, limit: int = 100) -> list[dict[str, object]]:
        """The most recent unanswered questions, newest first (without who asked)."""
        return list(self.db.query(
            "SELECT text, at, score, best_entry FROM misses ORDER BY id DESC LIMIT ?", [limit]))

    def claim_update(self, update_id: int, now: datetime) -> bool:
        """True the first time an update id is seen; False for a redelivery."""
        with transaction(self.db):
            self.prune_updates(now)
            cursor = self.db.execute("INSERT INTO updates (update_id, at) VALUES (?, ?) "
                                     "ON CONFLICT (update_id) DO NOTHING", [update_id, now.isoformat()])
            return cursor.rowcount == 1

    def is_handled(self, update_id: int) -> bool:
        """Whether an update id was claimed before (a read, for a cheap check before slow work)."""
        return self.db.execute("SELECT 1 FROM updates WHERE update_id = ?", [update_id]).fetchone() is not None

    def prune_updates(self, now: datetime, batch: int = PRUNE_BATCH) -> int:
        """Forget at most `batch` update ids older than UPDATE_MEMORY (by the index on `at`)."""
        with transaction(self.db):
            return self.db.execute(
                "DELETE FROM updates WHERE update_id IN "
                "(SELECT update_id FROM updates WHERE at < ? ORDER BY at LIMIT ?)",
                [(now - UPDATE_MEMORY).isoformat(), batch]).rowcount

    def load_voice_replies(self, user_id: int) -> bool:
        """Whether the user turned voice replies on."""
        row = self.db.execute("SELECT voice_replies FROM users WHERE id = ?", [user_id]).fetchone()
        return bool(row and row[0])

    def save_voice_replies(self, user_id: int, on: bool) -> None:
        """Turn voice replies on or off (the user's row exists: the core touched it)."""
        with transaction(self.db):
            self.db.execute("UPDATE users SET voice_replies = ? WHERE id = ?", [int(on), user_id])

    def load_context(self, user_id: int, now: datetime) -> Context:
        """What the user's conversation is about: empty after CONTEXT_TTL of silence."""
        row = self.db.execute("SELECT context_entry, context_goal, context_at FROM users WHERE id = ?",
                              [user_id]).fetchone()
        if row is None or row[2] is None or now - datetime.fromisoformat(row[2]) > CONTEXT_TTL:
            return Context()
        return Context(row[0], row[1])

    def save_context(self, user_id: int, context: Context, now: datetime, offered: tuple[str, ...] = ()) -> None:
        """Keep what the conversation is about after an answer, and the entries the reply `offered` instead of an
        answer (a typed "yes" takes the one offered), until the next (the user's row exists: the core touched it)."""
        with transaction(self.db):
            self.db.execute("UPDATE users SET context_entry = ?, context_goal = ?, context_offer = ?, context_at = ? "
                            "WHERE id = ?", [context.entry, context.goal, " ".join(offered) or None, now.isoformat(), user_id])

    def load_offer(self, user_id: int, now: datetime) -> tuple[str, ...]:
        """The entries the last reply offered instead of an answer, within CONTEXT_TTL; () for none."""
        row = self.db.execute("SELECT context_offer, context_at FROM users WHERE id = ?", [user_id]).fetchone()
        if row is None or not row[0] or row[1] is None or now - datetime.fromisoformat(row[1]) > CONTEXT_TTL:
            return ()
        return tuple(row[0].split())

    def save_alarm(self, user_id: int, now: datetime) -> None:
        """Note when the user told a red flag (a time only: never what they said)."""
        with transaction(self.db):
            self.db.execute("UPDATE users SET alarm_at = ? WHERE id = ?", [now.isoformat(), user_id])

    def alarmed(self, user_id: int, now: datetime) -> bool:
        """Whether the user told a red flag within ALARM_TTL."""
        return self.load_alarm(user_id, now) is not None

    def load_alarm(self, user_id: int, now: datetime) -> datetime | None:
        """When the user last told a red flag, if within ALARM_TTL."""
        row = self.db.execute("SELECT alarm_at FROM users WHERE id = ?", [user_id]).fetchone()
        at = datetime.fromisoformat(row[0]) if row and row[0] else None
        return at if at is not None and now - at <= ALARM_TTL else None

    def save_concern(self, user_id: int, now: datetime) -> None:
        """Note when the user told a health concern (a time only: never what they said, nor how urgent)."""
        with transaction(self.db):
            self.db.execute("UPDATE users SET concern_at = ? WHERE id = ?", [now.isoformat(), user_id])

    def load_concern(self, user_id: int, now: datetime) -> datetime | None:
        """When the user last told a health concern, if within CONCERN_TTL."""
        row = self.db.execute("SELECT concern_at FROM users WHERE id = ?", [user_id]).fetchone()
        at = datetime.fromisoformat(row[0]) if row and row[0] else None
        return at if at is not None and now - at <= CONCERN_TTL else None

    def save_offered(self, user_id: int, data: str | None, now: datetime) -> None:
        """Keep the button that starts something the last reply offered (None: it offered none; nothing is written
        when nothing was offered before either, as for most messages)."""
        if data is None:
            row = self.db.execute("SELECT offered_entry FROM users WHERE id = ?", [user_id]).fetchone()
            if row is None or row[0] is None:
                return
        with transaction(self.db):
            self.db.execute("UPDATE users SET offered_entry = ?, offered_at = ? WHERE id = ?",
                            [data, now.isoformat() if data else None, user_id])

    def load_offered(self, user_id: int, now: datetime) -> str | None:
        """The button the last reply offered, within OFFER_TTL; None for none."""
        row = self.db.execute("SELECT offered_entry, offered_at FROM users WHERE id = ?", [user_id]).fetchone()
        if row is None or not row[0] or not row[1] or now - datetime.fromisoformat(row[1]) > OFFER_TTL:
            return None
        return str(row[0])

    def forget_user(self, user_id: int) -> None:
        """Erase the core's records of a user (bot.features.privacy.records.forget_user erases everything)."""
        with transaction(self.db):
            self.db.execute("DELETE FROM misses WHERE user_id = ?", [user_id])
            self.db.execute("DELETE FROM users WHERE id = ?", [user_id])


def add_conversation_context(db: Database) -> None:
    """Migration: what each user's conversation is about (the last answered entry and goal, and when)."""
    table = db.table("users")
    for column in ("context_entry", "context_goal", "context_at"):
        table.add_column(column, str)


def add_offered_entries(db: Database) -> None:
    """Migration: the entries the last reply offered instead of an answer ("Did you mean one of these?")."""
    db.table("users").add_column("context_offer", str)


def add_alarm_time(db: Database) -> None:
    """Migration: when each user last told a red flag (answers remind them to stop for the day)."""
    db.table("users").add_column("alarm_at", str)



def add_concern_time(db: Database) -> None:
    """Migration: when each user last told a health concern (follow-ups keep the doctor-first line)."""
    db.table("users").add_column("concern_at", str)


def add_offered_entry(db: Database) -> None:
    """Migration: the button that starts something the last reply offered, and when (a typed yes takes it)."""
    db.table("users").add_column("offered_entry", str)
    db.table("users").add_column("offered_at", str)


def index_timed_columns(db: Database) -> None:
    """Migration: an index on each time after which a user's record is erased (only the rows that have one)."""
    for _columns, at, _ttl in _TIMED:
        db.execute(f"CREATE INDEX IF NOT EXISTS users_{at} ON users ({at}) WHERE {at} IS NOT NULL")
