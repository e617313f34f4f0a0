"""PriorityRateLimiter: replies ahead of broadcasts, the overall and per-chat limits, 429s."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.tg.limiter import PriorityRateLimiter

RATE = 200.0
BULK = {"bulk": True}

Log = list[tuple[str, float]]


@pytest.fixture
async def make() -> AsyncIterator[Callable[..., PriorityRateLimiter]]:
    made: list[PriorityRateLimiter] = []

    def factory(**kwargs: Any) -> PriorityRateLimiter:
        limiter = PriorityRateLimiter(**kwargs)
        made.append(limiter)
        return limiter

    yield factory
    for limiter in made:
        await limiter.shutdown()


async def send(
    limiter: PriorityRateLimiter,
    log: Log,
    label: str,
    chat_id: int | str | None,
    *,
    bulk: bool = False,
    endpoint: str = "sendMessage",
    failures: list[BaseException] | None = None,
) -> Any:
    """One call through the limiter; its callback logs (label, send time) or raises `failures`."""

    async def callback(text: str, *, parse_mode: str) -> bool:
        assert (text, parse_mode) == (label, "HTML")
        log.append((label, time.monotonic()))
        if failures:
            raise failures.pop(0)
        return True

    data: dict[str, Any] = {} if chat_id is None else {"chat_id": chat_id}
    return await limiter.process_request(
        callback=callback,
        args=(label,),
        kwargs={"parse_mode": "HTML"},
        endpoint=endpoint,
        data=data,
        rate_limit_args=BULK if bulk else None,
    )


def most_in_any_window(times: list[float], width: float) -> int:
    times = sorted(times)
    most, start = 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= width:
            start += 1
        most = max(most, end - start + 1)
    return most


async def cancel_all(tasks: list[asyncio.Task[Any]]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


@pytest.mark.parametrize("bulk_share", [0.9, 1.0])
async def test_a_reply_overtakes_a_queued_broadcast(
    make: Callable[..., PriorityRateLimiter], bulk_share: float
) -> None:
    limiter = make(rate=RATE, bulk_share=bulk_share)
    log: Log = []
    broadcast = [
        asyncio.create_task(send(limiter, log, f"b{i}", 10_000 + i, bulk=True))
        for i in range(2000)
    ]
    await asyncio.sleep(0.1)  # past the burst: bulk now runs at the refill rate
    started = time.monotonic()
    assert await send(limiter, log, "reply", 42) is True
    latency = time.monotonic() - started
    # At 0.9 the reserve is there and the reply goes at once; at 1.0 it takes the next token.
    assert latency < 2 / RATE
    labels = [label for label, _ in log]
    assert labels.count("reply") == 1
    assert 2000 - labels.index("reply") > 1500  # most of the broadcast was still queued
    # Bulk itself went in order.
    bulk_sent = [int(label[1:]) for label in labels if label != "reply"]
    assert bulk_sent == sorted(bulk_sent)
    assert most_in_any_window([t for _, t in log], 1.0) <= RATE + limiter.capacity

    # Cancelling the ~1,500 waiting bulk calls leaves the limiter working (7).
    await cancel_all(broadcast)
    sent = len(log)
    await asyncio.wait_for(send(limiter, log, "after-reply", 43), 0.1)
    await asyncio.wait_for(send(limiter, log, "after-bulk", 44, bulk=True), 0.1)
    assert [label for label, _ in log[sent:]] == ["after-reply", "after-bulk"]


async def test_a_broadcast_runs_at_the_full_rate_and_one_chat_at_once_a_second(
    make: Callable[..., PriorityRateLimiter],
) -> None:
    limiter = make(rate=RATE)
    log: Log = []
    burst = int(limiter.capacity - limiter.reserve)  # what bulk may take from a full bucket
    calls = [
        send(limiter, log, "same-1", 7, bulk=True),
        send(limiter, log, "same-2", 7, bulk=True),
    ]
    calls += [send(limiter, log, f"b{i}", 10_000 + i, bulk=True) for i in range(burst + 220)]
    await asyncio.gather(*calls)

    times = [t for _, t in log]
    assert max(times) - min(times) >= 1.0
    # (2) after the initial burst, bulk alone keeps the overall rate, timed from the burst's
    # last send so that a stall of the busy test machine before it (0.74 s once, in a full
    # gate) is not counted. A limiter that throttled bulk (half the rate, say) fails this; the
    # 0.95 of the issue is measured by bench/daily_fanout.py, not here.
    ordered = sorted(times)
    after_burst = ordered[-1] - ordered[burst - 1]
    assert (len(log) - burst) / after_burst >= 0.7 * RATE
    # (3) never more than a second's refill plus the bucket in any one second.
    assert most_in_any_window(times, 1.0) <= RATE + limiter.capacity
    # (5) bulk to one chat: at most one a second, and the chat's wait held up no other chat.
    sent = dict(log)
    assert sent["same-2"] - sent["same-1"] >= 0.99
    labels = [label for label, _ in log]
    between = labels[labels.index("same-1") + 1 : labels.index("same-2")]
    assert len(between) >= RATE * 0.9
    bulk_sent = [int(label[1:]) for label in labels if label.startswith("b")]
    assert bulk_sent == sorted(bulk_sent)


async def test_a_429_holds_only_its_own_call_which_is_then_retried(
    make: Callable[..., PriorityRateLimiter],
) -> None:
    limiter = make(rate=RATE, max_retries=3)
    log: Log = []
    failing = asyncio.create_task(
        send(limiter, log, "flooded", 1, failures=[RetryAfter(retry_after=1)])
    )
    await asyncio.sleep(0.05)
    hit = dict(log)["flooded"]
    others = [
        asyncio.create_task(send(limiter, log, "reply", 2)),
        asyncio.create_task(send(limiter, log, "bulk", 3, bulk=True)),
    ]
    # (6) a callback query's answer (no chat) never waits.
    started = time.monotonic()
    await send(limiter, log, "answer", None, endpoint="answerCallbackQuery")
    await send(limiter, log, "answer-with-chat", 2, endpoint="answerCallbackQuery")
    assert time.monotonic() - started < 0.01

    await asyncio.gather(*others)
    assert await failing is True
    labels = [label for label, _ in log]
    assert labels[0] == "flooded"
    assert labels[-1] == "flooded"
    assert set(labels[1:-1]) == {"answer", "answer-with-chat", "reply", "bulk"}
    # The other chats went on at once; the flooded call was retried after its wait.
    assert all(t - hit < 0.3 for _, t in log[1:-1])
    assert 0.99 <= log[-1][1] - hit < 1.2


async def test_a_429_is_raised_after_max_retries(
    make: Callable[..., PriorityRateLimiter],
) -> None:
    limiter = make(rate=RATE, max_retries=2)
    log: Log = []
    floods: list[BaseException] = [RetryAfter(retry_after=dt.timedelta(milliseconds=50))] * 3
    started = time.monotonic()
    with pytest.raises(RetryAfter):
        await send(limiter, log, "flooded", 1, failures=floods)
    assert len(log) == 3  # the call and two retries
    assert time.monotonic() - started >= 0.099  # two pauses of 50 ms
    with pytest.raises(RetryAfter):
        await send(make(max_retries=0), log, "once", 1, failures=[RetryAfter(retry_after=1)])
    assert [label for label, _ in log][-1] == "once"


async def test_calls_that_do_not_send_are_not_limited(
    make: Callable[..., PriorityRateLimiter],
) -> None:
    limiter = make(rate=1.0)
    log: Log = []
    await send(limiter, log, "first", 5)  # takes the only token
    started = time.monotonic()
    for endpoint in ("answerCallbackQuery", "getUpdates", "getMe", "setWebhook", "getFile"):
        await send(limiter, log, endpoint, None, endpoint=endpoint)
    await send(limiter, log, "getChat", 5, endpoint="getChat")
    assert time.monotonic() - started < 0.01
    assert len(log) == 7


async def test_a_group_gets_twenty_a_minute_without_holding_up_other_chats(
    make: Callable[..., PriorityRateLimiter],
) -> None:
    limiter = make(rate=RATE)
    log: Log = []
    group = [asyncio.create_task(send(limiter, log, f"g{i}", -100_123)) for i in range(22)]
    await asyncio.sleep(0.05)
    await asyncio.wait_for(send(limiter, log, "private", 9), 0.05)
    await asyncio.wait_for(send(limiter, log, "channel", "@news"), 0.05)
    labels = [label for label, _ in log]
    assert labels == [f"g{i}" for i in range(20)] + ["private", "channel"]
    assert not any(task.done() for task in group[20:])
    await cancel_all(group)


async def test_cancelled_waiters_are_skipped_and_replies_keep_their_order(
    make: Callable[..., PriorityRateLimiter],
) -> None:
    limiter = make(rate=20.0)
    log: Log = []
    for i in range(20):  # empty the bucket
        await send(limiter, log, f"drain{i}", 1)
    started = time.monotonic()
    waiting = [asyncio.create_task(send(limiter, log, f"r{i}", 100 + i)) for i in range(4)]
    bulk = asyncio.create_task(send(limiter, log, "bulk", 200, bulk=True))
    await asyncio.sleep(0)
    waiting[0].cancel()
    waiting[2].cancel()
    bulk.cancel()
    await asyncio.gather(*waiting, bulk, return_exceptions=True)
    labels = [label for label, _ in log[20:]]
    assert labels == ["r1", "r3"]
    # Two tokens at 20/s, not four: the cancelled calls took none.
    assert time.monotonic() - started < 2 / 20 + 0.03
    # The cancelled bulk call did not take chat 200's one-a-second slot.
    await asyncio.wait_for(send(limiter, log, "bulk-again", 200, bulk=True), 1.0)


async def test_a_call_cancelled_after_it_got_its_token_gives_it_back(
    make: Callable[..., PriorityRateLimiter],
) -> None:
    now = [0.0]
    limiter = make(rate=10.0, clock=lambda: now[0])
    log: Log = []
    for i in range(10):  # the clock stands still: the bucket stays empty
        await send(limiter, log, f"drain{i}", 1)
    granted = asyncio.create_task(send(limiter, log, "granted", 2))
    await asyncio.sleep(0)  # it queues and starts the dispatcher
    now[0] = 0.1  # one token
    await asyncio.sleep(0)  # the dispatcher hands it the token; it has not run yet
    granted.cancel()
    with pytest.raises(asyncio.CancelledError):
        await granted
    # The token came back: the next call sends at once though the clock has not moved.
    await asyncio.wait_for(send(limiter, log, "next", 3), 0.05)
    assert [label for label, _ in log[10:]] == ["next"]
