"""Reminders in the terminal chat: shown while it waits for input, with numbered check-in buttons
answered by number or words; only the chat's user's; claimed-but-unshown ones shown after a
restart, once; not served beside another process on the same database. Also a missing audio file."""

from __future__ import annotations

import asyncio
import io
import os
import sys
from datetime import UTC, datetime, time, timedelta

import pytest

from bot.adapters.telegram.instance_lock import hold_instance_lock
from bot.adapters.terminal.chat import NO_AUDIO_FILE, PROMPT, TerminalChat, run_chat
from bot.adapters.terminal.lines import LineReader, iterator_reader
from bot.adapters.terminal.reminders import converse, make_deliver
from bot.cli import NOT_SERVING, main
from bot.core.coach import Coach
from bot.core.messages import Button, Reply
from bot.storage.database import open_database
from scheduler.model import Schedule
from scheduler.store import SchedulerStore
from tests.botprocess import coachbot_command
from tests.conftest import KB_CACHE
from tests.test_e2e_settings import screened
from tests.test_reminders import MONDAY_7, plan

USER = 7
HEADER = "reverse hypers at"
DUE = MONDAY_7 - timedelta(minutes=30)  # the 07:00 Berlin session's reminder, 30 min before


class Keyboard:
    """A fake stdin: the test types lines when it chooses; the chat awaits them."""

    def __init__(self) -> None:
        self.lines: asyncio.Queue[str | None] = asyncio.Queue()

    async def next_line(self) -> str | None:
        return await self.lines.get()

    def type(self, line: str | None) -> None:
        self.lines.put_nowait(line)


async def spin(_seconds: float) -> None:
    """The ticker's sleep: no waiting for time; the fake clock says what is due."""
    await asyncio.sleep(0)


async def until(seen, what: str) -> None:
    """Let the event loop run until `seen()` holds (a bounded number of turns, never real time)."""
    for _ in range(2000):
        if seen():
            return
        await asyncio.sleep(0)
    raise AssertionError(f"never saw {what}")


class Terminal:
    """One run of the terminal chat for a user, its output in a string."""

    def __init__(self, coach: Coach, user: int = USER) -> None:
        self.out = io.StringIO()
        self.chat = TerminalChat(coach, self.out, user)
        self.keys = Keyboard()
        dispatcher = coach.reminder_dispatcher(make_deliver(self.chat), user)
        self.task = asyncio.create_task(converse(self.chat, self.keys.next_line, dispatcher, spin))

    def text(self) -> str:
        return self.out.getvalue()

    async def say(self, line: str, expect: str) -> str:
        """Type a line and wait for the reply containing `expect`; what was printed after it."""
        start = len(self.text())
        self.keys.type(line)
        await until(lambda: expect in self.text()[start:], expect)
        return self.text()[start:]

    async def end(self) -> None:
        """End of input: the chat ends."""
        self.keys.type(None)
        await asyncio.wait_for(self.task, 10)


def statuses(coach: Coach, user: int) -> list[str]:
    """The recorded outcomes of the user's reminded sessions."""
    return [r[0] for r in coach.plans.db.execute("SELECT status FROM occurrences WHERE user_id = ?", [user])]


@pytest.mark.parametrize(("answer", "said", "recorded"), [
    ("1", "Nice work", "done"), ("done", "Nice work", "done"), ("give me 10 min", "10 minutes", "snoozed")])
async def test_a_due_reminder_is_shown_with_numbered_buttons_and_answered(say, coach, clock, answer, said, recorded):
    plan(say, coach)
    clock.now = DUE
    terminal = Terminal(coach)
    await until(lambda: HEADER in terminal.text(), "the reminder")
    shown = terminal.text()[terminal.text().index(HEADER):]
    assert "  [1] ✅ Done\n  [2] 😴 Snooze 15 min\n  [3] ⏭ Skip today\n  [4] 🤒 Not feeling well" in shown
    assert statuses(coach, USER) == ["sent"]
    await terminal.say(answer, said)
    assert statuses(coach, USER) == [recorded]
    listed = await terminal.say("/sessions", "Your sessions")
    assert ("Mon 23 Nov 07:00" in listed) == (recorded == "snoozed")  # a session still to come is listed until answered
    await terminal.end()
    assert terminal.text().count(HEADER) == 1


async def test_the_check_in_works_after_other_replies_and_asks_about_pain(say, coach, clock):
    plan(say, coach)
    clock.now = DUE
    terminal = Terminal(coach)
    await until(lambda: HEADER in terminal.text(), "the reminder")
    await terminal.say("how many reps for strength?", "reps")
    assert "back or leg pain" in await terminal.say("not feeling well", "Is it new or worse")
    await terminal.say("2", "Rest up")  # [1] Yes, back or leg pain  [2] No
    assert statuses(coach, USER) == ["skipped"]
    await terminal.end()


async def test_other_users_reminders_are_never_claimed_shown_or_recovered(say, coach, clock):
    plan(say, coach)
    store = coach.plans
    weekly = Schedule(weekdays=frozenset({0, 2, 4}), local_time=time(7))
    others = {user: store.add_plan(user, weekly, "Europe/Berlin", "strength", clock(), MONDAY_7, DUE) for user in (8, 9, 10)}
    wednesday = MONDAY_7 + timedelta(days=2)
    claimed_9 = store.advance(store.load_plan(others[9]), "sending", False, wednesday, None)  # by Telegram, unconfirmed
    snoozed_10 = store.advance(store.load_plan(others[10]), "sending", False, wednesday, None)
    clock.now = DUE
    store.set_status(snoozed_10, "snoozed", clock(), snooze_until=DUE - timedelta(minutes=1))  # due again
    before = store.load_plan(others[8])
    terminal = Terminal(coach)
    await until(lambda: HEADER in terminal.text(), "the reminder")
    await terminal.say("done", "Nice work")
    await terminal.end()
    assert store.load_plan(others[8]) == before and statuses(coach, 8) == []
    assert statuses(coach, 9) == ["sending"] and statuses(coach, 10) == ["snoozed"]
    assert store.load_occurrence(claimed_9).user_id == 9 and terminal.text().count(HEADER) == 1
    assert "on hold" not in terminal.text()  # the others took no safety check: theirs would say so


async def test_a_reminder_claimed_but_not_shown_is_shown_after_a_restart_once(say, coach, clock):
    plan(say, coach)
    clock.now = DUE
    shown: list[str] = []

    async def crashed(due) -> None:  # never called: the process dies between the claim and the print
        shown.append("never")
    assert coach.reminder_dispatcher(crashed, USER).tick() == 1
    assert statuses(coach, USER) == ["sending"] and shown == []
    clock.now = DUE + timedelta(minutes=3)
    restarted = Terminal(coach)
    await until(lambda: HEADER in restarted.text(), "the recovered reminder")
    await restarted.end()
    assert statuses(coach, USER) == ["sent"] and restarted.text().count(HEADER) == 1
    again = Terminal(coach)
    await again.say("hello", "Hi")
    await again.end()
    assert HEADER not in again.text()


async def test_a_script_that_ends_says_nothing_about_reminders_not_due(say, coach, clock):
    plan(say, coach)
    clock.now = DUE - timedelta(minutes=1)
    terminal = Terminal(coach)
    await terminal.say("how many reps for strength?", "reps")
    answered = terminal.text()
    await terminal.end()
    assert terminal.text() == answered and HEADER not in answered  # nothing more, the input having ended
    assert statuses(coach, USER) == []


def test_a_reminder_while_the_user_types_comes_on_its_own_lines_and_the_prompt_again(coach):
    out = io.StringIO()
    chat = TerminalChat(coach, out, USER, prompt=PROMPT, typed=lambda: "how ma")
    chat.waiting = True
    chat.show_reminder(Reply("⏰ reverse hypers at 07:00", buttons=((Button("✅ Done", "x"),),)))
    assert out.getvalue() == "\r\x1b[K⏰ reverse hypers at 07:00\n  [1] ✅ Done\n\n" + PROMPT + "how ma"
    scripted = io.StringIO()
    TerminalChat(coach, scripted, USER).show_reminder(Reply("⏰ reverse hypers at 07:00"))
    assert scripted.getvalue() == "⏰ reverse hypers at 07:00\n\n"  # no prompt when scripted


def test_a_line_naming_a_missing_audio_file_says_so(coach, tmp_path):
    out = io.StringIO()
    heard = []
    missing = tmp_path / "nope.ogg"
    run_chat(coach, [str(missing), "'voice/note.WAV'", "what about .ogg files"], out, USER,
             lambda user, path: heard.append(path) or Reply("heard"))
    assert NO_AUDIO_FILE.format(path=missing) in out.getvalue()
    assert NO_AUDIO_FILE.format(path="voice/note.WAV") in out.getvalue()
    assert out.getvalue().count("I can't find that audio file") == 2 and heard == []


def file_plan(db_path: str, now: datetime) -> int:
    """A plan of the terminal's user (1) in a database file, its reminder due now."""
    store = SchedulerStore(open_database(db_path))
    weekly = Schedule(weekdays=frozenset(range(7)), local_time=time(7))
    return store.add_plan(1, weekly, "UTC", "strength", now, now + timedelta(hours=1), now - timedelta(seconds=5))


@pytest.mark.parametrize("locked", [False, True])
def test_the_chat_serves_reminders_only_when_no_other_process_serves_the_database(tmp_path, monkeypatch, capsys,
                                                                                   locked):
    db = str(tmp_path / "shared.db")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COACHBOT_DB", db)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    plan_id = file_plan(db, datetime.now(UTC))
    monkeypatch.setattr(sys, "stdin", io.StringIO("hello\n"))
    if locked:
        with hold_instance_lock(db):  # as `coachbot run` holds it
            assert main(["chat"]) == 0
    else:
        assert main(["chat"]) == 0
    out, err = capsys.readouterr()
    moved = SchedulerStore(open_database(db)).load_plan(plan_id).remind_at > datetime.now(UTC)  # type: ignore[union-attr]
    assert (NOT_SERVING in err, moved, "on hold" in out) == (locked, not locked, not locked)


class ChatProcess:
    """The real `coachbot chat` with its stdin a pipe, its output read as it comes."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        self.out = ""

    async def say(self, line: str, expect: str, timeout: float = 30) -> str:
        """Type a line and wait (with a deadline, reading output as it arrives) for `expect`."""
        start = len(self.out)
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{line}\n".encode())
        await self.proc.stdin.drain()
        return await self.expect(expect, start, timeout)

    async def expect(self, text: str, start: int = 0, timeout: float = 30) -> str:
        """What was printed from `start` once it contains `text`; fails at the deadline."""
        assert self.proc.stdout is not None
        deadline = asyncio.get_running_loop().time() + timeout
        while text not in self.out[start:]:
            try:
                chunk = await asyncio.wait_for(self.proc.stdout.read(4096),
                                               deadline - asyncio.get_running_loop().time())
            except TimeoutError:
                chunk = b""
            if not chunk:
                raise AssertionError(f"no {text!r} in the chat's output:\n{self.out[start:][-2000:]}")
            self.out += chunk.decode()
        return self.out[start:]


async def test_the_real_chat_process_shows_a_reminder_and_records_the_typed_check_in(tmp_path):
    db = tmp_path / "chat.db"
    env = {**os.environ, "COACHBOT_DB": str(db), "COACHBOT_KB_CACHE_DIR": str(KB_CACHE)}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    proc = await asyncio.create_subprocess_exec(*coachbot_command(), "chat", stdin=asyncio.subprocess.PIPE,
                                                stdout=asyncio.subprocess.PIPE, env=env, cwd=tmp_path)
    chat = ChatProcess(proc)
    try:
        await chat.expect("/plan", timeout=120)
        await screened(chat)  # type: ignore[arg-type]  # the same say(text, expect) as the Telegram chat's
        await chat.say("/plan", "time zone")
        await chat.say("Berlin", "Right?")
        await chat.say("yes", "What are you training for")
        await chat.say("endurance", "When do you want to train")
        await chat.say("/settings", "Reminders come")
        await chat.say("1", "when each session starts")  # [1] at start
        await chat.say("in 6 seconds", "Save this plan?")
        await chat.say("yes", "Saved")
        reminder = await chat.expect("Not feeling well", chat.out.rindex("Saved"), timeout=30)
        assert HEADER in reminder and "2–4 sets × 15–20 reps" in reminder and "[1] ✅ Done" in reminder
        await chat.say("done", "Nice work")
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        code = await asyncio.wait_for(proc.wait(), 30)
    assert code == 0 and chat.out.count(HEADER) == 1
    assert SchedulerStore(open_database(str(db))).db.execute("SELECT status FROM occurrences").fetchall() == [("done",)]


async def test_the_line_reader_reads_when_asked_and_ends_with_the_input_or_a_broken_stdin():
    lines = LineReader(iterator_reader(iter(["hello", "1"])))
    assert [await lines.next_line(), await lines.next_line(), await lines.next_line()] == ["hello", "1", None]

    def broken() -> str:
        raise OSError("stdin closed")
    assert await LineReader(broken).next_line() is None

    def buggy() -> str:
        raise KeyError("a bug")
    with pytest.raises(KeyError):  # surfaces in the chat instead of leaving it waiting forever
        await asyncio.wait_for(LineReader(buggy).next_line(), 10)
