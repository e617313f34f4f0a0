"""/reasons: list, add (one message per reason) and remove the user's own reasons."""

from __future__ import annotations

import re
from datetime import timedelta
from enum import StrEnum

from telegram import InlineKeyboardMarkup, Update

from bot.conversation import router
from bot.conversation.codec import Button
from bot.conversation.context import BotContext
from bot.conversation.flow import Flow, FrameData, Reads
from bot.conversation.frames import Frame
from bot.conversation.keyboards import inline
from bot.conversation.resume import end_flow
from bot.conversation.turn import Turn, open_turn
from bot.services import reasons as reason_service
from bot.services.faq import is_question
from bot.services.hedges import hedge_of
from bot.services.reading import Reading, about_the_bot, is_skip, read_text
from bot.services.reasons import MAX_REASON_CHARS, MAX_REASONS, Reason, ReasonRefused
from bot.services.smalltalk import classify_smalltalk
from bot.services.textnorm import normalize

NAME = "rsn"
BUTTON_CHARS = 40


class Step(StrEnum):
    MENU = "menu"
    ADD = "add"
    REMOVE = "remove"


class ReasonsData(FrameData):
    choices: list[tuple[int, str]] = []  # the reasons offered for removal: (id, label)
    offered: str | None = None  # text typed at the menu, offered as a new reason
    also: list[str] = []  # more typed while that offer waited: offered with it


def render_list(turn: Turn, reasons: list[Reason], intro_key: str = "reasons.list_header") -> str:
    """The intro line, then the user's reasons numbered (their text escaped)."""
    items = [turn.t("reasons.list_item", n=i, reason=r.text) for i, r in enumerate(reasons, 1)]
    return "\n\n".join((turn.t(intro_key), "\n".join(items)))


async def show(update: Update, context: BotContext) -> None:
    """Show the user's reasons with buttons to add and remove; "/reasons add I deserve
    better" (or "/reasons I deserve better") adds one at once."""
    typed = _ADD_WORD.sub("", " ".join(context.args or []), count=1).strip()
    async with open_turn(update, context) as turn:
        if typed and not _MENU_WORD.match(typed):  # "/reasons remove 2" is not a reason
            await _add(turn, turn.convo.push(NAME, Step.ADD), typed)
            return
        await _show_fresh(turn)


async def show_in(turn: Turn) -> None:
    """The reasons list, for "reasons" typed without the slash."""
    await _show_fresh(turn)


async def _show_fresh(turn: Turn) -> None:
    """The list, in a fresh menu; lines typed and offered but not yet answered are offered
    again under it (a helper's chat, session 38: two reasons typed, then /reasons said "empty"
    and they were gone without a word)."""
    earlier = turn.convo.find(NAME)
    waiting = ReasonsData.of(earlier) if earlier is not None else None
    frame = turn.convo.push(NAME, Step.MENU)
    await _show_list(turn, frame)
    if waiting is not None and waiting.offered is not None:
        data = ReasonsData.of(frame)
        data.offered, data.also = waiting.offered, list(waiting.also)
        data.into(frame)
        _ask_offered(turn, frame)


_ADD_WORD = re.compile(r"^\s*add\b[:\s]*", re.IGNORECASE)
_MENU_WORD = re.compile(
    r"^(?:list|show|see|view|remove|delete|del|rm|edit|change|done|help|all|mine|menu)\b",
    re.IGNORECASE,
)


async def _show_list(turn: Turn, frame: Frame) -> None:
    reasons = await reason_service.list_reasons(session=turn.session, user_id=turn.user.id)
    text = render_list(turn, reasons) if reasons else turn.t("reasons.list_empty")
    turn.say(text, _menu_markup(turn, frame, bool(reasons)))


def _menu_markup(turn: Turn, frame: Frame, can_remove: bool = True) -> InlineKeyboardMarkup:
    row = [(turn.label("reasons.buttons.add"), FLOW.button(frame, "add"))]
    if can_remove:
        row.append((turn.label("reasons.buttons.remove"), FLOW.button(frame, "rm")))
    return inline([row, [(turn.label("reasons.buttons.done"), FLOW.button(frame, "done"))]])


# Laughter, a shrug or punctuation alone: nothing to keep ("lol", "hmm", "...", "??")
_NO_WORDS = re.compile(
    r"(?i)[\W_]*(?:l+o+l+|lmao+|haha+|hmm+|um+|eh+|meh|ok+|okay|k+|idk|dunno|nvm|wait|huh|what)?[\W_]*"
)


# Asking what to write: "?? what do i write", "like what", "give me an example"
_ASKS_WHAT = re.compile(
    r"(?i)\b(?:what (?:do|should|can|would) i (?:write|put|say|type)|like what|for example"
    r"|an example|give me (?:an |some )?examples?|what (?:counts|kind of reason|do you mean))\b"
    r"|^\W*\?"
)


def _done_markup(turn: Turn, frame: Frame) -> InlineKeyboardMarkup:
    return inline([[(turn.label("reasons.buttons.done"), FLOW.button(frame, "done"))]])


def ask(turn: Turn, frame: Frame) -> None:
    """Send the prompt of the frame's current step again."""
    if frame.step == Step.ADD:
        turn.say(turn.t("reasons.add_prompt"), _done_markup(turn, frame))
    elif frame.step == Step.REMOVE:
        rows = [
            [(_short(label), FLOW.button(frame, "rm", str(rid)))]
            for rid, label in ReasonsData.of(frame).choices
        ]
        rows.append([(turn.label("reasons.buttons.done"), FLOW.button(frame, "done"))])
        turn.say(turn.t("reasons.remove_prompt"), inline(rows))
    else:
        turn.say(turn.t("reasons.menu_prompt"), _menu_markup(turn, frame))


async def answer_text(turn: Turn, frame: Frame, text: str) -> None:
    """A typed reason while adding; at the menu, offered as one (typing it is the natural
    thing to do; "hi" or "ok" is not); an edit said in words ("remove the first one"), done;
    otherwise, point at the buttons."""
    edit = reason_service.typed_edit(text)
    if edit is not None:
        await _typed_edit(turn, frame, edit)
        return
    reading = read_text(text, turn.rt.matcher) if frame.step in (Step.MENU, Step.ADD) else None
    if reading is not None and _not_a_reason(reading):
        # "change my time to 8pm", "whatever. im calling": done or heard as what it is, never
        # offered or kept as a reason (a helper's terminal chats)
        await router.let_go(turn, frame, FLOW, reading)
        return
    if frame.step in (Step.ADD, Step.MENU) and text.strip().isdigit():
        # "2": a button's number, not a reason (at the menu too: a session-34 chat got "Want
        # this on your list of reasons? 3")
        turn.say(turn.t("reasons.number_typed"))
        return
    if frame.step == Step.ADD and is_skip(text):
        # "skip", "never mind" (a session-29 chat: kept as a reason)
        turn.say(turn.t("reasons.not_added"))
        end_flow(turn, NAME)
        return
    unsure = (
        hedge_of(text) is not None
        or _NO_WORDS.fullmatch(text.strip()) is not None
        or _ASKS_WHAT.search(text) is not None
    )
    if frame.step == Step.ADD and unsure:
        # "?? what do i write", "idk", "lol" (a session-29 chat: each kept as a reason): what a
        # reason can be, and the same question
        turn.say(turn.t("reasons.add_help"), _done_markup(turn, frame))
        return
    if frame.step == Step.ADD and reason_service.sounds_like_longing(text):
        # "i miss him" typed as a reason (a helper's chat, session 41: saved, three times):
        # the missing heard, not kept to be shown back on hard days
        turn.say(turn.fresh("reasons.longing"), _done_markup(turn, frame))
        return
    if frame.step in (Step.MENU, Step.ADD) and reason_service.blames_self(text):
        # "she said i was too much. she was right": not kept to be shown on hard days
        turn.say(turn.t("reasons.self_blame"), _done_markup(turn, frame))
        return
    if frame.step == Step.MENU and text.strip() and classify_smalltalk(text) is None:
        await _offer(turn, frame, text)
        return
    if frame.step != Step.ADD:
        turn.say(turn.t("reasons.use_buttons"))
        ask(turn, frame)
        return
    await _add(turn, frame, text)


async def _typed_edit(turn: Turn, frame: Frame, edit: reason_service.Edit) -> None:
    action, arg = edit
    if action == "add" and isinstance(arg, str):
        if frame.step == Step.ADD:
            await _add(turn, frame, arg)
        else:
            await _offer(turn, frame, arg)  # "add: i deserve better": asked, as typed ones are
    elif action == "add":
        turn.convo.goto(frame, Step.ADD)  # "add another"
        ask(turn, frame)
    elif action == "remove" and isinstance(arg, int):
        await _remove_at(turn, frame, arg)  # "remove the first one"
    elif action == "remove":
        await _ask_which(turn, frame)  # "delete one"
    else:
        turn.say(turn.t("reasons.change_how"))  # "i want to change my reason"
        await _ask_which(turn, frame)


# Said to the bot about the bot ("you keep repeating yourself", "too many buttons"): a session-32
# chat kept the complaint as a reason, to be shown back on hard days
_ABOUT_THE_TALK = frozenset({"not_understood", "too_many_buttons", "bot_care", "confused"})


def _not_a_reason(reading: Reading) -> bool:
    """A request of the bot, a word about the talk itself, an urge now, or words of harm:
    never a reason to keep."""
    return (
        about_the_bot(reading.text)
        or reading.smalltalk in _ABOUT_THE_TALK
        or reading.urge
        or reading.harm == "strong"
        or reading.declined  # "write me a poem about his ugly car": a request, declined
    )


def _accepts(turn: Turn, frame: Frame, text: str) -> bool:
    """An edit said in words is the menu's to answer, never a question for the FAQ; at the
    menu, a line typed as a reason is offered as one ("i want to remember how he made me feel
    small" just after /reasons: a session-37 chat heard it as a feeling, and it was lost)."""
    if reason_service.typed_edit(text) is not None:
        return True
    words = len(text.split())
    return (
        frame.step == Step.MENU
        and _REASON_WORDS[0] <= words <= _REASON_WORDS[1]
        and not is_question(text, normalize(text))
        and classify_smalltalk(text) is None
        # "i miss him", typed after the list (a helper's chat, session 41: "Add this as a
        # reason?", and three of it): the missing heard, not kept as a reason
        and not reason_service.sounds_like_longing(text)
    )


# A line typed at the menu is offered as a reason when it is this long, in words, and asks
# nothing
_REASON_WORDS = (3, 40)


async def _offer(turn: Turn, frame: Frame, text: str) -> None:
    """Typed at the menu: "add this as a reason?" (with any typed while it waited)."""
    if frame.step != Step.MENU:
        turn.convo.goto(frame, Step.MENU)
    turn.convo.touch(frame)  # a new prompt: the menu's buttons give way to these
    data = ReasonsData.of(frame)
    cleaned = reason_service.clean(text)
    if data.offered is None:
        data.offered = cleaned
    elif cleaned != data.offered and cleaned not in data.also:
        # a second reason typed while the first is offered: both are offered (the same line
        # again is not a second one)
        data.also.append(cleaned)
    data.into(frame)
    _ask_offered(turn, frame)


def _ask_offered(turn: Turn, frame: Frame) -> None:
    """ "Add this as a reason?" for the line (or lines) offered."""
    data = ReasonsData.of(frame)
    offer = (
        turn.t("reasons.offer_add", reason=data.offered)
        if not data.also
        else turn.t(
            "reasons.offer_add_many",
            reasons="\n".join(f"• {r}" for r in [data.offered, *data.also]),
        )
    )
    turn.say(
        offer,
        inline(
            [
                [
                    (
                        turn.label(
                            "reasons.buttons.add_these"
                            if data.also
                            else "reasons.buttons.add_this"
                        ),
                        FLOW.button(frame, "keep"),
                    ),
                    (turn.label("reasons.buttons.not_this"), FLOW.button(frame, "drop")),
                ]
            ]
        ),
    )


async def _add(turn: Turn, frame: Frame, text: str, *, quiet: bool = False) -> None:
    """Add a reason and say so (`quiet`: one of several added at once; the last says it)."""
    try:
        count = await reason_service.add(
            session=turn.session, user_id=turn.user.id, text=text, now=turn.now
        )
    except ReasonRefused as refused:
        turn.say(refusal_text(turn, refused))
        return
    if not quiet:
        turn.say(turn.t("reasons.added", count=count), _done_markup(turn, frame))


def refusal_text(turn: Turn, refused: ReasonRefused) -> str:
    if refused.code == "too_long":
        return turn.t("reasons.too_long", max=MAX_REASON_CHARS)
    if refused.code == "too_many":
        return turn.t("reasons.too_many", max=MAX_REASONS)
    return turn.t("reasons.empty_reason")


async def on_button(turn: Turn, frame: Frame, pressed: Button) -> None:
    """Add / Remove / Done and the remove-this-one buttons."""
    if pressed.action == "done":
        # nothing on the list (Done tapped at "type your reason"): not "your reasons are
        # kept" over an empty list (a session-34 chat)
        reasons = await reason_service.list_reasons(session=turn.session, user_id=turn.user.id)
        turn.say(turn.t("reasons.done_text" if reasons else "reasons.done_empty"))
        end_flow(turn, NAME)
    elif pressed.action == "add" and frame.step == Step.MENU:
        turn.convo.goto(frame, Step.ADD)
        ask(turn, frame)
    elif pressed.action == "rm" and frame.step == Step.MENU:
        await _ask_which(turn, frame)
    elif pressed.action in ("keep", "drop") and frame.step == Step.MENU:
        await _offered(turn, frame, keep=pressed.action == "keep")
    elif pressed.action == "rm" and frame.step == Step.REMOVE and pressed.arg.isdigit():
        await _remove(turn, frame, int(pressed.arg))
    else:
        turn.toast(turn.t("core.stale_button"))


async def _offered(turn: Turn, frame: Frame, *, keep: bool) -> None:
    """The answer to "add this as a reason?" (or these, when more were typed while it
    waited): added, in the order typed (then more can follow, as after "Add a reason"), or
    not, back at the menu."""
    data = ReasonsData.of(frame)
    text, more, data.offered, data.also = data.offered, data.also, None, []
    data.into(frame)
    turn.convo.touch(frame)
    if text is None:
        turn.toast(turn.t("core.stale_button"))
    elif keep:
        turn.convo.goto(frame, Step.ADD)
        items = [text, *more]
        for i, item in enumerate(items):
            await _add(turn, frame, item, quiet=i < len(items) - 1)
    else:
        turn.say(turn.t("reasons.not_added"))
        await _show_list(turn, frame)


async def _ask_which(turn: Turn, frame: Frame) -> None:
    reasons = await reason_service.list_reasons(session=turn.session, user_id=turn.user.id)
    if not reasons:
        turn.say(turn.t("reasons.nothing_to_remove"), _menu_markup(turn, frame, False))
        return
    turn.convo.goto(frame, Step.REMOVE)
    choices = [(r.id, r.text[: BUTTON_CHARS * 2]) for r in reasons if r.id is not None]
    ReasonsData(choices=choices).into(frame)
    ask(turn, frame)


async def _remove(turn: Turn, frame: Frame, reason_id: int) -> None:
    offered = {rid for rid, _ in ReasonsData.of(frame).choices}
    removed = reason_id in offered and await reason_service.remove(
        session=turn.session, user_id=turn.user.id, reason_id=reason_id
    )
    if not removed:
        turn.toast(turn.t("core.stale_button"))
        return
    turn.say(turn.t("reasons.removed"))
    turn.convo.goto(frame, Step.MENU)
    ReasonsData().into(frame)
    await _show_list(turn, frame)


async def _remove_at(turn: Turn, frame: Frame, position: int) -> None:
    """ "remove the first one" (-1: the last): taken off, said back, the list shown."""
    reasons = await reason_service.list_reasons(session=turn.session, user_id=turn.user.id)
    if not reasons:
        turn.say(turn.t("reasons.nothing_to_remove"), _menu_markup(turn, frame, False))
        return
    index = len(reasons) - 1 if position == -1 else position - 1
    if not 0 <= index < len(reasons) or reasons[index].id is None:
        turn.say(turn.t("reasons.no_such", count=turn.count("reasons", len(reasons))))
        await _ask_which(turn, frame)
        return
    gone = reasons[index]
    assert gone.id is not None
    await reason_service.remove(session=turn.session, user_id=turn.user.id, reason_id=gone.id)
    turn.say(turn.t("reasons.removed_typed", reason=gone.text))
    turn.convo.goto(frame, Step.MENU)
    data = ReasonsData.of(frame)
    data.choices = []
    data.into(frame)
    await _show_list(turn, frame)


def _short(text: str) -> str:
    return text if len(text) <= BUTTON_CHARS else text[: BUTTON_CHARS - 1].rstrip() + "…"


FLOW = Flow(
    name=NAME,
    title_key="urge.flow_names.reasons",
    steps=Step,
    reads={Step.MENU: Reads.BUTTONS, Step.ADD: Reads.ANSWER, Step.REMOVE: Reads.BUTTONS},
    ask=ask,
    on_text=answer_text,
    accepts=_accepts,
    on_button=on_button,
    data=ReasonsData,
    idle_after=timedelta(minutes=10),
    ends_on_detour=True,  # a menu: after a detour or ten quiet minutes it simply ends...
    waits=lambda frame: ReasonsData.of(frame).offered is not None,  # ...not a reason offered
)
