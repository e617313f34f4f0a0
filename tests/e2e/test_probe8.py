"""The eighth probe's findings (a short second pass by a helper playing users, in the ninth
session), end to end through the emulator. Asserts read the meaning (numbers, key words),
whichever variant was picked."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()


@pytest.mark.parametrize(
    ("said", "zone", "number"),
    [
        ("ya me tomé como 20 pastillas de paracetamol hace un rato", "Seville", "112"),
        ("je voulais juste dire merci pour tout. demain je ne serai plus là", "Lyon", "3114"),
        ("ho già scritto le lettere per tutti. domani non ci sarò più", "Turin", "112"),
        ("esta noche me voy a colgar, ya tengo la cuerda", "Seville", "112"),
        ("Ich will einfach nicht mehr. Alle wären ohne mich besser dran", "Hamburg", "112"),
        ("ik heb net al mijn slaappillen ingenomen", "Utrecht", "112"),
        ("połknęłam całe opakowanie tabletek", "Warsaw", "112"),
    ],
)
async def test_crisis_in_other_languages_shows_the_numbers(
    emu: BotApiEmulator, bot: BotRunner, said: str, zone: str, number: str
) -> None:
    user = emu.user(9951)
    await onboard(user, zone=zone)
    await user.send(said)
    reply = await user.reply()
    assert number in reply.plain, reply.plain


async def test_danger_at_the_door_in_spanish_gets_the_danger_path_not_the_suicide_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9952)
    await onboard(user, zone="Seville")
    await user.send("mi ex está fuera de mi casa con un cuchillo gritando")
    reply = await user.reply()
    assert "112" in reply.plain, reply.plain
    assert "conducta suicida" not in reply.plain, reply.plain


async def test_at_the_door_now_no_police_still_gets_the_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9953)
    await onboard(user, zone="Glasgow")
    await user.send("he's outside my flat right now banging on the door, says he'll kill me")
    first = await user.reply()
    assert "door" in first.plain.lower(), first.plain
    assert "999" in first.plain, first.plain
    await user.send("i dont want to call the police on him")
    police = await user.reply()
    assert "999" in police.plain, police.plain
    assert "don't have to call" not in police.plain.lower(), police.plain
    assert "hit" not in police.plain.lower(), police.plain


async def test_pills_with_drink_then_sleeping_it_off_is_the_danger(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9954)
    await onboard(user, zone="Chicago")
    await user.send("took a bunch of my xanax and drank half a bottle of vodka")
    await user.reply()
    await user.send("i'm just gonna sleep it off")
    reply = await user.reply()
    assert "911" in reply.plain, reply.plain
    assert "sleep" in reply.plain.lower(), reply.plain


@pytest.mark.parametrize(
    ("said", "key"),
    [
        ("had like 6 beers. grabbing my keys, going to her place to talk", "listen.drink_drive"),
        ("day 12 and i feel worse than day 1, is that normal or am i doing it wrong",
         "listen.worse_than_start"),
        ("she's pregnant with his baby. we lost ours in march", "listen.baby_lost"),
    ],
)
async def test_moments_that_are_not_urges_get_their_own_reply(
    emu: BotApiEmulator, bot: BotRunner, said: str, key: str
) -> None:
    user = emu.user(9955)
    await onboard(user, zone="Chicago")
    await user.send(said)
    reply = await user.reply()
    assert reply.text in CONTENT.variants(key), reply.plain


@pytest.mark.parametrize(
    "said", ["i have my rifle out on the bed next to me", "i should be punished for it"]
)
async def test_a_gun_out_or_punishment_wished_on_oneself_is_asked_about(
    emu: BotApiEmulator, bot: BotRunner, said: str
) -> None:
    user = emu.user(9956)
    await onboard(user, zone="Chicago")
    await user.send(said)
    reply = await user.reply()
    assert "safe" in reply.plain.lower(), reply.plain
    assert "988" in reply.plain, reply.plain


async def test_how_long_have_i_gone_is_the_count(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(9957)
    await onboard(user, zone="Chicago")
    await user.send("how long have i gone without texting him")
    reply = await user.reply()
    assert "Day 1" in reply.plain, reply.plain
    assert "Aim for" not in reply.plain, reply.plain


async def test_unblocking_an_ex_who_threatens_self_harm_gets_help_to_them(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9958)
    await onboard(user, zone="Chicago")
    await user.send(
        "my ex texted that if i dont unblock him he'll swallow all his meds tonight and it'll"
        " be on me"
    )
    await user.reply()
    await user.send("should i just unblock him for one night?")
    reply = await user.reply()
    assert "911" in reply.plain, reply.plain
    assert "maybe" not in reply.plain.lower(), reply.plain
