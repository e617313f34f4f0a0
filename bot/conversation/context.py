"""The handlers' context type: python-telegram-bot's CallbackContext with the runtime and the
flow registry as typed properties (registered with ContextTypes in app.py)."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.conversation.flow import Registry
from bot.core.runtime import RUNTIME_KEY, Runtime

FLOWS_KEY = Registry.KEY


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    @property
    def runtime(self) -> Runtime:
        runtime: Runtime = self.application.bot_data[RUNTIME_KEY]
        return runtime

    @property
    def flows(self) -> Registry:
        flows: Registry = self.application.bot_data[FLOWS_KEY]
        return flows


BotApplication = Application[
    ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any
]
