"""A bounded record of recent ids (the updates this process has taken in)."""

from __future__ import annotations


class RecentIds:
    """Remembers the last `size` ids added; older ones are forgotten first."""

    def __init__(self, size: int = 100_000) -> None:
        self._size = size
        self._ids: dict[int, None] = {}

    def add(self, key: int) -> bool:
        """Remember `key`; False if it was already remembered."""
        if key in self._ids:
            return False
        self._ids[key] = None
        if len(self._ids) > self._size:
            del self._ids[next(iter(self._ids))]
        return True

    def __contains__(self, key: object) -> bool:
        return key in self._ids
