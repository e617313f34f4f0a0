"""/privacy, /export, /delete, coming back after a block, and Telegram's conventions."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from bot.app import MENU_COMMANDS
from bot.core.clock import MovableClock
from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from bot.store import privacy as privacy_store
from bot.store import urges as urge_store
from bot.store.models import User
from tests.harness import TOKEN, BotRunner, onboard

CONTENT = load_content()
BIG_ID = 987_654_321  # too large to be mistaken for any autoincrement id




async def rows_mentioning(runner: BotRunner, user_id: int) -> list[tuple[str, dict[str, object]]]:
    """Every row, in every table of the database (not only the models'), with the user's id
    in any column."""
    found = []
    async with runner.runtime.db.session() as session:
        connection = await session.connection()
        names = await connection.run_sync(lambda c: inspect(c).get_table_names())
        assert set(SQLModel.metadata.tables) <= set(names)
        for name in names:
            for row in (await connection.execute(text(f'SELECT * FROM "{name}"'))).mappings():
                if user_id in row.values():
                    found.append((name, dict(row)))
    return found


async def add_urge(runner: BotRunner, user_id: int) -> None:
    async with runner.runtime.db.session() as session:
        urge = await urge_store.create_urge(
            session=session, user_id=user_id, source="command",
            now=datetime(2026, 11, 25, 12, 5, tzinfo=UTC),
        )
        await urge_store.update_urge(session=session, urge=urge, strength=7, trigger="night")
        await urge_store.add_unsent(session=session, user_id=user_id, urge_id=urge.id,
                                    text="I miss you", now=datetime(2026, 11, 25, tzinfo=UTC))


async def test_privacy_says_what_is_stored_and_that_nothing_is_shared(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(6001)
    await user.send("/privacy")
    text = (await user.reply()).plain
    assert "shared or sold" in text
    assert "/export" in text
    assert "/delete" in text


async def test_export_is_a_documented_json_file_of_everything_stored(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(6002)
    await onboard(user, zone="Berlin", at="21:00", reason="I want my peace back")
    await add_urge(bot, 6002)
    await user.send("/export")
    reply = await user.reply()
    assert reply.document is not None
    assert reply.filename is not None
    assert reply.filename.endswith(".json")
    data = json.loads(reply.document)
    tables = {t.name for t in privacy_store.user_tables()} | {"users"}
    assert tables <= set(data)
    assert set(data["about"]) == tables | {"file"}
    assert all(data["about"].values())
    [account] = data["users"]
    assert (account["id"], account["tz"], account["daily_time"]) == (6002, "Europe/Berlin",
                                                                     "21:00:00")
    assert [r["text"] for r in data["reasons"]] == ["I want my peace back"]
    assert [a["start_date"] for a in data["attempts"]] == ["2026-11-25"]
    assert [(u["strength"], u["trigger"]) for u in data["urges"]] == [(7, "night")]
    assert [m["text"] for m in data["unsent_messages"]] == ["I miss you"]
    # Where they are in a conversation is readable structure, not an escaped JSON string.
    assert data["flow_states"]
    assert all(isinstance(f["stack"], list) for f in data["flow_states"])
    # Everything in the database about them, nothing about anyone else.
    mentioned = await rows_mentioning(bot, 6002)
    assert sum(len(data[name]) for name in tables) == len(mentioned)


async def test_delete_erases_every_row_and_sends_nothing_more(
    emu: BotApiEmulator, ticking: BotRunner, clock: MovableClock
) -> None:
    user, other = emu.user(BIG_ID), emu.user(6003)
    await onboard(user, zone="Berlin", at="21:00", reason="For me")
    await onboard(other, zone="Berlin", at="21:00")
    await add_urge(ticking, BIG_ID)
    assert await rows_mentioning(ticking, BIG_ID)
    await user.send("/delete")
    ask = await user.reply()
    assert "can't be undone" in ask.plain
    await user.press("Yes, erase everything")
    done = await user.wait_for(lambda m: "erased" in m.plain)
    assert done.buttons == []
    assert await rows_mentioning(ticking, BIG_ID) == []
    assert await rows_mentioning(ticking, 6003)  # nobody else was touched
    # 21:00 in Berlin: the other user gets their daily message; the erased one nothing.
    clock.set(datetime(2026, 11, 25, 20, 0, 5, tzinfo=UTC))
    await other.reply(timeout=5)
    clock.set(datetime(2026, 11, 29, 18, 0, 5, tzinfo=UTC))  # Sunday 19:00
    await other.reply(timeout=5)
    await user.silence(0.5)
    # A "hi" after erasing is met as a newcomer's: who the bot is, and /start.
    await user.send("hi")
    assert (await user.reply()).text in CONTENT.variants("core.not_started_greeting")
    # A later /start starts fresh.
    await user.send("/start")
    welcome = await user.reply()  # the welcome, the explainer and the question, as one
    assert "Steadfast" in welcome.plain
    assert "Welcome back" not in welcome.plain
    question = welcome.plain.rsplit("\n\n", 1)[-1]  # the end of the last part
    assert "start" in question.lower()


async def test_delete_can_be_called_off_and_its_old_button_then_does_nothing(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(6004)
    await onboard(user)
    await user.send("/delete")
    ask = await user.reply()
    erase_data = ask.buttons[0][0].callback_data or ""
    await user.press("No, keep my data", message=ask)
    await user.wait_for(lambda m: "Nothing was deleted" in m.plain or "stays" in m.plain)
    assert ask.buttons == []  # the question became the answer
    await user.press_data(erase_data, message_id=ask.message_id)
    await user.silence(0.3)
    assert await rows_mentioning(bot, 6004)
    text, _ = user.callback_answers[-1]
    assert text is not None
    assert "earlier step" in text or "out of date" in text


async def test_who_can_read_this_asked_at_erase_everything_is_answered_and_asked_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: "is my ex able to see this" at "Erase everything?" got a listening reply
    # ("Questions like that can go round and round at night").
    user = emu.user(6010)
    await onboard(user)
    await user.send("/delete")
    await user.reply()
    await user.send("is my ex able to see this")
    again = await user.reply()
    assert again.text.startswith(CONTENT.text("privacy.asked")[:40]), again.plain
    assert "Yes, erase everything" in again.button_texts()
    await user.press("Yes, erase everything", message=again)
    await user.wait_for(lambda m: "erased" in m.plain)
    assert await rows_mentioning(bot, 6010) == []


async def test_typed_at_erase_everything_a_question_is_answered_and_no_keeps_it(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "wait what does this delete" at "Erase everything?" got
    # "That's a lot to carry... missing them, or wanting to reach out?".
    user = emu.user(6006)
    await onboard(user)
    await user.send("/delete")
    await user.reply()
    await user.send("wait what does this delete")
    again = await user.reply()
    assert any(again.text.startswith(v) for v in CONTENT.variants("privacy.delete_explain"))
    assert "Yes, erase everything" in again.button_texts()
    await user.send("yes")  # typed, it explains again; only the button erases
    assert "Yes, erase everything" in (await user.reply()).button_texts()
    assert await rows_mentioning(bot, 6006)
    await user.send("no keep it")
    kept = await user.reply()
    assert kept.text in CONTENT.variants("privacy.delete_kept")
    assert await rows_mentioning(bot, 6006)


async def test_wait_no_at_erase_everything_keeps_it_and_yes_after_explains_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: "wait no" got "I'm listening... What feels heaviest?".
    user = emu.user(6009)
    await onboard(user)
    await user.send("/delete")
    await user.reply()
    await user.send("wait no")
    kept = await user.reply()
    assert kept.text in CONTENT.variants("privacy.delete_kept"), kept.plain
    await user.send("/delete")
    await user.reply()
    await user.send("ok actually yes delete everything")
    again = await user.reply()
    assert any(again.text.startswith(v) for v in CONTENT.variants("privacy.delete_explain"))
    assert await rows_mentioning(bot, 6009)  # typed words never erase; the button does


async def test_who_can_see_my_data_is_answered(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(6007)
    await onboard(user)
    await user.send("who can see my data")
    reply = await user.reply()
    # Honest: nobody is told, the data is theirs, but whoever holds the phone can read the chat.
    assert reply.text in CONTENT.variants("privacy.asked"), reply.plain


@pytest.mark.parametrize(
    "text", ["export my data", "can i get a copy of my data", "delete my account please"]
)
async def test_a_copy_or_an_erasure_asked_in_words_points_to_the_commands(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    # Found in the terminal chat: "export my data" got "It sounds like that landed hard".
    user = emu.user(6008)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    answers = CONTENT.variants("privacy.asked") + CONTENT.variants("privacy.erase_asked")
    assert reply.text in answers, reply.plain
    assert "/export" in reply.plain
    assert "/delete" in reply.plain


async def test_delete_from_the_settings_menu(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(6005)
    await onboard(user)
    await user.send("/settings")
    await user.reply()
    await user.press("🗑 Delete")
    await user.reply()
    await user.press("Yes, erase everything")
    await user.wait_for(lambda m: "erased" in m.plain)
    assert await rows_mentioning(bot, 6005) == []


async def test_blocked_then_back_is_welcomed_once_with_data_intact(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(6006)
    await onboard(user, reason="My peace")
    user.block()
    await user.silence(0.2)
    async with bot.runtime.db.session() as session:
        stored = await session.get(User, 6006)
        assert stored is not None
        assert stored.active is False
    user.unblock()
    await user.silence(0.2)  # nothing is pushed at them on unblocking
    await user.send("/status")
    # The welcome back, then the status, as one message.
    welcome, status_day, _ = (await user.reply()).plain.partition("Day 1")
    assert "back" in welcome.lower()
    assert status_day == "Day 1"
    await user.send("/status")
    assert "Day 1" in (await user.reply()).plain  # welcomed once only
    await user.send("/export")
    data = json.loads((await user.reply()).document or b"{}")
    assert [r["text"] for r in data["reasons"]] == ["My peace"]


async def test_start_with_a_deep_link_payload_is_a_normal_start(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(6007)
    await user.send("/start ref_abc")
    welcome = await user.reply()  # the welcome, the explainer and the question, as one
    assert "Steadfast" in welcome.plain
    assert welcome.button_texts()


async def test_description_and_command_menu_are_registered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    registered = emu.bot(TOKEN)
    assert "No Contact" in registered.descriptions[""]
    assert 0 < len(registered.short_descriptions[""]) <= 120
    commands = [c["command"] for scope in registered.commands.values() for c in scope]
    for name in ("progress", "settings", "privacy", "export", "delete"):
        assert name in commands
    assert list(MENU_COMMANDS) == commands


async def test_help_lists_the_new_commands(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(6008)
    await user.send("/help")
    text = (await user.reply()).plain
    for name in MENU_COMMANDS:
        assert f"/{name}" in text


async def test_erasing_everything_after_saying_not_safe_still_leaves_the_number(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found by a helper playing users: the last words to someone who had just said "not
    # safe" were a farewell with no way to help.
    user = emu.user(6301)
    await onboard(user, zone="Berlin")
    await user.send("i want to die")
    await user.reply()
    await user.send("no")
    await user.reply()
    await user.send("/delete")
    await user.reply()
    await user.press("Yes, erase everything")
    done = await user.wait_for(lambda m: "erased" in m.plain)
    assert "112" in done.plain, done.plain
    assert "TelefonSeelsorge" in done.plain


@pytest.mark.parametrize(
    "text",
    ["who can read what i write here? is it you or a real person?",
     "do you send this to my ex or to anyone?"],
)
async def test_who_reads_this_asked_in_other_words_is_answered_plainly(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    # A helper's terminal chat: "Should I reply?" and "I broke No Contact" were offered.
    user = emu.user(8830)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text == CONTENT.text("privacy.asked"), reply.plain
    await user.send("how do i delete everything i told you")
    assert (await user.reply()).text in CONTENT.variants("privacy.erase_asked")


@pytest.mark.parametrize("command", ["/export", "/delete"])
async def test_export_or_delete_after_erasing_says_nothing_is_stored_and_stores_nothing(
    emu: BotApiEmulator, bot: BotRunner, command: str
) -> None:
    # A helper's chat: /export right after /delete returned a file with a fresh account in it.
    user = emu.user(6302)
    await onboard(user)
    await user.send("/delete")
    await user.reply()
    await user.press("Yes, erase everything")
    await user.wait_for(lambda m: "erased" in m.plain)
    await user.send(command)
    reply = await user.reply()
    assert reply.text == CONTENT.text("privacy.nothing_stored"), reply.plain
    assert reply.document is None
    assert await rows_mentioning(bot, 6302) == []
