"""Bad environments: unusable database paths, damaged or foreign files, and a full disk give one
clear line (exit code 2 at start) or one clear reply, never a traceback, and lose nothing stored."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from bot.cli import main
from bot.composition import assemble
from bot.core.coach import DISK_FULL
from bot.core.messages import Inbound, InboundKind
from bot.features.screening.flow import ScreeningFlow
from bot.storage.database import open_database
from bot.storage.transaction import StorageFull, transaction
from bot.storage.users import Store
from tests.botprocess import coachbot_command
from tests.conftest import KB_CACHE, NOW, FakeClock
from tests.faults import faulty_database, fill_disk


def start_with(path: Path, monkeypatch, capsys) -> str:
    """Run `coachbot ask` on the database at `path`: it must exit 2 with one line and no traceback."""
    monkeypatch.setenv("COACHBOT_DB", str(path))
    assert main(["ask", "what is a reverse hyper"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("coachbot: ") and "Traceback" not in err
    return err


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """No developer .env."""
    monkeypatch.chdir(tmp_path)


def test_a_parent_that_is_a_file(tmp_path, monkeypatch, capsys):
    (tmp_path / "notes.txt").write_text("hello")
    assert "cannot open the database" in start_with(tmp_path / "notes.txt" / "coach.db", monkeypatch, capsys)
    assert "cannot open" in start_with(tmp_path / "notes.txt" / "deeper" / "coach.db", monkeypatch, capsys)


def test_an_uncreatable_folder_and_a_folder_in_place_of_the_file(tmp_path, monkeypatch, capsys):
    assert "cannot open the database" in start_with(Path("/proc/coachbot-test/coach.db"), monkeypatch, capsys)
    assert "cannot open the database" in start_with(tmp_path, monkeypatch, capsys)


def test_an_unwritable_file(tmp_path, monkeypatch, capsys):
    path = tmp_path / "coach.db"
    Store(open_database(path)).save_miss(1, "kept", 1.0, None, NOW)
    if not _make_read_only(path):
        pytest.skip("cannot make a file unwritable here (root without chattr)")
    try:
        assert "readonly" in start_with(path, monkeypatch, capsys)
    finally:
        _make_writable(path)
    assert Store(open_database(path)).load_misses()[0]["text"] == "kept"


def test_an_sqlite_file_of_another_program(tmp_path, monkeypatch, capsys):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE users (name TEXT, email TEXT)")
    assert "SQLite database of another program" in start_with(path, monkeypatch, capsys)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT sql FROM sqlite_master").fetchall() == [("CREATE TABLE users (name TEXT, email TEXT)",)]


def test_damaged_pages_are_found_by_quick_check_at_start(tmp_path, monkeypatch, capsys):
    path = tmp_path / "coach.db"
    db = open_database(path)
    for n in range(400):
        Store(db).save_miss(n, f"question {n} " * 20, 1.0, None, NOW)
    db.conn.close()
    with path.open("r+b") as file:
        file.seek(4096 * 5)
        file.write(b"\xff" * 4096)
    assert "is damaged" in start_with(path, monkeypatch, capsys)


def test_a_real_full_disk_is_reported_as_storage_full_and_rolled_back(tmp_path):
    db = open_database(tmp_path / "coach.db")
    fill_disk(db)
    with pytest.raises(StorageFull), transaction(db):
        db.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (1, 'a', 'a')")
        db.execute("INSERT INTO misses (user_id, text, at) VALUES (1, ?, 'a')", ["x" * 100_000])
    assert db["users"].count == 0 and db["misses"].count == 0


def test_on_a_full_disk_each_message_gets_one_clear_reply_and_nothing_is_lost(understanding):
    db = faulty_database()
    coach = assemble(understanding, db, FakeClock())
    say = lambda text: coach.handle(Inbound(7, InboundKind.TEXT, text))  # noqa: E731
    for text in ("/screen", "ok", "no", "what about kettlebells on mars"):
        say(text)
    before = (coach.need(ScreeningFlow).store.load_progress(7), coach.store.load_misses())
    db.conn.full = True  # type: ignore[attr-defined]
    for text in ("no", "/forget", "what about dumbbells on venus", "/screen", "/voice on"):
        assert say(text) == [DISK_FULL]
    assert coach.handle(Inbound(7, InboundKind.BUTTON, "forget:yes")) == [DISK_FULL]
    assert coach.first_delivery(99)
    db.conn.full = False  # type: ignore[attr-defined]
    assert (coach.need(ScreeningFlow).store.load_progress(7), coach.store.load_misses()) == before
    assert "Question 3 of 15" in say("no")[0].text  # question 2 was still open: nothing half-stored


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash for ulimit")
def test_the_cli_on_a_disk_that_fills_up_answers_every_line_and_keeps_what_it_stored(tmp_path):
    path = tmp_path / "coach.db"
    Store(open_database(path)).save_miss(1, "stored before", 1.0, None, NOW)
    questions = "".join(f"what about kettlebell number {n} on the moon\n" for n in range(300))
    command = " ".join(f"'{part}'" for part in [*coachbot_command(), "ask", "-", "--json"])
    done = subprocess.run(["bash", "-c", f"ulimit -f 256; exec {command}"], input=questions, capture_output=True,
                          text=True, cwd=tmp_path, timeout=120,
                          env={**os.environ, "COACHBOT_DB": str(path), "COACHBOT_KB_CACHE_DIR": str(KB_CACHE)})
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0 and "Traceback" not in done.stderr and len(answers) == 300
    assert any(a["text"] == DISK_FULL.text for a in answers)  # the limit was reached...
    assert answers[0]["text"] != DISK_FULL.text  # ...after some were stored
    db = open_database(path)
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert Store(db).load_misses(1000)[-1]["text"] == "stored before"


def _make_read_only(path: Path) -> bool:
    """Make the file unwritable: chmod for a normal user, the immutable flag for root."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return True
    return shutil.which("chattr") is not None and subprocess.run(["chattr", "+i", str(path)]).returncode == 0


def _make_writable(path: Path) -> None:
    """Undo _make_read_only."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    path.chmod(0o644)
