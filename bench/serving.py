"""A bench's bot in its child process: poll until SIGTERM or until the parent goes away."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable
from typing import Any


async def poll_until_parent_goes(
    app: Any, poll_timeout: float, on_ready: Callable[[], None] | None = None
) -> None:
    """Start `app` polling, print READY once it polls, stop it on SIGTERM or when the parent
    process goes away (its end of our stdin closes). `on_ready` runs just before READY (a
    profiler started there sees the load, not the start-up)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    stdin = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
    parent_gone = asyncio.create_task(stdin.read())
    parent_gone.add_done_callback(lambda _task: stop.set())
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0.0, timeout=poll_timeout)
    if on_ready is not None:
        on_ready()
    print("READY", flush=True)
    await stop.wait()
    await app.updater.stop()
    await app.stop()
    await app.shutdown()
