"""The intake journal: every update is recorded when it arrives and deleted when its replies have
been sent, so a crash loses no message and never applies one twice.

A row holds the update as received (`body`) and, once the core has answered it, the replies
(`replies`). After a restart, a row without replies is handled again from the start, and a row
with replies has those replies sent again instead of asking the core a second time. Rows live
seconds: they are deleted as soon as the last reply is out.

`answer_once` marks the update handled, lets the core change its state, and saves the replies in
one transaction, so a kill at any point leaves either none of it (handled again from the start)
or all of it (the saved replies are sent): never "handled" with nothing saved, which skipped it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime

from sqlite_utils import Database

from bot.core.messages import Button, Reply
from bot.storage.backend import SqlDatabase
from bot.storage.transaction import transaction


def create_inbox_table(db: Database) -> None:
    """Migration: updates received but not yet finished."""
    db.table("inbox").create({"update_id": int, "body": str, "received_at": int, "replies": str}, pk="update_id",
                       not_null={"body", "received_at"})


class Inbox:
    """Reads and writes of the intake journal; each is one statement or one transaction."""

    def __init__(self, db: SqlDatabase) -> None:
        self.db = db

    def record(self, update_id: int, body: str, now: datetime) -> bool:
        """Journal an update as received; False when it is already journaled (a redelivery)."""
        cursor = self.db.execute("INSERT INTO inbox (update_id, body, received_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT (update_id) DO NOTHING",
                                 [update_id, body, int(now.timestamp())])
        return cursor.rowcount == 1

    def load_unfinished(self) -> list[str]:
        """The bodies of updates received but not finished before the last stop, oldest first."""
        return [row[0] for row in self.db.execute("SELECT body FROM inbox ORDER BY update_id").fetchall()]

    def save_replies(self, update_id: int, replies: list[Reply]) -> None:
        """Keep the core's answer to an update until it has been sent."""
        self.db.execute("UPDATE inbox SET replies = ? WHERE update_id = ?", [format_replies(replies), update_id])

    def answer_once(self, update_id: int, claim: Callable[[], bool],
                    decide: Callable[[], list[Reply]]) -> list[Reply] | None:
        """Claim the update, get the core's replies and save them, all in one transaction; None when
        the update was handled before (a redelivery). Nothing in it may await: it holds the
        connection, which other users' updates share."""
        with transaction(self.db):
            if not claim():
                return None
            replies = decide()
            self.save_replies(update_id, replies)
            return replies

    def load_replies(self, update_id: int) -> list[Reply] | None:
        """The saved answer to an update, or None when the core has not answered it yet."""
        row = self.db.execute("SELECT replies FROM inbox WHERE update_id = ?", [update_id]).fetchone()
        return parse_replies(row[0]) if row and row[0] is not None else None

    def finish(self, update_id: int) -> None:
        """The update's replies are out: forget it."""
        self.db.execute("DELETE FROM inbox WHERE update_id = ?", [update_id])

    def count(self) -> int:
        """How many updates are unfinished."""
        return int(self.db.execute("SELECT count(*) FROM inbox").fetchone()[0])


def format_replies(replies: list[Reply]) -> str:
    """Replies as JSON."""
    return json.dumps([asdict(reply) for reply in replies], ensure_ascii=False)


def parse_replies(raw: str) -> list[Reply]:
    """Replies from format_replies' JSON."""
    replies = []
    for data in json.loads(raw):
        rows = tuple(tuple(Button(**button) for button in row) for row in data.pop("buttons"))
        replies.append(Reply(**data, buttons=rows))
    return replies
