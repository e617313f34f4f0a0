"""The forty-first session, through the emulator: the danger talk in Spanish hears "no tengo a
donde ir" as nowhere to go (the places that take people in, not "lock the door") and "ya se fue
al trabajo" as the one feared gone out for hours; a "hola" typed in the talk is greeted back,
and after "i have to go" it is a welcome back."""

from __future__ import annotations

from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import CONTENT, said
from tests.e2e.test_session38 import _talk
from tests.harness import BotRunner, onboard


async def test_nowhere_to_go_and_gone_to_work_in_spanish_on_the_danger_path(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, nowhere, going, back, gone = await _talk(
        emu.user(41001),
        "vivo con mi ex todavia y anoche me empujó contra la pared",
        "no puedo irme, no tengo a donde ir",
        "tengo que irme",
        "hola",
        "ya se fue al trabajo",
        zone="Europe/Madrid",
    )
    assert said(nowhere, "sos.where_to_go_danger"), nowhere.plain
    assert "016" in nowhere.plain, nowhere.plain  # Spain's abuse line
    assert said(going, "sos.danger_must_go"), going.plain
    assert said(back, "sos.back_in_talk"), back.plain
    assert said(gone, "sos.danger_gone_out"), gone.plain
    assert "Tell the people you're with" not in gone.plain, gone.plain


async def test_hi_in_the_talk_is_greeted_not_thanked_for_telling_more(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    first, hello = await _talk(emu.user(41002), "i dont want to be alive anymore", "hi")
    assert said(hello, "sos.greeting_in_talk"), hello.plain
    assert "telling me more" not in hello.plain, hello.plain
    assert first.text != hello.text


async def test_a_bridge_asked_about_in_the_talk_is_named_and_asked(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, dose, bridge = await _talk(
        emu.user(41003),
        "i cant do this anymore",
        "how many sleeping pills is too many",
        "whats the tallest bridge near me",
        zone="America/Chicago",
    )
    assert said(bridge, "sos.height_asked"), bridge.plain
    assert "911" in bridge.plain, bridge.plain
    assert not said(bridge, "sos.listen"), bridge.plain


async def test_no_numbers_promised_is_kept_and_taking_it_back_is_not_agreed_with(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, stopped, no_calls, dismissed, fine = await _talk(
        emu.user(41004),
        "i dont see the point anymore",
        "no i dont want a hotline number. i just want to talk",
        "i wont call anyone. stop",
        "im ok. forget it. i was being dramatic",
        "i said im fine",
        zone="America/Sao_Paulo",
    )
    assert said(stopped, "sos.numbers_stopped"), stopped.plain
    assert said(no_calls, "sos.text_instead_quiet"), no_calls.plain
    for reply in (no_calls, dismissed):
        assert "188" not in reply.plain, reply.plain
        assert "192" not in reply.plain, reply.plain
    assert said(dismissed, "sos.safe_dismissed_quiet"), dismissed.plain
    assert "relief" not in dismissed.plain.lower(), dismissed.plain
    assert said(fine, "sos.safe_now"), fine.plain  # the second answer is believed


async def test_missing_him_in_the_talk_is_heard(emu: BotApiEmulator, bot: BotRunner) -> None:
    _, missing = await _talk(
        emu.user(41005), "ya no quiero vivir", "ok english. i miss him so much",
        zone="Europe/Madrid",
    )
    assert said(missing, "sos.missing_in_talk"), missing.plain
    assert "112" in missing.plain, missing.plain


async def test_everyday_requests_and_news_get_what_they_ask_for(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    no_daily, time_asked, dog, guess, news, bye = await _talk(
        emu.user(41006),
        "i dont want the daily msgs at all tbh",
        "can i change the time i get the daily message",
        "can i text her about picking up the dog on saturday",
        "guess what",
        "day 14 today and i didnt even think about him this morning!!",
        "ok bye, going out with friends",
    )
    assert said(no_daily, "daily.stop_asked"), no_daily.plain
    assert "safe" not in no_daily.plain.lower(), no_daily.plain
    assert said(time_asked, "listen.how_to_settings"), time_asked.plain
    # the logistics answer, their words named back (its texts take them: "A text only about
    # picking up the dog..."), not the urge offer
    assert "only about picking up the dog" in dog.plain, dog.plain
    assert "urge" not in dog.plain.lower(), dog.plain
    assert said(guess, "listen.guess_what"), guess.plain
    smalltalk = CONTENT.faq.smalltalk  # type: ignore[union-attr]
    assert news.text in smalltalk["good_news"], news.plain
    assert bye.text in smalltalk["bye"], bye.plain


async def test_the_door_steps_the_fear_of_worse_and_the_list_given_once(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    first, scared, what_now, worse = await _talk(
        emu.user(41007),
        "my ex is outside my door right now and wont leave",
        "im scared",
        "what do i do",
        "i cant call the police he'll get worse",
    )
    assert "Samaritans" in first.plain, first.plain  # the whole list, once
    assert said(scared, "sos.danger_unsafe_again"), scared.plain
    assert "Samaritans" not in scared.plain, scared.plain
    assert "999" in scared.plain, scared.plain
    assert "0808 2000 247" in scared.plain, scared.plain  # the abuse line kept
    assert said(what_now, "sos.what_now_door"), what_now.plain
    assert "café" not in what_now.plain, what_now.plain
    assert said(worse, "sos.no_police_worse"), worse.plain


async def test_a_deleted_draft_in_the_tape_is_the_urge_let_go(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(41008)
    await onboard(user, zone="Europe/London")
    await user.send("/urge")
    await user.reply()
    await user.send("8")
    await user.reply()
    await user.press("It's late at night")
    await user.reply()
    await user.press("🎞 Play the tape forward")
    await user.reply()
    await user.send("i deleted the draft")
    let_go = await user.reply()
    assert said(let_go, "urge.draft_deleted"), let_go.plain
    assert "Next question" not in let_go.button_texts(), let_go.button_texts()


async def test_the_ex_s_death_gets_grief_and_missing_him_is_no_reason(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (died,) = await _talk(
        emu.user(41009), "my ex died on saturday. overdose. we were 20 days into no contact"
    )
    assert said(died, "listen.bereaved"), died.plain
    assert "call the emergency number" not in died.plain, died.plain
    user = emu.user(41010)
    await onboard(user, zone="Europe/London")
    await user.send("/reasons")
    await user.reply()
    await user.press("Add a reason")
    await user.reply()
    await user.send("i miss him")
    heard = await user.reply()
    assert said(heard, "reasons.longing"), heard.plain
    await user.send("/reasons")
    listed = await user.reply()
    assert "i miss him" not in listed.plain, listed.plain


async def test_no_english_said_is_answered_kindly_and_not_twice_the_same(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    first, second = await _talk(
        emu.user(41011), "no hablo bien ingles, sorry", "por favor en español",
        zone="Europe/Madrid",
    )
    assert said(first, "language.little_english.es"), first.plain
    assert said(second, "language.little_english.es"), second.plain
    assert first.text != second.text
    assert "🚨" in first.plain, first.plain
