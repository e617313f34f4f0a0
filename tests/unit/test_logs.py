"""Secrets never reach a log line."""

from __future__ import annotations

import logging
import sys

import pytest

from bot.core.logs import OneLineFormatter, RedactingFilter


def test_known_secret_and_token_shapes_are_masked(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.redact")
    caplog.handler.addFilter(RedactingFilter(["s3cret-webhook-value"]))
    logger.warning("url %s", "http://x/bot123456789:AAAAbbbbCCCCddddEEEEffff/getMe")
    logger.warning("secret is s3cret-webhook-value")
    text = caplog.text
    assert "AAAAbbbb" not in text
    assert "s3cret-webhook-value" not in text
    assert text.count("***") == 2


def test_a_secret_in_an_exceptions_cause_is_masked_in_the_traceback() -> None:
    """aiohttp names the URL (token included) in its errors; PTB's error chains that one as
    the cause, and the traceback prints it."""
    secret = "s3cret-webhook-value"
    redactor = RedactingFilter([secret])
    formatter = OneLineFormatter("%(levelname)s %(message)s", redactor)
    try:
        try:
            url = "http://x/bot123456789:AAAAbbbbCCCCddddEEEEffff/getUpdates"
            raise OSError(f"cannot write to {url} ({secret})")
        except OSError as cause:
            raise RuntimeError("network error") from cause
    except RuntimeError:
        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    line = formatter.format(record)
    assert "network error" in line  # the traceback is there, folded onto one line
    assert "\n" not in line
    assert "AAAAbbbb" not in line
    assert secret not in line


def test_what_escapes_is_printed_as_one_masked_line(capsys: pytest.CaptureFixture[str]) -> None:
    import threading

    from bot.core.logs import install_exception_hooks

    secret = "s3cret-webhook-value"
    saved = sys.excepthook, threading.excepthook, sys.unraisablehook
    install_exception_hooks(RedactingFilter([secret]))
    try:
        try:
            raise RuntimeError(f"bot123456789:AAAAbbbbCCCCddddEEEEffff rejected ({secret})\nmore")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
            failed = threading.Thread(target=lambda: None, name="worker")
            threading.excepthook(threading.ExceptHookArgs(  # type: ignore[call-arg]
                (type(exc), exc, exc.__traceback__, failed)
            ))
    finally:
        sys.excepthook, threading.excepthook, sys.unraisablehook = saved
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "Stopped: RuntimeError: bot*** rejected (***)",
        "Error in worker: RuntimeError: bot*** rejected (***)",
    ]


def test_values_a_database_repeats_in_its_error_are_masked() -> None:
    line = RedactingFilter([]).clean(
        'DETAIL:  Key (user_id)=(918273645) is not present in table "users". '
        "DETAIL:  Failing row contains (7, 918273645, my secret reason (really), null)."
    )
    assert "918273645" not in line
    assert "my secret reason" not in line
    assert "Key (user_id)=(…)" in line
