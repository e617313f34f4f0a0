"""Tester's third probe: data and messages asked for in words, who can read this chat, a panic
attack, a slip told as a reason, and a feeling in another language during set-up."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from bot.core.clock import MovableClock
from bot.core.content import load_content
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator
from bot.services import tghtml
from bot.store.models import Reason
from tests.harness import BotRunner, onboard

CONTENT = load_content()
NOT_SAFE = CONTENT.label("faq.btn_not_safe")


def said(message: BotMessage, key: str) -> bool:
    """Whether `message` opens with one of the variants of content key `key`."""
    plain = " ".join(message.plain.split())
    return any(
        plain.startswith(" ".join(tghtml.to_plain(v.split("{", 1)[0]).split())[:60])
        for v in CONTENT.variants(key)
    )


async def start_set_up(user: SimUser) -> BotMessage:
    """/start: the welcome and the date question."""
    await user.send("/start")
    return await user.reply()


# ------------------------------------------------------------------ S22: data and messages


@pytest.mark.parametrize("text", ["delete everything about me", "delete my account"])
async def test_erasing_asked_in_words_points_to_delete(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(22001)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert said(reply, "privacy.erase_asked"), reply.plain
    assert "/delete" in reply.plain
    assert "confirm" in reply.plain


@pytest.mark.parametrize(
    "text",
    [
        "turn off the daily messages",
        "stop messaging me",
        "unsubscribe",
        "stop sending me messages",
        "no more daily messages",
    ],
)
async def test_stopping_the_messages_asked_in_words_points_to_pause(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(22002)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert said(reply, "daily.stop_asked"), reply.plain
    assert "/pause" in reply.plain
    assert "/settings" in reply.plain


@pytest.mark.parametrize("text", ["stop", "stop texting him"])
async def test_stop_alone_or_about_them_is_not_about_the_messages(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(22003)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert not said(reply, "daily.stop_asked"), reply.plain


async def test_stopping_the_messages_asked_mid_question_lets_the_question_wait(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(22004)
    await start_set_up(user)
    await user.send("stop messaging me")
    reply = await user.reply()
    assert said(reply, "daily.stop_asked"), reply.plain
    assert any("set-up" in b.lower() or "back" in b.lower() for b in reply.button_texts())


# ------------------------------------------------------------------ S23: who can read this chat


async def test_who_can_read_this_chat_is_answered_honestly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(23001)
    await onboard(user)
    await user.send("who can read this chat")
    reply = await user.reply()
    assert said(reply, "privacy.asked"), reply.plain
    assert "Only you" not in reply.plain
    assert "encrypted" in reply.plain
    assert "phone" in reply.plain
    assert "passcode" in reply.plain
    assert "/export" in reply.plain
    assert "/delete" in reply.plain


# ------------------------------------------------------------------ S18: a panic attack


async def test_a_panic_attack_before_set_up_gets_grounding_then_a_second_step(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(18001)  # never sent /start
    await user.send("im having a panic attack i cant breathe")
    first = await user.reply()
    assert said(first, "panic.steps.first"), first.plain
    assert "set up" not in first.plain.lower()
    assert "out slowly for 6" in first.plain
    assert "emergency services" in first.plain
    assert NOT_SAFE in first.button_texts()
    await user.send("its not working")
    second = await user.reply()
    assert said(second, "panic.steps.second"), second.plain


async def test_a_panic_attack_after_set_up_gets_grounding_not_the_menu(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    user = emu.user(18002)
    await onboard(user)
    await user.send("im having a panic attack i cant breathe")
    first = await user.reply()
    assert said(first, "panic.steps.first"), first.plain
    clock.advance(timedelta(minutes=3))
    await user.send("still cant breathe")
    second = await user.reply()
    assert said(second, "panic.steps.second"), second.plain
    await user.send("its not working")
    third = await user.reply()
    assert said(third, "panic.steps.third"), third.plain
    # Long after, "its not working" is no longer about the panic attack.
    clock.advance(timedelta(minutes=30))
    await user.send("its not working")
    later = await user.reply()
    assert not any(said(later, f"panic.steps.{s}") for s in ("first", "second", "third"))


async def test_a_panic_attack_mid_set_up_is_answered_and_the_question_waits(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(18003)
    await start_set_up(user)
    await user.send("panic attack")
    reply = await user.reply()
    assert said(reply, "panic.steps.first"), reply.plain
    assert "date" not in reply.plain.lower()
    await user.send("today")  # the date question still takes its answer
    understood, _ = await user.replies(2)
    assert "Day 1" in understood.plain or "day 1" in understood.plain.lower()


# ------------------------------------------------------------------ S17: a slip as the reason


async def test_a_slip_told_at_the_reason_question_is_not_saved_as_the_reason(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(17001)
    await onboard(user, reason="i texted him last night. im so ashamed")
    # onboard() read one reply: the slip heard, and the question again with Skip.
    reply = user.last()
    assert said(reply, "onboarding.reason_is_slip"), reply.plain
    assert "/slip" in reply.plain
    assert "Skip for now" in reply.button_texts()
    async with bot.runtime.db.session() as session:
        rows = await session.exec(select(Reason).where(Reason.user_id == 17001))
        assert rows.all() == []
    await user.send("I want my peace back")
    done = await user.reply()
    assert "saved" in done.plain.lower()
    assert "Day 1" in done.plain
    async with bot.runtime.db.session() as session:
        rows = await session.exec(select(Reason).where(Reason.user_id == 17001))
        assert [r.text for r in rows.all()] == ["I want my peace back"]


async def test_a_slip_at_the_reason_question_can_be_skipped(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(17002)
    await onboard(user, reason="i broke nc")
    await user.press("Skip for now")
    done = await user.reply()
    assert "Day 1" in done.plain
    await user.send("/status")
    assert "Day 1" in (await user.reply()).plain


# ------------------------------------------------------------------ S24: another language


async def test_a_feeling_in_spanish_at_the_date_question_gets_the_language_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(24001)
    await start_set_up(user)
    await user.send("lo extraño mucho")
    line, question = await user.replies(2)
    assert said(line, "language.english_only.es"), line.plain
    assert "date" not in line.plain
    assert NOT_SAFE in line.button_texts()
    assert "Today" in question.button_texts()  # the date question again


async def test_another_language_at_the_zone_and_time_questions_but_cities_still_work(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(24002)
    await start_set_up(user)
    await user.send("today")
    await user.replies(2)
    await user.send("ich vermisse ihn so sehr")
    line, question = await user.replies(2)
    assert said(line, "language.english_only.de"), line.plain
    assert "time zone" in question.plain.lower()  # the question again
    await user.send("München")
    tz_ok, _ = await user.replies(2)
    assert "Europe/Berlin" in tz_ok.plain
    await user.send("quiero escribirle")
    line, question = await user.replies(2)
    assert said(line, "language.english_only.es"), line.plain
    assert "21:00" in question.button_texts()  # the time question again
    await user.send("no hablo ingles bien")
    line, question = await user.replies(2)
    assert said(line, "language.english_only.es"), line.plain
    assert "21:00" in question.button_texts()


async def test_a_spanish_city_name_is_still_a_place(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(24003)
    await start_set_up(user)
    await user.send("today")
    await user.replies(2)
    await user.send("Ciudad de México")
    tz_ok, _ = await user.replies(2)
    assert "America/Mexico" in tz_ok.plain
