"""Telegram's HTML parse_mode rules: escaping, validation, plain-text rendering.

Pure functions, no I/O. ``parse`` mirrors what the Bot API does with an HTML-mode text: it
either rejects it (``TelegramHtmlError``) or yields the visible text plus message entities
(offsets and lengths in UTF-16 code units, as Telegram reports them).
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Entity",
    "TelegramHtmlError",
    "escape",
    "parse",
    "split_message",
    "to_plain",
    "utf16_len",
    "validate",
    "visible_length",
]

_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

# tag name -> entity type (None: decided by attributes/context)
_SIMPLE_TAGS: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
}
_ALL_TAGS = set(_SIMPLE_TAGS) | {"span", "a", "code", "pre", "blockquote", "tg-emoji"}
_TAG_NAME_CHARS = re.compile(r"[A-Za-z0-9\-]*")
_ATTR_NAME_CHARS = re.compile(r"[A-Za-z0-9\-_]*")


class TelegramHtmlError(ValueError):
    """The text would be rejected by Telegram with "can't parse entities: <message>"."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Entity:
    """A Telegram MessageEntity; offset/length in UTF-16 code units."""

    type: str
    offset: int
    length: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "offset": self.offset, "length": self.length, **self.extra}


@dataclass
class _Open:
    name: str
    attrs: dict[str, str]
    start_utf16: int


def escape(text: str) -> str:
    """Escape user text for inclusion in an HTML-mode message."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8"))


def _decode_entity(source: str, pos: int) -> tuple[str, int]:
    """Decode the character reference starting at ``source[pos] == '&'``.

    Returns (decoded text, index after the reference)."""
    end = source.find(";", pos + 1, pos + 40)
    if end == -1:
        raise TelegramHtmlError(
            f"Unsupported HTML entity at byte offset {_byte_offset(source, pos)}: "
            'use "&amp;" for a literal "&"'
        )
    body = source[pos + 1 : end]
    if body in _NAMED_ENTITIES:
        return _NAMED_ENTITIES[body], end + 1
    code: int | None = None
    if re.fullmatch(r"#[0-9]{1,7}", body):
        code = int(body[1:])
    elif re.fullmatch(r"#[xX][0-9a-fA-F]{1,6}", body):
        code = int(body[2:], 16)
    if code is None or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code == 0:
        raise TelegramHtmlError(
            f'Character entity "&{body};" is not supported at byte offset '
            f"{_byte_offset(source, pos)}"
        )
    return chr(code), end + 1


def _parse_attrs(source: str, pos: int, tag_start: int) -> tuple[dict[str, str], int]:
    """Parse attributes from ``pos`` up to and including the closing '>'."""
    attrs: dict[str, str] = {}
    n = len(source)
    while True:
        while pos < n and source[pos].isspace():
            pos += 1
        if pos >= n:
            raise TelegramHtmlError(
                f"Unclosed start tag at byte offset {_byte_offset(source, tag_start)}"
            )
        if source[pos] == ">":
            return attrs, pos + 1
        if source[pos] == "/" and pos + 1 < n and source[pos + 1] == ">":
            raise TelegramHtmlError(
                f"Unsupported self-closing tag at byte offset {_byte_offset(source, tag_start)}"
            )
        match = _ATTR_NAME_CHARS.match(source, pos)
        name = match.group(0).lower() if match else ""
        if not name:
            raise TelegramHtmlError(
                f"Expected equal sign in declaration of an attribute of a start tag at byte "
                f"offset {_byte_offset(source, pos)}"
            )
        pos += len(name)
        while pos < n and source[pos].isspace():
            pos += 1
        if pos >= n or source[pos] != "=":
            # attribute without value (e.g. <blockquote expandable>)
            attrs[name] = ""
            continue
        pos += 1
        while pos < n and source[pos].isspace():
            pos += 1
        if pos >= n:
            raise TelegramHtmlError(
                f"Unclosed start tag at byte offset {_byte_offset(source, tag_start)}"
            )
        quote = source[pos]
        raw: str
        if quote in "\"'":
            end = source.find(quote, pos + 1)
            if end == -1:
                raise TelegramHtmlError(
                    f"Unclosed start tag at byte offset {_byte_offset(source, tag_start)}"
                )
            raw = source[pos + 1 : end]
            pos = end + 1
        else:
            start = pos
            while pos < n and not source[pos].isspace() and source[pos] != ">":
                pos += 1
            raw = source[start:pos]
        attrs[name] = _unescape_attr(raw)


def _unescape_attr(raw: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "&":
            try:
                text, i = _decode_entity(raw, i)
            except TelegramHtmlError:
                out.append("&")
                i += 1
                continue
            out.append(text)
        else:
            out.append(raw[i])
            i += 1
    return "".join(out)


def _check_start_tag(source: str, name: str, attrs: dict[str, str], tag_start: int) -> None:
    offset = _byte_offset(source, tag_start)
    if name not in _ALL_TAGS:
        raise TelegramHtmlError(f'Unsupported start tag "{name}" at byte offset {offset}')
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise TelegramHtmlError(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
    if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
        raise TelegramHtmlError(
            f'Tag "tg-emoji" must have a numeric attribute "emoji-id" at byte offset {offset}'
        )


def _entity_for(tag: _Open, end_utf16: int, parent: _Open | None) -> Entity | None:
    length = end_utf16 - tag.start_utf16
    if length <= 0:
        return None
    offset = tag.start_utf16
    if tag.name in _SIMPLE_TAGS:
        return Entity(_SIMPLE_TAGS[tag.name], offset, length)
    if tag.name == "span":
        return Entity("spoiler", offset, length)
    if tag.name == "a":
        href = tag.attrs.get("href", "")
        if not href:
            return None
        user = re.fullmatch(r"tg://user\?id=(\d+)", href)
        if user:
            return Entity(
                "text_mention",
                offset,
                length,
                {"user": {"id": int(user.group(1)), "is_bot": False, "first_name": ""}},
            )
        return Entity("text_link", offset, length, {"url": href})
    if tag.name == "code":
        if parent is not None and parent.name == "pre":
            return None  # folded into the pre entity
        return Entity("code", offset, length)
    if tag.name == "pre":
        return Entity("pre", offset, length)
    if tag.name == "blockquote":
        kind = "expandable_blockquote" if "expandable" in tag.attrs else "blockquote"
        return Entity(kind, offset, length)
    if tag.name == "tg-emoji":
        return Entity("custom_emoji", offset, length, {"custom_emoji_id": tag.attrs["emoji-id"]})
    return None


def parse(source: str) -> tuple[str, list[Entity]]:
    """Parse an HTML-mode text like Telegram: returns (plain text, entities).

    Raises TelegramHtmlError where Telegram would answer "can't parse entities"."""
    out: list[str] = []
    utf16_pos = 0
    entities: list[Entity] = []
    stack: list[_Open] = []
    pre_language: dict[int, str] = {}  # id(pre _Open) -> language
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if ch == "&":
            text, i = _decode_entity(source, i)
            out.append(text)
            utf16_pos += utf16_len(text)
            continue
        if ch != "<":
            j = i
            while j < n and source[j] not in "<&":
                j += 1
            chunk = source[i:j]
            out.append(chunk)
            utf16_pos += utf16_len(chunk)
            i = j
            continue
        tag_start = i
        if i + 1 < n and source[i + 1] == "/":
            end = source.find(">", i + 2)
            if end == -1:
                raise TelegramHtmlError(
                    f"Unclosed end tag at byte offset {_byte_offset(source, tag_start)}"
                )
            name = source[i + 2 : end].strip().lower()
            if not stack:
                raise TelegramHtmlError(
                    f'Unexpected end tag "{name}" at byte offset {_byte_offset(source, tag_start)}'
                )
            top = stack[-1]
            if name != top.name:
                raise TelegramHtmlError(
                    f"Unmatched end tag at byte offset {_byte_offset(source, tag_start)}, "
                    f'expected "</{top.name}>", found "</{name}>"'
                )
            stack.pop()
            parent = stack[-1] if stack else None
            entity = _entity_for(top, utf16_pos, parent)
            if top.name == "code" and parent is not None and parent.name == "pre":
                lang = top.attrs.get("class", "")
                if lang.startswith("language-") and len(lang) > len("language-"):
                    pre_language[id(parent)] = lang[len("language-") :]
            if entity is not None:
                if top.name == "pre" and id(top) in pre_language:
                    entity.extra["language"] = pre_language[id(top)]
                entities.append(entity)
            i = end + 1
            continue
        match = _TAG_NAME_CHARS.match(source, i + 1)
        name = match.group(0).lower() if match else ""
        if not name:
            raise TelegramHtmlError(
                f'Unsupported start tag "" at byte offset {_byte_offset(source, tag_start)}'
            )
        if name not in _ALL_TAGS:
            raise TelegramHtmlError(
                f'Unsupported start tag "{name}" at byte offset {_byte_offset(source, tag_start)}'
            )
        attrs, i = _parse_attrs(source, i + 1 + len(name), tag_start)
        _check_start_tag(source, name, attrs, tag_start)
        stack.append(_Open(name, attrs, utf16_pos))
    if stack:
        raise TelegramHtmlError(
            f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"'
        )
    entities.sort(key=lambda e: (e.offset, -e.length))
    return "".join(out), entities


def validate(html: str) -> None:
    """Raise TelegramHtmlError exactly where Telegram's HTML parse_mode would reject."""
    parse(html)


_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^>]*)?>")


def to_plain(html: str) -> str:
    """The text the user sees: tags stripped, entities unescaped.

    Lenient: invalid HTML is rendered best-effort instead of raising."""
    try:
        return parse(html)[0]
    except TelegramHtmlError:
        return _html.unescape(_TAG_RE.sub("", html))


def visible_length(html: str) -> int:
    """Visible length in UTF-16 code units (what Telegram's 4096 limit counts)."""
    return utf16_len(to_plain(html))


# Telegram's limit on a message's visible text, in UTF-16 code units.
MESSAGE_LIMIT = 4096


def split_message(html: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut an HTML text too long for one message into pieces Telegram takes, at paragraph
    breaks, else at line breaks (a list keeps its items whole); each piece stays valid HTML
    as long as no tag spans a line break, which holds for every text the bot writes. A single
    line longer than `limit` is cut at the limit with its tags stripped."""
    if len(html) * 2 <= limit or visible_length(html) <= limit:  # the first test is free
        return [html]
    pieces: list[str] = []
    current = ""
    for block in _blocks(html):
        joined = f"{current}\n{block}" if current else block
        if visible_length(joined) <= limit:
            current = joined
            continue
        if current:
            pieces.append(current)
        if visible_length(block) <= limit:
            current = block
        else:
            plain = to_plain(block)
            step = limit // 2  # characters, so that even UTF-16 pairs stay within the limit
            cuts = [plain[i : i + step] for i in range(0, len(plain), step)]
            pieces.extend(escape(cut) for cut in cuts[:-1])
            current = escape(cuts[-1])
    if current:
        pieces.append(current)
    return pieces


def _blocks(html: str) -> list[str]:
    return html.split("\n")
