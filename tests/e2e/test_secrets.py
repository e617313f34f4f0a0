"""Secrets and what users type never reach a log line; one user can never touch another's data."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine.url import make_url
from sqlmodel import select

from bot.core.logs import setup_logging
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator
from bot.store.models import Delivery, Reason, UnsentMessage, Urge
from tests.e2e.test_privacy import rows_mentioning
from tests.e2e.test_webhook import SECRET, webhook_env
from tests.harness import TOKEN, BotRunner, onboard
from tests.processes import BotProcess, clean_env, free_port

# What the user types: each carries a word found nowhere else, so a log line holding any of
# it is caught however the line is worded.
REASON = "I deserve someone Zanzibarly kind"
QUESTION = "my ex Quillonby texted me last night, should I reply"
UNSENT = "Dear Marrowfield I still think about us every night"
ADDED_REASON = "Sleeping again without Ploverdale on my mind"
CRISIS = "I want to end my life, Ploverdale left me with nothing"
TYPED = [REASON, QUESTION, UNSENT, ADDED_REASON, CRISIS]
MARKERS = ["Zanzibarly", "Quillonby", "Marrowfield", "Ploverdale"]


def has_buttons(*labels: str) -> Callable[[BotMessage], bool]:
    return lambda m: all(label in m.button_texts() for label in labels)


async def full_scenario(user: SimUser, *, wait: float = 10.0) -> BotMessage:
    """Onboarding, /status, a question, the urge flow writing it here, /reasons add, a crisis
    message and /export; returns the export."""
    await user.send("/start")
    await user.wait_for(has_buttons("Today"), timeout=wait)
    await user.send("today")
    await user.send("Berlin")
    await user.wait_for(has_buttons("21:00"), timeout=wait)
    await user.send("21:00")
    await user.wait_for(has_buttons("Skip for now"), timeout=wait)
    await user.send(REASON)
    await user.reply(timeout=wait)  # the reason kept and the set-up done, in one message
    await user.send("/status")
    await user.wait_for(lambda m: "Day 1" in m.plain, timeout=wait)
    await user.send(QUESTION)
    await user.wait_for(lambda m: bool(m.buttons), timeout=wait)

    await user.send("/urge")
    await user.wait_for(has_buttons("7"), timeout=wait)
    await user.press("7")
    await user.wait_for(has_buttons("Feeling lonely"), timeout=wait)
    await user.press("Feeling lonely")
    await user.wait_for(has_buttons("✍️ Write it here instead"), timeout=wait)
    await user.press("✍️ Write it here instead")
    await user.reply(timeout=wait)
    await user.send(UNSENT)
    await user.wait_for(has_buttons("Keep it privately"), timeout=wait)
    await user.press("Keep it privately")
    await user.wait_for(has_buttons("It passed"), timeout=wait)
    await user.press("It passed")
    await user.reply(timeout=wait)

    await user.send("/reasons")
    await user.wait_for(has_buttons("Add a reason"), timeout=wait)
    await user.press("Add a reason")
    await user.reply(timeout=wait)
    await user.send(ADDED_REASON)
    added = await user.wait_for(has_buttons("Done"), timeout=wait)
    await user.press("Done", message=added)
    await user.reply(timeout=wait)

    await user.send(CRISIS)
    crisis = await user.reply(timeout=wait)
    assert "safe" in crisis.plain.lower()
    await user.send("/export")
    export = await user.wait_for(lambda m: m.document is not None, timeout=wait)
    assert export.document is not None
    assert UNSENT in export.document.decode()
    return export


def leaks(lines: list[str], forbidden: list[str]) -> list[str]:
    return [line for line in lines if any(secret in line for secret in forbidden)]


@pytest.fixture
def production_logging(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Logging exactly as `python -m bot` sets it up at LOG_LEVEL=DEBUG, captured by caplog."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    levels = {
        name: logger.level for name, logger in logging.root.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    setup_logging("DEBUG", [TOKEN, SECRET])
    root.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.DEBUG)
    try:
        yield caplog
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        for name, old in levels.items():
            logging.getLogger(name).setLevel(old)


async def test_a_full_scenario_logged_at_debug_holds_no_secret_and_nothing_typed(
    production_logging: pytest.LogCaptureFixture, emu: BotApiEmulator, bot: BotRunner
) -> None:
    await full_scenario(emu.user(7301))
    await bot.stop()
    records = production_logging.records
    assert any(r.levelno == logging.DEBUG and r.name.startswith("bot") for r in records)
    lines = [r.getMessage() for r in records]
    lines += [production_logging.handler.format(r) for r in records if r.exc_info]
    forbidden = [TOKEN, TOKEN.split(":")[1], *TYPED, *MARKERS]
    assert leaks(lines, forbidden) == []


async def test_the_webhook_process_log_at_debug_holds_no_secret_and_nothing_typed(
    emu: BotApiEmulator, database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    bot = BotProcess(env=webhook_env(emu, database_url, port), cwd=tmp_path)
    await bot.start()
    try:
        await bot.wait_healthy(port)
        await full_scenario(emu.user(7302), wait=15)
    finally:
        log = await bot.stop()
    assert bot.process is not None
    assert bot.process.returncode == 0, log[-3000:]
    assert " DEBUG " in log
    forbidden = [TOKEN, TOKEN.split(":")[1], SECRET, *TYPED, *MARKERS]
    password = make_url(database_url).password
    if password:  # PostgreSQL (TEST_POSTGRES_URL) with a password
        forbidden.append(password)
    assert leaks(log.splitlines(), forbidden) == []


async def test_a_database_password_stays_out_of_the_log_when_the_database_is_down(
    emu: BotApiEmulator, tmp_path: Path
) -> None:
    password = "FakePw-never-logged-7c1e9a"
    bot = BotProcess(
        env=clean_env(
            BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=emu.base_url,
            DATABASE_URL=f"postgresql://steadfast:{password}@127.0.0.1:{free_port()}/steadfast",
            LOG_LEVEL="DEBUG",
        ),
        cwd=tmp_path,
    )
    await bot.start()
    assert bot.process is not None
    try:
        await bot.process.wait()
    finally:
        log = await bot.stop()
    assert bot.process.returncode != 0
    assert "connect" in log.lower()  # it said why it stopped
    assert leaks(log.splitlines(), [password, TOKEN, TOKEN.split(":")[1]]) == []


# ------------------------------------------------------------------------------- isolation

OWNER, INTRUDER = 7501, 7502
OWNER_REASON = "owner reason Hollowmere"
OWNER_UNSENT = "owner unsent Hollowmere letter"


async def owner_with_everything(emu: BotApiEmulator, bot: BotRunner) -> dict[str, object]:
    """The owner's reason, kept unsent message, urge, daily delivery and a pending /delete."""
    owner = emu.user(OWNER)
    await onboard(owner, reason=OWNER_REASON)
    await owner.send("/urge")
    await owner.wait_for(has_buttons("7"))
    await owner.press("7")
    await owner.wait_for(has_buttons("Feeling lonely"))
    await owner.press("Feeling lonely")
    await owner.wait_for(has_buttons("✍️ Write it here instead"))
    await owner.press("✍️ Write it here instead")
    await owner.reply()
    await owner.send(OWNER_UNSENT)
    await owner.wait_for(has_buttons("Keep it privately"))
    await owner.press("Keep it privately")
    await owner.wait_for(has_buttons("It passed"))  # the urge stays open: no outcome yet
    async with bot.runtime.db.session() as session:
        reason = (await session.exec(select(Reason).where(Reason.user_id == OWNER))).one()
        unsent = (
            await session.exec(select(UnsentMessage).where(UnsentMessage.user_id == OWNER))
        ).one()
        urge = (await session.exec(select(Urge).where(Urge.user_id == OWNER))).one()
        now = datetime(2026, 11, 25, 12, tzinfo=UTC)
        delivery = Delivery(
            user_id=OWNER, kind="daily", local_date=date(2026, 11, 25), due_at=now,
            claimed_at=now, sent_at=now, status="sent", day_number=1, message_id=1,
        )
        session.add(delivery)
        await session.flush()
        ids = {"reason": reason.id, "unsent": unsent.id, "urge": urge.id,
               "delivery": delivery.id}
    await owner.send("/delete")
    confirm = await owner.wait_for(lambda m: len(m.buttons) == 2)
    ids["erase"] = confirm.buttons[0][0].callback_data
    ids["keep"] = confirm.buttons[1][0].callback_data
    return ids


async def test_another_user_cannot_read_change_or_delete_the_owners_data(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    ids = await owner_with_everything(emu, bot)
    before = await rows_mentioning(bot, OWNER)
    intruder = emu.user(INTRUDER)
    await onboard(intruder, reason="the intruder's own reason")
    await intruder.send("/reasons")
    await intruder.reply()
    await intruder.press("Remove one")
    which = await intruder.reply()
    own_button = which.find_button("the intruder's own reason")
    assert own_button is not None
    assert own_button.callback_data is not None
    reasons_prefix = own_button.callback_data.rsplit(":", 1)[0]
    forged = [
        f"{reasons_prefix}:{ids['reason']}",  # remove the owner's reason
        f"urge:x:forget:{ids['unsent']}",  # delete the owner's kept message
        *(f"urge:k{ids['urge']}-{n}:o:{outcome}"  # answer the owner's urge
          for n in range(3) for outcome in ("passed", "contacted")),
        *(f"day:{ids['delivery']}:{mood}" for mood in "sog"),  # the owner's daily mood
        str(ids["erase"]), str(ids["keep"]),  # the owner's delete confirmation
    ]
    for data in forged:
        await intruder.press_data(data, message_id=which.message_id)
        await intruder.silence(0.15)
    await intruder.send("/reasons")
    await intruder.reply()
    await intruder.send("/export")
    export = await intruder.wait_for(lambda m: m.document is not None)

    assert await rows_mentioning(bot, OWNER) == before
    assert len(intruder.callback_answers) >= len(forged)
    shown = [m.plain for m in intruder.inbox] + [t or "" for t, _ in intruder.callback_answers]
    assert [s for s in shown if "Hollowmere" in s] == []
    assert export.document is not None
    data = json.loads(export.document)
    assert "Hollowmere" not in export.document.decode()
    tables = {name: rows for name, rows in data.items() if isinstance(rows, list)}
    assert tables["users"] == [next(r for r in tables["users"] if r["id"] == INTRUDER)]
    for name, rows in tables.items():
        assert all(OWNER not in row.values() for row in rows), name
    owner = emu.user(OWNER)
    assert [m.plain for m in owner.inbox if "Hollowmere" in m.plain] == []  # nothing sent

