"""What the emulator rejects, observed through a real python-telegram-bot Bot over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    BotCommand,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.emulator import BotApiEmulator, SimUser

TOKEN = "111111:rules-token"
NOT_MODIFIED = "(?i)message is not modified"


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        emu.add_bot(TOKEN)
        yield emu


@pytest.fixture
async def tg(emulator: BotApiEmulator) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=emulator.base_url) as bot:
        yield bot


@pytest.fixture
async def user(emulator: BotApiEmulator) -> SimUser:
    sim = emulator.user(7, first_name="Robin")
    await sim.send("/start")
    return sim


def keyboard(*labels: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=t)] for t in labels])


async def test_send_message_round_trip(tg: Bot, user: SimUser) -> None:
    sent = await tg.send_message(user.chat_id, "<b>Day 3</b> &amp; counting", parse_mode="HTML",
                                 reply_markup=keyboard("Today", "Yesterday"))
    assert sent.text == "Day 3 & counting"
    assert sent.entities[0].type == "bold"
    assert sent.text_html == "<b>Day 3</b> &amp; counting"
    seen = await user.reply()
    assert seen.message_id == sent.message_id
    assert seen.text == "<b>Day 3</b> &amp; counting"
    assert seen.plain == "Day 3 & counting"
    assert seen.button_texts() == ["Today", "Yesterday"]


async def test_message_ids_increase_per_chat(tg: Bot, user: SimUser,
                                             emulator: BotApiEmulator) -> None:
    other = emulator.user(8)
    await other.send("hi")
    a = await tg.send_message(user.chat_id, "a")
    b = await tg.send_message(user.chat_id, "b")
    c = await tg.send_message(other.chat_id, "c")
    assert b.message_id == a.message_id + 1
    assert c.message_id == 2  # the user's "hi" was 1


@pytest.mark.parametrize(
    ("text", "parse_mode", "error"),
    [
        ("", None, "(?i)message text is empty"),
        ("   ", None, "(?i)message text is empty"),
        ("<b></b>", "HTML", "(?i)message text is empty"),
        ("x" * 4097, None, "(?i)message is too long"),
        ("<b>" + "x" * 4097 + "</b>", "HTML", "(?i)message is too long"),
        ("<b>bold", "HTML", "(?i)can't parse entities: can't find end tag"),
        ("<div>x</div>", "HTML", '(?i)can\'t parse entities: unsupported start tag "div"'),
        ("1 < 2", "HTML", "(?i)can't parse entities"),
        ("Tom & Jerry", "HTML", "(?i)can't parse entities"),
    ],
)
async def test_send_message_rejections(
    tg: Bot, user: SimUser, text: str, parse_mode: str | None, error: str
) -> None:
    with pytest.raises(BadRequest, match=error):
        await tg.send_message(user.chat_id, text, parse_mode=parse_mode)
    assert user.inbox == []


async def test_4096_visible_chars_pass_even_with_markup(tg: Bot, user: SimUser) -> None:
    await tg.send_message(user.chat_id, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    assert len((await user.reply()).plain) == 4096


async def test_chat_not_found_until_user_writes(tg: Bot, emulator: BotApiEmulator) -> None:
    stranger = emulator.user(99)
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await tg.send_message(99, "hello")
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await tg.send_message(12345, "hello")
    await stranger.send("hi")
    await tg.send_message(99, "hello")


async def test_blocked_user_gets_403_and_my_chat_member(tg: Bot, user: SimUser) -> None:
    updates = await tg.get_updates()
    user.block()
    with pytest.raises(Forbidden, match="(?i)bot was blocked by the user"):
        await tg.send_message(user.chat_id, "still there?")
    with pytest.raises(Forbidden):
        await tg.send_chat_action(user.chat_id, "typing")
    new = await tg.get_updates(offset=updates[-1].update_id + 1)
    assert new[0].my_chat_member is not None
    assert new[0].my_chat_member.new_chat_member.status == "kicked"
    user.unblock()
    await tg.send_message(user.chat_id, "welcome back")
    new = await tg.get_updates(offset=new[-1].update_id + 1)
    assert new[0].my_chat_member is not None
    assert new[0].my_chat_member.new_chat_member.status == "member"


async def test_callback_data_limits(tg: Bot, user: SimUser) -> None:
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="é" * 32)]])
    await tg.send_message(user.chat_id, "64 bytes", reply_markup=ok)
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="a" * 65)]])
    with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
        await tg.send_message(user.chat_id, "65 bytes", reply_markup=too_long)
    multibyte = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="é" * 33)]])
    with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
        await tg.send_message(user.chat_id, "66 bytes", reply_markup=multibyte)


async def test_inline_button_needs_one_action(tg: Bot, user: SimUser) -> None:
    bare = InlineKeyboardMarkup([[InlineKeyboardButton("no action")]])
    with pytest.raises(BadRequest, match="(?i)can't parse inline keyboard button"):
        await tg.send_message(user.chat_id, "x", reply_markup=bare)
    empty = InlineKeyboardMarkup([[InlineKeyboardButton("", callback_data="a")]])
    with pytest.raises(BadRequest, match="(?i)inline keyboard button"):
        await tg.send_message(user.chat_id, "x", reply_markup=empty)


async def test_reply_keyboards_accepted(tg: Bot, user: SimUser) -> None:
    await tg.send_message(user.chat_id, "Where?", reply_markup=ReplyKeyboardMarkup(
        [[KeyboardButton("Share location", request_location=True)], ["Berlin"]],
        resize_keyboard=True, one_time_keyboard=True))
    msg = await user.reply()
    assert msg.reply_keyboard == [["Share location"], ["Berlin"]]
    await tg.send_message(user.chat_id, "ok", reply_markup=ReplyKeyboardRemove())
    assert (await user.reply()).reply_keyboard is None
    await tg.send_message(user.chat_id, "Type it", reply_markup=ForceReply())
    await user.reply()


async def test_edit_rules(tg: Bot, user: SimUser) -> None:
    sent = await tg.send_message(user.chat_id, "<b>Pick</b>", parse_mode="HTML",
                                 reply_markup=keyboard("A", "B"))
    with pytest.raises(BadRequest, match=NOT_MODIFIED):
        await tg.edit_message_text("<b>Pick</b>", chat_id=user.chat_id,
                                   message_id=sent.message_id, parse_mode="HTML",
                                   reply_markup=keyboard("A", "B"))
    with pytest.raises(BadRequest, match=NOT_MODIFIED):
        await tg.edit_message_reply_markup(chat_id=user.chat_id, message_id=sent.message_id,
                                           reply_markup=keyboard("A", "B"))
    edited = await tg.edit_message_text("Picked A", chat_id=user.chat_id,
                                        message_id=sent.message_id)
    assert isinstance(edited, object)
    msg = await user.wait_for(lambda m: m.plain == "Picked A")
    assert msg.edited
    assert msg.buttons == []  # editing text without reply_markup removes the keyboard
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await tg.edit_message_text("x", chat_id=user.chat_id, message_id=999)
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await tg.edit_message_text("x", chat_id=user.chat_id, message_id=1)  # user's /start
    with pytest.raises(BadRequest, match="(?i)can't parse entities"):
        await tg.edit_message_text("<i>x", chat_id=user.chat_id, message_id=sent.message_id,
                                   parse_mode="HTML")
    await tg.edit_message_reply_markup(chat_id=user.chat_id, message_id=sent.message_id,
                                       reply_markup=keyboard("Undo"))
    assert (await user.wait_for(lambda m: m.button_texts() == ["Undo"])).plain == "Picked A"


async def test_delete_message(tg: Bot, user: SimUser) -> None:
    sent = await tg.send_message(user.chat_id, "bye")
    assert await tg.delete_message(user.chat_id, sent.message_id)
    assert user.inbox[-1].deleted
    with pytest.raises(BadRequest, match="(?i)message to delete not found"):
        await tg.delete_message(user.chat_id, sent.message_id)
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await tg.edit_message_text("x", chat_id=user.chat_id, message_id=sent.message_id)


async def test_answer_callback_query(tg: Bot, user: SimUser, emulator: BotApiEmulator) -> None:
    await tg.send_message(user.chat_id, "Pick", reply_markup=keyboard("A"))
    await user.press("A")
    updates = await tg.get_updates()
    query = updates[-1].callback_query
    assert query is not None
    assert query.data == "A"
    assert query.message is not None
    assert query.message.chat.id == user.chat_id
    with pytest.raises(BadRequest, match="(?i)message_too_long"):
        await tg.answer_callback_query(query.id, text="x" * 201)
    assert await tg.answer_callback_query(query.id, text="Saved", show_alert=True)
    assert user.callback_answers == [("Saved", True)]
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await tg.answer_callback_query(query.id)
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await tg.answer_callback_query("123456789")
    await user.press("A")
    emulator.callback_ttl = 0.0
    fresh = (await tg.get_updates(offset=updates[-1].update_id + 1))[-1].callback_query
    assert fresh is not None
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await tg.answer_callback_query(fresh.id)


async def test_press_requires_a_button(tg: Bot, user: SimUser) -> None:
    await tg.send_message(user.chat_id, "no buttons")
    with pytest.raises(AssertionError, match="no inline button"):
        await user.press("Nope")


async def test_commands(tg: Bot) -> None:
    commands = [BotCommand("start", "Begin"), BotCommand("status", "Where you stand")]
    assert await tg.set_my_commands(commands)
    assert [c.command for c in await tg.get_my_commands()] == ["start", "status"]
    for bad in (BotCommand("Start", "x"), BotCommand("with-dash", "x"), BotCommand("a" * 33, "x"),
                BotCommand("ok", ""), BotCommand("ok", "d" * 257)):
        with pytest.raises(BadRequest):
            await tg.set_my_commands([bad])
    with pytest.raises(BadRequest):
        await tg.set_my_commands([BotCommand(f"c{i}", "d") for i in range(101)])
    assert await tg.delete_my_commands()
    assert await tg.get_my_commands() == ()


async def test_descriptions_and_menu(tg: Bot) -> None:
    assert await tg.set_my_description("A companion for No Contact.")
    assert (await tg.get_my_description()).description == "A companion for No Contact."
    assert await tg.set_my_short_description("Stay steady.")
    assert (await tg.get_my_short_description()).short_description == "Stay steady."
    with pytest.raises(BadRequest):
        await tg.set_my_description("x" * 513)
    with pytest.raises(BadRequest):
        await tg.set_my_short_description("x" * 121)
    assert await tg.set_chat_menu_button()
    assert await tg.log_out()
    assert await tg.close()


async def test_chat_action(tg: Bot, user: SimUser) -> None:
    assert await tg.send_chat_action(user.chat_id, "typing")
    with pytest.raises(TelegramError):
        await tg.send_chat_action(user.chat_id, "dancing")


async def test_group_chat(tg: Bot, emulator: BotApiEmulator, user: SimUser) -> None:
    group = emulator.group(-100, title="Support circle")
    await group.send(user, "/status@SteadfastBot")
    update = (await tg.get_updates())[-1]
    assert update.message is not None
    assert update.message.chat.type == "group"
    assert update.message.text == "/status@SteadfastBot"
    assert update.message.entities[0].length == len("/status@SteadfastBot")
    await tg.send_message(-100, "Hello group")
    assert (await group.reply()).plain == "Hello group"
