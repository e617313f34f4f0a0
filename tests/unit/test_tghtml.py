"""Splitting a text too long for one Telegram message."""

from __future__ import annotations

from bot.services.tghtml import parse, split_message, visible_length


def test_a_text_too_long_for_one_message_is_split_at_line_breaks_into_valid_pieces() -> None:
    items = [f"{i}. <i>{'one more thing &amp; another ' * 11}</i>" for i in range(1, 21)]
    text = "<b>Your reasons</b>\n\n" + "\n".join(items)
    assert visible_length(text) > 4096
    pieces = split_message(text)
    assert len(pieces) == 2
    for piece in pieces:
        assert visible_length(piece) <= 4096
        parse(piece)  # valid HTML for Telegram
    assert "\n".join(pieces) == text  # nothing lost or reordered


def test_short_texts_stay_whole_and_one_huge_line_is_cut_without_loss() -> None:
    assert split_message("short") == ["short"]
    huge = split_message("x" * 10_000)
    assert "".join(huge) == "x" * 10_000
    assert all(visible_length(p) <= 4096 for p in huge)
