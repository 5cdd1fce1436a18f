"""Settings come from the environment over a .env file, with clear errors for bad values."""

from __future__ import annotations

import pytest

from bot.settings import DEFAULT_API_BASE_URL, SettingsError, load_settings


def test_defaults_without_any_configuration(tmp_path):
    settings = load_settings({}, env_file=tmp_path / "missing.env")
    assert settings.token is None and settings.api_base_url == DEFAULT_API_BASE_URL
    assert settings.db_path == "coachbot.db" and settings.log_level == "INFO"


def test_env_file_is_read_and_the_environment_wins(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("TELEGRAM_BOT_TOKEN=from-file\nCOACHBOT_DB=file.db\nTELEGRAM_API_BASE_URL=http://127.0.0.1:8081/bot\n")
    settings = load_settings({"COACHBOT_DB": "env.db"}, env_file=env_file)
    assert settings.token == "from-file"
    assert settings.db_path == "env.db"
    assert settings.api_base_url == "http://127.0.0.1:8081/bot"


@pytest.mark.parametrize(("name", "value"), [("COACHBOT_LOG_LEVEL", "LOUD"), ("TELEGRAM_WEBHOOK_PORT", "eighty"),
                                              ("COACHBOT_MATCH_THRESHOLD", "high"),
                                              ("COACHBOT_MATCH_THRESHOLD", "nan"), ("COACHBOT_MATCH_THRESHOLD", "inf"),
                                              ("COACHBOT_MATCH_THRESHOLD", "-inf"), ("COACHBOT_MATCH_THRESHOLD", "abc"),
                                              ("COACHBOT_MATCH_THRESHOLD", "-1"), ("COACHBOT_MATCH_THRESHOLD", "100.5"),
                                              ("TELEGRAM_WEBHOOK_PORT", "0"), ("TELEGRAM_WEBHOOK_PORT", "70000")])
def test_bad_values_are_rejected_with_the_variable_name(tmp_path, name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value}, env_file=tmp_path / "none")


def test_every_variable_read_is_documented_in_env_example():
    import re
    from pathlib import Path
    source = (Path(__file__).resolve().parents[1] / "bot" / "settings.py").read_text()
    example = (Path(__file__).resolve().parents[1] / ".env.example").read_text()
    used = set(re.findall(r'"((?:TELEGRAM|COACHBOT)_[A-Z_]+)"', source))
    assert used and all(f"{name}=" in example for name in used)


@pytest.mark.parametrize("value", ["0", "60", "72.5", "100"])
def test_a_threshold_from_0_to_100_is_accepted(tmp_path, value):
    assert load_settings({"COACHBOT_MATCH_THRESHOLD": value}, env_file=tmp_path / "none").match_threshold == float(value)


def test_a_bad_threshold_stops_the_cli_at_start_with_one_line(tmp_path, monkeypatch, capsys):
    from bot.cli import main
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COACHBOT_MATCH_THRESHOLD", "nan")
    assert main(["ask", "what is a reverse hyper"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "COACHBOT_MATCH_THRESHOLD='nan' must be a number from 0 to 100" in err
