"""Secrets never reach a log line."""

from __future__ import annotations

import logging

import pytest

from bot.logs import RedactingFilter


def test_known_secret_and_token_shapes_are_masked(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.redact")
    caplog.handler.addFilter(RedactingFilter(["s3cret-webhook-value"]))
    logger.warning("url %s", "http://x/bot123456789:AAAAbbbbCCCCddddEEEEffff/getMe")
    logger.warning("secret is s3cret-webhook-value")
    text = caplog.text
    assert "AAAAbbbb" not in text
    assert "s3cret-webhook-value" not in text
    assert text.count("***") == 2
