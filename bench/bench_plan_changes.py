"""Plans changed in everyday words, end to end: what is STORED after a message, not how it was read.

Usage: python bench/bench_plan_changes.py [SET.yaml] [--misses] [--situation NAME]
(default: bench/plan_changes_dev6.yaml; a frozen set only when named; the situation: the set's own, SITUATIONS by file name, else "tue8")
Each item is {q, ctx: idle|confirm, kind: cancel|skip|edit|none|accept|reject|unskip, plan: A|B|all|none,
time: "HH:MM"|null, days: [mon, ...]|null, date: "YYYY-MM-DD"|null, goal: str|null}, and optionally `until`
("YYYY-MM-DD": a skip of time away, every session of the plans named from `date` to that day), `day_time` ({wed: "08:00"}:
days given their own time, the others keeping the plan's; a new plan may be made for them) and `note`. An unskip
(a skipped session taken back) has that session skipped before the message and expects it back on. The clock is
Tue 2026-12-08 12:00 in Berlin. Idle: two saved plans, A (strength Mon/Wed/Fri 19:00) and B (endurance
Sat 09:00). Confirm: a plan being made stands at "Save this plan?" with the draft strength Mon/Wed/Fri
19:00 and nothing saved. The message goes through the core; when the label is a change (cancel, skip,
edit) every confirmation the bot then asks is answered "yes", as a person who meant it would, and "skip only the next
session, or the day off the plan?" with the button of the change labelled. Prints
right per ctx/kind and "changed unasked": a plan cancelled, skipped, edited, moved or saved where the
label asks no such thing (the costly error). A set written for another situation names it (SET_SITUATIONS, or
--situation): "thu10" is Thu 2026-12-10 12:00, A hypertrophy Tue/Thu 06:30, B rehab-prehab (mobility) Sun 17:00,
the draft hypertrophy Tue/Thu 06:30; "mon14" is Mon 2026-12-14 18:00, A strength Mon/Wed/Fri 07:00, B mobility
Sat 10:00, the draft strength Mon/Wed/Fri 07:00. `--misses` lists the items got wrong: development sets
only; frozen sets (unseen_*) are measured as totals, never opened.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlite_utils import Database

from bot.composition import assemble, build_understanding
from bot.core.coach import Coach
from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.planning.draft import DIALOGUE as PLANNING
from bot.settings import load_settings
from bot.storage.database import open_database
from knowledge.understanding import Understanding
from scheduler.model import Schedule
from scheduler.store import Profile
from scheduler.timezones import zone_info

DEFAULT_SET = Path(__file__).with_name("plan_changes_dev6.yaml")  # never a frozen set by default
USER, ZONE = 7, "Europe/Berlin"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Situation:
    """Where a set's messages are typed: the clock, the two saved plans (goal, weekdays, time) and the draft's /plan."""

    now: datetime
    plan_a: tuple[str, frozenset[int], str]
    plan_b: tuple[str, frozenset[int], str]
    draft: str  # the /plan typed to stand at "Save this plan?" with plan A's schedule (the profile's goal is A's)


SITUATIONS = {
    "tue8": Situation(datetime(2026, 12, 8, 11, 0, tzinfo=UTC),  # Tue 8 Dec 2026 12:00 in Berlin
                      ("strength", frozenset({0, 2, 4}), "19:00"), ("endurance", frozenset({5}), "09:00"),
                      "/plan every mon wed fri at 7pm"),
    "thu10": Situation(datetime(2026, 12, 10, 11, 0, tzinfo=UTC),  # Thu 10 Dec 2026 12:00 in Berlin
                       ("hypertrophy", frozenset({1, 3}), "06:30"), ("mobility", frozenset({6}), "17:00"),
                       "/plan every tue thu at 6:30am"),
    "mon14": Situation(datetime(2026, 12, 14, 17, 0, tzinfo=UTC),  # Mon 14 Dec 2026 18:00 in Berlin
                       ("strength", frozenset({0, 2, 4}), "07:00"), ("mobility", frozenset({5}), "10:00"),
                       "/plan every mon wed fri at 7am"),
}
# a set written for another situation than the first sets'
SET_SITUATIONS = {"plan_changes_dev3.yaml": "thu10", "plan_changes_dev4.yaml": "mon14", "plan_changes_dev5.yaml": "mon14",
                  "plan_changes_dev6.yaml": "mon14"}
TUE8 = SITUATIONS["tue8"]
PLAN_A = TUE8.plan_a
CHANGES = ("cancel", "skip", "edit")
# A goal label in the writers' words, as the bot's goal it names (the bot plans "rehab" as mobility / movement integrity)
GOAL_LABELS = {"rehab-prehab": "mobility", "rehab": "mobility", "prehab": "mobility", "muscle growth": "hypertrophy"}


@dataclass(frozen=True)
class Stored:
    """What the database holds of the user's plans: every plan row and the sessions skipped."""

    plans: dict[int, tuple[bool, str, str, frozenset[int], str | None, str | None]]  # id: active, paused, goal, days, time, once
    skipped: frozenset[tuple[int, str]]  # (plan id, local date)
    planning: bool  # a plan being made is open


def _clock(situation: Situation) -> Callable[[], datetime]:
    """The situation's fixed clock."""
    return lambda: situation.now


def _screened(understanding: Understanding, situation: Situation) -> tuple[Coach, Database]:
    """A core for a green user whose zone is Berlin and whose goal is plan A's, and its database."""
    db = open_database(":memory:")
    coach = assemble(understanding, db, _clock(situation))
    for text in ("/screen", "ok", *["no"] * 15):
        coach.handle(Inbound(USER, InboundKind.TEXT, text))
    coach.plans.save_profile(Profile(USER, ZONE, situation.plan_a[0], 30))
    return coach, db


def templates(understanding: Understanding, situation: Situation = TUE8) -> dict[str, Database]:
    """The two starting points as databases to copy: idle with plans A and B, confirm with the draft."""
    idle, idle_db = _screened(understanding, situation)
    profile = idle.plans.load_profile(USER)
    for goal, days, at in (situation.plan_a, situation.plan_b):
        idle.planner.create(replace(profile, goal=goal), Schedule(days, time.fromisoformat(at)))
    confirm, confirm_db = _screened(understanding, situation)
    reply = confirm.handle(Inbound(USER, InboundKind.TEXT, situation.draft))[-1]
    assert "Save this plan?" in reply.text and _asks_to_confirm(confirm_db), reply.text  # the safety check allows planning
    return {"idle": idle_db, "confirm": confirm_db}


def _copy(template: Database) -> Database:
    """A fresh in-memory copy of a template database."""
    conn = sqlite3.connect(":memory:")
    template.conn.backup(conn)
    return Database(conn)


def stored(db: Database) -> Stored:
    """The plans, skipped sessions and open planning of the user."""
    plans = {}
    for row in db.query("SELECT * FROM plans WHERE user_id = ?", [USER]):
        days = frozenset(d for d in range(7) if row["weekdays"] & (1 << d))
        plans[row["id"]] = (bool(row["active"]), row["paused"] or "", row["goal"], days, row["local_time"],
                            _local_date(row["once_at"]) if row["once_at"] else None)
    skipped = frozenset((r["plan_id"], _local_date(r["at"])) for r in db.query(
        "SELECT plan_id, at FROM occurrences WHERE user_id = ? AND status = 'cancelled'", [USER]))
    planning = bool(db.execute("SELECT 1 FROM dialogues WHERE user_id = ? AND dialogue = ?", [USER, PLANNING]).fetchone())
    return Stored(plans, skipped, planning)


def _local_date(epoch: int) -> str:
    """A stored instant's local date in Berlin."""
    return datetime.fromtimestamp(epoch, UTC).astimezone(zone_info(ZONE)).date().isoformat()


def changes(before: Stored, after: Stored) -> set[tuple[str, int]]:
    """What changed, as (kind, plan id): cancel, edit (the old plan replaced, or its goal changed),
    skip, move (a session skipped and a one-off added), save (a new plan, not from an edit)."""
    found: set[tuple[str, int]] = set()
    new = [i for i in after.plans if i not in before.plans]
    for i, (active, _paused, goal, *_rest) in before.plans.items():
        if i not in after.plans:  # the row deleted (all the user's data forgotten): the plan is gone
            found |= {("cancel", i)} if active else set()
            continue
        now = after.plans[i]
        if active and not now[0]:
            found.add(("edit" if now[1] == "edited" else "cancel", i))
        elif now[2] != goal:
            found.add(("edit", i))
    found |= {("unskip", p) for p, _day in before.skipped - after.skipped}
    skipped = {p for p, _day in after.skipped - before.skipped}
    one_offs = [i for i in new if after.plans[i][5]]
    found |= {("move" if one_offs else "skip", p) for p in skipped}
    edited = any(kind == "edit" for kind, _ in found)
    found |= {("save", i) for i in new if not (edited or (skipped and i in one_offs))}
    return found


def expected(item: dict[str, Any], ids: dict[str, int]) -> set[tuple[str, int]]:
    """The changes a label allows, as (kind, plan id); 0 stands for a new plan."""
    kind, plan = item["kind"], str(item.get("plan") or "none")
    if item["ctx"] == "confirm":
        return {("save", 0)} if kind in ("accept", "edit") else set()
    if kind == "unskip":
        return {("unskip", ids[plan])}
    if kind not in CHANGES:
        return set()
    named = list(ids.values()) if plan in ("all", "none") else [ids[plan]]
    return {(kind, i) for i in named} | ({("save", 0)} if item.get("day_time") else set())


def _allowed(found: set[tuple[str, int]], allowed: set[tuple[str, int]]) -> bool:
    """Whether every change made is one the label asks for (a save matches a new plan of any id)."""
    return all((kind, i) in allowed or (kind == "save" and ("save", 0) in allowed) for kind, i in found)


def judge(item: dict[str, Any], before: Stored, after: Stored, ids: dict[str, int],
          draft: tuple[str, frozenset[int], str] = PLAN_A) -> tuple[bool, bool]:
    """(right, changed unasked) for one item (`draft`: the plan being made at "Save this plan?")."""
    found = changes(before, after)
    unasked = not _allowed(found, expected(item, ids))
    kind, plan = item["kind"], str(item.get("plan") or "none")
    if item["ctx"] == "confirm":
        return _judge_confirm(item, after, found, draft), unasked
    if kind == "none":
        return not found, unasked
    if kind == "unskip":
        return found == {("unskip", ids[plan])} and before.skipped - after.skipped == {(ids[plan], item["date"])}, unasked
    targets = list(ids.values()) if plan in ("all", "none") else [ids[plan]]
    if item.get("day_time"):
        return _judge_day_times(item, before, after, found, targets[0], False), unasked
    if kind == "cancel":
        return found == {("cancel", i) for i in targets}, unasked
    if kind == "skip":
        dates = {day for _p, day in after.skipped - before.skipped}
        right_date = item.get("date") is None or dates == set(_dates_until(item, before, targets))
        one = len(found) == 1 or bool(item.get("until") and found)  # time away: sessions of several plans
        return one and all(k == "skip" for k, _ in found) and found <= {("skip", i) for i in targets} and right_date, unasked
    return _judge_edit(item, before, after, found, targets), unasked


def _dates_until(item: dict[str, Any], before: Stored, targets: list[int]) -> list[str]:
    """The local dates a skip label names: its date, or (`until`, time away) every session of the plans named from its
    date to that day."""
    if not item.get("until"):
        return [str(item["date"])]
    first, last = date.fromisoformat(str(item["date"])), date.fromisoformat(str(item["until"]))
    days = {before.plans[i][3] for i in targets if before.plans[i][0]}
    on = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return [d.isoformat() for d in on if any(d.weekday() in weekdays for weekdays in days)
            and all((i, d.isoformat()) not in before.skipped for i in targets)]


def _judge_edit(item: dict[str, Any], before: Stored, after: Stored, found: set[tuple[str, int]], targets: list[int]) -> bool:
    """An edit is right when exactly the plan named changed, to the time, days and goal labelled."""
    if len(found) != 1 or next(iter(found))[0] != "edit" or next(iter(found))[1] not in targets:
        return False
    old = before.plans[next(iter(found))[1]]
    now = [p for i, p in after.plans.items() if p[0] and (i not in before.plans or i == next(iter(found))[1])]
    return len(now) == 1 and _fits(item, now[0], old)


def _judge_day_times(item: dict[str, Any], before: Stored, after: Stored, found: set[tuple[str, int]], target: int,
                     _confirm: bool) -> bool:
    """A day given its own time in a stored plan ("make wednesdays 8 instead"): right when the plan's edit and any new
    plan made with it give every day labelled the time labelled for it (the plan's own for the others), and nothing
    else changed."""
    if not found or any(k not in ("edit", "save") or k == "edit" and i != target for k, i in found):
        return False
    plans = [p for i, p in after.plans.items() if p[0] and (i not in before.plans or i == target)]
    return _day_times_fit(item, plans, before.plans[target])


def _day_times_fit(item: dict[str, Any], plans: list[tuple[Any, ...]], old: tuple[Any, ...]) -> bool:
    """Whether the plans give each labelled day its labelled time (`day_time`, else the label's or the old plan's time)
    and the labelled goal."""
    days = [DAYS.index(d) for d in item["days"]] if item.get("days") else sorted(old[3])
    times = {DAYS.index(d): at for d, at in item["day_time"].items()}
    wanted = {(d, times.get(d, item.get("time") or old[4])) for d in days}
    goal = GOAL_LABELS.get(str(item.get("goal")), item.get("goal")) or old[2]
    return {(d, p[4]) for p in plans for d in p[3]} == wanted and all(p[2] == goal for p in plans)


def _fits(item: dict[str, Any], plan: tuple[Any, ...], old: tuple[Any, ...]) -> bool:
    """Whether a stored plan has the labelled time, days and goal (the old plan's where none is labelled)."""
    days = frozenset(DAYS.index(d) for d in item["days"]) if item.get("days") else old[3]
    goal = GOAL_LABELS.get(str(item.get("goal")), item.get("goal"))
    return bool(plan[2] == (goal or old[2]) and plan[3] == days and plan[4] == (item.get("time") or old[4]))


def _judge_confirm(item: dict[str, Any], after: Stored, found: set[tuple[str, int]],
                   plan: tuple[str, frozenset[int], str]) -> bool:
    """At "Save this plan?": accept and edit save the (changed) draft, reject and cancel save nothing,
    none saves nothing and leaves the draft open."""
    kind = item["kind"]
    saved = [after.plans[i] for kind_, i in found if kind_ == "save"]
    draft = (True, "", *plan, None)
    if kind == "edit" and item.get("day_time"):
        return bool(saved) and all(k == "save" for k, _ in found) and _day_times_fit(item, saved, draft)
    if kind in ("accept", "edit"):
        return len(found) == 1 and len(saved) == 1 and _fits(item if kind == "edit" else {}, saved[0], draft)
    return not found and (after.planning or kind != "none")


def run_item(understanding: Understanding, bases: dict[str, Database], item: dict[str, Any],
             situation: Situation = TUE8) -> tuple[bool, bool]:
    """Send one item's message to a copy of its starting point and judge what was stored."""
    db = _copy(bases[item["ctx"]])
    coach = assemble(understanding, db, _clock(situation))
    before = stored(db)
    ids = {"A": 1, "B": 2} if item["ctx"] == "idle" else {}
    if item["kind"] == "unskip":  # the session the message takes back was skipped before it
        _skip_first(coach, ids[str(item["plan"])], str(item["date"]))
        before = stored(db)
    replies = coach.handle(Inbound(USER, InboundKind.TEXT, str(item["q"])))
    for _ in range(3):  # a person who meant the change answers every confirmation "yes", and "which?" with the one meant
        chosen = _choice(item, replies, db)
        if chosen is not None:
            replies = coach.handle(Inbound(USER, InboundKind.BUTTON, chosen))
            continue
        if item["kind"] not in CHANGES or not _asks_to_confirm(db):
            break
        replies = coach.handle(Inbound(USER, InboundKind.TEXT, "yes"))
    return judge(item, before, stored(db), ids, situation.plan_a)


def _skip_first(coach: Coach, plan_id: int, day: str) -> None:
    """Skip the plan's session on a local date, as its /sessions button would."""
    for plan, at in coach.planner.upcoming(USER, 62):
        if plan.id == plan_id and at.astimezone(zone_info(ZONE)).date().isoformat() == day:
            coach.planner.cancel_session(USER, plan_id, at)
            return
    raise ValueError(f"no session of plan {plan_id} on {day}")


def _choice(item: dict[str, Any], replies: list[Reply], db: Database) -> str | None:
    """The button a person who meant the labelled change taps at "skip only the next one, or the day off the plan?"
    (✖️ skip for a skip, ✏️ / 🗑 the day off for an edit or a cancel); None when no such question stands open."""
    if item["kind"] not in CHANGES or not db.execute("SELECT 1 FROM dialogues WHERE user_id = ? AND step = 'choose'",
                                                     [USER]).fetchone():
        return None
    marks = ("✖️",) if item["kind"] == "skip" else ("✏️", "🗑")
    return next((b.data for r in replies for b in r.button_list() if b.label.startswith(marks)), None)


def _asks_to_confirm(db: Database) -> bool:
    """Whether a yes / no question stands open (a plan's "Save this plan?" or a confirmation)."""
    return bool(db.execute("SELECT 1 FROM dialogues WHERE user_id = ? AND step = 'confirm'", [USER]).fetchone())


def measure(understanding: Understanding, items: list[dict[str, Any]],
            situation: Situation = TUE8) -> tuple[Counter[str], Counter[str], int, list[str]]:
    """Right and total per ctx/kind, how many items changed something unasked, and the misses."""
    bases = templates(understanding, situation)
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    unasked, misses = 0, []
    for item in items:
        ok, bad = run_item(understanding, bases, item, situation)
        key = f"{item['ctx']}/{item['kind']}"
        total[key] += 1
        right[key] += ok
        unasked += bad
        if not ok or bad:
            misses.append(f"{'UNASKED ' if bad else ''}{key} {item.get('plan')}: {item['q']}")
    return right, total, unasked, misses


def main(path: Path, show: bool, situation: str | None = None) -> None:
    """Measure a set and print right / total per ctx/kind and the changes made unasked."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = SITUATIONS[situation or SET_SITUATIONS.get(path.name, "tue8")]
    right, total, unasked, misses = measure(build_understanding(load_settings()), items, where)
    print(f"== {path.name}: {sum(right.values())}/{sum(total.values())} right, changed unasked {unasked}")
    for key in sorted(total):
        print(f"{key:16} {right[key]:4}/{total[key]:<4} {100 * right[key] / total[key]:5.1f}%")
    if show:
        print("\n".join(misses))


if __name__ == "__main__":
    flags = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    flags.add_argument("set", nargs="?", type=Path, default=DEFAULT_SET)
    flags.add_argument("--misses", action="store_true")
    flags.add_argument("--situation", choices=sorted(SITUATIONS))
    parsed = flags.parse_args()
    main(parsed.set, parsed.misses, parsed.situation)
