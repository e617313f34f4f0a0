"""The conversation stack: push, interrupt, resume, stale nonces."""

from __future__ import annotations

from bot.conversation.frames import Conversation


def test_interrupting_flow_sits_on_top_and_pops_back() -> None:
    convo = Conversation()
    onboarding = convo.push("ob", "tz")
    convo.push("urge", "strength")
    assert convo.top is not None
    assert convo.top.flow == "urge"
    convo.pop("urge")
    assert convo.top is onboarding


def test_goto_changes_the_nonce_so_old_buttons_are_stale() -> None:
    convo = Conversation()
    frame = convo.push("ob", "date")
    old = frame.nonce
    convo.goto(frame, "tz")
    assert frame.nonce != old
    assert frame.step == "tz"


def test_round_trip_through_json_drops_garbage() -> None:
    convo = Conversation()
    convo.push("ob", "time", mode="full")
    raw = [*convo.to_json(), {"nonsense": True}]
    again = Conversation.from_json(raw)
    assert [f.flow for f in again.frames] == ["ob"]
    assert again.frames[0].data == {"mode": "full"}
    assert again.changed is False


def test_depth_is_bounded() -> None:
    convo = Conversation()
    for name in "abcdefg":
        convo.push(name, "s")
    assert len(convo.frames) <= 4
    assert convo.top is not None
    assert convo.top.flow == "g"
