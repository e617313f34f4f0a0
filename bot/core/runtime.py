"""What every handler and job needs, built once per application."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.config import Settings
from bot.core.clock import Clock
from bot.core.content import Content
from bot.core.metrics import Metrics
from bot.services.faq import FaqMatcher
from bot.store.db import Database

RUNTIME_KEY = "steadfast.runtime"


@dataclass
class Runtime:
    settings: Settings
    clock: Clock
    db: Database
    content: Content
    matcher: FaqMatcher
    metrics: Metrics = field(default_factory=Metrics)


def runtime_of(bot_data: dict[Any, Any]) -> Runtime:
    runtime = bot_data[RUNTIME_KEY]
    assert isinstance(runtime, Runtime)
    return runtime
