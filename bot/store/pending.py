"""Outcomes the database could not take: kept in a local file until it can.

A message Telegram accepted must have its outcome written, or it is sent again once its claim
runs out. While the database is away the writers wait; when the process has to stop (a
process manager gives it seconds, not minutes), or their patience runs out, they keep the
outcomes here instead: one JSON line each, appended and synced. Every process writes the
file back before it claims anything (at start-up and at the head of each sending tick), so a
message already sent is not sent again for want of its outcome.

Every entry is idempotent (writing it twice changes nothing), so a write-back cut short is
simply done again. Lines that cannot be read (a write torn by a crash) are skipped. The file
is per machine: another machine's process that takes a stale claim before this one is back
cannot see it (README, "Every message exactly once").
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import logging
import os
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.store import deliveries as delivery_store
from bot.store import outbox as outbox_store
from bot.store import urges as urge_store
from bot.store.db import Database
from bot.store.deliveries import Outcome

logger = logging.getLogger(__name__)


class PendingOutcomes:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = asyncio.Lock()

    @property
    def path(self) -> Path:
        return self._path

    # ------------------------------------------------------------------ writing or keeping

    async def write_or_keep(
        self,
        write: Callable[[], Awaitable[None]],
        keep: Callable[[], None],
        *,
        what: str,
        patience: float,
        stopping: Callable[[], bool],
    ) -> None:
        """Write an outcome, waiting out a database outage (retries 0.1 s apart, doubling up
        to 2 s) for `patience` seconds or until `stopping()`; then `keep()` it here instead
        of dropping it. `what` names it in the log."""
        delay = 0.1
        waited = 0.0
        while True:
            try:
                await write()
                return
            except Exception:
                if stopping() or waited >= patience:
                    keep()
                    logger.warning("database unavailable: %s kept in %s", what, self._path)
                    return
                if waited == 0:
                    logger.warning("database unavailable; %s waits", what)
                await asyncio.sleep(delay)
                waited += delay
                delay = min(delay * 2, 2.0)

    # ------------------------------------------------------------------ keeping

    def keep_deliveries(self, outcomes: list[Outcome]) -> None:
        """Daily or weekly messages sent (or refused for good)."""
        self._append(
            [
                {
                    "k": "delivery",
                    "id": o.delivery_id,
                    "status": o.status,
                    "at": o.at.isoformat(),
                    "mid": o.message_id,
                }
                for o in outcomes
            ]
        )

    def keep_reply(self, row_id: int, *, done: int | None) -> None:
        """An outbox row's first `done` messages were accepted; None: all of them."""
        entry: dict[str, Any] = (
            {"k": "reply_settled", "row": row_id}
            if done is None
            else {"k": "reply_done", "row": row_id, "done": done}
        )
        self._append([entry])

    def keep_checkin(self, urge_id: int, lease_until: datetime) -> None:
        """A check-in claimed until `lease_until` was sent."""
        self._append([{"k": "checkin", "urge": urge_id, "lease": lease_until.isoformat()}])

    def _append(self, entries: list[dict[str, Any]]) -> None:
        data = "".join(json.dumps(entry, separators=(",", ":")) + "\n" for entry in entries)
        self._path.parent.mkdir(parents=True, exist_ok=True)
        with self._path.open("a", encoding="utf-8") as file:
            fcntl.flock(file, fcntl.LOCK_EX)  # other processes on this machine append too
            file.write(data)
            file.flush()
            os.fsync(file.fileno())

    # ------------------------------------------------------------------ writing back

    def waiting(self) -> bool:
        try:
            return self._path.stat().st_size > 0
        except FileNotFoundError:
            return False

    async def write_back(self, db: Database) -> int:
        """Write every kept outcome in one transaction and forget them; how many there were.
        Raises the database's error when it is still away (the caller claims nothing then)."""
        if not self.waiting():
            return 0
        async with self._lock:
            raw = self._read()
            entries = _parse(raw)
            if entries:
                try:
                    async with db.session() as session:
                        await _apply(session, entries)
                except (KeyError, TypeError, ValueError):
                    # An entry this code cannot read (a bug, not an outage): set the file
                    # aside rather than block every tick; anything else is the database away.
                    aside = self._path.with_name(self._path.name + ".failed")
                    logger.exception("could not write back kept outcomes; moved to %s", aside)
                    os.replace(self._path, aside)
                    return 0
            self._forget(len(raw))
        if entries:
            logger.info("wrote %d send outcomes kept while the database was away", len(entries))
        return len(entries)

    def _read(self) -> bytes:
        with self._path.open("rb") as file:
            fcntl.flock(file, fcntl.LOCK_SH)
            return file.read()

    def _forget(self, length: int) -> None:
        """Drop the first `length` bytes (those written back); keep what was appended since."""
        with self._path.open("r+b") as file:
            fcntl.flock(file, fcntl.LOCK_EX)
            rest = file.read()[length:]
            file.seek(0)
            file.write(rest)
            file.truncate()
            file.flush()
            os.fsync(file.fileno())


def _parse(raw: bytes) -> list[dict[str, Any]]:
    entries = []
    for line in raw.decode("utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            logger.warning("a kept outcome could not be read (skipped)")
            continue
        if isinstance(entry, dict) and "k" in entry:
            entries.append(entry)
    return entries


async def _apply(session: Any, entries: list[dict[str, Any]]) -> None:
    outcomes = [
        Outcome(e["id"], e["status"], datetime.fromisoformat(e["at"]), e.get("mid"))
        for e in entries
        if e["k"] == "delivery"
    ]
    await delivery_store.record_outcomes(session=session, outcomes=outcomes)
    for entry in entries:
        if entry["k"] == "reply_done":
            await outbox_store.progress(session=session, row_id=entry["row"], done=entry["done"])
        elif entry["k"] == "reply_settled":
            await outbox_store.settle(session=session, row_id=entry["row"])
        elif entry["k"] == "checkin":
            await urge_store.settle_checkin(
                session=session,
                urge_id=entry["urge"],
                lease_until=datetime.fromisoformat(entry["lease"]),
            )
