"""What a failure means for the person: a passing busy database, or a real fault."""

from __future__ import annotations

from bot.store.db import is_busy


def database_busy(exc: BaseException | None) -> bool:
    """The database was held by someone else for a moment: worth a kind "try again"."""
    return exc is not None and is_busy(exc)
