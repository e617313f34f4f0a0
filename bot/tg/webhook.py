"""Webhook mode's HTTP server (aiohttp, as in PTB's custom-webhook example): Telegram's
updates, /healthz (the database answers) and /metrics (Prometheus text).

Updates must carry the secret token Telegram was given in setWebhook
(X-Telegram-Bot-Api-Secret-Token); anything else gets 403 and changes nothing, is counted
(`webhook_refused` in /metrics) and logged at most once a minute, with the number refused since
the last such line (a scanner must not be able to fill the log). A body that is not an update
object (malformed JSON, a list, a string, no update_id or an absurd one, fields PTB cannot
read) gets 400 and never reaches the application.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.core.runtime import runtime_of

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_path(url: str) -> str:
    return urlsplit(url).path or "/"


# Update ids are positive and increase one by one; anything outside what a JSON number holds
# exactly is not one Telegram sent.
MAX_UPDATE_ID = 2**53 - 1
REFUSED = "webhook_refused"  # its counter in /metrics (bot/core/metrics.py)


class RefusalLog:
    """Decides when a refused request is worth a log line: at most one every `every` seconds,
    saying how many were refused since the previous line."""

    def __init__(self, every: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._every = every
        self._clock = clock
        self._last: float | None = None
        self._since = 0

    def refused(self) -> int | None:
        """Count one refusal; return the count to log now, or None to stay quiet."""
        self._since += 1
        now = self._clock()
        if self._last is not None and now - self._last < self._every:
            return None
        count, self._since, self._last = self._since, 0, now
        return count


def parse_update(body: bytes, bot: Any) -> Update | None:
    """The update in a webhook body, or None when the body is not one (never raises)."""
    try:
        payload: Any = json.loads(body)
    except (ValueError, RecursionError):  # malformed JSON, not UTF-8, absurdly nested
        return None
    if not isinstance(payload, dict):
        return None
    update_id = payload.get("update_id")
    if type(update_id) is not int or not 0 <= update_id <= MAX_UPDATE_ID:
        return None
    try:
        update = Update.de_json(payload, bot)
    except Exception:  # noqa: BLE001 - any field PTB cannot read makes it no update
        return None
    return update if isinstance(update, Update) else None


def make_web_app(
    application: Application, *, secret: str, path: str, refusals: RefusalLog | None = None
) -> web.Application:
    rt = runtime_of(application.bot_data)
    refusal_log = refusals or RefusalLog()

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            rt.metrics.inc(REFUSED)
            count = refusal_log.refused()
            if count is not None:
                logger.warning(
                    "webhook requests refused (wrong or missing secret token): %d since the "
                    "last such line; at most one line a minute",
                    count,
                )
            return web.Response(status=403, text="forbidden")
        update = parse_update(await request.read(), application.bot)
        if update is None:
            logger.debug("webhook request answered 400: the body is not an update")
            return web.Response(status=400, text="bad update")
        # Handled before answering, through the per-chat update processor: Telegram sends a
        # chat's next update only after this one is acknowledged, so order holds across
        # instances. Errors go to the application's error handler.
        await application.update_processor.process_update(
            update, application.process_update(update)
        )
        return web.Response(text="ok")

    async def healthz(_request: web.Request) -> web.Response:
        try:
            async with asyncio.timeout(3):
                await rt.db.ping()
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            return web.Response(status=503, text="database unreachable\n")
        return web.Response(text="ok\n")

    async def metrics(_request: web.Request) -> web.Response:
        return web.Response(text=rt.metrics.render(), content_type="text/plain")

    app = web.Application(client_max_size=1 << 20)
    app.router.add_post(path, receive)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    return app


async def start_web_server(
    application: Application, *, secret: str, url: str, listen: str, port: int
) -> web.AppRunner:
    runner = web.AppRunner(
        make_web_app(application, secret=secret, path=webhook_path(url)), access_log=None
    )
    await runner.setup()
    try:
        await web.TCPSite(runner, listen, port).start()
    except BaseException:
        await runner.cleanup()
        raise
    logger.info("webhook server listening on %s:%d", listen, port)
    return runner
