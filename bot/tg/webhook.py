"""Webhook mode's HTTP server (aiohttp, as in PTB's custom-webhook example): Telegram's
updates, /healthz (the database answers) and /metrics (Prometheus text).

Updates must carry the secret token Telegram was given in setWebhook
(X-Telegram-Bot-Api-Secret-Token); anything else gets 403 and changes nothing.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
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


def make_web_app(application: Application, *, secret: str, path: str) -> web.Application:
    rt = runtime_of(application.bot_data)

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            logger.warning("webhook request refused: wrong or missing secret token")
            return web.Response(status=403, text="forbidden")
        try:
            payload: Any = json.loads(await request.read())
            update = Update.de_json(payload, application.bot)
        except (ValueError, TypeError, KeyError):
            return web.Response(status=400, text="bad update")
        if update is None:
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
    await web.TCPSite(runner, listen, port).start()
    logger.info("webhook server listening on %s:%d", listen, port)
    return runner
