"""The urge flow's rules: strengths, outcomes, timers, the log and check-in claims."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.services import urges
from bot.store import migrate
from bot.store import urges as urge_store
from bot.store import users as user_store
from bot.store.db import Database

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("7", 7), (" 10 ", 10), ("1", 1), ("8/10", 8), ("9 out of 10", 9), ("6 of 10", 6),
     ("5!", 5), ("0", None), ("11", None), ("-3", None), ("seven", 7), ("7.5", None),
     ("", None), ("100", None), ("like an 8", 8), ("an 8, honestly", 8), ("8ish", 8),
     ("i'd say 6", 6), ("eight out of ten", 8), ("very strong", 8), ("unbearable", 10),
     ("mild", 3), ("medium", 5), ("Strong", 7), ("8 it's bad", 8),
     ("i texted him 3 times", None), ("between 6 and 7", None), ("i saw his new gf", None),
     ("10/10", 10), ("7 out of 10 maybe", 7)],
)
def test_parse_strength(typed: str, expected: int | None) -> None:
    assert urges.parse_strength(typed) == expected


@pytest.mark.parametrize(
    ("typed", "plan"),
    [("i'll go for a walk", True), ("ill just go to bed now", True),
     ("gonna call my friend instead", True), ("think i'll have a bath lol", True),
     ("ok i'll make a cup of tea", True), ("im going to go for a run", True),
     ("i'll go for a walk past his house", False), ("i will text him", False),
     ("going to sleep thinking about him", False), ("his new gf posted", False),
     ("i'll call my friend and ask her what he said", False)],
)
def test_a_plan_of_their_own_is_told_from_a_cause(typed: str, plan: bool) -> None:
    assert urges.own_plan(typed) is plan


@pytest.mark.parametrize(
    ("typed", "back"),
    [("ok im back", True), ("home now", True), ("just got back from my walk", True),
     ("back from my friend's", True), ("hes back", False), ("back to day 1", False),
     ("i went back to him", False), ("he came back", False)],
)
def test_back_from_their_own_plan(typed: str, back: bool) -> None:
    assert urges.back_again(typed) is back


@pytest.mark.parametrize(("strength", "band"), [(1, "low"), (3, "low"), (4, "mid"),
                                                (7, "mid"), (8, "high"), (10, "high")])
def test_band(strength: int, band: str) -> None:
    assert urges.band(strength) == band


def test_minutes_left_rounds_up_and_never_goes_negative() -> None:
    assert urges.minutes_left(NOW + timedelta(minutes=4, seconds=1), NOW) == 5
    assert urges.minutes_left(NOW + timedelta(minutes=5), NOW) == 5
    assert urges.minutes_left(NOW - timedelta(minutes=1), NOW) == 0
    assert urges.minutes_left(None, NOW) == 0


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    await migrate.upgrade(database)
    async with database.session() as session:
        for uid in (1, 2):
            await user_store.get_or_create_user(session=session, user_id=uid, chat_id=uid,
                                                now=NOW)
    try:
        yield database
    finally:
        await database.dispose()


async def test_a_whole_urge_is_logged_and_closed(db: Database) -> None:
    async with db.session() as session:
        urge = await urges.begin(session=session, user_id=1, source="command", now=NOW)
        await urges.set_strength(session=session, urge=urge, strength=6)
        await urges.set_trigger(session=session, urge=urge, trigger="night")
        await urges.use_tool(session=session, urge=urge, tool="breathe")
        await urges.record_outcome(session=session, urge=urge, outcome=urges.STILL_STRONG,
                                   now=NOW)
        assert urges.is_open(urge)
        await urges.use_tool(session=session, urge=urge, tool="wait")
        await urges.start_wait(session=session, urge=urge, minutes=15, now=NOW)
        assert urges.round_of(urge) == 2
        later = NOW + timedelta(minutes=12, seconds=40)
        await urges.record_outcome(session=session, urge=urge, outcome=urges.PASSED, now=later)
        assert urge.id is not None
        urge_id = urge.id
    await db.dispose()
    async with db.session() as session:
        stored = await urges.get(session=session, user_id=1, urge_id=urge_id)
        assert stored is not None
        assert (stored.strength, stored.trigger, stored.tools, stored.outcome) == (
            6, "night", "breathe,wait", "passed"
        )
        assert stored.minutes_to_pass == 13
        assert stored.checkin_at is None
        assert stored.ended_at == NOW + timedelta(minutes=12, seconds=40)
        assert not urges.is_open(stored)
        assert await urges.get(session=session, user_id=2, urge_id=urge_id) is None


async def test_bad_values_are_refused(db: Database) -> None:
    async with db.session() as session:
        urge = await urges.begin(session=session, user_id=1, source="text", now=NOW)
        with pytest.raises(ValueError, match="strength"):
            await urges.set_strength(session=session, urge=urge, strength=11)
        with pytest.raises(ValueError, match="trigger"):
            await urges.set_trigger(session=session, urge=urge, trigger="moon")
        with pytest.raises(ValueError, match="tool"):
            await urges.use_tool(session=session, urge=urge, tool="hammer")
        with pytest.raises(ValueError, match="wait"):
            await urges.start_wait(session=session, urge=urge, minutes=7, now=NOW)
        with pytest.raises(ValueError, match="outcome"):
            await urges.record_outcome(session=session, urge=urge, outcome="meh", now=NOW)


async def test_a_check_in_is_claimed_once(db: Database) -> None:
    async with db.session() as session:
        urge = await urges.begin(session=session, user_id=1, source="command", now=NOW)
        due = await urges.start_wait(session=session, urge=urge, minutes=5, now=NOW)
        assert urge.id is not None
        urge_id = urge.id
    async with db.session() as session:
        assert await urge_store.due_checkins(session=session, now=NOW, limit=10) == []
        [(found, chat_id)] = await urge_store.due_checkins(session=session, now=due, limit=10)
        assert (found.id, chat_id) == (urge_id, 1)
    lease = due + timedelta(minutes=5)
    async with db.session() as first:
        assert await urge_store.claim_checkin(session=first, urge_id=urge_id, expected=due,
                                              lease_until=lease)
    async with db.session() as second:  # another tick, or another instance, a moment later
        assert not await urge_store.claim_checkin(session=second, urge_id=urge_id,
                                                  expected=due, lease_until=lease)
        assert await urge_store.due_checkins(session=second, now=due, limit=10) == []
    async with db.session() as session:
        await urge_store.settle_checkin(session=session, urge_id=urge_id, lease_until=lease)
    async with db.session() as session:
        assert await urge_store.due_checkins(session=session, now=due, limit=10) == []


async def test_kept_messages_are_deleted_only_by_their_owner(db: Database) -> None:
    async with db.session() as session:
        kept = await urges.keep_unsent(session=session, user_id=1, urge_id=None, text="hi",
                                       now=NOW)
        assert kept.id is not None
        assert not await urges.forget_unsent(session=session, user_id=2, unsent_id=kept.id)
        assert len(await urge_store.list_unsent(session=session, user_id=1)) == 1
        assert await urges.forget_unsent(session=session, user_id=1, unsent_id=kept.id)
        assert await urge_store.list_unsent(session=session, user_id=1) == []


@pytest.mark.parametrize(
    ("typed", "trigger"),
    [("his instagram story", "post"), ("she texted me happy birthday", "they_contacted"),
     ("had a few drinks", "alcohol"), ("it's 3am and i can't sleep", "night"),
     ("our song came on", "date_place"), ("i feel so alone", "lonely"),
     ("no reason really", "other"), ("", "other")],
)
def test_a_typed_trigger_is_read(typed: str, trigger: str) -> None:
    assert urges.trigger_from_text(typed) == trigger


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # the brief's examples
        ("honestly still kinda strong but i wont do it", 7), ("not that bad", 3), ("mild", 3),
        ("medium", 5), ("pretty bad", 7), ("really bad", 8), ("worst its been", 10),
        ("idk like a 6 maybe", 6), ("6/10", 6), ("8 out of 10", 8), ("7-8", 8),
        # more of the kind
        ("worst it's ever been", 10), ("so bad", 8), ("so so", 5), ("it's not bad", 3),
        ("7 or 8", 8), ("seven or eight", 8), ("like 7-8 tbh", 8), ("7-8/10", 8),
        ("its like a 4 maybe 5", 5), ("6, no 7", 7),
        ("7 to 8 out of 10", 8), ("8 outta 10", 8), ("honestly? like a 7", 7),
        ("strong but not unbearable", 7), ("9 out of 10 and i miss him", 9),
        ("its a 4 but manageable", 4), ("5 out of 10 but rising", 5),
        ("the urge is really strong right now", 8), ("not really strong tbh", 3),
    ],
)
def test_a_strength_said_the_way_people_talk(typed: str, expected: int) -> None:
    assert urges.parse_strength(typed) == expected


@pytest.mark.parametrize(
    "typed",
    ["I texted him 3 times", "0", "11", "-3", "so much", "called him twice", "2 or 3 times",
     "3-9", "10-8", "7/8", "7, 8", "strong and mild", "ok", "it's been 3 days but strong",
     "not", "between 6 and 7", "bad day at work today, 2 meetings"],
)
def test_near_miss_strengths_are_refused(typed: str) -> None:
    assert urges.parse_strength(typed) is None


@pytest.mark.parametrize(
    ("typed", "trigger"),
    [
        # the brief's examples
        ("i saw his car outside the gym", "date_place"), ("he liked my story", "post"),
        ("drank too much", "alcohol"), ("couldn't sleep", "night"), ("couldnt sleep", "night"),
        ("3am", "night"), ("our anniversary", "date_place"),
        ("he texted me first", "they_contacted"),
        ("everyone's out and im home alone", "lonely"),
        # more of the kind
        ("she viewed my story", "post"), ("saw her new pic", "post"),
        ("got a text from him", "they_contacted"), ("she wrote to me", "they_contacted"),
        ("i ran into her at the shops", "date_place"), ("drove past his house", "date_place"),
        ("had a few glasses of wine", "alcohol"), ("went to the pub", "alcohol"),
        ("woke up at 4", "night"), ("it's 2 a.m. and i'm wide awake", "night"),
        ("all my friends are busy, i'm by myself", "lonely"), ("no plans this weekend", "lonely"),
    ],
)
def test_a_trigger_said_the_way_people_talk(typed: str, trigger: str) -> None:
    assert urges.trigger_from_text(typed) == trigger


@pytest.mark.parametrize(
    "typed",
    ["i saw a sad movie", "work stress", "idk", "just because", "he's an idiot", "my mum called",
     "stressed about exams", "saw a couple holding hands"],
)
def test_near_miss_triggers_are_other(typed: str) -> None:
    assert urges.trigger_from_text(typed) == "other"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [("it passed", "passed"), ("im feeling a bit better now", "passed"), ("gone now", "passed"),
     ("still strong", "still_strong"), ("not really", "still_strong"), ("worse", "still_strong"),
     ("i am not ok", "still_strong"), ("i texted him", "contacted"),
     ("it passed but i already texted him", "contacted"), ("ok", None), ("hmm", None),
     # the ex reaching out is theirs, not the person's slip
     ('she just texted "can we talk at the handover?"', None), ("he already called", None),
     ("just texted him", "contacted")],
)
def test_how_the_urge_is_now_is_read_from_typed_words(text: str, outcome: str | None) -> None:
    assert urges.outcome_from_text(text) == outcome


@pytest.mark.parametrize(
    ("text", "tool"),
    [("write it here", "write"), ("lets breathe", "breathe"), ("my reasons", "reasons"),
     ("wait it out", "wait"), ("play the tape forward", "tape"),
     ("i want to write him a letter explaining everything", None), ("ok", None)],
)
def test_a_tool_named_in_a_few_words(text: str, tool: str | None) -> None:
    assert urges.tool_from_text(text) == tool


@pytest.mark.parametrize(
    ("typed", "tool"),
    [("can i do the tape thing instead", "tape"), ("lets try the breathing one please", "breathe"),
     ("the tape", "tape"), ("i want to breathe again", None), ("so i can breathe", None),
     ("i want to write him a letter", None)],
)
def test_a_tool_asked_for_where_a_reason_is_awaited(typed: str, tool: str | None) -> None:
    assert urges.tool_asked_for(typed) == tool


@pytest.mark.parametrize(
    "text",
    [
        "this is boring",
        "ugh this is so stupid",
        "this isnt helping",
        "these questions are pointless",
        "i dont want to rate it",
        "boring",
    ],
)
def test_a_complaint_about_the_check_is_read_as_one(text: str) -> None:
    assert urges.complains_of_the_check(text)


@pytest.mark.parametrize(
    "text",
    ["im bored", "he is boring", "7", "my job is pointless and he knew it", "skip",
     "honestly just bored tonight"],
)
def test_what_is_not_a_complaint_about_the_check(text: str) -> None:
    assert not urges.complains_of_the_check(text)
