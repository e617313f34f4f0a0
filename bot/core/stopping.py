"""Stop signals from the process's first instant: SIGTERM or SIGINT before the event loop runs
stops start-up at once (exit code 0); once the loop runs it stops the bot gracefully; any
signal after the first is ignored, so a second SIGTERM (a process manager, Ctrl-C sent to
the whole process group under `make run`) never kills a process that is already stopping.

Imports nothing heavy: `python -m bot` installs these handlers before it imports the bot.

A signal's exception is raised in whatever frame runs when it lands. If that frame is one
whose exceptions Python cannot pass on (a weakref callback inside an import, an object's
`__del__`), the exception is "unraisable": Python would print it and go on. So such a Stopping
is swallowed without a word, the stop is remembered, and start-up stops at its next safe point
(`check()`), or, once the event loop runs, gracefully at once.

A library may also catch the Stopping and raise its own error in its place (pydantic does,
building a validator at import time: "SchemaError: ... Stopping: 2"). So once a stop was
asked for, any exception that ends start-up is read as the stop (`was_asked()`).
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Callable

logger = logging.getLogger(__name__)

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Stopping(KeyboardInterrupt):
    """A stop signal arrived before the event loop could take it (during start-up)."""


class _State:
    stopping = False


def _early(signum: int, _frame: object) -> None:
    if _State.stopping:
        return
    _State.stopping = True
    raise Stopping(signum)


def install_early() -> None:
    """Outside the event loop: the first signal raises Stopping, later ones are ignored."""
    for signum in SIGNALS:
        signal.signal(signum, _early)
    if not isinstance(sys.unraisablehook, _QuietStopping):
        sys.unraisablehook = _QuietStopping(sys.unraisablehook)


class _QuietStopping:
    """An unraisable hook that drops a Stopping (the stop is remembered; see the module's
    docstring) and passes anything else to the hook it wraps."""

    def __init__(self, wrapped: Callable[[sys.UnraisableHookArgs], object]) -> None:
        self.wrapped = wrapped

    def __call__(self, args: sys.UnraisableHookArgs) -> None:
        if not isinstance(args.exc_value, Stopping):
            self.wrapped(args)


def check() -> None:
    """A safe point in start-up: raise Stopping if a stop signal came and its exception was
    swallowed where it landed."""
    if _State.stopping:
        raise Stopping(0)


def was_asked() -> bool:
    """A stop signal came (whatever became of the exception it raised)."""
    return _State.stopping


def ignore_from_now() -> None:
    """The bot has stopped: ignore stop signals while the interpreter exits. (A handler that is
    a Python function would be reset to the default, fatal one during interpreter shutdown;
    SIG_IGN is kept.)"""
    for signum in SIGNALS:
        signal.signal(signum, signal.SIG_IGN)


def stop_on_signals(loop: asyncio.AbstractEventLoop, stop: Callable[[], None]) -> None:
    """In the event loop: the first SIGTERM or SIGINT calls `stop` (a graceful stop); later
    ones are noted and ignored."""

    def on_signal(signum: int) -> None:
        if _State.stopping:
            logger.info("already stopping (signal %d ignored)", signum)
            return
        _State.stopping = True
        logger.info("stop signal %d: stopping gracefully", signum)
        stop()

    for signum in SIGNALS:
        loop.add_signal_handler(signum, on_signal, signum)
    if _State.stopping:  # a signal came before and was swallowed where it landed
        logger.info("a stop signal came during start-up: stopping gracefully")
        loop.call_soon(stop)
