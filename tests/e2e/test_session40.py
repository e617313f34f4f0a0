"""The fortieth session, through the emulator: the danger path when the one feared is in the
home. "he's asleep now" is a quiet moment (out now if they want, or a support line to plan;
delete the chat if the phone is checked), never the steps for the days after leaving; "he's
waking up i have to go" lets them go at once, with the chat's deletion and the silent call."""

from __future__ import annotations

from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import said
from tests.e2e.test_session38 import _talk
from tests.harness import BotRunner


async def test_he_is_asleep_is_a_quiet_moment_and_waking_up_lets_them_go(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, asleep, going = await _talk(
        emu.user(40001),
        "my boyfriend controls everything, he checks my phone and he hit me last week",
        "he's asleep now",
        "he's waking up i have to go",
    )
    assert said(asleep, "sos.danger_asleep"), asleep.plain
    assert "0808 2000 247" in asleep.plain, asleep.plain  # the UK's abuse line, to plan
    assert "delete this chat" in asleep.plain.lower(), asleep.plain
    assert "Tell the people you're with" not in asleep.plain, asleep.plain
    assert said(going, "sos.danger_must_go"), going.plain
    assert "999" in going.plain, going.plain
    assert "press 55" in going.plain, going.plain  # the silent call


async def test_the_kids_asleep_is_not_the_quiet_moment(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, kids = await _talk(
        emu.user(40002),
        "he threatened to kill me tonight",
        "the kids are asleep",
    )
    assert not said(kids, "sos.danger_asleep"), kids.plain
    assert not said(kids, "sos.danger_must_go"), kids.plain


async def test_everyone_says_get_over_it_is_heard_not_answered_as_moving_on(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (heard,) = await _talk(emu.user(40003), "everyone says just get over it")
    assert said(heard, "listen.others_rush"), heard.plain
    assert not heard.plain.startswith("Yes, it can"), heard.plain


async def test_half_nine_keeps_an_evening_user_in_the_evening_with_the_morning_offered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # set up at 21:00 (the harness's default): "half 9ish" is 21:30, the morning offered
    _, set_at = await _talk(emu.user(40004), "/time", "half 9ish")
    assert said(set_at, "daily.time_changed.time"), set_at.plain
    assert "comes at 21:30" in set_at.plain or "Changed to 21:30" in set_at.plain, set_at.plain
    assert "09:30" in set_at.plain, set_at.plain  # the morning, one /time away
    # the same words outside /time ("can u message me at half 9ish", a helper's chat: "I
    # don't know that one")
    (asked,) = await _talk(emu.user(40009), "can u message me at half 9ish")
    assert "21:30" in asked.plain, asked.plain
    assert "09:30" in asked.plain, asked.plain
    _, pm = await _talk(emu.user(40005), "/time", "9pm")
    assert "21:00" in pm.plain, pm.plain
    assert "morning" not in pm.plain.lower(), pm.plain


async def test_he_is_waking_up_in_spanish_lets_them_go(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, going = await _talk(
        emu.user(40006),
        "vivo con mi novio, él me pega y tengo miedo",
        "se esta despertando",
        zone="Europe/Madrid",
    )
    assert said(going, "sos.danger_must_go"), going.plain
    assert "112" in going.plain, going.plain


async def test_beaten_at_home_in_russian_reaches_the_danger_check(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (check,) = await _talk(emu.user(40007), "он живет со мной и бьет меня", zone="Europe/Moscow")
    assert "112" in check.plain, check.plain
    assert "8-800-7000-600" in check.plain, check.plain  # the abuse line, not the crisis one


async def test_no_numbers_asked_for_stays_kept_through_small_talk_and_thanks(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, stopped, light, thanks = await _talk(
        emu.user(40008),
        "honestly i wouldnt mind if i just didnt wake up tomorrow",
        "i dont want a hotline. please dont give me a number",
        "what do you do all day lol",
        "ok. thanks",
    )
    assert said(stopped, "sos.numbers_stopped"), stopped.plain
    assert said(light, "sos.light_in_talk_asked_quiet"), light.plain
    assert said(thanks, "sos.thanks_in_talk_quiet"), thanks.plain
    for reply in (light, thanks):
        assert "999" not in reply.plain, reply.plain
        # the lines stay one tap away
        assert any("Crisis lines" in b for b in reply.button_texts()), reply.button_texts()


async def test_he_left_for_work_from_a_shared_home_is_a_window_to_plan(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, _, out = await _talk(
        emu.user(40010),
        "my boyfriend hits me and i live with him",
        "he is asleep now",
        "ok he left for work",
    )
    assert said(out, "sos.danger_gone_out"), out.plain
    assert "0808 2000 247" in out.plain, out.plain
    assert "windows" not in out.plain, out.plain


async def test_does_my_streak_reset_is_answered_honestly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, asked = await _talk(
        emu.user(40011), "i texted him. day 12 and i threw it all away", "does my streak reset"
    )
    assert said(asked, "slip.streak_reset"), asked.plain
    assert "not starting from zero" not in asked.plain, asked.plain


async def test_no_numbers_asked_in_portuguese_keeps_the_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, stopped, thanks = await _talk(
        emu.user(40012),
        "queria sumir. tipo dormir e nao acordar mais",
        "nao quero numero de telefone nenhum",
        "valeu",
        zone="America/Sao_Paulo",
    )
    assert said(stopped, "sos.numbers_stopped"), stopped.plain
    assert said(thanks, "sos.thanks_in_talk_quiet"), thanks.plain
    assert "188" not in thanks.plain, thanks.plain
