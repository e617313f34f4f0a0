"""The twenty-ninth session, through the emulator: a young person's age in the first message
of a crisis brings the country's line for young people to the top and an adult on their side;
the same words about someone else's age do not. In the talk, what is to be kept from family
is never met with "call them now"."""

from __future__ import annotations

import asyncio

import pytest

from bot.core.content import load_content
from bot.emulator.driver import BotMessage
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import PASSIVE, said
from tests.harness import BotRunner, onboard

CONTENT = load_content()


def has_young_note(message: BotMessage) -> bool:
    plain = " ".join(message.plain.split())
    return any(v in plain for v in CONTENT.variants("sos.young_note"))


async def test_im_15_and_i_want_to_die_gets_childline_first_and_an_adult(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29001)
    await onboard(user, zone="Europe/London")
    await user.send("im 15 and i want to die")
    reply = await user.reply()
    assert "0800 1111" in reply.plain  # Childline, before the adult lines
    assert reply.plain.index("0800 1111") < reply.plain.index("116 123")  # then Samaritans
    assert "999" in reply.plain
    assert has_young_note(reply), reply.plain
    assert reply.plain.rstrip().endswith("?")  # the talk's question stays last


async def test_a_young_person_afraid_of_the_ex_gets_the_young_line_in_the_danger_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29002)
    await onboard(user, zone="Berlin")
    await user.send("i am 14 and my ex keeps waiting outside school and says he will hurt me")
    reply = await user.reply()
    assert "116 111" in reply.plain, reply.plain  # Nummer gegen Kummer
    assert "110" in reply.plain or "112" in reply.plain
    assert has_young_note(reply), reply.plain


async def test_someone_else_s_age_is_no_young_person(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29003)
    await onboard(user, zone="Europe/London")
    await user.send("my sister is 15 and honestly i want to die")
    reply = await user.reply()
    assert "116 123" in reply.plain, reply.plain
    assert "0800 1111" not in reply.plain
    assert not has_young_note(reply)


async def test_a_young_person_where_no_young_line_is_known_still_hears_of_an_adult(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(29004)
    await onboard(user, zone="New York")
    await user.send("i'm 16 and i want to kill myself")
    reply = await user.reply()
    assert "988" in reply.plain
    assert has_young_note(reply), reply.plain


async def test_parents_who_must_not_find_out_are_not_the_ones_to_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "Good, let's make that happen now. Call your parents" to a
    # fifteen-year-old who had just said her parents must not find out.
    user = emu.user(29005)
    await onboard(user, zone="America/Chicago")
    await user.send(PASSIVE)
    await user.reply()
    await user.send("my parents cant find out about this")
    reply = await user.reply()
    assert said(reply, "sos.kept_from_them"), reply.plain
    assert not said(reply, "sos.reach_person")
    assert "988" in reply.plain
    await user.send("my sister maybe")  # someone they could tell: reaching her is the answer
    reply = await user.reply()
    assert said(reply, "sos.reach_person"), reply.plain


async def test_an_age_told_before_the_crisis_still_brings_the_young_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "im 15 and my bf broke up w me over snap", two messages later "i think
    # about just not being here anymore": the adult lines only.
    user = emu.user(29006)
    await onboard(user, zone="Europe/London")
    await user.send("im 15 and my bf broke up with me over snap")
    await user.reply()
    await user.send("sometimes i think about just not being here anymore")
    reply = await user.reply()
    assert "0800 1111" in reply.plain, reply.plain
    assert has_young_note(reply), reply.plain
    other = emu.user(29007)  # someone else, the same words without the age: no Childline
    await onboard(other, zone="Europe/London")
    await other.send("sometimes i think about just not being here anymore")
    reply = await other.reply()
    assert "0800 1111" not in reply.plain


async def test_a_failure_while_the_safety_reply_is_built_still_sends_the_way_to_help(
    emu: BotApiEmulator, bot: BotRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A helper's chat once got two "Something broke on my end" and no number at all for "i
    # really dont want to be alive anymore since she left" (not reproduced since): whatever
    # fails, the person still gets the number and the directory, and no apology for an error.
    from bot.handlers import safety

    def broken(*_: object, **__: object) -> object:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(safety, "_first_reply", broken)
    user = emu.user(29008)
    await user.send("i really dont want to be alive anymore since she left")
    reply = await user.reply()
    assert said(reply, "sos.fallback_reply"), reply.plain
    assert "findahelpline.com" in reply.plain
    await asyncio.sleep(0.3)
    assert len(user.inbox) == 1  # not followed by "something went wrong"
