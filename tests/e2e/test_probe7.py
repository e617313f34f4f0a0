"""The seventh probe's findings, end to end through the emulator (a helper played some
sixty people over 140 conversations against the bot as it stood at the start of the ninth
session). Each test names the finding it covers.

Asserts read the meaning (numbers, key words), whichever variant was picked."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.clock import MovableClock
from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()
US_EMERGENCY = "911"
US_LINE = "988"
US_DV = "1-800-799-7233"


async def test_s1_pills_at_hand_and_about_to_take_them_gets_the_number_first(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9901)
    await onboard(user, zone="Chicago")
    await user.send("i have the pills here. im going to take them")
    first = await user.reply()
    assert US_EMERGENCY in first.plain, first.plain
    await user.send("already took some")
    taken = await user.reply()
    assert US_EMERGENCY in taken.plain, taken.plain
    # something taken: the number now, whatever it feels like (not "are you safe?" again)
    assert taken.plain != first.plain
    assert "are you safe" not in taken.plain.lower(), taken.plain


@pytest.mark.parametrize(
    ("said", "zone", "number"),
    [
        ("nie chcę już żyć", "Warsaw", "112"),  # S3: Polish
        ("i think i od'd", "Chicago", US_EMERGENCY),  # an overdose told in slang
        ("swallowed half a bottle of tylenol", "Chicago", US_EMERGENCY),
        ("meu ex está na minha porta gritando e ameaçando me bater", "Sao Paulo", "190"),  # S12
    ],
)
async def test_crisis_in_other_words_reaches_the_numbers(
    emu: BotApiEmulator, bot: BotRunner, said: str, zone: str, number: str
) -> None:
    user = emu.user(9902)
    await onboard(user, zone=zone)
    await user.send(said)
    reply = await user.reply()
    assert number in reply.plain, reply.plain


async def test_s4_a_rope_named_in_french_in_the_talk_is_means_at_hand(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9903)
    await onboard(user, zone="Lyon")
    await user.send("je veux en finir ce soir")
    await user.reply()
    await user.send("j'ai la corde")
    reply = await user.reply()
    assert "Keep going if you want to" not in reply.plain, reply.plain
    assert "112" in reply.plain, reply.plain


async def test_s2_before_set_up_picks_a_city_the_first_offered_gives_the_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9904)
    await user.send("/start")
    await user.reply()
    await user.send("yesterday")
    await user.replies(2)
    await user.send("Madrid")
    await user.reply()  # "which one?": Spain, Colombia
    await user.send("i have the pills in front of me. im going to take them all tonight")
    reply = await user.reply()
    assert "112" in reply.plain, reply.plain
    assert "your local emergency number" not in reply.plain, reply.plain


async def test_s11_someone_named_who_is_against_them_is_not_the_one_to_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9905)
    await onboard(user, zone="Chicago")
    await user.send("i dont want to be alive anymore")
    await user.reply()
    await user.send("no")
    await user.reply()
    for said in ("my boss is on my back too", "my sister? she hates me"):
        await user.send(said)
        reply = await user.reply()
        assert "Reach your" not in reply.plain, reply.plain
        assert "Call your boss" not in reply.plain, reply.plain
        assert US_LINE in reply.plain, reply.plain


async def test_s13_idk_when_at_the_start_date_is_not_a_plan(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9906)
    await user.send("/start")
    await user.reply()
    await user.press("Another day")
    await user.reply()
    await user.send("idk when")
    reply = await user.reply()
    assert "emergency" not in reply.plain.lower(), reply.plain
    assert "safe" not in reply.plain.lower(), reply.plain


async def test_s14_wanting_to_hurt_oneself_is_not_answered_with_wound_care(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9907)
    await onboard(user, zone="Chicago")
    await user.send("i really want to hurt myself tonight")
    reply = await user.reply()
    text = reply.plain.lower()
    assert "wound" not in text, reply.plain
    assert "pressure" not in text, reply.plain
    assert US_LINE in reply.plain or US_EMERGENCY in reply.plain, reply.plain


async def test_s15_going_over_to_check_on_an_ex_at_risk_gets_help_to_them(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9908)
    await onboard(user, zone="Stockholm")
    await user.send("my ex girlfriend says shes going to end it if i dont come back")
    await user.reply()
    await user.send("should i just go over there to make sure shes ok?")
    reply = await user.reply()
    assert "112" in reply.plain, reply.plain
    assert "Doubts after a breakup" not in reply.plain, reply.plain
    await user.send("its my fault")
    fault = await user.reply()
    assert any(w in fault.plain.lower() for w in ("on you", "not your fault", "responsib")), (
        fault.plain
    )


async def test_s17_a_friend_elsewhere_gets_the_numbers_where_they_are(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9909)
    await onboard(user, zone="Berlin")
    await user.send(
        "my friend in toronto texted me she wants to kill herself, what number should she call?"
    )
    reply = await user.reply()
    assert "988" in reply.plain, reply.plain
    assert "TelefonSeelsorge" not in reply.plain, reply.plain


async def test_s18_feeling_like_ending_it_is_asked_about(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9910)
    await onboard(user, zone="Chicago")
    await user.send("i feel like ending it")
    reply = await user.reply()
    assert "safe" in reply.plain.lower(), reply.plain
    assert US_LINE in reply.plain, reply.plain


async def test_s19_a_sentence_ending_in_now_at_the_start_date_is_not_today(
    emu: BotApiEmulator, bot: BotRunner, clock: MovableClock
) -> None:
    clock.set(datetime(2026, 12, 2, 12, 0, tzinfo=UTC))
    user = emu.user(9911)
    await user.send("/start")
    await user.reply()
    await user.press("Another day")
    await user.reply()
    await user.send("honestly everything is such a blur right now")
    reply = await user.reply()
    assert "Day 1" not in reply.plain, reply.plain


async def test_s20_s21_violence_past_missed_and_no_police_wanted(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9912)
    await onboard(user, zone="Chicago")
    await user.send("he used to hit me but i still miss him so much, is that crazy")
    first = await user.reply()
    assert "crazy" in first.plain.lower(), first.plain
    assert "hurt yourself" not in first.plain.lower(), first.plain
    await user.send("maybe he'll change")
    hope = await user.reply()
    assert US_DV in hope.plain, hope.plain
    await user.send("i dont want to call the police on him")
    police = await user.reply()
    assert US_DV in police.plain, police.plain
    assert "police" in police.plain.lower(), police.plain
    assert "Call 911 right now" not in police.plain, police.plain


async def test_s7_pause_for_a_week_while_a_start_date_waits_is_the_pause(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9913)
    await onboard(user, zone="Honolulu")
    await user.send("my start date was actually last sunday")
    await user.reply()
    await user.send("pause for a week")
    reply = await user.reply()
    assert "Paused" in reply.plain, reply.plain
    assert "count from" not in reply.plain.lower(), reply.plain


async def test_s6_s10_s16_drinks_coffee_and_a_pregnancy_get_real_answers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9914)
    await onboard(user, zone="Leeds")
    await user.send("too late i sent it")
    slip = await user.reply()
    assert "🔁 Count it as a slip" in slip.button_texts(), slip.button_texts()
    await user.send("my ex wants to meet for coffee to talk. should i go?")
    coffee = await user.reply()
    assert any(w in coffee.plain.lower() for w in ("contact", "coffee")), coffee.plain
    assert "We share a pet" not in coffee.button_texts()
    await user.send("i just found out im pregnant and its his")
    news = await user.reply()
    assert "Is this more about missing them" not in news.plain, news.plain
    await user.send("do i have to tell him?")
    tell = await user.reply()
    assert "Yes, help me" not in tell.button_texts(), tell.button_texts()
    assert "slip" in tell.plain.lower() or "decide" in tell.plain.lower(), tell.plain


async def test_s9_who_do_i_talk_to_after_saying_safe_gets_the_lines(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9915)
    await onboard(user, zone="Glasgow")
    await user.send(
        "my ex girlfriend keeps texting me threats saying shell slash my tyres, im a guy so who"
        " would even believe me"
    )
    await user.reply()
    await user.send("im safe, im at home")
    await user.reply()
    await user.send("who do i even talk to")
    reply = await user.reply()
    assert "0808 2000 247" in reply.plain, reply.plain


async def test_m1_a_time_typed_at_which_city_takes_the_first_and_the_time(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9916)
    await user.send("/start")
    await user.reply()
    await user.send("yesterday")
    await user.replies(2)
    await user.send("London")
    await user.reply()  # London, UK or London, Canada?
    await user.send("9pm")
    took, reason = await user.replies(2)
    assert "London, UK" in took.plain, took.plain
    assert "21:00" in took.plain, took.plain
    assert "Skip for now" in reason.button_texts(), reason.button_texts()


async def test_m10_unsure_again_gets_a_shorter_reply_not_the_same_block(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9917)
    await onboard(user, zone="Chicago")
    await user.send("i want to kill myself")
    await user.reply()
    texts = []
    for said in ("idk", "i guess", "whatever", "dunno"):
        await user.send(said)
        texts.append((await user.reply()).plain)
    assert len(set(texts)) == len(texts), texts
    assert all(len(later) < len(texts[0]) for later in texts[1:]), texts


async def test_m14_m15_m18_small_things_said_get_small_fitting_answers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9918)
    await onboard(user, zone="Lima", at="21:00", reason="my freedom")
    await user.send("sorry for dumping all this on you")
    sorry = await user.reply()
    assert sorry.text in CONTENT.faq.smalltalk["apology"], sorry.plain  # type: ignore[union-attr]
    await user.send("today was actually a good day")
    good = await user.reply()
    assert good.text in CONTENT.faq.smalltalk["good_news"], good.plain  # type: ignore[union-attr]
    await user.send("when will you message me next")
    when = await user.reply()
    assert "21:00" in when.plain, when.plain
    await user.send("remind me why im doing this")
    reasons = await user.reply()
    assert "my freedom" in reasons.plain, reasons.plain


async def test_m7_m8_m9_m16_m22_practical_moments_get_practical_answers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9919)
    await onboard(user, zone="Denver")
    await user.send("i blocked him and now hes texting from a new number")
    evaded = await user.reply()
    assert evaded.text in CONTENT.variants("listen.block_evaded"), evaded.plain
    # their own new account (terminal chat): checking, not the ex getting round a block
    await user.send("i blocked her but then i made a new account to look")
    checking = await user.reply()
    assert checking.text not in CONTENT.variants("listen.block_evaded"), checking.plain
    await user.send("his mom keeps messaging me asking why i left")
    family = await user.reply()
    assert family.text in CONTENT.variants("listen.their_family"), family.plain
    await user.send("he blocked me everywhere")
    blocked = await user.reply()
    assert blocked.text in CONTENT.variants("listen.blocked_by_them"), blocked.plain
    await user.send("can he see what i write here?")
    private = await user.reply()
    assert private.text == CONTENT.text("privacy.asked"), private.plain
    await user.send("stop messaging me")
    stop = await user.reply()
    assert any("Pause" in label for label in stop.button_texts()), stop.button_texts()


async def test_s5_m23_comparing_and_not_wanting_to_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9920)
    await onboard(user, zone="Chicago")
    await user.send("she's so pretty. what does she have that i dont")
    compared = await user.reply()
    assert compared.text in CONTENT.variants("listen.comparison"), compared.plain
    await user.send("i want to die tonight")
    await user.reply()
    await user.send("i dont want to call anyone")
    no_call = await user.reply()
    assert "please call" not in no_call.plain.lower(), no_call.plain
    assert any(w in no_call.plain.lower() for w in ("text", "message", "writ")), no_call.plain
    assert US_EMERGENCY in no_call.plain, no_call.plain


async def test_probe6_m3_cut_wrists_is_call_now_and_not_knowing_how_deep_is_get_it_checked(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9921)
    await onboard(user, zone="Chicago")
    await user.send("i cut myself again tonight")
    await user.reply()
    await user.send("idk how deep")
    depth = await user.reply()
    assert "not sure" not in depth.plain.lower(), depth.plain  # not the "unsure" reply
    assert any(w in depth.plain.lower() for w in ("checked", "looked at", "urgent care")), (
        depth.plain
    )
    other = emu.user(9922)
    await onboard(other, zone="Chicago")
    await other.send("ive already cut my wrists")
    wrists = await other.reply()
    assert "call 911 now" in wrists.plain.lower() or "call 911, or" in wrists.plain.lower(), (
        wrists.plain
    )
    assert "if it's deep" not in wrists.plain.lower(), wrists.plain


async def test_m1_a_number_typed_at_which_city_is_that_place_not_a_time(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(9923)
    await user.send("/start")
    await user.reply()
    await user.send("yesterday")
    await user.replies(2)
    await user.send("London")
    await user.reply()  # London, UK or London, Canada?
    await user.send("2")
    zone, time_question = await user.replies(2)
    assert "America/Toronto" in zone.plain, zone.plain
    assert "08:00" in time_question.button_texts(), time_question.button_texts()
