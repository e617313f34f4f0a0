"""One message per step: a turn's acknowledgements ride on the message that follows them.

A handler says what it has to say in pieces ("Got it.", then the next question); the person
gets them as one message when that reads the same, which halves the messages (and the send
budget) of most steps. A piece is joined to the next when it is a plain new message whose
only possible markup is the removal of a reply keyboard, the next is a plain new message too
(not an edit, picture or file), at most one of the two carries markup, and together they fit
in one Telegram message.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import ReplyKeyboardRemove

from bot.conversation.outbox import Outgoing
from bot.services.tghtml import MESSAGE_LIMIT, visible_length

JOIN = "\n\n"


def coalesce(items: list[Outgoing]) -> list[Outgoing]:
    """The same messages, in the same order, with each acknowledgement joined to the next."""
    merged: list[Outgoing] = []
    for item in items:
        if merged and _joins(merged[-1], item):
            head = merged[-1]
            merged[-1] = replace(
                item,
                text=f"{head.text}{JOIN}{item.text}",
                markup=item.markup if item.markup is not None else head.markup,
            )
        else:
            merged.append(item)
    return merged


def _joins(head: Outgoing, item: Outgoing) -> bool:
    if not (_plain(head) and _plain(item)):
        return False
    if head.markup is not None and not (
        isinstance(head.markup, ReplyKeyboardRemove) and item.markup is None
    ):
        return False
    joined = f"{head.text}{JOIN}{item.text}"
    # The first test is free (a character is at most two UTF-16 units, and tags and entities
    # only shorten what is seen); parsing the HTML is not.
    return len(joined) * 2 <= MESSAGE_LIMIT or visible_length(joined) <= MESSAGE_LIMIT


def _plain(item: Outgoing) -> bool:
    return (
        item.edit_message_id is None
        and item.photo is None
        and item.document is None
        and bool(item.text)
    )
