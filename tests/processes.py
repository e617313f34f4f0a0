"""Start the bot as a real process (as `make run` does), configured only by its environment."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_env(**values: str) -> dict[str, str]:
    """The test run's environment without bot settings, plus `values`."""
    keep = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("BOT_", "DATABASE_", "WEBHOOK_", "TELEGRAM_", "TEST_"))
    }
    keep.update(values, PYTHONPATH=str(ROOT))
    return keep


@dataclass
class BotProcess:
    env: dict[str, str]
    cwd: Path
    process: asyncio.subprocess.Process | None = None
    output: bytes = b""
    _reader: asyncio.Task[bytes] | None = field(default=None, repr=False)

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=self.cwd, env=self.env,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        assert self.process.stdout is not None
        self._reader = asyncio.create_task(self.process.stdout.read())

    async def wait_healthy(self, port: int, within: float = 30.0) -> None:
        deadline = asyncio.get_running_loop().time() + within
        async with httpx.AsyncClient() as client:
            while True:
                assert self.process is not None
                if self.process.returncode is not None:
                    raise AssertionError(await self.stop())
                try:
                    response = await client.get(f"http://127.0.0.1:{port}/healthz")
                    if response.status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                if asyncio.get_running_loop().time() > deadline:
                    raise AssertionError("bot did not become healthy: " + await self.stop())
                await asyncio.sleep(0.1)

    async def stop(self, sig: int = signal.SIGTERM) -> str:
        """Stop the process and return everything it logged."""
        if self.process is None:
            return ""
        if self.process.returncode is None:
            self.process.send_signal(sig)
        try:
            await asyncio.wait_for(self.process.wait(), timeout=30)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
        if self._reader is not None:
            self.output = await self._reader
        return self.output.decode(errors="replace")
