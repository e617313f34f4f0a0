"""A stop signal whose exception lands where Python cannot pass it on (a weakref callback, as
inside an import's module lock, or an object's __del__) is not printed and not lost: start-up
stops at its next safe point, or the running loop stops gracefully at once.

Each case runs in a child process: signal handlers and the stop flag belong to a process."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.processes import ROOT, clean_env

# The signal lands inside a weakref callback: os.kill interrupts the sleep, the handler runs
# there, and the Stopping it raises is unraisable.
SWALLOW = textwrap.dedent("""
    import gc, os, signal, time, weakref
    from bot.core.stopping import install_early
    install_early()

    class Thing:
        pass

    def landed(_ref):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.5)

    thing = Thing()
    ref = weakref.ref(thing, landed)
    del thing
    gc.collect()
    print("went on", flush=True)
""")


def run(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=clean_env(**env),
        capture_output=True, text=True, timeout=60,
    )


def test_a_swallowed_signal_is_not_printed_and_start_up_stops_at_the_next_safe_point() -> None:
    done = run(SWALLOW + textwrap.dedent("""
        from bot.cli import main
        raise SystemExit(main(["run"]))
    """), BOT_TOKEN="123:abc", DATABASE_URL="sqlite:///:memory:")
    assert done.stdout == "went on\n"
    assert done.returncode == 0, done.stderr
    assert "stopped by a stop signal" in done.stderr
    for word in ("Traceback", "Ignored", "Exception ignored", "Stopping"):
        assert word not in done.stderr


def test_a_swallowed_signal_stops_the_event_loop_as_soon_as_it_runs() -> None:
    done = run(SWALLOW + textwrap.dedent("""
        import asyncio
        from bot.core.stopping import stop_on_signals

        async def serve():
            stopped = asyncio.Event()
            stop_on_signals(asyncio.get_running_loop(), stopped.set)
            await asyncio.wait_for(stopped.wait(), 5)
            print("stopped gracefully", flush=True)

        asyncio.run(serve())
    """))
    assert done.returncode == 0, done.stderr
    assert done.stdout == "went on\nstopped gracefully\n"
    assert "Exception ignored" not in done.stderr


def test_other_unraisable_errors_are_still_reported() -> None:
    done = run(textwrap.dedent("""
        from bot.core.stopping import install_early
        install_early()

        class Broken:
            def __del__(self):
                raise ValueError("kept")

        Broken()
    """))
    assert "ValueError: kept" in done.stderr


# The gate's interrupt once landed while pydantic built a validator at import time, and pydantic
# raised its own SchemaError in the Stopping's place: a raw traceback, exit code 1. Here an
# import hook does the same to the import of bot.app, the way `python -m bot` runs it.
WRAPPED = textwrap.dedent("""
    import os, runpy, signal, sys, time

    class WrapsTheStop:
        def find_spec(self, name, path=None, target=None):
            if name == "bot.app":
                try:
                    os.kill(os.getpid(), signal.SIGINT)
                    time.sleep(2)
                except BaseException as error:
                    raise RuntimeError("a library's own error") from error
            return None

    sys.meta_path.insert(0, WrapsTheStop())
    sys.argv = ["bot", *sys.argv[1:]]
    runpy.run_module("bot", run_name="__main__", alter_sys=True)
""")


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WRAPPED, *args], cwd=ROOT,
        env=clean_env(BOT_TOKEN="123:abc", DATABASE_URL="sqlite:///:memory:"),
        capture_output=True, text=True, timeout=60,
    )


def test_a_stop_a_library_wrapped_during_the_imports_still_fails_migrate_in_one_line() -> None:
    done = run_main("migrate")
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip().splitlines() == [
        "Start-up failed: migration interrupted by a stop signal"
    ]


def test_a_stop_a_library_wrapped_during_the_imports_stops_run_quietly() -> None:
    done = run_main("run")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines() == ["Stopped before start-up finished (stop signal)"]


def test_an_error_during_the_imports_without_a_stop_is_not_read_as_one() -> None:
    done = subprocess.run(
        [sys.executable, "-c", WRAPPED.replace("os.kill(os.getpid(), signal.SIGINT)",
                                               "raise ValueError('broken')"), "migrate"],
        cwd=ROOT, env=clean_env(), capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    assert "RuntimeError: a library's own error" in done.stderr
    assert "interrupted" not in done.stderr
