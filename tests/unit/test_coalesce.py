"""One message per step: which of a turn's messages are joined, and which stay apart."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardRemove

from bot.conversation.coalesce import coalesce
from bot.conversation.outbox import Outgoing
from bot.services.tghtml import MESSAGE_LIMIT, split_message

BUTTONS = InlineKeyboardMarkup([[InlineKeyboardButton("Skip for now", callback_data="x")]])


def test_an_acknowledgement_rides_on_the_next_question_with_its_buttons() -> None:
    out = coalesce([Outgoing("Got it."), Outgoing("What time?", BUTTONS)])
    assert [(o.text, o.markup) for o in out] == [("Got it.\n\nWhat time?", BUTTONS)]


def test_three_plain_texts_become_one() -> None:
    out = coalesce([Outgoing("Hi."), Outgoing("No Contact means…"), Outgoing("When?", BUTTONS)])
    assert len(out) == 1
    assert out[0].text == "Hi.\n\nNo Contact means…\n\nWhen?"


def test_a_message_with_its_own_buttons_stays_apart() -> None:
    items = [Outgoing("Counting from Monday.", BUTTONS), Outgoing("Which time zone?")]
    assert coalesce(items) == items


def test_removing_the_keyboard_joins_only_a_message_without_buttons() -> None:
    remove = ReplyKeyboardRemove()
    kept = [Outgoing("Time zone set.", remove), Outgoing("What time?", BUTTONS)]
    assert coalesce(kept) == kept
    joined = coalesce([Outgoing("Time zone set.", remove), Outgoing("Your time is 21:00.")])
    assert [(o.text, o.markup) for o in joined] == [
        ("Time zone set.\n\nYour time is 21:00.", remove)
    ]


def test_edits_pictures_and_files_are_never_joined() -> None:
    items = [
        Outgoing("Edited.", edit_message_id=7),
        Outgoing("Plain."),
        Outgoing("A chart", photo=b"png"),
        Outgoing("Plain again."),
        Outgoing("Your data", document=b"{}", filename="data.json"),
    ]
    assert coalesce(items) == items


def test_texts_too_long_together_stay_two_messages() -> None:
    long = "a" * (MESSAGE_LIMIT - 10)
    items = [Outgoing(long), Outgoing("And one more line that does not fit.")]
    assert coalesce(items) == items


def test_a_long_text_split_for_telegram_is_not_glued_back() -> None:
    text = "\n".join(f"• reason number {i} " + "x" * 250 for i in range(30))
    pieces = [Outgoing(piece) for piece in split_message(text)]
    assert len(pieces) > 1
    assert coalesce(pieces) == pieces
