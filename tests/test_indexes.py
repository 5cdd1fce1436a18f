"""Index what is queried: every statement the bot runs in a full conversation (safety check,
planning, sessions, reminders, check-ins, /mydata, /forget) finds its rows through an index or
primary key, never by scanning a table that grows with users."""

from __future__ import annotations

from datetime import timedelta

from bot.composition import assemble
from bot.core.coach import Coach
from bot.core.messages import Inbound, InboundKind
from scheduler.dispatcher import Dispatcher
from tests.conftest import FakeClock
from tests.faults import faulty_database
from tests.test_planning import button

# A scan is fine only where it stops at once: newest misses by primary key, with a LIMIT.
BOUNDED_SCANS = ("SELECT text, at, score, best_entry FROM misses ORDER BY id DESC LIMIT ?",)


def converse(coach: Coach, clock: FakeClock) -> None:
    """One user through everything that touches the database."""
    def say(text: str, tap: bool = False) -> list:
        return coach.handle(Inbound(7, InboundKind.BUTTON if tap else InboundKind.TEXT, text))
    coach.first_delivery(1)
    for text in ("/start", "/screen", "ok", *["no"] * 15, "/plan", "Berlin", "yes"):
        replies = say(text)
    say(button(replies[-1], "Strength"), tap=True)
    say(button(say("every Mon Wed Fri at 7am")[0], "Save"), tap=True)
    say("/sessions"), say(button(say("/settings")[0], "15 min"), tap=True), say("kettlebells on mars?"), say("/mydata")
    clock.now += timedelta(days=1, hours=20, minutes=20)  # Monday 05:50 UTC: the 06:00 session is due
    dispatcher = Dispatcher(coach.plans, coach.planner, lambda due: None, clock)  # type: ignore[arg-type, return-value]
    dispatcher.tick()
    due, _ = dispatcher.queue.get_nowait()
    coach.plans.set_status(due.occurrence_id, "sent", clock())
    say(button(say("/plan")[0], "New plan"), tap=True)
    say(button(coach.compose_reminder(due), "Snooze"), tap=True), say("done")
    clock.now += timedelta(minutes=20)
    dispatcher.tick()
    coach.plans.load_sending()
    coach.plans.load_sending(7), coach.plans.claim_due_snoozes(clock(), 7), coach.plans.load_due_plans(clock(), 9, 7)
    say(button(say("/forget")[0], "Yes, erase"), tap=True)


def test_every_query_uses_an_index(understanding):
    db = faulty_database()
    clock = FakeClock()
    db.conn.seen = set()  # type: ignore[attr-defined]
    converse(assemble(understanding, db, clock), clock)
    statements = {s for s in db.conn.seen  # type: ignore[attr-defined]
                  if s.split()[0].upper() in ("SELECT", "UPDATE", "DELETE") and "sqlite_master" not in s}
    scans = {}
    for sql in statements - set(BOUNDED_SCANS):
        plan = [row[3] for row in db.conn.execute(f"EXPLAIN QUERY PLAN {sql}", [None] * sql.count("?"))]
        if any(step.startswith("SCAN") and "CONSTANT ROW" not in step for step in plan):
            scans[sql] = plan
    assert len(statements) > 25 and scans == {}
