"""Settings: defaults, URL forms, and one-line errors that name the variable."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, Settings, load_settings


def make(**values: object) -> Settings:
    return load_settings(_env_file=None, **values)


def test_defaults_run_without_a_token_on_sqlite() -> None:
    settings = make()
    assert settings.bot_token is None
    assert settings.database_url.startswith("sqlite+aiosqlite:///")
    assert settings.telegram_base_url == "https://api.telegram.org/bot"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///data/x.db", "sqlite+aiosqlite:///data/x.db"),
        ("postgresql://u:p@h/db", "postgresql+asyncpg://u:p@h/db"),
        ("postgres://u:p@h/db", "postgresql+asyncpg://u:p@h/db"),
        ("postgresql+asyncpg://u:p@h/db", "postgresql+asyncpg://u:p@h/db"),
    ],
)
def test_database_url_forms(given: str, expected: str) -> None:
    assert make(database_url=given).database_url == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/bot"),
        ("http://127.0.0.1:8081/", "http://127.0.0.1:8081/bot"),
        ("http://127.0.0.1:8081", "http://127.0.0.1:8081/bot"),
    ],
)
def test_base_url_always_ends_with_bot(given: str, expected: str) -> None:
    settings = make(telegram_base_url=given)
    assert settings.telegram_base_url == expected
    assert settings.base_file_url == expected[: -len("/bot")] + "/file/bot"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("database_url", "mysql://x"),
        ("bot_token", "changeme"),
        ("bot_token", "not a token"),
        ("admin_ids", "12,abc"),
        ("log_level", "LOUD"),
        ("send_rate", "0"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        make(**{name: value})
    message = str(caught.value)
    assert message.startswith(name.upper() + ":")
    assert "\n" not in message


def test_token_is_a_secret_and_admin_ids_parse() -> None:
    settings = make(bot_token="123456:AAbbCC_dd-ee", admin_ids="1, 2,3")
    assert "AAbbCC" not in repr(settings)
    assert settings.admin_ids == frozenset({1, 2, 3})
