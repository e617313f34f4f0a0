"""The sixth probe's safety findings, end to end through the emulator: danger typed in a
hurry, in other words or in another language reaches help with the numbers in the reply; a
start date mixed up or "not like suicidal, just sad" does not open an emergency; inside a
safety talk "sim" is a yes (not Sim, in Russia), "ninguém" is nobody (not a name), a drug
named after taking it is what was taken, and "do i have to keep talking to her" about an ex
at risk is answered, not heard as "keep talking to me".

Asserts read the meaning (numbers, key words), whichever variant was picked."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

TOPIC_TITLES = {t.title for t in load_content().faq_topics.values()}

# Chicago: the United States' numbers
US_EMERGENCY = "911"
US_LINE = "988"


def _numbers(text: str) -> bool:
    return US_EMERGENCY in text or US_LINE in text


@pytest.mark.parametrize(
    "said",
    [
        "im not saf",  # S17: "not safe" typed in a hurry
        "im nto safe",
        "im driving and i want to crash the car",  # S9
        "i'm done. with everything. with life.",  # S10
        "ive been drinking and took some of my xanax, more than usual",  # S11
    ],
)
async def test_danger_typed_in_other_words_reaches_help(
    emu: BotApiEmulator, bot: BotRunner, said: str
) -> None:
    user = emu.user(9701)
    await onboard(user, zone="Chicago")
    await user.send(said)
    reply = await user.reply()
    assert _numbers(reply.plain), reply.plain


@pytest.mark.parametrize(
    ("said", "emergency"),
    [
        ("estoy en la azotea y quiero saltar", "911"),  # S4: Mexico City
        ("tomei os comprimidos todos", "112"),  # S5: Lisbon
    ],
)
async def test_danger_in_another_language_gets_the_numbers_not_a_language_notice(
    emu: BotApiEmulator, bot: BotRunner, said: str, emergency: str
) -> None:
    user = emu.user(9702)
    await onboard(user, zone="Mexico City" if emergency == "911" else "Lisbon")
    await user.send(said)
    reply = await user.reply()
    assert emergency in reply.plain, reply.plain


async def test_a_start_date_mixed_up_is_a_correction_not_an_emergency(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # S6: "wait i got the date wrong" set off the emergency reply and held the person there.
    user = emu.user(9703)
    await onboard(user, zone="Chicago", date="last friday")
    await user.send("wait i got the date wrong, it started on the 20th")
    reply = await user.reply()
    assert US_EMERGENCY not in reply.plain, reply.plain
    assert "20" in reply.plain, reply.plain  # the date it understood, offered to change


async def test_not_like_suicidal_just_sad_gets_no_emergency(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # S12: "not like suicidal, just sad" got "call 911 right now".
    user = emu.user(9704)
    await onboard(user, zone="Chicago")
    await user.send("not like suicidal, just sad")
    reply = await user.reply()
    assert "call 911" not in reply.plain.lower(), reply.plain


async def test_sim_is_yes_and_ninguem_is_nobody_inside_the_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # S2 and S3: "sim" moved the lines to Russia; "ninguém" was "Reach Ninguem now".
    user = emu.user(9705)
    await onboard(user, zone="Sao Paulo")
    await user.send("nao aguento mais")
    first = await user.reply()
    assert "188" in first.plain or "192" in first.plain, first.plain  # Brazil's lines
    await user.send("sim")
    reply = await user.reply()
    assert "Russia" not in reply.plain, reply.plain
    assert "8-800" not in reply.plain, reply.plain
    await user.send("ninguém")
    reply = await user.reply()
    assert "Ninguem" not in reply.plain, reply.plain
    assert "Ninguém" not in reply.plain, reply.plain
    assert "Russia" not in reply.plain, reply.plain


async def test_a_drug_named_after_taking_it_is_what_was_taken(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # S1: "tylenol" after "i took a bunch of pills" was told to put it out of reach, and "im
    # getting sleepy" got a stock line.
    user = emu.user(9706)
    await onboard(user, zone="Chicago")
    await user.send("i took a bunch of pills like 20 min ago")
    await user.reply()
    await user.send("tylenol")
    reply = await user.reply()
    text = reply.plain.lower()
    assert "out of reach" not in text, reply.plain
    assert "put it" not in text, reply.plain
    assert US_EMERGENCY in reply.plain, reply.plain
    await user.send("im getting sleepy")
    reply = await user.reply()
    assert US_EMERGENCY in reply.plain, reply.plain


async def test_with_the_ex_at_risk_keeping_in_touch_is_not_theirs_to_carry(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # S7: "do i have to keep talking to her now" got "Yes. I'm here, and I'll keep talking";
    # "i dont want to be responsible if she does it" got a topic menu.
    user = emu.user(9707)
    await onboard(user, zone="Glasgow")
    await user.send("she texted me saying she'll kill herself if i dont answer")
    await user.reply()
    await user.send("i dont want to be responsible if she does it")
    reply = await user.reply()
    assert any(w in reply.plain.lower() for w in ("fault", "yours", "your job")), reply.plain
    assert not TOPIC_TITLES & set(reply.button_texts()), reply.button_texts()  # no topic menu
    await user.send("ok i called them")
    await user.reply()
    await user.send("do i have to keep talking to her now")
    reply = await user.reply()
    assert not reply.plain.startswith("Yes"), reply.plain
    said = reply.plain.lower()
    wording = ("reopening contact", "without messaging them", "don't have to reply")
    assert any(w in said for w in wording), reply.plain


async def test_thoughts_that_go_on_for_months_get_support_this_week(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # S8: "like every night" after "im safe, i just think about it" was asked whether it was
    # about missing them, and pointed to /urge.
    user = emu.user(9708)
    await onboard(user, zone="Chicago")
    await user.send("i keep thinking how peaceful it would be to just not exist")
    await user.reply()
    await user.send("im safe, i just think about it")
    await user.reply()
    for said in ("like every night", "it's been like this for months"):
        await user.send(said)
        reply = await user.reply()
        text = reply.plain.lower()
        assert "/urge" not in text, reply.plain
        assert "missing them" not in text, reply.plain
        assert US_LINE in reply.plain, reply.plain
        assert "gp" in text or "counsellor" in text or "doctor" in text, reply.plain


async def test_a_minor_with_an_adult_and_secrecy_are_named_as_warning_signs(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # S15: "im 14 and he's 24", "he said not to tell anyone about us" got "Is this more about
    # missing them" and advice on telling friends.
    user = emu.user(9709)
    await onboard(user, zone="Chicago")
    await user.send("im 14 and he's 24")
    reply = await user.reply()
    assert any(w in reply.plain for w in ("isn't okay", "warning sign", "get hurt")), reply.plain
    assert "fault" in reply.plain, reply.plain
    assert "missing them" not in reply.plain, reply.plain
    await user.send("he said not to tell anyone about us")
    reply = await user.reply()
    assert "trust" in reply.plain.lower(), reply.plain


async def test_a_restraining_order_in_place_is_about_reporting_breaches(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # M5: "i have a restraining order" got how to get one.
    user = emu.user(9710)
    await onboard(user, zone="Chicago")
    await user.send("hes been texting that he knows where i live now")
    await user.reply()
    await user.send("i have a restraining order")
    reply = await user.reply()
    assert "breach" in reply.plain, reply.plain
    assert "don't need a lawyer" not in reply.plain, reply.plain


async def test_ninguem_after_saying_not_safe_is_nobody_not_a_name(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found trying it in the terminal chat: after "im not saf" and "no", "ninguém" got "Good:
    # Ninguem sounds like the right person".
    user = emu.user(9711)
    await onboard(user, zone="Chicago")
    await user.send("im not saf")
    await user.reply()
    await user.send("no")
    await user.reply()
    await user.send("ninguém")
    reply = await user.reply()
    assert "Ninguem" not in reply.plain, reply.plain
    assert US_EMERGENCY in reply.plain or US_LINE in reply.plain, reply.plain
