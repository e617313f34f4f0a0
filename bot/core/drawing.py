"""Where pictures are drawn: in worker processes, so drawing neither holds the event loop nor
competes with it for the interpreter lock.

A /progress picture takes a tenth of a second of pure Python and C (matplotlib). In a thread it
would still share the GIL with the event loop: six people drawing at once slowed everyone
else's replies about twofold (bench/charts.py). A process of its own does not. The pool starts
on the first picture (a forkserver that imports the chart module once, so each worker starts
warm), and CHART_PROCESSES=0 draws in a thread instead (for a machine that cannot fork, or a
test that patches the drawing).
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

# Imported once in the forkserver, so workers do not each pay matplotlib's import.
PRELOAD = ["bot.services.charts"]


class Drawing:
    """Runs picture functions (module-level, picklable arguments) off the event loop."""

    def __init__(self, processes: int) -> None:
        self._processes = processes
        self._pool: Executor | None = None

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        if self._processes == 0:
            return await asyncio.to_thread(fn, *args)
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            self._pool = ProcessPoolExecutor(max_workers=self._processes, mp_context=context)
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def close(self) -> None:
        """Stop the workers; a picture being drawn is dropped (the person asks again)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
