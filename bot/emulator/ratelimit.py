"""Token buckets on time.monotonic(), as the emulator's model of Telegram's flood limits."""

from __future__ import annotations

import math
import time
from collections.abc import Hashable

__all__ = ["FloodLimiter", "TokenBucket"]


class TokenBucket:
    """``capacity`` tokens, refilled continuously at ``rate`` tokens per second."""

    def __init__(self, rate: float, capacity: int) -> None:
        if rate <= 0 or capacity < 1:
            raise ValueError("rate must be > 0 and capacity >= 1")
        self.rate = rate
        self.capacity = capacity
        self._tokens = float(capacity)
        self._stamp = time.monotonic()

    def _refill(self) -> None:
        now = time.monotonic()
        self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    def wait_time(self) -> float:
        """Seconds until one token is available (0.0 if one is available now)."""
        self._refill()
        if self._tokens >= 1.0:
            return 0.0
        return (1.0 - self._tokens) / self.rate

    def take(self) -> None:
        """Take one token (call only after wait_time() returned 0)."""
        self._refill()
        self._tokens -= 1.0

    def try_take(self) -> float:
        """Take a token if possible; returns 0.0 on success else seconds until one is there."""
        wait = self.wait_time()
        if wait == 0.0:
            self.take()
        return wait


class FloodLimiter:
    """A per-key bucket plus one global bucket; a send needs a token from both."""

    def __init__(
        self, *, per_key_rate: float, per_key_burst: int, global_rate: float, global_burst: int
    ) -> None:
        self.per_key_rate = per_key_rate
        self.per_key_burst = per_key_burst
        self.global_bucket = TokenBucket(global_rate, global_burst)
        self._buckets: dict[Hashable, TokenBucket] = {}

    def bucket(self, key: Hashable) -> TokenBucket:
        found = self._buckets.get(key)
        if found is None:
            found = self._buckets[key] = TokenBucket(self.per_key_rate, self.per_key_burst)
        return found

    def acquire(self, key: Hashable) -> int | None:
        """Take a token for ``key``; None on success, else retry_after seconds (>= 1)."""
        per_key = self.bucket(key)
        wait = max(per_key.wait_time(), self.global_bucket.wait_time())
        if wait > 0.0:
            return max(1, math.ceil(wait))
        per_key.take()
        self.global_bucket.take()
        return None
