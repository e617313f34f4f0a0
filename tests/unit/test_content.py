"""Content loads once, validates Telegram's rules, and points at the broken line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.core.content import CONTENT_DIR, ContentError, Markup, load_content


def test_shipped_content_loads() -> None:
    content = load_content(CONTENT_DIR)
    assert content.has("core.help")
    assert "{" not in content.text("core.help")


def test_every_text_key_used_in_code_exists() -> None:
    content = load_content(CONTENT_DIR)
    source = "\n".join(p.read_text() for p in Path("bot").rglob("*.py"))
    keys = set(re.findall(r"""\.(?:t|text|label)\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", source))
    assert keys, "no text keys found in the code"
    missing = sorted(k for k in keys if not content.has(k))
    assert missing == []


def test_params_are_escaped_unless_markup() -> None:
    content = load_content(CONTENT_DIR)
    rendered = content.text("onboarding.tz_unknown", text="<b>x</b>")
    assert "&lt;b&gt;x&lt;/b&gt;" in rendered
    assert "<b>y</b>" in content.text("onboarding.tz_unknown", text=Markup("<b>y</b>"))


def _write(tmp_path: Path, body: str) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "core.yaml").write_text(body, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("ok: fine\nbad: \"<div>no</div>\"\n", 2, "Unsupported"),
        ("ok: fine\nopen: \"<b>bold\"\n", 2, "end tag"),
        ("a: x\nb: [\n", 3, ""),
        ("a: x\nlist: []\n", 2, "empty"),
        ("a: x\nb: \"{not valid}\"\n", 2, "placeholder"),
    ],
)
def test_broken_file_names_file_and_line(tmp_path: Path, body: str, line: int, words: str) -> None:
    with pytest.raises(ContentError) as caught:
        load_content(_write(tmp_path, body))
    message = str(caught.value)
    assert f"core.yaml:{line}:" in message
    assert words in message


def test_a_list_of_variants_never_gives_the_same_one_twice_in_a_row() -> None:
    content = load_content()
    variants = content.variants("listen.heard")
    assert len(variants) >= 3
    picks = [content.text("listen.heard") for _ in range(60)]
    assert all(a != b for a, b in zip(picks, picks[1:], strict=False))
    assert set(picks) == set(variants)  # every variant still comes up
    assert content.pick(["only one"]) == "only one"
    assert content.pick(["only one"]) == "only one"
