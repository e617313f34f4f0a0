"""python -m bot: take stop signals first, then import and run the bot (bot/cli.py)."""

from __future__ import annotations

import sys

from bot.core.stopping import Stopping, check, ignore_from_now, install_early, was_asked

if __name__ == "__main__":
    install_early()  # before the imports below, which take most of a second
    try:
        from bot.cli import main

        check()  # a signal swallowed during the imports stops here
    except (Stopping, Exception) as error:
        if not isinstance(error, Stopping) and not was_asked():
            raise
        ignore_from_now()  # the stop's exception may have come back as a library's own error
        if sys.argv[1:2] == ["migrate"]:  # a script must not go on as if the schema were ready
            sys.stderr.write("Start-up failed: migration interrupted by a stop signal\n")
            raise SystemExit(130) from None
        sys.stderr.write("Stopped before start-up finished (stop signal)\n")
        raise SystemExit(0) from None
    raise SystemExit(main(sys.argv[1:]))
