"""Retrying a Bot API call through passing network trouble, with backoff.

RetryAfter (429) is honoured by the rate limiter; BadRequest and Forbidden are final and
re-raised at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

logger = logging.getLogger(__name__)

T = TypeVar("T")


async def with_retries(
    call: Callable[[], Awaitable[T]], *, attempts: int = 4, first_delay: float = 0.5
) -> T:
    """Await `call()`, retrying network errors and 429s with exponential backoff."""
    delay = first_delay
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except (BadRequest, Forbidden):
            raise
        except RetryAfter as exc:
            if attempt == attempts:
                raise
            wait = exc.retry_after
            await asyncio.sleep(wait if isinstance(wait, (int, float)) else wait.total_seconds())
        except NetworkError as exc:
            if attempt == attempts:
                raise
            logger.info(
                "network error (%s), retry %d in %.1fs", type(exc).__name__, attempt, delay
            )
            await asyncio.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")
