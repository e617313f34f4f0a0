"""A flow is declared once: its steps, its frame data, what it asks, what typed text and buttons
do, what cancel does, how long it waits. The registry, built in app.py, is the only list of flows.

How typed text is read at a step (``Flow.reads``), and so when a flow lets go (the rule itself
is ``router.lets_go``):

* ``ANSWER``: any text is the answer (a note, a reason). A crisis (always first), an urge to
  contact the ex, or a clear question the FAQ answers take it elsewhere; at ``holds_at`` steps
  (the unsent message) nothing but a crisis does.
* ``PARSED``: the step wants something it can parse (a number, a date, a time, a place, yes or
  no), which ``accepts`` checks. Text that parses is the answer; text that does not, but is
  clearly something else (an urge, a question the FAQ answers, a feeling, a question about
  the bot), is answered as what it is.
* ``BUTTONS``: the step waits for a tap. Text that is clearly something else is answered as what
  it is; anything else gets the step's own nudge towards the buttons.

When a flow lets go, the person gets the answer to what they said, and under it a button to pick
the flow up again (menus simply end instead). An urge starts the urge flow's offer; the flow
underneath is offered back when the urge flow ends.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar, Self

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.conversation.codec import Button, pack
from bot.conversation.frames import Frame

if TYPE_CHECKING:
    from bot.conversation.turn import Turn
    from bot.services.reading import Reading


logger = logging.getLogger(__name__)


class Reads(StrEnum):
    ANSWER = "answer"
    PARSED = "parsed"
    BUTTONS = "buttons"


class Idle(StrEnum):
    END = "end"  # after the idle time the flow quietly ends (its cancel hook runs)
    SLEEP = "sleep"  # it stays, but typed text is no longer read as its answer (/start resumes)


class FrameData(BaseModel):
    """A flow's frame data, typed. Unknown keys are refused, so a typo cannot pass silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    @classmethod
    def of(cls, frame: Frame) -> Self:
        """The frame's data, typed. A key this model does not know (a typo, or data written
        by another version of the bot) is dropped and logged; the rest is kept, so one bad
        key never wipes a whole conversation's state."""
        try:
            return cls.model_validate(frame.data)
        except ValidationError:
            known = {k: v for k, v in frame.data.items() if k in cls.model_fields}
            dropped = sorted(set(frame.data) - set(known))
            logger.warning("%s frame data: dropped keys %s", frame.flow, dropped or "(bad values)")
        for key in list(known):
            try:
                cls.model_validate({key: known[key]})
            except ValidationError:
                del known[key]  # a value of the wrong type: that key's default
        return cls.model_validate(known)

    def into(self, frame: Frame) -> None:
        frame.data = self.model_dump(mode="json", exclude_defaults=True)


class NoData(FrameData):
    pass


Ask = Callable[["Turn", Frame], None]
Accepts = Callable[["Turn", Frame, str], bool]
OnText = Callable[["Turn", Frame, str], Awaitable[None]]
OnButton = Callable[["Turn", Frame, Button], Awaitable[None]]
OnOtherButton = Callable[["Turn", Button], Awaitable[None]]
OnCancel = Callable[["Turn", Frame], Awaitable[None]]
OnStale = Callable[["Turn", Frame | None], Awaitable[None]]
FreeText = Callable[["Turn", "Reading"], Awaitable[None]]
# Text answered before any flow reads it (a panic attack): True when it was answered.
FirstLook = Callable[["Turn", str], Awaitable[bool]]
Waits = Callable[[Frame], bool]


async def _no_cancel(turn: Turn, frame: Frame) -> None:
    return None


def _accepts_nothing(turn: Turn, frame: Frame, text: str) -> bool:
    return False


def _waits_for_nothing(frame: Frame) -> bool:
    return False


async def _stale_toast(turn: Turn, frame: Frame | None) -> None:
    turn.toast(turn.t("core.stale_button"))


async def _no_free_text(turn: Turn, reading: Reading) -> None:
    raise RuntimeError("no free-text handler registered")


async def _no_first_look(turn: Turn, text: str) -> bool:
    return False


@dataclass(frozen=True)
class Flow:
    """One conversation flow, declared in its handler module and registered in app.py."""

    name: str  # stored in the frame and used as its buttons' prefix
    title_key: str  # content key naming the flow ("pick up <title> where we were?")
    steps: type[StrEnum]
    reads: dict[str, Reads]  # how typed text is read at each step
    ask: Ask
    on_text: OnText
    on_button: OnButton
    accepts: Accepts = _accepts_nothing  # would on_text take this text as the step's answer?
    on_other_button: OnOtherButton | None = None  # its buttons not tied to a prompt
    on_stale: OnStale = _stale_toast
    data: type[FrameData] = NoData
    on_cancel: OnCancel = _no_cancel
    cancel_key: str = "core.cancelled"
    # Set-up reused for one change after it (the time zone from /settings): its own words
    # then, not "tap /start whenever you're ready" or "Back to setting you up"
    after_setup_keys: tuple[str, str] | None = None  # (title_key, cancel_key)
    idle_after: timedelta = timedelta(minutes=30)
    idle: Idle = Idle.END
    resumable: bool = True  # offered back when a flow that interrupted it ends
    ends_on_detour: bool = False  # a menu: text it lets go of ends it instead of a way back
    waits: Waits = _waits_for_nothing  # a menu with a question of its own pending (the
    # reasons' "add this?"): a detour keeps it, with the way back, like any flow
    keeps_everything: bool = False  # every typed message is its to answer (the safety talk)
    urge_is_answer_at: frozenset[str] = frozenset()  # steps where wanting to text them is part
    # of the answer: an urge does not take the person elsewhere there
    holds_at: frozenset[str] = frozenset()  # steps where every text is the answer, questions
    # too (the unsent message, the tape's questions): only a crisis goes first
    talk_at: frozenset[str] = frozenset()  # parsed steps where text of three words or more
    # that the step cannot take and that has no digit is someone talking ("everyone at school
    # knows" at the time question), not a time or date typed wrong
    confirms_at: frozenset[str] = frozenset()  # steps asking yes or no to a change (a new
    # start date): a command in between ends the question, so an "ok thanks" typed after
    # /settings is not read as a yes (its buttons then answer as stale ones do)
    thanks_stays_at: frozenset[str] = frozenset()  # steps where a bare "thanks" is met by
    # the step itself, its question kept (set-up's: nothing has helped yet, so "Glad it
    # helped" with a way back fits badly)
    harm_is_answer_at: frozenset[str] = frozenset()  # steps that take words of harm
    # themselves rather than let them go (onboarding's reason: set-up is finished first, then
    # the person is asked whether they are safe)

    def reads_at(self, step: str) -> Reads:
        return self.reads.get(step, Reads.BUTTONS)

    def is_idle(self, frame: Frame, now: datetime) -> bool:
        at = frame.at_time()
        return at is not None and now - at > self.idle_after

    def button(self, frame: Frame, action: str, arg: str = "") -> str:
        """Data for a button of `frame`'s current prompt."""
        return pack(self.name, frame.nonce, action, arg)


@dataclass
class Registry:
    """Every flow by name, plus what free text reaches when no flow takes it, and what looks
    at typed text before any flow does."""

    flows: dict[str, Flow] = field(default_factory=dict)
    free_text: FreeText = _no_free_text
    first_look: FirstLook = _no_first_look
    KEY: ClassVar[str] = "steadfast.flows"

    @classmethod
    def of(
        cls, flows: Iterable[Flow], free_text: FreeText, first_look: FirstLook = _no_first_look
    ) -> Registry:
        registry = cls(free_text=free_text, first_look=first_look)
        for flow in flows:
            if flow.name in registry.flows:
                raise ValueError(f"flow {flow.name!r} registered twice")
            missing = [s.value for s in flow.steps if s.value not in flow.reads]
            if missing:
                raise ValueError(f"flow {flow.name!r}: no reading declared for steps {missing}")
            registry.flows[flow.name] = flow
        return registry

    def get(self, name: str) -> Flow | None:
        return self.flows.get(name)

    def names(self) -> list[str]:
        return list(self.flows)
