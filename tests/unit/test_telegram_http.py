"""The Bot API HTTP client's timeouts (the rest is exercised end to end through the emulator)."""

from __future__ import annotations

from telegram.request import BaseRequest

from bot.tg.client import AiohttpRequest

DEFAULT = BaseRequest.DEFAULT_NONE


def test_plain_calls_wait_the_read_timeout() -> None:
    request = AiohttpRequest(read_timeout=5.0, media_write_timeout=20.0)
    assert request.read_limit(DEFAULT, DEFAULT, uploads=False) == 5.0
    assert request.read_limit(12.0, DEFAULT, uploads=False) == 12.0
    assert request.read_limit(None, DEFAULT, uploads=False) is None  # explicitly unlimited


def test_uploads_may_take_the_media_or_the_given_write_timeout() -> None:
    request = AiohttpRequest(read_timeout=5.0, media_write_timeout=20.0)
    assert request.read_limit(DEFAULT, DEFAULT, uploads=True) == 20.0
    assert request.read_limit(DEFAULT, 45.0, uploads=True) == 45.0
    assert request.read_limit(None, DEFAULT, uploads=True) is None
