"""Conversation state as a stack of frames: the flow on top answers the user's next message.

A flow that interrupts another (e.g. /urge during onboarding) is pushed on top; when it ends
it is popped and the one below can be resumed. Each prompt gets a fresh nonce that its
buttons carry, so a button from an older prompt is recognised as stale.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

MAX_DEPTH = 4


@dataclass
class Frame:
    flow: str
    step: str
    data: dict[str, Any] = field(default_factory=dict)
    nonce: str = field(default_factory=lambda: secrets.token_hex(3))
    at: str = ""  # when its current question was asked (ISO, UTC); "" in frames from before

    def to_json(self) -> dict[str, Any]:
        return {
            "flow": self.flow,
            "step": self.step,
            "data": self.data,
            "nonce": self.nonce,
            "at": self.at,
        }

    def at_time(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.at) if self.at else None
        except ValueError:
            return None

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Frame:
        return cls(
            flow=str(raw["flow"]),
            step=str(raw["step"]),
            data=dict(raw.get("data") or {}),
            nonce=str(raw.get("nonce") or ""),
            at=str(raw.get("at") or ""),
        )


class Conversation:
    """The frames of one user, with a flag telling whether anything changed."""

    def __init__(self, frames: list[Frame] | None = None, now: datetime | None = None) -> None:
        self.frames = frames or []
        self.changed = False
        self.now = now  # stamps each question asked, for idle timeouts

    def _stamp(self, frame: Frame) -> None:
        frame.nonce = secrets.token_hex(3)
        frame.at = self.now.isoformat() if self.now is not None else ""
        self.changed = True

    @classmethod
    def from_json(cls, raw: list[dict[str, Any]], now: datetime | None = None) -> Conversation:
        frames = []
        for item in raw:
            try:
                frames.append(Frame.from_json(item))
            except (KeyError, TypeError, ValueError):
                continue
        return cls(frames, now)

    def to_json(self) -> list[dict[str, Any]]:
        return [frame.to_json() for frame in self.frames]

    @property
    def top(self) -> Frame | None:
        return self.frames[-1] if self.frames else None

    def find(self, flow: str) -> Frame | None:
        return next((f for f in reversed(self.frames) if f.flow == flow), None)

    def push(self, flow: str, step: str, **data: Any) -> Frame:
        """Start `flow` on top; an earlier frame of the same flow is replaced."""
        self.frames = [f for f in self.frames if f.flow != flow][-(MAX_DEPTH - 1) :]
        frame = Frame(flow=flow, step=step, data=dict(data))
        self._stamp(frame)
        self.frames.append(frame)
        return frame

    def goto(self, frame: Frame, step: str, **data: Any) -> Frame:
        """Move `frame` to `step`, merging data, with a fresh nonce for the new prompt."""
        frame.step = step
        frame.data.update(data)
        self._stamp(frame)
        return frame

    def settle_on(self, frame: Frame, step: str) -> Frame:
        """Move `frame` to `step` while the same question stands (an answer it could not read
        was typed): the buttons already under the question keep working."""
        frame.step = step
        self.keep_alive(frame)
        return frame

    def above(self, frame: Frame) -> list[Frame]:
        """The frames started on top of `frame`, lowest first."""
        return self.frames[self.frames.index(frame) + 1 :]

    def below(self, frame: Frame) -> Frame | None:
        """The frame `frame` was started on top of, if any (and if `frame` is still open)."""
        if frame not in self.frames:
            return None
        at = self.frames.index(frame)
        return self.frames[at - 1] if at > 0 else None

    def bring_to_top(self, frame: Frame) -> Frame:
        """Put `frame` on top (its question is asked again): typed answers go to it, not to a
        flow started above it meanwhile, which stays below."""
        if self.frames and self.frames[-1] is not frame:
            self.frames.remove(frame)
            self.frames.append(frame)
            self.changed = True
        return frame

    def touch(self, frame: Frame) -> Frame:
        """Give the frame's prompt a fresh nonce (the prompt was sent again)."""
        self._stamp(frame)
        return frame

    def put_to_sleep(self, frame: Frame, idle_after: timedelta) -> None:
        """Mark the frame as idle for longer than `idle_after`: a flow that sleeps when idle no
        longer reads typed text until it is resumed (its prompt's buttons stay valid)."""
        if self.now is not None:
            frame.at = (self.now - idle_after - timedelta(seconds=1)).isoformat()
            self.changed = True

    def keep_alive(self, frame: Frame) -> None:
        """Restart the frame's idle time without changing its prompt (its buttons stay valid)."""
        frame.at = self.now.isoformat() if self.now is not None else ""
        self.changed = True

    def pop(self, flow: str) -> Frame | None:
        frame = self.find(flow)
        if frame is not None:
            self.frames.remove(frame)
            self.changed = True
        return frame

    def clear(self) -> None:
        if self.frames:
            self.frames = []
            self.changed = True
