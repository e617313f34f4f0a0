"""Slips: no shame, the count restarts today, every attempt is kept; /history lists them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from bot.core.clock import MovableClock
from bot.core.content import load_content
from bot.emulator.driver import SimUser
from bot.emulator.server import BotApiEmulator
from bot.store.models import Attempt
from tests.e2e.userdata import ends_with, opens_with
from tests.harness import BotRunner, onboard

CONTENT = load_content()
RESTART, KEEP = "Yes, restart today", "No, keep my count"




async def attempts_of(runner: BotRunner, user_id: int) -> list[Attempt]:
    async with runner.runtime.db.session() as session:
        rows = await session.exec(
            select(Attempt).where(Attempt.user_id == user_id).order_by(Attempt.number)
        )
        return list(rows.all())


async def slip(user: SimUser, note: str | None = None) -> str:
    """/slip, confirm, then a note or Skip; return the "restarted" text."""
    await user.send("/slip")
    confirm = await user.reply()  # the intro, then the question, in one message
    assert opens_with(confirm, CONTENT.variants("slip.slip_intro")), confirm.text
    assert confirm.button_texts() == [RESTART, KEEP]
    await user.press(RESTART)
    ask_note = await user.reply()  # "restarted", then the note question
    assert ask_note.button_texts() == ["Skip", CONTENT.label("slip.undo_label")]
    assert ends_with(ask_note, CONTENT.variants("slip.ask_note")), ask_note.text
    restarted, _ = ask_note.plain.rsplit("\n\n", 1)
    if note is None:
        await user.press("Skip")
        assert (await user.reply()).text in CONTENT.variants("slip.note_skipped")
    else:
        await user.send(note)
        assert (await user.reply()).text in CONTENT.variants("slip.note_saved")
    return restarted


async def test_two_slips_keep_history_and_the_longest_streak(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(6001)
    await onboard(user, date="10 days ago", zone="UTC")  # 15 Nov
    first = await slip(user, note="saw their story at 2am")
    assert "10 days" in first
    clock.advance(timedelta(days=3))  # 28 Nov
    second = await slip(user)
    assert "3 days" in second
    assert "10 days" in second  # the longest streak is kept
    clock.advance(timedelta(days=5))  # 3 Dec
    await user.send("/history")
    history = (await user.reply()).plain
    assert "1. 15 Nov – 25 Nov · 10 full days" in history
    assert "saw their story at 2am" in history
    assert "2. 25 Nov – 28 Nov · 3 full days" in history
    assert "3. 28 Nov – today · 5 full days and counting" in history
    totals = {v.format(attempts="3 attempts", longest="10 full days", total="18 full days")
              for v in CONTENT.variants("slip.history_totals")}
    assert history.split("\n\n")[-1] in totals
    first_a, second_a, third_a = await attempts_of(bot, 6001)
    assert (first_a.end_reason, first_a.note) == ("slip", "saw their story at 2am")
    assert (second_a.end_date, second_a.note) == (third_a.start_date, None)
    assert third_a.end_date is None
    await user.send("/status")
    assert "Day 6" in (await user.reply()).plain


async def test_keeping_the_count_changes_nothing(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(6002)
    await onboard(user, date="4 days ago")
    await user.send("/slip")
    await user.reply()
    await user.press(KEEP)
    assert (await user.reply()).text in CONTENT.variants("slip.slip_cancelled")
    [attempt] = await attempts_of(bot, 6002)
    assert attempt.end_date is None


@pytest.mark.parametrize("typed", ["ok fine i wont", "yeah not now"])
async def test_a_yes_taken_back_in_the_same_breath_restarts_nothing(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # A helper's terminal chat: "ok fine i wont" at "Restart your count?" restarted it.
    user = emu.user(6020)
    await onboard(user, date="4 days ago")
    await user.send("/slip")
    await user.reply()
    await user.send(typed)
    again = await user.reply()
    assert opens_with(again, CONTENT.variants("slip.use_buttons")), again.text
    assert again.button_texts() == [RESTART, KEEP]
    [attempt] = await attempts_of(bot, 6020)
    assert attempt.end_date is None


async def test_a_typed_yes_or_no_answers_the_restart_question(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(6006)
    await onboard(user, date="4 days ago")
    await user.send("/slip")
    await user.reply()
    await user.send("what?")  # puzzled: what each button does, the question repeated
    again = await user.reply()  # the explanation, then the question again, in one message
    assert opens_with(again, CONTENT.variants("slip.confirm_explained")), again.text
    assert again.button_texts() == [RESTART, KEEP]
    await user.send("nope")
    assert (await user.reply()).text in CONTENT.variants("slip.slip_cancelled")
    [attempt] = await attempts_of(bot, 6006)
    assert attempt.end_date is None
    await user.send("/slip")
    await user.reply()
    await user.send("yes i texted him last night")
    ask_note = await user.reply()
    assert ask_note.button_texts() == ["Skip", CONTENT.label("slip.undo_label")]
    first, second = await attempts_of(bot, 6006)
    assert first.end_date is not None
    assert second.end_date is None


async def test_slip_before_set_up_points_to_start(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(6003)
    await user.send("/slip")
    not_started = await user.reply()  # the intro, then "not started", in one message
    assert opens_with(not_started, CONTENT.variants("slip.slip_intro")), not_started.text
    assert ends_with(not_started, CONTENT.variants("slip.not_started")), not_started.text
    assert "/start" in not_started.plain
    await user.send("/history")
    assert "/start" in (await user.reply()).plain


async def test_restart_button_pressed_twice_restarts_once(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(6004)
    await onboard(user, date="2 days ago")
    await user.send("/slip")
    confirm = await user.reply()
    await user.press(RESTART, message=confirm)
    await user.reply()
    await user.press(RESTART, message=confirm)
    await user.silence(0.3)
    assert user.callback_answers[-1][0]
    assert len(await attempts_of(bot, 6004)) == 2


async def test_a_long_note_is_refused_kindly(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(6005)
    await onboard(user, date="3 days ago")
    await user.send("/slip")
    await user.reply()
    await user.press(RESTART)
    await user.reply()
    await user.send("z" * 501)
    assert "500" in (await user.reply()).plain
    await user.send("short one")
    await user.reply()
    first, _ = await attempts_of(bot, 6005)
    assert first.note == "short one"


async def test_daily_messages_continue_after_a_slip_from_day_one(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(6006)
    await onboard(user, date="6 days ago", zone="Berlin", at="20:00")
    await slip(user)
    clock.set(datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    daily = await user.reply(timeout=3)
    assert daily.plain.startswith("Day 1\n")
    clock.set(datetime(2026, 11, 26, 19, 0, tzinfo=UTC))
    assert (await user.reply(timeout=3)).plain.startswith("Day 2\n")


async def test_history_counts_one_attempt_in_the_singular(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(6010)
    await onboard(user, date="1 day ago", zone="UTC")
    await user.send("/history")
    history = (await user.reply()).plain
    assert "1 full day and counting" in history
    totals = history.split("\n\n")[-1]
    assert "1 attempt" in totals
    assert "1 attempts" not in totals
    assert "1 days" not in history


async def test_a_second_slip_the_same_day_adds_no_empty_attempt_and_keeps_both_notes(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Fifth probe: a second /slip the same day added "2 Dec – 2 Dec · 0 full days" and a
    # third attempt.
    user = emu.user(6010)
    await onboard(user, date="10 days ago", zone="UTC")
    await slip(user, note="saw their story at 2am")
    await user.send("/slip")
    await user.reply()
    await user.press(RESTART)
    again = await user.reply()
    assert opens_with(again, CONTENT.variants("slip.already_today")), again.text
    await user.send("then i sent another one")
    assert (await user.reply()).text in CONTENT.variants("slip.note_saved")
    first, second = await attempts_of(bot, 6010)
    assert first.note == "saw their story at 2am · then i sent another one"
    assert second.end_date is None
    await user.send("/history")
    assert "2 attempts" in (await user.reply()).plain


async def test_a_slip_pressed_by_accident_is_taken_back_whole(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Fifth probe: one mis-tap turned 20 days into Day 1 with no way back.
    user = emu.user(6011)
    await onboard(user, date="20 days ago", zone="UTC")
    await user.send("/slip")
    await user.reply()
    await user.press(RESTART)
    asked = await user.reply()
    assert CONTENT.label("slip.undo_label") in asked.button_texts()
    await user.press(CONTENT.label("slip.undo_label"))
    undone = await user.reply()
    assert undone.text in {v.format(day=21) for v in CONTENT.variants("slip.undone")}
    [attempt] = await attempts_of(bot, 6011)
    assert (attempt.end_date, attempt.end_reason) == (None, None)
    # Typed later the same day, after skipping the note, it is taken back too.
    await slip(user)
    await user.send("wait i pressed that by accident, i didnt actually contact him")
    assert "Day 21" in (await user.reply()).plain
    assert len(await attempts_of(bot, 6011)) == 1
    await user.send("undo")  # nothing left to take back: the count is not touched
    assert "Day 21" not in (await user.reply()).plain
    # At the restart question, "i didnt actually send it" keeps the count.
    await user.send("/slip")
    await user.reply()
    await user.send("wait no i didnt actually send it, i deleted it before sending")
    assert (await user.reply()).text in CONTENT.variants("slip.slip_cancelled")
    assert len(await attempts_of(bot, 6011)) == 1


async def test_what_now_after_a_slip_is_told_is_the_next_step_not_what_the_bot_is(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: "i texted him", the slip answer, then "what now" got "I'm a bot that
    # keeps you company through No Contact..."
    user = emu.user(6120)
    await onboard(user, date="3 days ago")
    await user.send("i texted him")
    await user.reply()
    await user.send("what now")
    step = await user.reply()
    assert opens_with(step, CONTENT.variants("listen.what_now_slip")), step.plain
    assert step.button_texts() == [RESTART, KEEP]
    await user.press(RESTART, message=step)
    await user.reply()
    assert len(await attempts_of(bot, 6120)) == 2
    # "what now" with no slip before it is still the question about the bot
    other = emu.user(6121)
    await onboard(other)
    await other.send("what now")
    about = await other.reply()
    assert not opens_with(about, CONTENT.variants("listen.what_now_slip")), about.plain


@pytest.mark.parametrize(
    "typed", ["i picked up. we talked 10 mins", "hey how are you. that's all i sent"]
)
async def test_contact_told_in_other_words_is_heard_as_a_slip(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # A helper's terminal chats: "i picked up. we talked 10 mins" got "If you want to reach
    # out, tap /urge first"; "that's all i sent" got the answer about them texting.
    user = emu.user(6021 if typed.startswith("i") else 6022)
    await onboard(user, date="4 days ago")
    await user.send(typed)
    reply = await user.reply()
    assert any("slip" in b.lower() for b in reply.button_texts()), reply.plain
    [attempt] = await attempts_of(bot, user.user_id)
    assert attempt.end_date is None  # heard; the count restarts only when they say so


async def test_a_slip_told_as_yesterdays_restarts_from_yesterday_and_can_be_taken_back(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: "yesterday" at "Restart your count?" got "Tap one of the
    # buttons below"; then a typed "skip" at the note was kept as the note.
    user = emu.user(6020)
    await onboard(user, date="10 days ago", zone="UTC")  # 15 Nov, today 25 Nov
    await user.send("/slip")
    await user.reply()
    await user.send("it was last night")
    restarted = await user.reply()
    assert "Tuesday 24 November" in restarted.plain, restarted.plain
    assert "Day 2" in restarted.plain
    assert "9 days" in restarted.plain  # held from 15 to 24 November
    assert restarted.button_texts() == ["Skip", CONTENT.label("slip.undo_label")]
    await user.send("skip")
    assert (await user.reply()).text in CONTENT.variants("slip.note_skipped")
    [ended, current] = await attempts_of(bot, 6020)
    assert (ended.end_date, current.start_date) == (date(2026, 11, 24), date(2026, 11, 24))
    assert ended.note is None
    await user.send("/status")
    assert "Day 2" in (await user.reply()).plain
    await user.send("i pressed that by accident")  # the same day: taken back whole
    assert "Day 11" in (await user.reply()).plain
    [whole] = await attempts_of(bot, 6020)
    assert (whole.start_date, whole.end_date) == (date(2026, 11, 15), None)


async def test_undo_under_a_second_slip_the_same_day_keeps_the_first_and_its_note(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: a second /slip the same day ("already counting from today") offered
    # Undo, which took back the real first slip and its note; /status then congratulated him.
    user = emu.user(6023)
    await onboard(user, date="3 days ago")
    await user.send("/slip")
    await user.reply()
    await user.press("Yes, restart today")
    await user.reply()
    await user.send("she was drunk texting me first")
    await user.reply()
    await user.send("/slip")
    await user.reply()
    await user.press("Yes, restart today")
    again = await user.reply()
    assert CONTENT.label("slip.undo_label") not in again.button_texts(), again.button_texts()
    await user.send("no wait i didnt actually send it")
    kept = await user.reply()
    assert kept.text in CONTENT.variants("slip.undo_second"), kept.plain
    [ended, current] = await attempts_of(bot, 6023)
    assert ended.note == "she was drunk texting me first"
    assert current.end_date is None
    await user.send("/status")
    assert "Day 1" in (await user.reply()).plain
