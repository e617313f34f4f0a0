"""What every handler and job needs, built once per application."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from bot.config import Settings
from bot.core.clock import Clock
from bot.core.content import Content
from bot.core.drawing import Drawing
from bot.core.metrics import Metrics
from bot.core.seen import LastAnswers, RecentIds, RecentTexts
from bot.services.faq import FaqMatcher
from bot.store.db import Database
from bot.store.pending import PendingOutcomes

RUNTIME_KEY = "steadfast.runtime"


@dataclass
class Runtime:
    settings: Settings
    clock: Clock
    db: Database
    content: Content
    matcher: FaqMatcher
    # Send outcomes kept through a database outage (bot/store/pending.py).
    pending: PendingOutcomes
    metrics: Metrics = field(default_factory=Metrics)
    # Updates taken in by this process (a copy delivered again is dropped at the door) and
    # those whose handled-record a turn has already written (a second turn of the same update
    # must not mistake it for a copy).
    updates_taken: RecentIds = field(default_factory=RecentIds)
    updates_recorded: RecentIds = field(default_factory=RecentIds)
    # The last FAQ answer each person got: not sent again straight after (handlers/faq.py).
    last_answers: LastAnswers = field(default_factory=LastAnswers)
    # The FAQ questions each person was last offered or answered (ids joined by ","): a short
    # follow-up question is read against them first (handlers/faq.py, the ninth probe's S6).
    offered: LastAnswers = field(default_factory=LastAnswers)
    # The last few listening texts each person read: the next is another (Turn.fresh).
    recent_texts: RecentTexts = field(default_factory=RecentTexts)
    # Timed work that outlives its turn (the breathing exercise's edits): cancelled when the
    # application stops, since what it owes is kept in the store and resumed from there.
    background: set[asyncio.Task[None]] = field(default_factory=set)
    # Outbox rows this process is sending right now: its own sweep leaves them alone even when
    # their claim looks old (the clock moved, or a send waited out a long 429).
    sending: set[int] = field(default_factory=set)
    # Where /progress pictures are drawn (bot/core/drawing.py); app.py sets worker processes.
    drawing: Drawing = field(default_factory=lambda: Drawing(0))
    # Set when the application starts to stop: writers waiting for the database keep their
    # outcomes in `pending` instead of holding the stop.
    stopping: bool = False


def runtime_of(bot_data: dict[Any, Any]) -> Runtime:
    runtime = bot_data[RUNTIME_KEY]
    assert isinstance(runtime, Runtime)
    return runtime
