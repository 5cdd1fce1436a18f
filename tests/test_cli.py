"""The `coachbot` command: ask (one message, JSON, stdin lines), chat, run without a token, kb tools."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from bot.cli import main
from tests.botprocess import coachbot_command


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Each test gets its own database and no developer .env."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COACHBOT_DB", str(tmp_path / "cli.db"))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)


def test_ask_json_gives_text_matched_entry_and_score(capsys):
    assert main(["ask", "how many reps for endurance?", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["matched"] is True and result["entry"] == "program-endurance"
    assert "15–20" in result["text"] and result["score"] > 0


def test_ask_json_off_topic_is_not_matched(capsys):
    main(["ask", "what's the capital of France?", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert result["matched"] is False and result["entry"] is None


def test_ask_dash_reads_one_message_per_line(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("how high should my legs go\nwho invented the reverse hyper\n\n"))
    main(["ask", "-", "--json"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["entry"] for r in lines] == ["leg-height", "history", None]
    assert lines[2]["matched"] is False


def test_chat_shows_buttons_as_numbers_and_accepts_them(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("/topics\n1\nhow do I warm up\n/quit\nnever read\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "[1] 🩺 Take the safety check" in out and "[1] Basics & equipment" in out
    assert "pick a question" in out and "Warm" in out and "never read" not in out


def test_run_without_a_token_starts_the_terminal_chat(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("what muscles do hypers work\n"))
    assert main(["run"]) == 0
    out = capsys.readouterr().out
    assert "No TELEGRAM_BOT_TOKEN" in out and "glute" in out.lower()


def test_kb_check_search_misses_and_export(capsys):
    assert main(["kb", "check"]) == 0
    assert "0 problems" in capsys.readouterr().out
    main(["kb", "search", "hammies reps 4 endurance"])
    assert "topic matched: program-endurance" in capsys.readouterr().out
    main(["ask", "what is the capital of peru"])
    capsys.readouterr()
    main(["kb", "misses"])
    assert "what is the capital of peru" in capsys.readouterr().out
    main(["kb", "export", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert len(data["entries"]) >= 70 and data["articles"]


def test_kb_check_fails_on_broken_content(capsys, monkeypatch, tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "x.yaml").write_text("entries:\n  - id: Bad Id\n")
    monkeypatch.setenv("COACHBOT_KNOWLEDGE_DIR", str(tmp_path / "bad"))
    assert main(["kb", "check"]) == 1
    assert "id must match" in capsys.readouterr().out


def test_the_console_script_is_installed_and_scriptable(tmp_path):
    out = subprocess.run([*coachbot_command(), "ask", "-", "--json"], input="what is a reverse hyper\n",
                         capture_output=True, text=True, cwd=tmp_path, timeout=60, check=True).stdout
    assert json.loads(out)["entry"] == "what-is"


def test_ask_reads_invalid_utf8_on_stdin_without_a_traceback(tmp_path):
    done = subprocess.run([*coachbot_command(), "ask", "-", "--json"],
                          input=b"what is a \xff\xfe reverse hyper\n\xc3\n", capture_output=True, cwd=tmp_path,
                          timeout=60, env={**os.environ, "COACHBOT_DB": str(tmp_path / "cli.db")})
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    answers = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert answers[0]["question"] == "what is a \ufffd\ufffd reverse hyper" and len(answers) == 2


def test_ask_stops_quietly_when_the_reader_closes_the_pipe(tmp_path):
    questions = "what is a reverse hyper\n" * 1000  # more than a pipe buffer of answers
    with subprocess.Popen([*coachbot_command(), "ask", "-", "--json"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, cwd=tmp_path,
                          env={**os.environ, "COACHBOT_DB": str(tmp_path / "cli.db")}) as process:
        assert process.stdin is not None and process.stdout is not None and process.stderr is not None
        process.stdin.write(questions.encode())
        process.stdin.close()
        assert json.loads(process.stdout.readline())["entry"] == "what-is"
        process.stdout.close()  # like `| head -1`
        errors = process.stderr.read()
    assert process.returncode == 141 and errors == b""


def test_ask_makes_an_argument_that_is_not_utf8_printable(capsys):
    assert main(["ask", "what is a reverse hyper \udcff", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["question"] == "what is a reverse hyper \ufffd"


def test_when_reads_one_phrase_per_stdin_line_as_json(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("every mon wed at 7am\ntomorrow 18:30\n"))
    assert main(["when", "-", "--now", "2026-03-01T10:00", "--tz", "Europe/Berlin", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [{"kind": "weekly", "days": ["mon", "wed"], "time": "07:00"},
                     {"kind": "once", "date": "2026-03-02", "time": "18:30"}]


def test_when_gives_a_hint_for_what_it_cannot_read(capsys):
    main(["when", "sometime maybe", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert result["kind"] == "error" and result["hint"]


def test_zone_prints_zone_and_candidates(capsys):
    main(["zone", "Berlin", "--json"])
    assert json.loads(capsys.readouterr().out) == {"zone": "Europe/Berlin", "candidates": []}


def test_ask_dash_lines_are_one_users_conversation(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("how many reps for endurance?\nand for strength?\n"))
    main(["ask", "-", "--json"])
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (first["entry"], second["entry"]) == ("program-endurance", "program-strength")
