"""A keyboard turned into Telegram's JSON by the outbox's own short way gives exactly what
python-telegram-bot's to_dict gives, for every keyboard the content can build and for
buttons of every kind."""

from __future__ import annotations

import pytest
from telegram import (
    CopyTextButton,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    LoginUrl,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    WebAppInfo,
)

from bot.conversation.keyboards import inline, with_rows
from bot.conversation.outbox import Outgoing, _wire_of

KEYBOARDS = [
    inline([[("Yes", "a:1"), ("No", "a:2")], [("🆘 I want to text them", "urge:start")]]),
    with_rows(inline([[("One", "x")]]), [[("Two", "y")]]),
    InlineKeyboardMarkup([[InlineKeyboardButton("Find lines", url="https://findahelpline.com")]]),
    InlineKeyboardMarkup([[InlineKeyboardButton("Share", switch_inline_query="hi")]]),
    InlineKeyboardMarkup([[InlineKeyboardButton("Pay", pay=True)]]),
    InlineKeyboardMarkup([[InlineKeyboardButton("App", web_app=WebAppInfo("https://e.x"))]]),
    InlineKeyboardMarkup([[InlineKeyboardButton("Log in", login_url=LoginUrl("https://e.x"))]]),
    InlineKeyboardMarkup([[InlineKeyboardButton("Copy", copy_text=CopyTextButton("112"))]]),
    InlineKeyboardMarkup(
        [[InlineKeyboardButton("New field", callback_data="z", api_kwargs={"future": 1})]]
    ),
    ReplyKeyboardMarkup([[KeyboardButton("Share my location", request_location=True)]]),
    ReplyKeyboardRemove(),
]


@pytest.mark.parametrize("markup", KEYBOARDS)
def test_the_short_way_gives_what_to_dict_gives(markup: object) -> None:
    assert _wire_of(markup) == markup.to_dict()  # type: ignore[arg-type, attr-defined]


def test_the_outgoing_message_works_it_out_once() -> None:
    item = Outgoing(text="hi", markup=KEYBOARDS[0])
    first = item.markup_data()
    assert first == KEYBOARDS[0].to_dict()
    assert item.markup_data() is first
    assert Outgoing(text="no keyboard").markup_data() is None
