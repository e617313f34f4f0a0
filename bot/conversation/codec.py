"""The one button-data codec: every inline button's callback data is packed and unpacked here.

Shape: ``<flow>:<nonce>:<action>[:<arg>]``, ASCII, at most 64 bytes (Telegram's limit, checked
here and nowhere else). ``flow`` says which handler answers (see ``pattern``); ``nonce`` ties
the button to the prompt that carried it, so a press on an older prompt is recognised as
stale. Nonces come in a few kinds, all defined here:

* a prompt nonce: 6 hex digits, fresh for every question a flow asks (``Frame.nonce``);
* ``-``: a stateless button (FAQ navigation, safety actions, the settings menu uses ``m``);
* ``o``: the free-text urge offer, not tied to a prompt;
* ``x``: an action that checks ownership itself (forget a kept message);
* ``k<urge id>-<round>``: the outcome buttons under a check-in or the breathing exercise;
* a row id: the daily message's mood buttons carry their delivery's id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 64
STATELESS = "-"
_PART = re.compile(r"^[A-Za-z0-9_.\-]*$")


class ButtonDataError(ValueError):
    """Button data that would not fit Telegram's limit or our shape (a bug, not user input)."""


@dataclass(frozen=True)
class Button:
    flow: str
    nonce: str
    action: str
    arg: str = ""

    def pack(self) -> str:
        return pack(self.flow, self.nonce, self.action, self.arg)


def pack(flow: str, nonce: str, action: str, arg: str = "") -> str:
    """Button data for (flow, nonce, action, arg); raises ButtonDataError if it cannot be sent."""
    for part in (flow, nonce, action, arg):
        if not _PART.match(part):
            raise ButtonDataError(f"button data part {part!r} is not plain ASCII")
    if not (flow and nonce and action):
        raise ButtonDataError("button data needs a flow, a nonce and an action")
    data = f"{flow}:{nonce}:{action}" + (f":{arg}" if arg else "")
    if len(data.encode()) > MAX_BYTES:
        raise ButtonDataError(f"button data over {MAX_BYTES} bytes: {data!r}")
    return data


def unpack(data: str | None) -> Button | None:
    """The button behind `data`; None for anything not shaped like ours (forged or very old)."""
    if not data or len(data) > MAX_BYTES:
        return None
    parts = data.split(":", 3)
    if len(parts) < 3 or not all(p and _PART.match(p) for p in parts):
        return None
    return Button(parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else "")


def pattern(flow: str) -> re.Pattern[str]:
    """A CallbackQueryHandler pattern for every button of `flow`."""
    return re.compile(rf"^{re.escape(flow)}:")


MAX_ROW_ID = 2**31 - 1  # row ids are 32-bit integers in PostgreSQL


def row_id(text: str) -> int | None:
    """A row id taken from button data; None unless it is one that could exist.

    Forged data can carry any number: a bigger one would make the query fail, not miss.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ROW_ID else None
