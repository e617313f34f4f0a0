"""When start-up fails, the real process says why in one masked line and exits non-zero.

Each failure mode starts `python -m bot` with a known fake token (and a webhook secret and a
database password where they apply), captures stdout and stderr apart, and checks that none
of the secrets, nor the token's numeric-id:secret part, is printed, that no traceback reaches
the terminal, and that the exit code is non-zero.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.emulator.server import BotApiEmulator
from tests.processes import ROOT, clean_env, free_port

FAKE_TOKEN = "5151515151:FAKE-startup-token-never-printed-Qx7Zr"
FAKE_SECRET = "startup-webhook-secret-never-printed-9f2"
FAKE_PASSWORD = "StartupPw-never-printed-41ad"
FORBIDDEN = [FAKE_TOKEN, FAKE_TOKEN.split(":")[1], FAKE_SECRET, FAKE_PASSWORD]


async def run_bot(
    env: dict[str, str], cwd: Path, *args: str, interrupt_after: float | None = None,
    within: float = 60.0,
) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=cwd, env=env,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    communicate = asyncio.ensure_future(process.communicate())
    try:
        if interrupt_after is not None:
            await asyncio.sleep(interrupt_after)
            assert process.returncode is None, "the process ended before the interrupt"
            process.send_signal(signal.SIGINT)
        out, err = await asyncio.wait_for(communicate, timeout=within)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return process.returncode, out.decode(errors="replace"), err.decode(errors="replace")


def assert_masked_failure(code: int, out: str, err: str, *, says: str) -> None:
    both = out + err
    assert code != 0, both[-3000:]
    for secret in FORBIDDEN:
        assert secret not in both, both[-3000:]
    # Log lines are masked and fold a traceback onto one line; none is printed raw.
    assert not [line for line in both.splitlines() if line.startswith(("Traceback", "  File"))]
    last = err.strip().splitlines()[-1]
    assert last.startswith("Start-up failed:") or last.startswith("Stopped:"), both[-3000:]
    assert says.lower() in last.lower(), last


@pytest.fixture
async def silent_server() -> AsyncIterator[int]:
    """A port that accepts connections and never answers."""
    held: list[asyncio.StreamWriter] = []

    async def hold(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = int(server.sockets[0].getsockname()[1])
    try:
        yield port
    finally:
        for writer in held:
            writer.close()
        server.close()


def polling_env(base_url: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    return clean_env(
        BOT_TOKEN=FAKE_TOKEN, TELEGRAM_BASE_URL=base_url,
        DATABASE_URL=f"sqlite:///{tmp_path / 'startup.db'}", LOG_LEVEL="DEBUG", **extra,
    )


def webhook_extra() -> dict[str, str]:
    port = free_port()
    return {
        "WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram", "WEBHOOK_SECRET": FAKE_SECRET,
        "WEBHOOK_LISTEN": "127.0.0.1", "WEBHOOK_PORT": str(port),
    }


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_a_token_the_bot_api_refuses_with_401(
    emu: BotApiEmulator, tmp_path: Path, mode: str
) -> None:
    extra = webhook_extra() if mode == "webhook" else {}
    code, out, err = await run_bot(polling_env(emu.base_url, tmp_path, **extra), tmp_path)
    assert_masked_failure(code, out, err, says="BOT_TOKEN")


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_a_bot_api_that_does_not_answer_at_all(tmp_path: Path, mode: str) -> None:
    closed = f"http://127.0.0.1:{free_port()}/bot"
    extra = webhook_extra() if mode == "webhook" else {}
    code, out, err = await run_bot(polling_env(closed, tmp_path, **extra), tmp_path)
    assert_masked_failure(code, out, err, says="Bot API")


async def test_a_bot_api_that_accepts_and_times_out(tmp_path: Path, silent_server: int) -> None:
    silent = f"http://127.0.0.1:{silent_server}/bot"
    code, out, err = await run_bot(polling_env(silent, tmp_path), tmp_path)
    assert_masked_failure(code, out, err, says="did not answer")


async def test_an_unexpected_exception_at_start_up(emu: BotApiEmulator, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database's folder should be")
    env = polling_env(emu.base_url, tmp_path, **webhook_extra())
    env["DATABASE_URL"] = f"sqlite:///{blocker / 'steadfast.db'}"
    code, out, err = await run_bot(env, tmp_path)
    assert_masked_failure(code, out, err, says="FileExistsError")


async def test_a_keyboard_interrupt_while_migrating(tmp_path: Path, silent_server: int) -> None:
    env = polling_env("http://127.0.0.1:9/bot", tmp_path, **webhook_extra())
    env["DATABASE_URL"] = (
        f"postgresql://steadfast:{FAKE_PASSWORD}@127.0.0.1:{silent_server}/steadfast"
    )
    code, out, err = await run_bot(env, tmp_path, "migrate", interrupt_after=3.0)
    assert_masked_failure(code, out, err, says="interrupted")


async def test_a_keyboard_interrupt_while_migrate_is_still_importing(
    tmp_path: Path, silent_server: int
) -> None:
    # A slow machine took the gate's interrupt during the imports (ninth session): "migrate"
    # stopped early must fail too, or a deploy script goes on as if the schema were ready.
    env = polling_env("http://127.0.0.1:9/bot", tmp_path, **webhook_extra())
    env["DATABASE_URL"] = (
        f"postgresql://steadfast:{FAKE_PASSWORD}@127.0.0.1:{silent_server}/steadfast"
    )
    code, out, err = await run_bot(env, tmp_path, "migrate", interrupt_after=0.5)
    assert_masked_failure(code, out, err, says="interrupted")


async def test_a_failure_inside_the_process_is_reported_by_the_one_line_only(
    emu: BotApiEmulator, tmp_path: Path
) -> None:
    """The database is down (PostgreSQL on a closed port, password in the URL)."""
    env = polling_env(emu.base_url, tmp_path)
    env["DATABASE_URL"] = f"postgresql://steadfast:{FAKE_PASSWORD}@127.0.0.1:{free_port()}/x"
    env["BOT_TOKEN"] = "4242424242:TEST-steadfast-token-do-not-log-abcdef"  # emu knows it
    code, out, err = await run_bot(env, tmp_path)
    assert_masked_failure(code, out, err, says="connect")
    assert "4242424242:TEST" not in out + err
    assert str(ROOT) not in err.strip().splitlines()[-1]


async def test_a_webhook_port_in_use_fails_cleanly_and_registers_nothing(
    emu: BotApiEmulator, tmp_path: Path
) -> None:
    emu.add_bot(FAKE_TOKEN)
    extra = webhook_extra()
    taken = await asyncio.start_server(lambda _r, _w: None, "127.0.0.1",
                                       int(extra["WEBHOOK_PORT"]))
    try:
        env = polling_env(emu.base_url, tmp_path, **extra)
        code, out, err = await run_bot(env, tmp_path)
    finally:
        taken.close()
    assert_masked_failure(code, out, err, says="address")
    both = out + err
    assert "Unclosed" not in both
    assert "Task was destroyed" not in both
    # Telegram was never pointed at an instance that cannot listen.
    assert emu.bot(FAKE_TOKEN).webhook_url in ("", None)
