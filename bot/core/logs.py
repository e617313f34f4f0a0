"""Logging set-up: one line per event, noisy libraries turned down, secrets masked."""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Iterable
from types import TracebackType

from bot.core.stopping import Stopping

_TOKEN_SHAPE = re.compile(r"\d{5,20}:[A-Za-z0-9_-]{20,}")
# PostgreSQL repeats a failing row's values in its error DETAIL ("Key (user_id)=(42) is not
# present", "Failing row contains (...)"): hide_parameters cannot reach those.
_DB_VALUES = re.compile(r"(Key \([^)]*\)=|Failing row contains )\((?:[^()]|\([^()]*\))*\)")


class RedactingFilter(logging.Filter):
    """Replace known secrets, and anything shaped like a bot token, with '***'."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s and len(s) >= 6]

    def clean(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        text = _DB_VALUES.sub(r"\1(…)", text)
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


def one_line(exc: BaseException, limit: int = 300) -> str:
    """`Type: first line of the message`, short; not masked (pass it through clean())."""
    lines = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def install_exception_hooks(redactor: RedactingFilter) -> None:
    """Whatever escapes (the main thread, another thread, an object's __del__) is printed as
    one masked line instead of a traceback, which may carry a secret in clear."""

    def excepthook(
        kind: type[BaseException], value: BaseException, _tb: TracebackType | None
    ) -> None:
        sys.stderr.write(redactor.clean(f"Stopped: {one_line(value)}") + "\n")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None and not isinstance(args.exc_value, SystemExit):
            name = args.thread.name if args.thread else "a thread"
            sys.stderr.write(redactor.clean(f"Error in {name}: {one_line(args.exc_value)}") + "\n")

    def unraisable_hook(args: sys.UnraisableHookArgs) -> None:
        # A Stopping here is a stop signal swallowed where it landed: start-up stops at its
        # next safe point (bot/core/stopping.py), and it is not an error.
        if args.exc_value is not None and not isinstance(args.exc_value, Stopping):
            sys.stderr.write(redactor.clean(f"Ignored error: {one_line(args.exc_value)}") + "\n")

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    sys.unraisablehook = unraisable_hook


def setup_logging(level: str, secrets: Iterable[str] = ()) -> RedactingFilter:
    """Log one line per event to stderr, secrets masked, libraries held at safe levels;
    return the masking filter (for what is written to stderr outside logging)."""
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
        ("telegram", logging.INFO),
        ("alembic", logging.INFO),
        ("sqlalchemy", logging.WARNING),
        ("aiohttp", logging.WARNING),
    ):
        logging.getLogger(library).setLevel(max(floor, lowest))
    # A tick skipped because the previous one is still sending is expected, not a warning.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    return redactor
