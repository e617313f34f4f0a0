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


def test_an_unknown_key_in_frame_data_is_dropped_not_the_whole_state() -> None:
    # An unknown key used to make FrameData.of return the defaults: the frame's whole state
    # (the urge's id, the draft) silently lost at the next read.
    from bot.conversation.flow import FrameData

    class Data(FrameData):
        urge_id: int | None = None
        draft: str | None = None
        q: int = 0

    convo = Conversation()
    frame = convo.push("urge", "tools", urge_id=7, draft="hey", q="not a number", typo=True)
    data = Data.of(frame)
    assert (data.urge_id, data.draft, data.q) == (7, "hey", 0)
