"""Settings read from the environment and `.env`: every variable of `.env.example`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TELEGRAM_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///data/steadfast.db"

_TOKEN_RE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{1,200}$")
_PLACEHOLDERS = {"changeme", "your-token-here", "123456:abc", "token", "xxx"}


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", env_file_encoding="utf-8")

    bot_token: SecretStr | None = None
    telegram_base_url: str = TELEGRAM_BASE_URL
    database_url: str = DEFAULT_DATABASE_URL
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    content_dir: Path = Path(__file__).resolve().parent.parent / "content"
    # Daily messages.
    send_rate: float = Field(default=30.0, gt=0, le=1000)
    daily_grace_hours: float = Field(default=3.0, ge=0, le=24)
    tick_seconds: float = Field(default=30.0, ge=0.05, le=300)
    # Replies owed: how long a sender holds one before the outbox sweep may send it instead.
    outbox_lease_seconds: float = Field(default=60.0, ge=0.5, le=3600)
    # Daily and weekly messages: how long a claim is held by its sender before another tick
    # (in any process) may take it over.
    claim_lease_seconds: float = Field(default=120.0, ge=1, le=3600)
    # Send outcomes the database could not take before a stop (an outage): kept in this local
    # file and written back before anything is claimed again (bot/store/pending.py).
    pending_outcomes_file: Path = Path("data/pending-outcomes.jsonl")
    # The urge flow: seconds per breathing phase (never below 1 in production: Telegram
    # allows about one edit a second per chat) and rounds of in-hold-out-hold.
    breathe_seconds: float = Field(default=4.0, ge=0.05, le=10)
    breathe_cycles: int = Field(default=3, ge=1, le=10)
    # /progress pictures: worker processes that draw them (0: a thread of the bot's own).
    chart_processes: int = Field(default=1, ge=0, le=8)
    # Webhook mode (polling when WEBHOOK_URL is empty).
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    # Start-up behaviour.
    migrate_on_start: bool = True

    @field_validator("bot_token", mode="before")
    @classmethod
    def _check_token(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        text = str(value.get_secret_value() if isinstance(value, SecretStr) else value).strip()
        if text.lower() in _PLACEHOLDERS or not _TOKEN_RE.match(text):
            raise ValueError("does not look like a bot token from @BotFather (digits:letters)")
        return text

    @field_validator("telegram_base_url")
    @classmethod
    def _check_base_url(cls, value: str) -> str:
        url = value.strip().rstrip("/")
        if not re.match(r"^https?://[^\s/]+", url):
            raise ValueError("must be an http(s) URL such as https://api.telegram.org/bot")
        # PTB requests f"{base_url}{token}/{method}": the URL must end with "/bot".
        return url if url.endswith("/bot") else url + "/bot"

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        return normalise_database_url(value)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p for p in re.split(r"[,\s]+", value.strip()) if p]
            if not all(re.fullmatch(r"-?\d+", p) for p in parts):
                raise ValueError("must be Telegram user ids separated by commas")
            return frozenset(int(p) for p in parts)
        return value

    @field_validator("webhook_url")
    @classmethod
    def _check_webhook_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not re.match(r"^https?://[^\s/]+", value.strip()):
            raise ValueError("must be the public https URL Telegram should post updates to")
        return value.strip()

    @field_validator("webhook_secret")
    @classmethod
    def _check_webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", value.get_secret_value()):
            raise ValueError("must be 16-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("is required when WEBHOOK_URL is set")
        return self

    @property
    def base_file_url(self) -> str:
        """PTB's base_file_url that belongs to `telegram_base_url`."""
        return self.telegram_base_url[: -len("/bot")] + "/file/bot"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def normalise_database_url(value: str) -> str:
    """Turn plain `sqlite:///` and `postgresql://` URLs into their async driver forms."""
    url = value.strip()
    for plain, full in (
        ("sqlite:///", "sqlite+aiosqlite:///"),
        ("postgresql://", "postgresql+asyncpg://"),
        ("postgres://", "postgresql+asyncpg://"),
    ):
        if url.startswith(plain):
            return full + url[len(plain) :]
    if url.startswith(("sqlite+aiosqlite:///", "postgresql+asyncpg://")):
        return url
    raise ValueError("must start with sqlite:/// or postgresql:// (async drivers are added)")


class ConfigError(Exception):
    """A setting is missing or malformed; the message names the variable."""


def load_settings(**overrides: object) -> Settings:
    """Read settings, turning validation errors into one line that names the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "WEBHOOK_SECRET"
        message = first["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{name}: {message}") from None
