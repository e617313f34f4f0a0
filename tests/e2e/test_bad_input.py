"""Bad input, generated: every question that takes typed text gets arbitrary messages.

For each prompt one user is taken there once through the real chat; before every generated
example they are put back at that question (their stored conversation, as it was). Then:

* the bot handles the message within a second, and a message always gets a reply (crisis
  detection may be the one answering, which is fine);
* no error reaches the error handler, and Telegram (the emulator) refuses nothing: user text
  that was not escaped would make a reply invalid HTML, a 400 and an error;
* unless the answer was valid for that question, no stored row about the user changes and
  the conversation stays at the same question.

Ignored by design (no reply): edited messages (only the safety check reads them) and channel
posts. Stickers and photos get a short note; a photo's caption goes to the safety check only.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.conversation.codec import unpack as parse_callback
from bot.core.content import load_content
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.entities import command_entities
from bot.emulator.server import BotApiEmulator
from bot.services.clocktime import TimeParseError, find_clock_time, parse_clock_time
from bot.services.crisis import detect_crisis, mentions_harm
from bot.services.dates import DateParseError, parse_start_date
from bot.services.journey import provisional_today
from bot.services.reasons import MAX_REASON_CHARS
from bot.services.slips import MAX_NOTE_CHARS
from bot.services.tghtml import utf16_len
from bot.services.timezones import resolve_timezone
from bot.services.urges import parse_strength
from tests.e2e.userdata import exchange, put_stack, rows_of, stack_of, steps
from tests.harness import TOKEN, BotRunner, onboard

CONTENT = load_content()
REPLY_WITHIN = 1.0  # seconds
EXAMPLES = 25
ERROR_TEXTS = set(CONTENT.variants("core.error"))
REFUSED_SENDS = {"sendmessage", "sendphoto", "senddocument", "answercallbackquery"}
OWN_COMMANDS = {
    "start", "status", "help", "about", "cancel", "time", "timezone", "faq", "stats", "pause",
    "resume", "progress", "settings", "privacy", "export", "delete", "urge", "reasons", "slip",
    "history",
}

# --------------------------------------------------------------------------- inputs

NASTY = [
    "", " ", "   \n\t  ", "\u200b", "\u200b\u200c\u200d\u2060\ufeff", "\u00a0\u3000\u2028",
    "\x00", "\x07\x1b[31m", "x" * 4096, "é" * 4096, "😀" * 2048, "a" * 301, "a" * 501,
    "أريد أن أراسله الآن", "שלום, מה שלומך", "\u202eevil\u202c", "\u200f\u200e",
    "e\u0301\u0302\u0303\u0304" * 30, "Z̷̢̛̪a̸͎͐l̶̰̓g̵̲̈ǫ̴̛", "👩‍👩‍👧‍👦🏳️‍🌈🇩🇪", "🙂",
    "<b>", "</i>", "&", "&amp;", "&lt;b&gt;", "<script>alert(1)</script>", "<a href='x'>y",
    "<b>Narnia</b> & <i>co", "*_[", "**bold** _it_ [x](http://e.com) `code` ~~s~~ ||sp||",
    "{text}", "{0}", "{", "}", "%s %d %(x)s", "\\", "'; DROP TABLE users; --",
    "/command@OtherBot", "/start@OtherBot", "/urge@OtherBot now", "/nope", "//", "/",
    "7", "10/10", "0", "11", "-1", "١٠", "7 of 10", "2026-11-20", "3 days ago",
    "last friday", "tomorrow", "2099-01-01", "31.02", "20.11", "Berlin", "UTC+2", "UTC+99",
    "São Paulo", "Springfield", "21:30", "9pm", "25:00", "24:60", "I really want to text him",
    "will they come back?", "null", "None", "NaN", "-0", "1e309",
]
CHARS = st.characters(exclude_categories=("Cs",))  # Telegram sends UTF-8: no lone surrogates


def fit(text: str, limit: int = 4096) -> str:
    """Cut to what Telegram delivers: at most `limit` UTF-16 code units."""
    while utf16_len(text) > limit:
        text = text[: max(0, len(text) - (utf16_len(text) - limit + 1) // 2 - 1)]
    return text


def own_command(text: str) -> bool:
    """A command of this bot ("/urge", "/urge@SteadfastTestBot"): not a typed answer."""
    if not command_entities(text):
        return False
    name, _, target = text[1:].split()[0].partition("@")
    return name.lower() in OWN_COMMANDS and target.lower() in ("", "steadfasttestbot")


TEXTS = (
    st.one_of(
        st.sampled_from(NASTY),
        st.text(CHARS, max_size=200),
        st.lists(st.one_of(st.sampled_from(NASTY), st.text(CHARS, max_size=40)),
                 min_size=2, max_size=5).map("".join),
        st.tuples(st.text(CHARS, min_size=1, max_size=8), st.integers(300, 4096)).map(
            lambda pair: (pair[0] * pair[1])[: pair[1]]
        ),
    )
    .map(fit)
    .filter(lambda text: not own_command(text))
)


@dataclass(frozen=True)
class Input:
    kind: str  # text, forward, edit, photo, sticker
    text: str = ""

    def __repr__(self) -> str:
        return f"Input({self.kind}, {self.text[:80]!r}{'…' if len(self.text) > 80 else ''})"


INPUTS = st.one_of(
    TEXTS.map(lambda t: Input("text", t)),
    TEXTS.map(lambda t: Input("text", t)),
    TEXTS.map(lambda t: Input("text", t)),
    TEXTS.map(lambda t: Input("forward", t)),
    TEXTS.map(lambda t: Input("edit", t)),
    TEXTS.map(lambda t: Input("photo", fit(t, 1024))),
    st.just(Input("sticker")),
)


def looks_empty(text: str) -> bool:
    """Nothing visible: whitespace, zero-width and other format or control characters."""
    return all(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in text)


def clean(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    # Hundreds of messages to one chat in seconds: Telegram's per-chat limit (tested on its
    # own) would turn these checks into waits, so it is lifted here.
    async with BotApiEmulator(per_chat_burst=100_000, global_burst=100_000) as emulator:
        emulator.add_bot(TOKEN, username="SteadfastTestBot")
        yield emulator


# --------------------------------------------------------------------------- the prompts

Setup = Callable[[BotRunner, SimUser], Awaitable[None]]


async def act(runner: BotRunner, user: SimUser, text: str | None = None, *,
              press: str | None = None) -> list[BotMessage]:
    async def go() -> None:
        if press is not None:
            await user.press(press)
        else:
            assert text is not None
            await user.send(text)

    replies, _ = await exchange(runner, user, go)
    assert replies, f"no reply to {text or press!r}"
    return replies


async def at_ob_date(runner: BotRunner, user: SimUser) -> None:
    await act(runner, user, "/start")


async def at_ob_date_typed(runner: BotRunner, user: SimUser) -> None:
    await at_ob_date(runner, user)
    await act(runner, user, press=CONTENT.label("onboarding.btn_other_day"))


async def at_ob_tz(runner: BotRunner, user: SimUser) -> None:
    await at_ob_date(runner, user)
    await act(runner, user, "yesterday")


async def at_ob_time(runner: BotRunner, user: SimUser) -> None:
    await at_ob_tz(runner, user)
    await act(runner, user, "Berlin")


async def at_ob_reason(runner: BotRunner, user: SimUser) -> None:
    await at_ob_time(runner, user)
    await act(runner, user, "21:00")


async def onboarded(runner: BotRunner, user: SimUser) -> None:
    await onboard(user)


async def at_time(runner: BotRunner, user: SimUser) -> None:
    await onboard(user)
    await act(runner, user, "/time")


async def at_timezone(runner: BotRunner, user: SimUser) -> None:
    await onboard(user)
    await act(runner, user, "/timezone")


async def at_strength(runner: BotRunner, user: SimUser) -> None:
    await onboard(user)
    await act(runner, user, "/urge")


async def at_trigger(runner: BotRunner, user: SimUser) -> None:
    await at_strength(runner, user)
    await act(runner, user, press="7")


async def at_tools(runner: BotRunner, user: SimUser) -> None:
    await at_trigger(runner, user)
    await act(runner, user, press=CONTENT.label("urge.trigger_labels.lonely"))


async def at_write(runner: BotRunner, user: SimUser) -> None:
    await at_tools(runner, user)
    await act(runner, user, press=CONTENT.label("urge.tool_labels.write"))


async def at_tape(runner: BotRunner, user: SimUser) -> None:
    await at_tools(runner, user)
    await act(runner, user, press=CONTENT.label("urge.tool_labels.tape"))


async def at_first_reason(runner: BotRunner, user: SimUser) -> None:
    await at_tools(runner, user)  # no reasons yet: the tool asks for a first one
    await act(runner, user, press=CONTENT.label("urge.tool_labels.reasons"))


async def at_reasons_add(runner: BotRunner, user: SimUser) -> None:
    await onboard(user)
    await act(runner, user, "/reasons")
    await act(runner, user, press=CONTENT.label("reasons.buttons.add"))


async def at_slip_note(runner: BotRunner, user: SimUser) -> None:
    await onboard(user)
    await act(runner, user, "/slip")
    await act(runner, user, press=CONTENT.label("slip.confirm_labels.restart"))


async def newcomer(runner: BotRunner, user: SimUser) -> None:
    await act(runner, user, "/help")


def today(runner: BotRunner) -> Any:
    return provisional_today(runner.runtime.clock.now(), None)


def date_ok(runner: BotRunner, text: str) -> bool:
    try:
        parse_start_date(text, today=today(runner))
    except DateParseError:
        return False
    return True


def date_or_place_ok(runner: BotRunner, text: str) -> bool:
    """At the start date, a date; or a place typed alone ("mexico city"), which sets the time
    zone and asks for the date again (session 45)."""
    return date_ok(runner, text) or (len(text.split()) <= 4 and len(resolve_timezone(text)) == 1)


def time_ok(runner: BotRunner, text: str) -> bool:
    try:
        parse_clock_time(text)
    except TimeParseError:
        # the one time a sentence names ("7:30am before the kids wake up") is taken too
        return find_clock_time(text) is not None
    return True


@dataclass(frozen=True)
class Prompt:
    name: str
    setup: Setup
    # Would the bot take this (stripped, non-empty) text as an answer here? Only then may
    # stored rows or the question change.
    valid: Callable[[BotRunner, str], bool]
    # Question changes that an invalid answer may still make (date -> "type the date").
    may_move: frozenset[tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]] = field(
        default_factory=frozenset
    )


NEVER: Callable[[BotRunner, str], bool] = lambda runner, text: False  # noqa: E731
ANY: Callable[[BotRunner, str], bool] = lambda runner, text: True  # noqa: E731

PROMPTS = [
    Prompt("onboarding date", at_ob_date, date_or_place_ok,
           frozenset({((("ob", "date"),), (("ob", "date_typed"),))})),
    Prompt("onboarding typed date", at_ob_date_typed, date_or_place_ok),
    Prompt("onboarding time zone", at_ob_tz, lambda r, t: bool(resolve_timezone(t))),
    Prompt("onboarding daily time", at_ob_time, time_ok),
    Prompt("onboarding reason", at_ob_reason, lambda r, t: len(clean(t)) <= MAX_REASON_CHARS),
    Prompt("/time", at_time, time_ok),
    Prompt("/timezone", at_timezone, lambda r, t: bool(resolve_timezone(t))),
    Prompt("urge strength", at_strength, lambda r, t: parse_strength(t) is not None),
    Prompt("urge trigger", at_trigger, ANY),  # typed text is read as a trigger ("other")
    Prompt("urge: write it here instead", at_write, ANY),
    Prompt("urge: play the tape forward", at_tape, ANY),
    Prompt("urge: a first reason", at_first_reason,
           lambda r, t: len(clean(t)) <= MAX_REASON_CHARS),
    Prompt("/reasons: add", at_reasons_add, lambda r, t: len(clean(t)) <= MAX_REASON_CHARS),
    Prompt("/slip note", at_slip_note, lambda r, t: len(clean(t)) <= MAX_NOTE_CHARS),
    Prompt("free text, no flow", onboarded, NEVER),
    Prompt("free text before /start", newcomer, NEVER),
]


@dataclass
class Arena:
    """One user at one prompt, set up on the first example and reused by the others."""

    user: SimUser | None = None
    stack: str = "[]"


@pytest.fixture
def arena() -> Arena:
    return Arena()


async def at_prompt(runner: BotRunner, emu: BotApiEmulator, arena: Arena, prompt: Prompt,
                    user_id: int) -> SimUser:
    if arena.user is None:
        arena.user = emu.user(user_id)
        await prompt.setup(runner, arena.user)
        arena.stack = await stack_of(runner.runtime.db, user_id)
    else:
        await put_stack(runner.runtime.db, user_id, arena.stack)
    return arena.user


def counters(runner: BotRunner, emu: BotApiEmulator) -> tuple[int, int]:
    """Errors the bot's error handler saw, and sends Telegram refused (e.g. as bad HTML).

    Refused edits are left to the first number: "message is not modified" is expected and
    handled; any other refusal reaches the error handler.
    """
    refused = sum(
        1 for call in emu.stats.calls
        if call.status == 400 and call.method.lower() in REFUSED_SENDS
    )
    return runner.runtime.metrics.value("errors"), refused


async def send(runner: BotRunner, user: SimUser, item: Input) -> tuple[list[BotMessage], float]:
    async def go() -> None:
        if item.kind == "text":
            await user.send(item.text)
        elif item.kind == "forward":
            await user.forward(item.text)
        elif item.kind == "edit":  # the user's latest text message
            sent = user.bot.messages[user.chat_id].values()
            mine = [m for m in sent if not m.from_bot and "text" in m.content]
            user.bot.user_edit(mine[-1], item.text)
        elif item.kind == "photo":
            await user.send_photo(caption=item.text or None)
        else:
            await user.send_sticker()

    return await exchange(runner, user, go)


def speaks_of_harm(item: Input) -> bool:
    """Whether the message is one the crisis check or the net answers first, at any prompt."""
    text = item.text
    return item.kind in ("text", "forward") and (
        detect_crisis(text) is not None or mentions_harm(text) == "strong")


def answered_as_text(item: Input) -> bool:
    """Whether the message reaches the flow as a typed answer."""
    if item.kind == "forward":  # forwarded text carries no command entity
        return bool(item.text)
    return item.kind == "text" and bool(item.text) and not command_entities(item.text)


# --------------------------------------------------------------------------- the tests

FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("prompt", PROMPTS, ids=[p.name for p in PROMPTS])
@FUZZ
@given(item=INPUTS)
async def test_any_message_at_any_prompt_gets_a_kind_reply_and_loses_nothing(
    emu: BotApiEmulator, bot: BotRunner, arena: Arena, prompt: Prompt, item: Input
) -> None:
    user_id = 7000 + PROMPTS.index(prompt)
    user = await at_prompt(bot, emu, arena, prompt, user_id)
    db = bot.runtime.db
    rows, stack = await rows_of(db, user_id), await stack_of(db, user_id)
    errors = counters(bot, emu)

    replies, took = await send(bot, user, item)

    assert counters(bot, emu) == errors, [m.plain for m in replies]
    assert not ERROR_TEXTS & {m.text for m in replies}
    assert took <= REPLY_WITHIN, f"handled in {took:.2f}s"
    if item.kind != "edit":
        assert replies, "a message got no reply"
    text = item.text.replace("\x00", "").strip()  # NUL is dropped (PostgreSQL refuses it)
    valid = answered_as_text(item) and not looks_empty(text) and prompt.valid(bot, text)
    if not valid:
        assert await rows_of(db, user_id) == rows
        before, after = steps(stack)[-1:], steps(await stack_of(db, user_id))[-1:]
        if before != after and not (speaks_of_harm(item) and after[0][0] == "sos"):
            # (words of harm, even in random text, "THREAT": the safety talk first, anywhere)
            assert (tuple(before), tuple(after)) in prompt.may_move, (before, after)


# ----------------------------------------------------------------- forged and stale buttons

PREFIXES = ["", "ob:", "urge:", "rsn:", "slip:", "day:", "faq:", "sos:", "set:", "rs:", "hard:",
            "x:", ":"]
SHAPES = [
    "urge:x:forget:" + "9" * 50, "urge:x:forget:-1", "urge:x:forget:1", "urge:k1-1:o:passed",
    "urge:k99999999999-999:o:still", "urge:o:maybe", "day:1:s", "day:999999999999999999:g",
    "day:0:o", "faq:q:nope", "faq:t:", "faq:go:delete", "sos:yes:z", "sos:ground:s",
    "set:m:pause:maybe", "set:m:weekly:", "set:zz:erase", "rsn:abc:rm:1", "slip:abc:restart",
    "ob:abc:t:2399", "ob:abc:tz:0", "ob::", "::::", "urge:abc:s:11", "urge:abc:o:passed",
    "faq:-:q:nope", "faq:-:t:", "faq:-:go:delete", "sos:-:yes:z", "rs:abc:resume:ob",
    "rs:abc:later:urge", "hard:abc:miss",
]
FORGED = st.one_of(
    st.sampled_from(SHAPES),
    st.tuples(st.sampled_from(PREFIXES), st.text(CHARS, max_size=40)).map("".join),
    st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=64),
).map(lambda data: data.encode()[:64].decode(errors="ignore") or "x")
BUTTON_PROMPTS = [p for p in PROMPTS if p.name in (
    "onboarding date", "onboarding daily time", "urge trigger",
    "urge: play the tape forward", "/reasons: add", "/slip note", "free text, no flow",
)]


def may_act(data: str, shown: set[str], nonce: str | None) -> bool:
    """Buttons that do something on purpose: the current question's, and stateless ones."""
    if data in shown:
        return True
    pressed = parse_callback(data)
    if pressed is None:
        return False
    if pressed.nonce == nonce:  # forged with the live nonce: only the user's own flow
        return True
    # Stateless buttons act by design: the settings menu, the urge offer, the safety talk's
    # (anyone may say they are not safe, from any message) and FAQ navigation.
    return (pressed.flow, pressed.nonce) in (("set", "m"), ("urge", "o"), ("sos", "-"),
                                             ("faq", "-"))


@pytest.mark.parametrize("prompt", BUTTON_PROMPTS, ids=[p.name for p in BUTTON_PROMPTS])
@FUZZ
@given(data=FORGED, stale=st.booleans(), pick=st.integers(0, 10**6))
async def test_forged_and_stale_buttons_are_answered_and_change_nothing(
    emu: BotApiEmulator, bot: BotRunner, arena: Arena, prompt: Prompt, data: str,
    stale: bool, pick: int,
) -> None:
    user_id = 7100 + PROMPTS.index(prompt)
    user = await at_prompt(bot, emu, arena, prompt, user_id)
    if stale:  # a real button of an earlier message
        old = [b.callback_data for m in user.inbox[:-1] for row in m.buttons for b in row
               if b.callback_data]
        data = old[pick % len(old)] if old else data
    db = bot.runtime.db
    rows, stack = await rows_of(db, user_id), await stack_of(db, user_id)
    frames = json.loads(stack)
    nonce = frames[-1]["nonce"] if frames else None
    shown = {b.callback_data for row in user.inbox[-1].buttons for b in row if b.callback_data}
    errors = counters(bot, emu)
    answers = len(user.callback_answers)

    async def go() -> None:
        await user.press_data(data, message_id=user.inbox[-1].message_id)

    replies, took = await exchange(bot, user, go)

    assert counters(bot, emu) == errors, [m.plain for m in replies]
    assert took <= REPLY_WITHIN, f"handled in {took:.2f}s"
    assert len(user.callback_answers) == answers + 1, "the press was not answered"
    if not may_act(data, shown, nonce):
        assert await rows_of(bot.runtime.db, user_id) == rows
        assert steps(await stack_of(bot.runtime.db, user_id)) == steps(stack)


# --------------------------------------------------------------------------- specific cases


async def test_user_text_comes_back_escaped_and_literal(emu: BotApiEmulator, bot: BotRunner
                                                        ) -> None:
    user = emu.user(7200)
    await at_ob_tz(bot, user)
    [reply] = await act(bot, user, "<b>Narnia</b> & <i>co")
    assert "<b>Narnia</b> & <i>co" in reply.plain
    assert "&lt;b&gt;Narnia&lt;/b&gt; &amp; &lt;i&gt;co" in reply.text


async def test_invisible_text_is_empty_and_saves_no_reason(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(7201)
    await at_reasons_add(bot, user)
    [reply] = await act(bot, user, "\u200b\u200d\u2060")
    assert reply.text in CONTENT.variants("core.empty_text")
    assert (await rows_of(bot.runtime.db, 7201))["reasons"] == []


async def test_edited_messages_and_channel_posts_are_ignored_except_by_safety(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(7202)
    await at_ob_time(bot, user)
    stack = await stack_of(bot.runtime.db, 7202)
    await act(bot, user, "25:99")
    replies, _ = await exchange(bot, user, lambda: user.edit_last("21:30"))
    assert replies == []  # an edit is not an answer
    assert (await rows_of(bot.runtime.db, 7202))["users"][0]["daily_time"] is None
    replies, _ = await exchange(bot, user, lambda: user.edit_last("I want to kill myself"))
    assert len(replies) == 1  # ... but the safety check reads it, and the safety talk opens
    # on top of the question, which waits underneath
    assert steps(await stack_of(bot.runtime.db, 7202)) == [*steps(stack), ("sos", "asked")]

    channel = {"message_id": 1, "date": 0, "text": "/start",
               "chat": {"id": -1001234, "type": "channel", "title": "News"}}

    async def post() -> None:
        emu.bot(TOKEN).enqueue("channel_post", channel)

    errors = counters(bot, emu)
    sent = emu.stats.messages_sent
    await exchange(bot, user, post)
    assert counters(bot, emu) == errors
    assert emu.stats.messages_sent == sent
