"""Telegram HTML parse_mode rules."""

import pytest

from bot.services import tghtml
from bot.services.tghtml import TelegramHtmlError


def test_escape_round_trips_through_plain() -> None:
    text = 'a < b && c > "d"'
    escaped = tghtml.escape(text)
    assert escaped == "a &lt; b &amp;&amp; c &gt; &quot;d&quot;"
    tghtml.validate(escaped)
    assert tghtml.to_plain(escaped) == text


@pytest.mark.parametrize(
    "html",
    [
        "plain",
        "<b>bold</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <ins>n</ins>",
        "<s>s</s> <strike>k</strike> <del>d</del>",
        '<span class="tg-spoiler">x</span> <tg-spoiler>y</tg-spoiler>',
        '<a href="https://example.com/?a=1&amp;b=2">link</a>',
        "<code>c</code> <pre>p</pre> <pre><code class=\"language-python\">x = 1</code></pre>",
        "<blockquote>q</blockquote> <blockquote expandable>long</blockquote>",
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
        "<b>bold <i>nested <u>deep</u></i></b>",
        "&lt;&gt;&amp;&quot; &#65; &#x1F600;",
        "a > b",
        "<B>upper</B>",
    ],
)
def test_valid_html(html: str) -> None:
    tghtml.validate(html)


@pytest.mark.parametrize(
    ("html", "fragment"),
    [
        ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
        ("ab<p>x</p>", 'Unsupported start tag "p" at byte offset 2'),
        ("é<div>", "byte offset 2"),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", "Unmatched end tag"),
        ("x</b>", "end tag"),
        ("1 < 2", "Unsupported start tag"),
        ("Tom & Jerry", "entity"),
        ("&nbsp;", "entity"),
        ("<span>x</span>", "tg-spoiler"),
        ("<tg-emoji>x</tg-emoji>", "emoji-id"),
        ('<a href="x>y', "Unclosed start tag"),
    ],
)
def test_invalid_html(html: str, fragment: str) -> None:
    with pytest.raises(TelegramHtmlError, match=None) as info:
        tghtml.validate(html)
    assert fragment in info.value.message


def test_to_plain_and_entities() -> None:
    plain, entities = tghtml.parse('<b>Hi</b> <a href="https://x.org">there</a> &amp; 😀<i>x</i>')
    assert plain == "Hi there & 😀x"
    kinds = [(e.type, e.offset, e.length) for e in entities]
    assert kinds == [("bold", 0, 2), ("text_link", 3, 5), ("italic", 13, 1)]
    assert entities[1].extra == {"url": "https://x.org"}


def test_pre_language() -> None:
    _, entities = tghtml.parse('<pre><code class="language-py">x</code></pre>')
    assert [e.to_dict() for e in entities] == [
        {"type": "pre", "offset": 0, "length": 1, "language": "py"}
    ]


def test_to_plain_is_lenient() -> None:
    assert tghtml.to_plain("<div>x</div> & y") == "x & y"


def test_visible_length_counts_utf16() -> None:
    assert tghtml.visible_length("<b>😀</b>a") == 3
    assert tghtml.visible_length("&amp;") == 1
