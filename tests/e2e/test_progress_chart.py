"""/progress: a picture of the user's No Contact, or a kind word while there is too little."""

from __future__ import annotations

import asyncio
import io
import random
import re
import threading
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
from PIL import Image

from bot.core.clock import MovableClock
from bot.emulator.server import BotApiEmulator
from bot.services import charts
from bot.services.schedule import local_instant
from bot.store import attempts as attempt_store
from bot.store import deliveries as delivery_store
from bot.store import urges as urge_store
from tests.harness import BotRunner, onboard

TODAY = date(2026, 11, 25)  # the clock fixture's day in Berlin


async def test_a_new_user_hears_it_needs_a_few_days(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(3001)
    await onboard(user)
    await user.send("/progress")
    reply = await user.reply()
    assert reply.photo is None
    assert "2 days" in reply.plain
    assert "/status" in reply.plain


async def test_progress_before_set_up_points_to_start(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(3002)
    await user.send("/progress")
    assert "/start" in (await user.reply()).plain


async def add_history(runner: BotRunner, user_id: int, days: int = 90) -> None:
    """Ninety days: a slip on day 30, urges most days, a mood on most daily messages."""
    rng = random.Random(user_id)
    first = TODAY - timedelta(days=days - 1)
    slip_day = first + timedelta(days=30)
    async with runner.runtime.db.session() as session:
        now = datetime(2026, 11, 25, 12, tzinfo=UTC)
        attempt = await attempt_store.current_attempt(session=session, user_id=user_id)
        assert attempt is not None
        await attempt_store.set_start_date(session=session, attempt=attempt, start_date=first)
        await attempt_store.end_attempt(
            session=session, attempt=attempt, end_date=slip_day, reason="slip", note=None
        )
        await attempt_store.start_attempt(
            session=session, user_id=user_id, start_date=slip_day, now=now
        )
        for offset in range(days - 1):
            day = first + timedelta(days=offset)
            at = local_instant(day, time(21), "Europe/Berlin")
            for _ in range(rng.choice((0, 1, 1, 2, 3))):
                urge = await urge_store.create_urge(
                    session=session, user_id=user_id, source="command", now=at
                )
                await urge_store.update_urge(
                    session=session, urge=urge, strength=rng.randint(1, 10),
                    trigger=rng.choice(("night", "post", "lonely")), outcome="passed",
                    minutes_to_pass=rng.randint(3, 40), ended_at=at + timedelta(minutes=20),
                )
            claim = await delivery_store.insert_claim(
                session=session, user_id=user_id, kind=delivery_store.DAILY, local_date=day,
                due_at=at, now=at,
            )
            assert claim is not None
            if rng.random() < 0.8:
                await delivery_store.set_mood(
                    session=session, delivery=claim,
                    mood=rng.choice(("struggling", "okay", "good")), now=at,
                )


async def test_ninety_days_of_history_come_back_as_a_picture(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(3003)
    await onboard(user)
    await add_history(bot, 3003)
    await user.send("/progress")
    reply = await user.reply(timeout=10)
    assert reply.photo is not None
    image = Image.open(io.BytesIO(reply.photo))
    assert image.format == "PNG"
    assert 800 <= image.width <= 2000
    assert len(reply.photo) < 500 * 1024
    assert reply.caption is not None
    assert "90 days" in reply.plain
    # one slip, whichever wording of the caption was picked
    assert re.search(r"so far: 1\)|slips \(1\)", reply.plain), reply.plain


@pytest.fixture
async def drawing_here(
    emu: BotApiEmulator, clock: MovableClock, database_url: str
) -> AsyncIterator[BotRunner]:
    """The bot drawing in a thread of this process (CHART_PROCESSES=0), so a test can patch
    the drawing; worker processes would not see the patch."""
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url,
                       extra={"chart_processes": 0})
    await runner.start()
    try:
        yield runner
    finally:
        await runner.stop()


async def test_the_database_is_released_while_the_picture_is_drawn(
    emu: BotApiEmulator, drawing_here: BotRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another chat is answered while a picture is being drawn: drawing holds no session."""
    bot = drawing_here
    user, other = emu.user(3010), emu.user(3011)
    await onboard(user)
    await onboard(other)
    await add_history(bot, 3010)
    drawing, may_finish = threading.Event(), threading.Event()
    real = charts.render_progress

    def slow_render(data: charts.ChartData, labels: charts.ChartLabels) -> bytes:
        drawing.set()
        assert may_finish.wait(10), "the other chat was never answered"
        return real(data, labels)

    monkeypatch.setattr(charts, "render_progress", slow_render)
    await user.send("/progress")
    assert await asyncio.to_thread(drawing.wait, 5)
    await other.send("/status")  # reads the database while the picture is being drawn
    status = await other.reply()
    assert "Day 1" in status.plain
    may_finish.set()
    picture = await user.reply(timeout=10)
    assert picture.photo is not None
