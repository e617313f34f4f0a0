"""/delete leaves nothing of what the user wrote in the SQLite files on disk, while the bot
keeps running: not in the database file, not in its write-ahead log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine.url import make_url

from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

MARKER = b"Quorvintaleph"
REASON = "I want my evenings back Quorvintaleph"
ADDED = "Sleeping through the night Quorvintaleph again"


def on_disk(database_url: str) -> list[Path]:
    database = make_url(database_url).database
    assert database
    path = Path(database)
    return [path, path.with_name(path.name + "-wal")]


def files_holding(paths: list[Path], needle: bytes) -> list[str]:
    return [p.name for p in paths if p.exists() and needle in p.read_bytes()]


async def test_erased_texts_are_gone_from_the_database_file_and_its_wal(
    emu: BotApiEmulator, bot: BotRunner, database_url: str
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("the files on disk are SQLite's")
    user = emu.user(6401)
    await onboard(user, reason=REASON)
    await user.send("/reasons")
    await user.wait_for(lambda m: "Add a reason" in m.button_texts())
    await user.press("Add a reason")
    await user.reply()
    await user.send(ADDED)
    added = await user.wait_for(lambda m: "Done" in m.button_texts())
    await user.press("Done", message=added)
    await user.reply()
    paths = on_disk(database_url)
    assert files_holding(paths, MARKER)  # the texts were written to disk

    await user.send("/delete")
    await user.reply()
    await user.press("Yes, erase everything")
    await user.wait_for(lambda m: "erased" in m.plain)

    assert files_holding(paths, MARKER) == []  # the bot is still running
    other = emu.user(6402)  # and still works
    await onboard(other, reason="another user's own reason")
