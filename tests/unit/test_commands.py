"""Which command a mistyped one meant."""

from __future__ import annotations

import pytest

from bot.services.commands import closest_command

KNOWN = ["urge", "status", "reasons", "slip", "history", "pause", "resume", "settings", "help"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("/stauts", "status"), ("/pasue", "pause"), ("/hepl", "help"), ("/setings", "settings"),
    ("/STATUS@SteadfastBot", "status"), ("/reason", "reasons"),
])
def test_a_typo_is_read_as_the_command_it_resembles(typed: str, meant: str) -> None:
    assert closest_command(typed, KNOWN) == meant


@pytest.mark.parametrize("typed", ["/frobnicate", "/xyz", "/", ""])
def test_nothing_close_is_nothing(typed: str) -> None:
    assert closest_command(typed, KNOWN) is None


@pytest.mark.parametrize(("typed", "meant"), [
    ("/stat", "status"), ("/stop", "pause"), ("/quit", "pause"), ("/prog", "progress"),
])
def test_a_start_or_another_bots_word_is_read_as_ours(typed: str, meant: str) -> None:
    # the ninth probe: "/stat" had suggested /start, "/stop" was unknown
    assert closest_command(typed, [*KNOWN, "start", "progress"]) == meant


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("how does /urge work", "urge"),
        ("what does slip do", "slip"),
        ("whats the point of the urge thing", "urge"),
        ("how do i use the sos button", "sos"),
        ("how does it work", None),  # no command named
        ("what is no contact", None),
        ("what time is it now", None),
    ],
)
def test_a_command_asked_about_is_named(text: str, name: str | None) -> None:
    from bot.services.commands import command_asked

    assert command_asked(text, ("urge", "slip", "sos", "time", "status")) == name
