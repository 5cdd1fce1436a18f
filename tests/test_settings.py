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
                                              ("COACHBOT_MATCH_THRESHOLD", "high")])
def test_bad_values_are_rejected_with_the_variable_name(tmp_path, name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value}, env_file=tmp_path / "none")


def test_every_variable_read_is_documented_in_env_example():
    from pathlib import Path
    import re
    source = (Path(__file__).resolve().parents[1] / "bot" / "settings.py").read_text()
    example = (Path(__file__).resolve().parents[1] / ".env.example").read_text()
    used = set(re.findall(r'"((?:TELEGRAM|COACHBOT)_[A-Z_]+)"', source))
    assert used and all(f"{name}=" in example for name in used)
