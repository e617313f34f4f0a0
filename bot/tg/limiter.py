"""Pacing the Bot API calls that send to a chat, replies ahead of broadcasts.

The limit model follows Telegram's Bot FAQ, "My bot is hitting limits, how do I avoid this?"
(https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this): avoid more
than one message per second in a single chat, no more than 20 messages per minute in a group,
and about 30 messages per second overall for bulk notifications.

What is limited: a call whose parameters name a `chat_id` (sendMessage, sendPhoto,
editMessageText, copyMessage, sendChatAction, ...), except read-only ``get*`` calls and
``answer*`` calls. Everything else (getUpdates, answerCallbackQuery, answerInlineQuery, getMe,
setWebhook, deleteWebhook, setMyCommands, getFile, ...) is passed straight through, never waits
and is never retried here; that is PTB's AIORateLimiter's rule
too (it limits only calls with a `chat_id`). Paid broadcasts (`allow_paid_broadcast`) get no
higher rate here; they are paced like any other call.

The model, per limited call:

* Two classes. A *reply* is any call made without `rate_limit_args`; a *bulk* call is one made
  with ``rate_limit_args={"bulk": True}`` (the daily, weekly and check-in jobs). Each class is
  served first come, first served among the calls whose chat may send.
* One overall token bucket: `rate` tokens a second, refilled continuously, holding at most
  `capacity` = `rate` tokens (one second's worth). A call sends when it takes a token; so any
  window of T seconds carries at most ``capacity + rate * T`` calls.
* A reply takes a token as soon as one is there, ahead of every queued bulk call.
* A bulk call takes a token only while no reply is waiting for one and only if it leaves a
  reserve of ``capacity * (1 - bulk_share)`` tokens (3 at the default 30/s and 0.9) in the
  bucket. The reserve caps bulk's burst, not its pace: once the bucket is down to the reserve,
  bulk sends at the refill rate, i.e. at `rate` on average, and a reply arriving in the middle
  of a broadcast finds the reserve's tokens and goes out at once.
* Per chat: bulk calls to one chat are spaced at least `chat_bulk_interval` (1 s) apart;
  replies to a private chat are not limited per chat (a step's answer goes out at once). A group
  or channel (a negative `chat_id`, or an ``@username``) gets at most `group_max_rate` (20)
  calls of either class in any `group_period` (60 s), kept as the times of its last 20 sends.
  A call whose chat must wait is set aside (with the later calls of the same class to that chat,
  which keep their order) so it never holds up the calls to other chats.
* 429: this limiter is the one place RetryAfter is retried. The call that got it waits
  `retry_after` seconds and is retried (taking a new token), up to `max_retries` times; after
  that the RetryAfter is raised to the caller. Other calls go on: Telegram does not say
  whether a chat's limit or the bot's was hit, and a pause of everything for one chat that
  is written to fast stalled whole broadcasts.

Mechanics: a call that can send at once (nothing of its class queued, a token there, its chat
free) takes its token without waiting or allocating. Otherwise it queues a future, and one
dispatcher task (started when something queues, ended when the queues are empty) hands out
tokens to the heads of the queues, sleeping until the next token is due or a reply arrives.
Each call costs O(1) amortized. A waiting call that is cancelled is skipped; one cancelled
after it was handed a token gives the token (and its chat's slot) back.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import heapq
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

logger = logging.getLogger(__name__)

# What a scheduled send (daily, weekly, check-in) passes as `rate_limit_args`.
BULK: dict[str, Any] = {"bulk": True}

_Result = bool | dict[str, Any] | list[dict[str, Any]]
_ChatKey = int | str

# Floating-point slack when comparing token counts and times.
_EPS = 1e-9
# The dispatcher never sleeps less than this (a guard against spinning on rounding).
_MIN_SLEEP = 1e-4
# Forget idle chats' per-chat state once this many are tracked (then at double the live count).
_PRUNE_AT = 1024


class _Waiter:
    """One queued call: its future (resolved when it may send) and what its send consumed."""

    __slots__ = ("bulk", "fut", "group", "key", "prev_bulk_ready", "sent_at", "seq")

    def __init__(
        self, fut: asyncio.Future[None], key: _ChatKey, bulk: bool, group: bool, seq: int
    ) -> None:
        self.fut = fut
        self.key = key
        self.bulk = bulk
        self.group = group
        self.seq = seq
        self.prev_bulk_ready: float | None = None
        self.sent_at: float | None = None


class _Chat:
    """Per-chat state: when the next bulk call may go, and a group's recent send times."""

    __slots__ = ("bulk_ready", "sent")

    def __init__(self, group_max_rate: int | None) -> None:
        self.bulk_ready = float("-inf")
        self.sent: deque[float] | None = (
            deque(maxlen=group_max_rate) if group_max_rate is not None else None
        )


class _Lane:
    """One class's queue, plus the calls set aside until their chat may send again.

    `parked` maps a chat to its set-aside calls in order; `heap` holds one entry per parked
    chat: (when it may send, sequence number of its first call, chat).
    """

    __slots__ = ("heap", "parked", "queue")

    def __init__(self) -> None:
        self.queue: deque[_Waiter] = deque()
        self.parked: dict[_ChatKey, deque[_Waiter]] = {}
        self.heap: list[tuple[float, int, _ChatKey]] = []

    def waiters(self) -> list[_Waiter]:
        out = list(self.queue)
        for parked in self.parked.values():
            out.extend(parked)
        return out

    def clear(self) -> None:
        self.queue.clear()
        self.parked.clear()
        self.heap.clear()


def retry_seconds(exc: RetryAfter) -> float:
    """RetryAfter's wait in seconds, whether PTB gives it as a timedelta or an int."""
    value = exc.retry_after
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return float(value)


def chat_key(endpoint: str, data: dict[str, Any]) -> _ChatKey | None:
    """The chat a call sends to, or None when the call is not limited at all."""
    chat_id = data.get("chat_id")
    if chat_id is None or endpoint.startswith(("get", "answer")):
        return None
    if isinstance(chat_id, int):
        return chat_id
    text = str(chat_id)
    with contextlib.suppress(ValueError):
        return int(text)
    return text


class PriorityRateLimiter(BaseRateLimiter[dict[str, Any]]):
    """Replies first, broadcasts at the overall rate, per-chat and group limits, 429 retries.

    See the module docstring for the model. `rate` is the overall messages per second (the
    bucket holds one second's worth); `bulk_share` the part of the bucket bulk calls may use
    (the rest is the replies' reserve); `max_retries` how often a call is retried after a 429.
    `clock` is a monotonic clock in seconds; sleeping is asyncio's.
    """

    __slots__ = (
        "_bulk",
        "_capacity",
        "_chat_interval",
        "_chats",
        "_clock",
        "_group_max",
        "_group_period",
        "_last",
        "_max_retries",
        "_prune_at",
        "_rate",
        "_reply",
        "_reserve",
        "_seq",
        "_task",
        "_tokens",
        "_wake",
    )

    def __init__(
        self,
        rate: float = 30.0,
        *,
        burst: float | None = None,
        bulk_share: float = 0.9,
        max_retries: int = 3,
        chat_bulk_interval: float = 1.0,
        group_max_rate: int = 20,
        group_period: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        if not 0 < bulk_share <= 1:
            raise ValueError("bulk_share must be in (0, 1]")
        if max_retries < 0 or group_max_rate < 1 or group_period < 0 or chat_bulk_interval < 0:
            raise ValueError("max_retries, group and per-chat limits must not be negative")
        self._rate = float(rate)
        # The bucket holds one second's worth unless told otherwise (`burst`).
        self._capacity = max(float(burst) if burst is not None else self._rate, 1.0)
        # Bulk must always be able to take a token from a full bucket.
        self._reserve = min(self._capacity * (1.0 - bulk_share), self._capacity - 1.0)
        self._max_retries = max_retries
        self._chat_interval = float(chat_bulk_interval)
        self._group_max = group_max_rate
        self._group_period = float(group_period)
        self._clock = clock
        self._tokens = self._capacity
        self._last = clock()
        self._reply = _Lane()
        self._bulk = _Lane()
        self._chats: dict[_ChatKey, _Chat] = {}
        self._prune_at = _PRUNE_AT
        self._seq = 0
        self._task: asyncio.Task[None] | None = None
        self._wake: asyncio.Future[None] | None = None

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def capacity(self) -> float:
        return self._capacity

    @property
    def reserve(self) -> float:
        return self._reserve

    async def initialize(self) -> None:
        """Nothing to set up: the dispatcher starts when a call first has to wait."""

    async def shutdown(self) -> None:
        """Stop the dispatcher and cancel the calls still waiting for a token."""
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            if task.get_loop() is asyncio.get_running_loop():
                await asyncio.wait({task})
        for lane in (self._reply, self._bulk):
            for waiter in lane.waiters():
                waiter.fut.cancel()
            lane.clear()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, _Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> _Result:
        key = chat_key(endpoint, data)
        if key is None:
            return await callback(*args, **kwargs)
        bulk = bool(rate_limit_args and rate_limit_args.get("bulk"))
        group = isinstance(key, str) or key < 0
        self._seq += 1
        seq = self._seq
        attempt = 0
        while True:
            await self._acquire(key, bulk, group, seq, retry=attempt > 0)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                seconds = retry_seconds(exc)
                if attempt >= self._max_retries:
                    logger.info(
                        "Flood limit (429) on %s, retried %d times; giving up", endpoint, attempt
                    )
                    raise
                attempt += 1
                logger.info(
                    "Flood limit (429) on %s; this call waits %.1f s (retry %d of %d)",
                    endpoint,
                    seconds,
                    attempt,
                    self._max_retries,
                )
                # Only this call waits: Telegram does not say whether the limit hit was the
                # chat's or the bot's, and pausing every chat for one person who writes fast
                # stalled whole broadcasts (bench/daily_fanout.py).
                await asyncio.sleep(seconds)

    # --- the bucket -------------------------------------------------------------------------

    def _refill(self, now: float) -> None:
        if now > self._last:
            self._tokens = min(self._capacity, self._tokens + (now - self._last) * self._rate)
            self._last = now

    def _until(self, tokens: float, now: float) -> float:
        """Seconds from `now` until the bucket holds `tokens` (the bucket refilled to `now`,
        so only the missing tokens count)."""
        return max(tokens - self._tokens, 0.0) / self._rate

    # --- per chat -------------------------------------------------------------------------

    def _gate(self, key: _ChatKey, bulk: bool, now: float) -> float:
        """When a call of this class to this chat may send (<= now: at once)."""
        chat = self._chats.get(key)
        if chat is None:
            return now
        ready = now
        if bulk and chat.bulk_ready > ready:
            ready = chat.bulk_ready
        sent = chat.sent
        if sent is not None and len(sent) >= self._group_max:
            ready = max(ready, sent[0] + self._group_period)
        return ready

    def _consume(self, key: _ChatKey, bulk: bool, group: bool, now: float) -> _Chat | None:
        """Take a token and the chat's slot for a call sending now; returns the chat's state."""
        self._tokens -= 1.0
        if not (bulk or group):
            return None
        chat = self._chats.get(key)
        if chat is None:
            if len(self._chats) >= self._prune_at:
                self._prune(now)
            chat = self._chats[key] = _Chat(self._group_max if group else None)
        if bulk:
            chat.bulk_ready = now + self._chat_interval
        if chat.sent is not None:
            chat.sent.append(now)
        return chat

    def _prune(self, now: float) -> None:
        horizon = now - self._group_period
        idle = [
            key
            for key, chat in self._chats.items()
            if chat.bulk_ready <= now and (not chat.sent or chat.sent[-1] <= horizon)
        ]
        for key in idle:
            del self._chats[key]
        self._prune_at = max(_PRUNE_AT, 2 * len(self._chats))

    # --- waiting --------------------------------------------------------------------------

    async def _acquire(
        self, key: _ChatKey, bulk: bool, group: bool, seq: int, retry: bool
    ) -> None:
        lane = self._bulk if bulk else self._reply
        if not lane.queue and key not in lane.parked and not (bulk and self._reply.queue):
            now = self._clock()
            self._refill(now)
            need = 1.0 + self._reserve if bulk else 1.0
            if self._tokens >= need - _EPS and self._gate(key, bulk, now) <= now:
                self._consume(key, bulk, group, now)
                return
        loop = asyncio.get_running_loop()
        waiter = _Waiter(loop.create_future(), key, bulk, group, seq)
        if retry:
            lane.queue.appendleft(waiter)
        else:
            lane.queue.append(waiter)
        task = self._task
        if task is None or task.done() or task.get_loop() is not loop:
            self._task = loop.create_task(self._run(), name="PriorityRateLimiter")
        elif not bulk or len(lane.queue) == 1:
            # A reply may change what goes next; a bulk call only if it is the first in line.
            self._poke()
        try:
            await waiter.fut
        except asyncio.CancelledError:
            if waiter.fut.done() and not waiter.fut.cancelled():
                self._refund(waiter)
            self._poke()
            raise

    def _refund(self, waiter: _Waiter) -> None:
        """Give back what a call handed its token consumed, when it was cancelled unsent."""
        self._tokens = min(self._capacity, self._tokens + 1.0)
        chat = self._chats.get(waiter.key)
        if chat is None:
            return
        if waiter.prev_bulk_ready is not None:
            chat.bulk_ready = waiter.prev_bulk_ready
        if waiter.sent_at is not None and chat.sent is not None:
            with contextlib.suppress(ValueError):
                chat.sent.remove(waiter.sent_at)

    def _poke(self) -> None:
        wake = self._wake
        if wake is not None and not wake.done():
            wake.set_result(None)

    async def _run(self) -> None:
        try:
            while True:
                delay = self._dispatch()
                if delay is None:
                    return
                await self._sleep(max(delay, _MIN_SLEEP))
        finally:
            if self._task is asyncio.current_task():
                self._task = None

    async def _sleep(self, delay: float) -> None:
        """Sleep `delay` seconds, or until `_poke`."""
        loop = asyncio.get_running_loop()
        wake: asyncio.Future[None] = loop.create_future()
        self._wake = wake
        handle = loop.call_later(delay, _resolve, wake)
        try:
            await wake
        finally:
            handle.cancel()
            self._wake = None

    def _dispatch(self) -> float | None:
        """Hand tokens to whoever may send now; seconds until the next may, None if none wait."""
        now = self._clock()
        self._refill(now)
        while True:
            reply, reply_parked, reply_at = self._select(self._reply, now)
            if reply is not None:
                if self._tokens >= 1.0 - _EPS:
                    self._grant(self._reply, reply, reply_parked, now)
                    continue
                return self._until(1.0, now)
            bulk, bulk_parked, bulk_at = self._select(self._bulk, now)
            wait: float | None = None
            if bulk is not None:
                need = 1.0 + self._reserve
                if self._tokens >= need - _EPS:
                    self._grant(self._bulk, bulk, bulk_parked, now)
                    continue
                wait = self._until(need, now)
            elif bulk_at is not None:
                wait = bulk_at - now
            if reply_at is not None:
                wait = reply_at - now if wait is None else min(wait, reply_at - now)
            return wait

    def _select(self, lane: _Lane, now: float) -> tuple[_Waiter | None, bool, float | None]:
        """The call of `lane` that goes next if its chat may send now, and whether it is
        parked; else (None, False, when the first parked call's chat may send, if any)."""
        queue = lane.queue
        while queue:
            head = queue[0]
            if head.fut.done():  # cancelled while waiting
                queue.popleft()
                continue
            parked = lane.parked.get(head.key)
            if parked is not None:  # behind earlier calls to the same chat
                parked.append(queue.popleft())
                continue
            ready = self._gate(head.key, head.bulk, now)
            if ready > now:
                lane.parked[head.key] = deque((queue.popleft(),))
                heapq.heappush(lane.heap, (ready, head.seq, head.key))
                continue
            break
        first = queue[0] if queue else None
        heap = lane.heap
        while heap:
            ready, _, key = heap[0]
            parked = lane.parked[key]
            while parked and parked[0].fut.done():
                parked.popleft()
            if not parked:
                heapq.heappop(heap)
                del lane.parked[key]
                continue
            if ready > now:
                break
            candidate = parked[0]
            actual = self._gate(key, candidate.bulk, now)
            if actual > now:
                heapq.heapreplace(heap, (actual, candidate.seq, key))
                continue
            if first is None or candidate.seq < first.seq:
                return candidate, True, None
            break
        if first is not None:
            return first, False, None
        return None, False, (heap[0][0] if heap else None)

    def _grant(self, lane: _Lane, waiter: _Waiter, parked: bool, now: float) -> None:
        if parked:
            queue = lane.parked[waiter.key]
            queue.popleft()
        else:
            lane.queue.popleft()
        chat = self._chats.get(waiter.key)
        prev_bulk_ready = chat.bulk_ready if chat is not None else None
        chat = self._consume(waiter.key, waiter.bulk, waiter.group, now)
        if chat is not None:
            if waiter.bulk:
                waiter.prev_bulk_ready = (
                    prev_bulk_ready if prev_bulk_ready is not None else float("-inf")
                )
            if chat.sent is not None:
                waiter.sent_at = now
        if parked:
            if queue:
                nxt = queue[0]
                heapq.heapreplace(
                    lane.heap, (self._gate(nxt.key, nxt.bulk, now), nxt.seq, nxt.key)
                )
            else:
                heapq.heappop(lane.heap)
                del lane.parked[waiter.key]
        waiter.fut.set_result(None)


def _resolve(fut: asyncio.Future[None]) -> None:
    if not fut.done():
        fut.set_result(None)
