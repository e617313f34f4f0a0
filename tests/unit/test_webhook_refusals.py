"""Refused webhook requests are logged at most once a minute, with the count since the last
line; bodies that are not update objects are told apart from updates without raising."""

from __future__ import annotations

from telegram import Bot

from bot.tg.webhook import MAX_UPDATE_ID, RefusalLog, parse_update


def test_one_line_a_minute_with_the_count_since_the_last() -> None:
    now = [1000.0]
    log = RefusalLog(every=60.0, clock=lambda: now[0])
    said = [log.refused()]  # the first refusal is logged at once
    for _ in range(9):
        now[0] += 5
        said.append(log.refused())
    assert said == [1] + [None] * 9
    now[0] = 1000.0 + 60
    assert log.refused() == 10  # nine quiet ones and this one
    assert log.refused() is None
    now[0] += 61
    assert log.refused() == 2


def test_bodies_that_are_not_updates() -> None:
    bot = Bot("123456:not-a-real-token-for-parsing-only")
    not_updates = [
        b"", b"{", b"[]", b'"x"', b"1", b"null", b"{}", b'{"update_id": null}',
        b'{"update_id": -1}', b'{"update_id": 1.0}', b'{"update_id": "1"}',
        b'{"update_id": false}', b'{"update_id": ' + str(MAX_UPDATE_ID + 1).encode() + b"}",
        b'{"update_id": 3, "message": 7}', b"[" * 100_000 + b"]" * 100_000,
    ]
    assert [body[:40] for body in not_updates if parse_update(body, bot) is not None] == []
    update = parse_update(b'{"update_id": 0}', bot)
    assert update is not None
    assert update.update_id == 0
    assert parse_update(b'{"update_id": %d}' % MAX_UPDATE_ID, bot) is not None
