"""content/texts/sos.yaml: what the safety conversation says, checked for what it must carry."""

from __future__ import annotations

import re

import pytest

from bot.core.content import field_names, load_content

CONTENT = load_content()


def variants(key: str) -> list[str]:
    return CONTENT.variants(f"sos.{key}")


def test_explicit_replies_carry_the_number_and_the_lines_and_ask_if_safe() -> None:
    for text in variants("explicit_reply"):
        assert {"emergency", "lines"} <= field_names(text)
        assert "safe" in text.lower()


@pytest.mark.parametrize("key", ["passive_check", "harm_check", "harm_check_danger"])
def test_gentle_checks_ask_and_carry_the_number_and_one_line_not_the_list(key: str) -> None:
    for text in variants(key):
        assert {"emergency", "line"} <= field_names(text)
        assert "lines" not in field_names(text)
        assert "safe" in text.lower()


def test_a_second_heavy_message_is_asked_again_whether_they_are_safe() -> None:
    # CI on f71b8cd: "left a note with where all the documents are. for after" drew the one
    # wording that asked "What's happening around you?" instead: one time in four, not safe asked
    for text in variants("still_here"):
        assert "safe" in text.lower(), text


@pytest.mark.parametrize("key", ["unsafe_now", "unsure", "danger_reply", "danger_unsafe"])
def test_not_safe_answers_give_the_number_now(key: str) -> None:
    for text in variants(key):
        assert {"emergency", "lines"} <= field_names(text)


@pytest.mark.parametrize("key", ["what_now", "what_now_danger", "what_now_ex"])
def test_what_to_do_gives_the_number(key: str) -> None:
    for text in variants(key):
        assert "emergency" in field_names(text)


def test_danger_says_no_contact_is_not_a_safety_plan() -> None:
    for text in variants("danger_reply"):
        assert "No Contact" in text
        assert "safety plan" in text.lower()


def test_the_danger_plan_never_speaks_of_hurting_oneself() -> None:
    keys = [k for k in CONTENT.texts if k.startswith("sos.plan_danger.")]
    assert len(keys) >= 7
    for key in keys:
        for text in CONTENT.variants(key):
            assert not re.search(r"(?:hurt|harm)\w* (?:your|my)sel", text.lower()), key


def test_every_kind_of_reply_has_several_wordings() -> None:
    for key in ("explicit_reply", "passive_check", "harm_check", "still_here", "listen",
                "unsafe_now", "safe_now", "danger_reply", "ex_at_risk", "what_now",
                "what_now_danger", "what_now_ex"):
        texts = variants(key)
        assert len(texts) >= 3, key
        assert len(set(texts)) == len(texts), key
    for key in ("still_here_who", "someone_yes"):  # said now and then, not in a row
        texts = variants(key)
        assert len(texts) >= 2, key
        assert len(set(texts)) == len(texts), key


def test_the_ex_at_risk_reply_says_how_to_get_them_help_without_contact() -> None:
    for text in variants("ex_at_risk"):
        assert "emergency" in field_names(text)
