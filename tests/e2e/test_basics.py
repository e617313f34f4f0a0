"""Help, about, groups, stickers, unknown commands, the command menu."""

from __future__ import annotations

import pytest

from bot.core.clock import MovableClock
from bot.emulator.server import BotApiEmulator
from tests.harness import TOKEN, BotRunner, onboard


async def test_help_lists_every_command_and_says_it_is_a_bot(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(900)
    await user.send("/help")
    text = (await user.reply()).plain
    for command in ("/status", "/time", "/timezone", "/start", "/cancel", "/about", "/help"):
        assert command in text
    assert "not a person" in text
    assert "findahelpline.com" in text


async def test_about_says_it_is_not_therapy(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(901)
    await user.send("/about")
    text = (await user.reply()).plain
    assert "automated" in text
    assert "not a therapist" in text


async def test_command_menu_is_registered_at_start(emu: BotApiEmulator, bot: BotRunner) -> None:
    registered = emu.bot(TOKEN).commands.values()
    commands = [c["command"] for scope in registered for c in scope]
    assert "status" in commands
    assert "help" in commands


async def test_unknown_command_gets_a_pointer_to_help(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(902)
    await user.send("/frobnicate")
    assert "/help" in (await user.reply()).plain


@pytest.mark.parametrize(("typed", "meant"), [("/stauts", "/status"), ("/pasue 3", "/pause"),
                                              ("/histroy", "/history")])
async def test_a_mistyped_command_is_asked_back_as_the_one_it_resembles(
    emu: BotApiEmulator, bot: BotRunner, typed: str, meant: str
) -> None:
    # Fifth probe: "/stauts" got "I don't know that command" and the whole of /help to read.
    user = emu.user(904)
    await user.send(typed)
    reply = (await user.reply()).plain
    assert f"Did you mean {meant}?" in reply or f"you meant {meant}:" in reply, reply


async def test_status_mistyped_after_set_up_is_shown_at_once(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: "/stauts" got "I think you meant /status: tap it", one more tap
    # for a count that changes nothing.
    user = emu.user(905)
    await onboard(user, date="10 days ago")
    await user.send("/stauts")
    assert "Day 11" in (await user.reply()).plain


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice"])
async def test_non_text_messages_get_a_short_note(
    emu: BotApiEmulator, bot: BotRunner, kind: str
) -> None:
    user = emu.user(903)
    await getattr(user, f"send_{kind}")()
    assert "/help" in (await user.reply()).plain


async def test_group_chat_gets_a_private_chat_note(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(904)
    group = emu.group(-100555)
    await group.send(user, "/start")
    note = await group.reply()
    assert "private" in note.plain
    await group.send(user, "just chatting with friends")
    await group.silence(0.3)


async def test_very_long_text_gets_a_reply(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(905)
    await user.send("a" * 4096)
    assert "/start" in (await user.reply()).plain


async def test_stats_shows_counts_to_admins_only(
    emu: BotApiEmulator, clock: MovableClock, database_url: str
) -> None:
    runner = BotRunner(emu=emu, clock=clock, database_url=database_url,
                       extra={"admin_ids": "9001"})
    await runner.start()
    try:
        for user_id in (9002, 9003):
            await onboard(emu.user(user_id), reason="my own private reason")
        admin, someone = emu.user(9001), emu.user(9002)
        await admin.send("/stats")
        stats = (await admin.reply()).plain
        assert "Active users: 2" in stats
        assert "New this week: 2" in stats
        assert "private reason" not in stats
        await someone.send("/stats")  # as any unknown command: close to /status, shown
        not_theirs = (await someone.reply()).plain
        assert "Active users" not in not_theirs
        assert "Day 1" in not_theirs  # their own count, nothing of anyone else's
    finally:
        await runner.stop()
