"""The bot as `make run` starts it: a separate process, configured only by its environment."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from bot.emulator.server import BotApiEmulator
from tests.harness import TOKEN

ROOT = Path(__file__).resolve().parents[2]


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "DATABASE_"))}
    env.update(values)
    return env


async def test_full_run_answers_and_its_log_holds_no_token(
    emu: BotApiEmulator, tmp_path: Path
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot",
        cwd=tmp_path,  # no .env here
        env=_env(
            BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=emu.base_url.removesuffix("/bot"),
            DATABASE_URL=f"sqlite:///{tmp_path / 'run.db'}",
            LOG_LEVEL="DEBUG",
            PYTHONPATH=str(ROOT),
        ),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        user = emu.user(1201)
        await user.send("/start")
        # Welcome, explainer and the date question, in one message.
        assert "Today" in (await user.reply(timeout=30)).button_texts()
        await user.press("Today")
        await user.replies(2)
        await user.send("/help")
        assert "/status" in (await user.reply()).plain
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = await asyncio.wait_for(process.communicate(), timeout=30)
    log = output.decode()
    assert process.returncode == 0, log[-2000:]
    assert "DEBUG" in log
    assert TOKEN not in log
    assert TOKEN.split(":")[1] not in log


async def test_bad_setting_stops_start_up_with_one_line(tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot",
        cwd=tmp_path,
        env=_env(DATABASE_URL="mysql://nope", PYTHONPATH=str(ROOT)),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 2
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Configuration error: DATABASE_URL:")
    assert out == b""
