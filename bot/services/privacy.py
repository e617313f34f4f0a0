"""Export and erasure of everything stored about one user. No Telegram."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store import privacy as privacy_store

EXPORT_FILENAME = "steadfast-data.json"


# Columns that hold a JSON document of the bot's own (frames, an unsent reply): shown as the
# structure they are, not as one escaped string. What a person typed is never re-read.
_JSON_COLUMNS = frozenset({"stack", "body"})


def _jsonable(column: str, value: Any) -> Any:
    if column in _JSON_COLUMNS and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value


async def export_document(
    *, session: AsyncSession, user_id: int, now: datetime, about: Mapping[str, str]
) -> bytes:
    """All rows about the user as a JSON document; `about` explains each section.

    `about` maps "file", a table name, or "other" (for tables without their own line) to a
    sentence. Every table with a user_id column is included, so new tables need no change.
    """
    rows = await privacy_store.rows_about(session=session, user_id=user_id)
    sections = {
        name: [{column: _jsonable(column, v) for column, v in row.items()} for row in table_rows]
        for name, table_rows in rows.items()
    }
    document: dict[str, Any] = {
        "about": {
            "file": about.get("file", ""),
            **{name: about.get(name, about.get("other", "")) for name in sections},
        },
        "exported_at": now.isoformat(),
        **sections,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


async def erase(*, session: AsyncSession, user_id: int) -> int:
    """Erase every row about the user; nothing is scheduled for them afterwards (their
    next-send instants lived on their users row). The erase is committed and, on SQLite,
    the erased texts are scrubbed from the files on disk at once."""
    removed = await privacy_store.erase_user(session=session, user_id=user_id)
    await privacy_store.scrub_erased(session=session)
    return removed
