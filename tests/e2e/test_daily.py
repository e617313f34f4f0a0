"""The daily message: at each user's hour, once a day, exactly once, at Telegram's pace."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.core.clock import MovableClock
from bot.core.content import load_content
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.ratelimit import TokenBucket
from bot.emulator.server import BotApiEmulator
from bot.jobs.daily import claim_batch
from bot.store.models import Delivery, User
from tests.e2e.userdata import opens_with
from tests.harness import TOKEN, BotRunner, onboard

FAST_TICK = {"tick_seconds": 0.05}
CONTENT = load_content()
DAILY = CONTENT.daily
assert DAILY is not None


def is_daily(message: BotMessage) -> bool:
    return message.plain.startswith("Day ") and "I'm okay" in " ".join(message.button_texts())


async def expect_daily(user: SimUser, day: int) -> BotMessage:
    message = await user.reply(timeout=5)
    assert is_daily(message), message.plain
    assert message.plain.startswith(f"Day {day}\n")
    return message




async def deliveries(runner: BotRunner, user_id: int) -> list[Delivery]:
    async with runner.runtime.db.session() as session:
        rows = await session.exec(select(Delivery).where(Delivery.user_id == user_id))
        return list(rows.all())


async def test_kolkata_and_new_york_each_get_one_message_at_their_minute(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    india, america = emu.user(1001), emu.user(1002)
    await onboard(india, zone="Kolkata", at="21:00")  # 15:30 UTC
    await onboard(america, zone="New York", at="21:00")  # 02:00 UTC the next day
    clock.set(datetime(2026, 11, 25, 15, 29, tzinfo=UTC))
    await india.silence(0.4)
    clock.set(datetime(2026, 11, 25, 15, 30, tzinfo=UTC))
    await expect_daily(india, 1)
    await america.silence(0.4)
    clock.set(datetime(2026, 11, 25, 15, 45, tzinfo=UTC))
    await india.silence(0.4)
    clock.set(datetime(2026, 11, 26, 2, 0, 30, tzinfo=UTC))  # 21:00 on Nov 25 in New York
    await expect_daily(america, 1)
    await india.silence(0.4)
    for user_id in (1001, 1002):
        [delivery] = await deliveries(ticking, user_id)
        assert delivery.status == "sent"
        assert delivery.content_id is not None


async def test_spring_forward_and_fall_back_in_berlin_neither_skip_nor_double(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(1003)
    clock.set(datetime(2027, 3, 27, 12, 0, tzinfo=UTC))
    await onboard(user, zone="Berlin", at="02:30")
    # 02:30 does not exist on 2027-03-28: it goes out at 03:30 CEST (01:30 UTC), once.
    clock.set(datetime(2027, 3, 28, 1, 29, tzinfo=UTC))
    await user.silence(0.3)
    clock.set(datetime(2027, 3, 28, 1, 30, tzinfo=UTC))
    await expect_daily(user, 2)
    clock.set(datetime(2027, 3, 28, 3, 0, tzinfo=UTC))
    await user.silence(0.3)
    clock.set(datetime(2027, 3, 29, 0, 30, tzinfo=UTC))  # 02:30 CEST
    await expect_daily(user, 3)


async def test_fall_back_sends_the_repeated_hour_once(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(1004)
    clock.set(datetime(2026, 10, 24, 12, 0, tzinfo=UTC))
    await onboard(user, zone="Berlin", at="02:30")
    # 02:30 happens twice on 2026-10-25 (00:30 and 01:30 UTC): first one only.
    clock.set(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))
    await expect_daily(user, 2)
    clock.set(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    await user.silence(0.4)
    clock.set(datetime(2026, 10, 26, 1, 30, tzinfo=UTC))  # 02:30 CET
    await expect_daily(user, 3)


async def test_two_instances_on_one_database_send_each_message_once(
    emu: BotApiEmulator, clock: MovableClock, database_url: str
) -> None:
    first = BotRunner(emu=emu, clock=clock, database_url=database_url, extra=FAST_TICK)
    second = BotRunner(
        emu=emu, clock=clock, database_url=database_url, extra=FAST_TICK, poll=False
    )
    await first.start()
    await second.start()
    try:
        users = [emu.user(2000 + i) for i in range(12)]
        for user in users:
            await onboard(user, zone="Berlin", at="20:00")
        clock.set(datetime(2026, 11, 25, 19, 0, 5, tzinfo=UTC))
        for user in users:
            await expect_daily(user, 1)
        clock.set(datetime(2026, 11, 25, 19, 1, tzinfo=UTC))
        for user in users:
            await user.silence(0.05)
        await users[0].silence(0.4)
        assert emu.stats.messages_sent == sum(len(u.inbox) for u in users)
    finally:
        await second.stop()
        await first.stop()


async def test_restart_just_after_a_claim_sends_once_after_the_lease(
    emu: BotApiEmulator, clock: MovableClock, database_url: str
) -> None:
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url)  # slow tick: 30 s
    await runner.start()
    user = emu.user(1005)
    await onboard(user, zone="Berlin", at="20:00")
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    jobs = await claim_batch(runner.runtime, clock.now())  # claimed, then the process dies
    assert len(jobs) == 1
    await runner.stop()
    runner.extra = FAST_TICK
    await runner.start()
    await user.silence(0.4)  # the claim is still leased to the dead process
    clock.set(datetime(2026, 11, 25, 19, 3, tzinfo=UTC))
    await expect_daily(user, 1)
    await user.silence(0.4)
    await runner.stop()


async def test_a_database_gone_just_after_a_claim_still_sends_what_was_claimed(
    emu: BotApiEmulator, clock: MovableClock, database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The claim committed, then the database went away before the stale claims were read:
    the claimed message goes now, not a whole lease later, and only once."""
    import bot.jobs.daily as daily_job

    real_reclaim = daily_job.reclaim
    failures: list[datetime] = []

    due = datetime(2026, 11, 25, 19, 0, tzinfo=UTC)

    async def reclaim_once_away(rt, now):  # type: ignore[no-untyped-def]
        if now >= due and not failures:  # right after the claim of the message due
            failures.append(now)
            raise OSError("database went away")
        return await real_reclaim(rt, now)

    monkeypatch.setattr(daily_job, "reclaim", reclaim_once_away)
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url, extra=FAST_TICK)
    await runner.start()
    try:
        user = emu.user(1007)
        await onboard(user, zone="Berlin", at="20:00")
        clock.set(due + timedelta(seconds=5))
        await expect_daily(user, 1)  # the clock has not moved past the lease
        assert failures, "the database never went away: the test proved nothing"
        clock.set(datetime(2026, 11, 25, 19, 10, tzinfo=UTC))  # every lease has run out
        await user.silence(0.5)
        assert sum(1 for m in user.inbox if is_daily(m)) == 1
    finally:
        await runner.stop()


async def test_restart_just_before_a_claim_sends_within_grace(
    emu: BotApiEmulator, clock: MovableClock, database_url: str
) -> None:
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url, extra=FAST_TICK)
    await runner.start()
    user = emu.user(1006)
    await onboard(user, zone="Berlin", at="20:00")
    await runner.stop()  # down before 20:00 ...
    clock.set(datetime(2026, 11, 25, 21, 30, tzinfo=UTC))  # ... back at 22:30, within 3 h
    await runner.start()
    await expect_daily(user, 1)
    await user.silence(0.3)
    await runner.stop()


async def test_message_missed_beyond_grace_is_skipped_and_status_stays_right(
    emu: BotApiEmulator, clock: MovableClock, database_url: str
) -> None:
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url, extra=FAST_TICK)
    await runner.start()
    user = emu.user(1007)
    await onboard(user, zone="Berlin", at="08:00")  # tomorrow 07:00 UTC
    await runner.stop()
    clock.set(datetime(2026, 11, 26, 11, 0, tzinfo=UTC))  # 4 h late
    await runner.start()
    await user.silence(0.4)
    await user.send("/status")
    assert "Day 2 " in (await user.reply()).plain
    clock.set(datetime(2026, 11, 27, 7, 0, tzinfo=UTC))
    await expect_daily(user, 3)
    await runner.stop()


async def test_pause_silences_without_stopping_the_count_then_resume(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(1008)
    await onboard(user, zone="Berlin", at="20:00")
    await user.send("/pause 2")
    confirmation = (await user.reply()).plain
    assert "2 days" in confirmation
    assert "Friday 27 November at 20:00" in confirmation  # as /status writes dates
    await user.send("/status")  # the same day as the confirmation, not the last paused one
    status = (await user.reply()).plain
    assert "next one comes on Friday 27 November" in status
    assert "Thursday 26" not in status
    await user.send("/settings")
    assert "back on Friday 27 November" in (await user.reply()).plain
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    await user.silence(0.3)
    clock.set(datetime(2026, 11, 26, 19, 0, tzinfo=UTC))
    await user.silence(0.3)
    clock.set(datetime(2026, 11, 27, 19, 0, tzinfo=UTC))
    await expect_daily(user, 3)
    await user.send("/pause")
    assert "/resume" in (await user.reply()).plain
    clock.set(datetime(2026, 11, 28, 19, 0, tzinfo=UTC))
    await user.silence(0.3)
    await user.send("/status")
    status = (await user.reply()).plain
    assert "Day 4 " in status
    assert "paused until you /resume" in status
    assert "9999" not in status  # the open pause's stored date is never shown
    await user.send("/resume")
    assert "tomorrow at 20:00" in (await user.reply()).plain


@pytest.mark.parametrize(("said", "length"), [
    ("till sunday", "4 days"),  # the clock's today is Wednesday 25 November
    ("for like 2 weeks", "14 days"),
    ("until after christmas", "31 days"),  # back on Saturday 26 December
])
async def test_a_bare_pause_takes_its_length_typed_next(
    emu: BotApiEmulator, ticking: BotRunner, said: str, length: str
) -> None:
    user = emu.user(1013)
    await onboard(user, zone="Berlin", at="20:00")
    await user.send("/pause")
    asked = await user.reply()
    assert "/resume" in asked.plain
    assert asked.button_texts() == [CONTENT.label("daily.pause_length_labels.week"),
                                    CONTENT.label("daily.pause_length_labels.fortnight"),
                                    CONTENT.label("daily.pause_length_labels.open")]
    await user.send(said)
    assert f"Paused for {length}" in (await user.reply()).plain


async def test_a_bare_pause_lengths_tapped_and_left_open(
    emu: BotApiEmulator, ticking: BotRunner
) -> None:
    user = emu.user(1014)
    await onboard(user, zone="Berlin", at="20:00")
    await user.send("/pause")
    asked = await user.reply()
    await user.press(CONTENT.label("daily.pause_length_labels.week"), message=asked)
    assert "Paused for 7 days" in (await user.reply()).plain
    await user.send("/pause")
    asked = await user.reply()
    await user.press(CONTENT.label("daily.pause_length_labels.open"), message=asked)
    assert (await user.reply()).text in CONTENT.variants("daily.pause_open")
    await user.send("will he come back")  # not a length: answered, and the pause stays open
    answer = await user.reply()
    assert "Paused for" not in answer.plain
    await user.send("/status")
    assert "paused until you /resume" in (await user.reply()).plain


@pytest.mark.parametrize("bad", ["/pause 0", "/pause 400", "/pause soon"])
async def test_pause_with_a_bad_number_explains(
    emu: BotApiEmulator, ticking: BotRunner, bad: str
) -> None:
    user = emu.user(1009)
    await onboard(user)
    await user.send(bad)
    assert "/pause 7" in (await user.reply()).plain


async def test_blocked_user_is_marked_inactive_skipped_then_welcomed_back(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(1010)
    await onboard(user, zone="Berlin", at="20:00")
    user.block()
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    await user.silence(0.4)
    async with ticking.runtime.db.session() as session:
        stored = await session.get(User, 1010)
        assert stored is not None
        assert stored.active is False
    attempts_before = emu.stats.count("sendMessage")
    clock.set(datetime(2026, 11, 26, 19, 0, tzinfo=UTC))
    await user.silence(0.4)
    assert emu.stats.count("sendMessage") == attempts_before
    user.unblock()
    await user.send("/status")
    # One short welcome, then the answer, in one message.
    welcome = await user.reply()
    assert opens_with(welcome, CONTENT.variants("privacy.welcome_back")), welcome.text
    welcomed, answer = welcome.plain.split("\n\n", 1)
    assert "back" in welcomed
    assert "Day 2 " in answer
    clock.set(datetime(2026, 11, 27, 19, 0, tzinfo=UTC))
    await expect_daily(user, 3)


async def test_milestone_day_gets_a_milestone_message(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(1011)
    await onboard(user, date="7 days ago", zone="Berlin", at="20:00")
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))  # 7 full days
    message = await expect_daily(user, 8)
    milestone_texts = {e.text for e in DAILY.milestones[7]}
    assert any(message.text.endswith(t) for t in milestone_texts)


async def test_no_repeat_until_the_pool_is_used_up(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(1012)
    await onboard(user, date="10 days ago", zone="UTC", at="20:00")
    # Twelve days include a Sunday evening: keep the weekly summary out of this count.
    await user.send("/settings")
    await user.press("📅 Turn weekly summary off", message=await user.reply())
    await user.wait_for(lambda m: "📅 Turn weekly summary on" in m.button_texts())
    texts = []
    for offset in range(12):  # full days 10..21: middle stage, milestones 14 and 21
        clock.set(datetime(2026, 11, 25, 20, 0, tzinfo=UTC) + timedelta(days=offset))
        texts.append((await expect_daily(user, 11 + offset)).text.split("\n\n", 1)[1])
    assert len(set(texts)) == len(texts)


async def test_mood_buttons_store_the_day_and_refuse_other_users(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user, other = emu.user(1013), emu.user(1014)
    await onboard(user, zone="Berlin", at="20:00")
    await onboard(other, zone="Berlin", at="20:00")
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    message = await expect_daily(user, 1)
    await expect_daily(other, 1)
    await user.press("🙂 I'm okay", message=message)
    await user.reply()
    [delivery] = await deliveries(ticking, 1013)
    assert delivery.mood == "okay"
    await other.press_data(f"day:{delivery.id}:s", message_id=message.message_id)
    await other.silence(0.3)
    assert other.callback_answers[-1][0]
    [still] = await deliveries(ticking, 1013)
    assert still.mood == "okay"


async def test_changing_the_time_after_todays_message_waits_until_tomorrow(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(1015)
    await onboard(user, zone="Berlin", at="14:00")
    clock.set(datetime(2026, 11, 25, 13, 0, tzinfo=UTC))
    await expect_daily(user, 1)
    await user.send("/time 23:00")
    confirmation = (await user.reply()).plain
    assert "23:00, your time" in confirmation
    assert "tomorrow at 23:00" in confirmation
    clock.set(datetime(2026, 11, 25, 22, 0, tzinfo=UTC))
    await user.silence(0.4)


async def test_429_from_telegram_slows_sending_without_losing_messages(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    users = [emu.user(3000 + i) for i in range(16)]
    for user in users:
        await onboard(user, zone="Berlin", at="20:00")
    # Now Telegram gets strict: 8 messages a second overall, bursts of 4.
    emu.bot(TOKEN).limiter.global_bucket = TokenBucket(8, 4)
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    for user in users:
        await expect_daily(user, 1)
    assert emu.stats.rate_limited > 0
    for user in users:
        await user.silence(0.05)
    assert len(await deliveries(ticking, 3000)) == 1


async def test_a_mood_typed_under_the_daily_message_counts_as_the_tap(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(1031)
    await onboard(user, zone="Berlin", at="20:00")
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    await expect_daily(user, 1)
    await user.send("not great tbh")
    question = await user.reply()
    assert question.text in CONTENT.variants("daily.struggle_ask"), question.plain
    [delivery] = await deliveries(ticking, 1031)
    assert delivery.mood == "struggling"
    await user.send("bad")  # the mood is taken once: now it is an answer to "what kind"
    heard = await user.reply()
    assert heard.text not in CONTENT.variants("daily.struggle_ask")
    [still] = await deliveries(ticking, 1031)
    assert still.mood == "struggling"


async def test_a_mood_word_with_no_daily_message_out_is_not_taken_for_one(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(1032)
    await onboard(user, zone="Berlin", at="20:00")
    await user.send("not great tbh")
    reply = await user.reply()
    assert reply.text not in CONTENT.variants("daily.struggle_ask")
    assert await deliveries(ticking, 1032) == []


@pytest.mark.parametrize("length", ["forever", "for good", "until i say so"])
async def test_pause_forever_pauses_until_resume_without_asking_how_long(
    emu: BotApiEmulator, ticking: BotRunner, length: str
) -> None:
    user = emu.user(1020)
    await onboard(user)
    await user.send(f"/pause {length}")
    paused = await user.reply()
    assert "/resume" in paused.plain
    assert "/pause 7" not in paused.plain  # not the usage text
    assert not paused.button_texts()  # no "for how long?" after "forever"
    await user.send("/status")
    assert "paused" in (await user.reply()).plain


async def test_commands_typed_without_their_slash_are_done(
    emu: BotApiEmulator, ticking: BotRunner
) -> None:
    # Fifth probe: "pause for a week", "settings" and "status" were heard as feelings, and
    # nothing was paused.
    user = emu.user(1020)
    await onboard(user, zone="Berlin", at="20:00")
    await user.send("pause for a week")
    assert "Paused for 7 days" in (await user.reply()).plain
    await user.send("status")
    status = (await user.reply()).plain
    assert "Day 1 " in status
    assert "next one comes on" in status
    await user.send("settings")
    assert "Your settings" in (await user.reply()).plain
    await user.send("resume")
    assert "on again" in (await user.reply()).plain
    await user.send("stop messaging me for a while")
    # done at once since the ninth probe ("stop messaging me for a week" had been told to
    # send /pause); "a while" has no end, so the way back is said
    assert "/resume" in (await user.reply()).plain
    await user.send("status of my heart: broken")  # not the command: heard as it is
    assert "Day 1 " not in (await user.reply()).plain


async def test_a_pause_of_n_days_asked_after_todays_message_silences_the_next_n(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    # A helper's chat: "/pause 3" on a Friday at 23:40 said the next message came on Monday
    # (two days silenced, not three).
    user = emu.user(1030)
    await onboard(user, zone="Berlin", at="20:00")
    clock.set(datetime(2026, 11, 25, 22, 40, tzinfo=UTC))  # Wednesday 23:40 in Berlin
    await user.send("/pause 3")
    confirmation = (await user.reply()).plain
    assert "3 days" in confirmation
    assert "Sunday 29 November at 20:00" in confirmation, confirmation


async def test_im_back_under_a_bare_pause_turns_messages_back_on(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, a helper's chat: "im back" under "until /resume, or for how long?" got
    # "Paused. Your days still count" again
    user = emu.user(27020)
    await onboard(user, zone="Berlin", at="20:00")
    await user.send("/pause")
    await user.reply()
    await user.send("im back")
    back = await user.reply()
    assert back.text.startswith("Welcome back. Daily messages are on again"), back.plain
    async with bot.runtime.db.session() as session:
        stored = (await session.exec(select(User).where(User.id == 27020))).one()
    assert stored.paused_until is None


async def test_hola_at_the_time_zone_question_is_no_place(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, a helper's chat: "hola" at the time-zone question set Africa/Nairobi
    user = emu.user(27021)
    await user.send("/start")
    await user.reply()
    await user.send("today")
    await user.replies(2)
    await user.send("hola")
    reply = await user.reply()
    assert "Nairobi" not in reply.plain, reply.plain
    assert "Time zone set" not in reply.plain, reply.plain


async def test_a_slip_told_at_what_kind_of_hard_is_met_as_a_slip(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    # Session 28, a helper's chat: "i txtd her last nite after all" at "What kind of hard is
    # it?" got "Heavy days pass... one task, then rest"
    user = emu.user(28013)
    await onboard(user, zone="Berlin", at="20:00")
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    await expect_daily(user, 1)
    await user.send("not great tbh")
    question = await user.reply()
    assert question.text in CONTENT.variants("daily.struggle_ask"), question.plain
    await user.send("i txtd her last nite after all")
    heard = await user.reply()
    assert heard.text not in CONTENT.variants("daily.struggle_heavy"), heard.plain
    assert any("/slip" in label or "slip" in label.lower() for label in heard.button_texts()) or (
        "/slip" in heard.plain
    ), (heard.plain, heard.button_texts())


async def test_im_back_changed_my_mind_typed_while_paused_resumes(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    # Session 28, a helper's chat: "actually im back, changed my mind" right after /pause 3
    # got "Paused. Your days still count"
    user = emu.user(28030)
    await onboard(user, zone="Berlin", at="20:00")
    await user.send("/pause 3")
    await user.reply()
    await user.send("actually im back, changed my mind")
    back = await user.reply()
    assert any(back.plain.startswith(v.split("{")[0].split("<")[0]) for v in
               CONTENT.variants("daily.resumed")), back.plain
