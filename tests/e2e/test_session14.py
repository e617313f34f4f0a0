"""The fourteenth session, through the emulator: phrasings that tuning sets 26a (young, short)
and 26b (older, indirect) and round 25 showed missed or under-read now reach the right reply,
their harmless look-alikes do not, and requests for a lawyer's, a bank's or an account's help
are declined kindly."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import said
from tests.harness import BotRunner, onboard

CONTENT = load_content()
FAQ = CONTENT.faq
assert FAQ is not None
NOT_SAFE = CONTENT.label("faq.btn_not_safe")


async def test_not_wanting_to_live_any_more_gets_the_number_in_the_first_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Writers of three rounds called "i dont want to be alive anymore" a statement of intent;
    # it used to get only the gentle check.
    user = emu.user(14001)
    await onboard(user, zone="Berlin")
    await user.send("honestly i dont wanna be alive anymore")
    reply = await user.reply()
    assert said(reply, "sos.explicit_reply"), reply.plain
    assert "112" in reply.plain
    assert "findahelpline.com" in reply.plain


async def test_an_urge_to_slice_an_arm_and_a_railway_bridge_reach_help(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(14002)
    await onboard(user, zone="Berlin")
    await user.send("the urge to slice my arm is so bad rn")
    reply = await user.reply()
    assert said(reply, "sos.explicit_reply"), reply.plain
    other = emu.user(14003)
    await onboard(other, zone="Berlin")
    await other.send("on the railway bridge, trains due in 5")
    bridge = await other.reply()
    assert "112" in bridge.plain, bridge.plain


async def test_a_threat_for_telling_and_a_black_eye_explained_away_are_danger(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    for uid, text in ((14004, "ex texted that im dead if i tell anyone what he did"),
                      (14005, "black eye from last night, told mum i fell")):
        user = emu.user(uid)
        await onboard(user, zone="Berlin")
        await user.send(text)
        reply = await user.reply()
        assert said(reply, "sos.danger_reply") or said(reply, "sos.danger_at_door"), reply.plain


async def test_the_look_alikes_get_no_crisis_reply(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(14006)
    await onboard(user, zone="Berlin")
    for text in ("gonna sleep forever this weekend, exams done",
                 "said goodbye to everyone at my last shift at the cafe today"):
        await user.send(text)
        reply = await user.reply()
        assert not said(reply, "sos.explicit_reply"), reply.plain
        assert not said(reply, "sos.passive_check"), reply.plain
        assert "112" not in reply.plain


async def test_a_lawyer_s_or_a_bank_s_question_is_declined_kindly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(14007)
    await onboard(user)
    for text in ("my landlord wont give back the deposit, can i sue him in small claims",
                 "how do i refinance our car loan in my name only"):
        await user.send(text)
        reply = await user.reply()
        assert reply.text in FAQ.out_of_scope, reply.plain


async def test_second_pass_someone_always_nearby_and_the_ex_who_tried_something(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Round 26 (tuning material since round 27): both got an ordinary reply.
    user = emu.user(14008)
    await onboard(user, zone="Berlin")
    await user.send("every time i leave the house hes somewhere nearby. the bus stop, the shop")
    reply = await user.reply()
    assert said(reply, "sos.danger_reply") or said(reply, "sos.danger_at_door"), reply.plain
    other = emu.user(14009)
    await onboard(other, zone="Berlin")
    await other.send("his sister messaged me that he tried something last night")
    ex = await other.reply()
    assert said(ex, "sos.ex_at_risk"), ex.plain
    assert "112" in ex.plain


async def test_a_horoscope_is_declined_and_the_number_of_days_is_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(14010)
    await onboard(user)
    await user.send("read my horoscope for this week, im a leo")
    declined = await user.reply()
    assert declined.text in FAQ.out_of_scope, declined.plain
    await user.send("my bestie said 30 days, tiktok said 90. whats the actual number of days "
                    "i should be aiming for")
    answer = await user.reply()
    how_long = CONTENT.faq_entries["how-long"]
    # a question in a later sentence is a question: answered, not heard first as a feeling
    assert answer.text.startswith(how_long.answer[0][:40]), answer.plain
