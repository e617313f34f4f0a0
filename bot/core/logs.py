"""Logging set-up: one line per event, noisy libraries turned down, secrets masked."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

_TOKEN_SHAPE = re.compile(r"\d{5,20}:[A-Za-z0-9_-]{20,}")


class RedactingFilter(logging.Filter):
    """Replace known secrets, and anything shaped like a bot token, with '***'."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s and len(s) >= 6]

    def clean(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return _TOKEN_SHAPE.sub("***", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self.clean(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            exc.args = tuple(self.clean(a) if isinstance(a, str) else a for a in exc.args)
        return True


class OneLineFormatter(logging.Formatter):
    """One line per event: tracebacks folded onto the same line, and masked once more as a
    whole (an exception's causes, printed in the traceback, can name a Bot API URL)."""

    def __init__(self, fmt: str, redactor: RedactingFilter | None = None) -> None:
        super().__init__(fmt)
        self._redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record).replace("\n", " ⏎ ")
        return self._redactor.clean(line) if self._redactor else line


def setup_logging(level: str, secrets: Iterable[str] = ()) -> None:
    """Log one line per event to stderr, secrets masked, libraries held at safe levels."""
    handler = logging.StreamHandler()
    redactor = RedactingFilter(secrets)
    handler.setFormatter(
        OneLineFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", redactor)
    )
    handler.addFilter(redactor)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL, and the URL carries the token.
    for noisy in ("httpx", "httpcore", "aiosqlite", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # Our modules follow `level`. Libraries never go below INFO (python-telegram-bot's DEBUG
    # lines carry request parameters); SQL logging never below WARNING (it shows parameter
    # values, which include what users typed).
    floor = logging.getLevelName(level)
    for library, lowest in (
        ("telegram", logging.INFO), ("alembic", logging.INFO),
        ("sqlalchemy", logging.WARNING), ("aiohttp", logging.WARNING),
    ):
        logging.getLogger(library).setLevel(max(floor, lowest))
    # A tick skipped because the previous one is still sending is expected, not a warning.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
