"""What starting the bot does not spend time on (the benches time it: bench/bench_voice_speed.py)."""

from __future__ import annotations

import pytest
import sqlite_utils.plugins

from bot.storage.database import open_database


@pytest.mark.parametrize("name", [":memory:", "coach.db"])
def test_opening_the_database_scans_no_installed_package_for_sqlite_utils_plugins(tmp_path, monkeypatch, name):
    scanned: list[str] = []
    monkeypatch.setattr(sqlite_utils.plugins, "_plugins_loaded", False)
    monkeypatch.setattr(sqlite_utils.plugins.pm, "load_setuptools_entrypoints", scanned.append)
    db = open_database(name if name == ":memory:" else tmp_path / name)
    assert db.execute("SELECT count(*) FROM users").fetchone() == (0,)
    assert scanned == []

