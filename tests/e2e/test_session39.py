"""The thirty-ninth session, through the emulator: danger under the same roof. "he's still in
the flat", "we live together", told on the danger path, get what helps inside a shared home
(out if that is safe, a room with a lock and a silent call if not), never "know not to open the
door" and "if they show up"; a bare "yes" or "no" to "can you get out safely?" is that answer.
And the phrase table in other languages: a threat in Russian, the ex's threat in Korean, a
burden in Dutch each reach the check their kind needs."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from bot.services import tghtml
from tests.e2e.test_safety import said
from tests.e2e.test_session38 import _talk
from tests.harness import BotRunner

CONTENT = load_content()


async def test_the_one_they_fear_in_the_flat_gets_the_advice_for_inside(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    danger, inside, stays = await _talk(
        emu.user(39501),
        "he's in the next room and he has a knife, i'm scared",
        "he's still in the flat",
        "no",
    )
    assert said(danger, "sos.danger_reply"), danger.plain
    assert said(inside, "sos.danger_in_home"), inside.plain
    assert "999" in inside.plain, inside.plain
    assert "press 55" in inside.plain, inside.plain  # the UK's silent call
    assert "show up" not in inside.plain, inside.plain
    assert said(stays, "sos.in_home_stay"), stays.plain
    assert "999" in stays.plain, stays.plain


async def test_living_together_then_yes_is_go_now(emu: BotApiEmulator, bot: BotRunner) -> None:
    _, inside, leave, out = await _talk(
        emu.user(39502),
        "he threatened to kill me tonight",
        "we live together",
        "yes",
        "im at my neighbours now",
        zone="America/New_York",
    )
    assert said(inside, "sos.danger_in_home"), inside.plain
    assert "text 911" in inside.plain, inside.plain
    assert said(leave, "sos.in_home_leave"), leave.plain
    assert "911" in leave.plain, leave.plain
    assert said(out, "sos.danger_arrived"), out.plain


async def test_outside_the_flat_is_still_the_one_at_the_door(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, outside = await _talk(
        emu.user(39503), "my ex said he'd kill me if i dont answer tonight",
        "he's outside the flat now",
    )
    assert not said(outside, "sos.danger_in_home"), outside.plain
    assert "999" in outside.plain, outside.plain


async def test_a_threat_in_russian_gets_the_danger_check_with_abuse_lines(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (check,) = await _talk(
        emu.user(39504), "сказал что убьет меня если я не вернусь", zone="Europe/Berlin"
    )
    assert "112" in check.plain, check.plain
    assert "116 016" in check.plain, check.plain  # the violence line, not the suicide line
    assert "Plan for my safety" in " ".join(check.button_texts()), check.button_texts()


async def test_the_exs_threat_in_korean_is_the_ex_at_risk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (heard,) = await _talk(
        emu.user(39505), "전 남친이 자살하겠다고 문자 보냈어", zone="Asia/Seoul"
    )
    # the check written for someone else at risk (in words the rules could not read), and
    # help for them without a reply from the person
    assert said(heard, "sos.harm_check_other_risk"), heard.plain
    assert "119" in heard.plain, heard.plain


async def test_a_burden_in_dutch_is_asked_about_with_the_lines(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (check,) = await _talk(
        emu.user(39506), "ik ben een last voor iedereen", zone="Europe/Amsterdam"
    )
    assert "safe right now?" in check.plain, check.plain
    assert "113" in check.plain, check.plain
    assert "Make a safety plan" in " ".join(check.button_texts()), check.button_texts()


# A second pair of helpers' chats (session 39), on the code above.


async def test_where_they_are_in_the_house_is_not_a_country(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, home, alone = await _talk(
        emu.user(39507), "mi ex dice que me va a matar", "estoy en casa", "sola",
        zone="America/Mexico_City",
    )
    # "casa" was Chas, India (112, Women Helpline 181); "sola" a person to reach
    for reply in (home, alone):
        assert "India" not in reply.plain, reply.plain
        assert "181" not in reply.plain, reply.plain
    assert "911" in home.plain, home.plain
    assert said(alone, "sos.no_one_danger"), alone.plain
    assert "Sola" not in alone.plain, alone.plain


async def test_abuse_at_home_in_hinglish_is_danger_and_he_is_inside(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    check, inside = await _talk(
        emu.user(39508), "mera boyfriend mujhe maarta hai, hum saath rehte hai",
        "wo ghar pe hai abhi", zone="Asia/Kolkata",
    )
    assert "181" in check.plain, check.plain  # the women's helpline, not only the button
    assert said(inside, "sos.danger_in_home"), inside.plain


async def test_drunk_and_throwing_things_is_danger_and_he_can_hear(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    danger, silent = await _talk(
        emu.user(39509), "he's drunk again and throwing stuff. im in the bathroom",
        "he can hear me i cant call anyone", zone="America/New_York",
    )
    assert said(danger, "sos.danger_reply"), danger.plain
    assert "1-800-799-7233" in danger.plain, danger.plain  # the domestic violence line
    assert said(silent, "sos.cannot_speak"), silent.plain


async def test_no_in_korean_and_in_russian_is_not_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, no = await _talk(emu.user(39510), "죽고 싶어요", "아니요", zone="Asia/Seoul")
    assert "112" in no.plain, no.plain
    assert "119" in no.plain, no.plain
    assert said(no, "sos.taken_back") or said(no, "sos.unsafe_now"), no.plain
    _, ru_no = await _talk(
        emu.user(39511), "муж угрожает меня убить, мы живём вместе", "нет", zone="Europe/Moscow"
    )
    assert "8-800-7000-600" in ru_no.plain or "112" in ru_no.plain, ru_no.plain
    assert said(ru_no, "sos.danger_unsafe"), ru_no.plain


async def test_the_exs_threat_in_french_is_the_ex_at_risk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (heard,) = await _talk(
        emu.user(39512), "mon ex m'a envoyé un message, il dit qu'il va se suicider ce soir",
        zone="Europe/Paris",
    )
    # after the note in French ("pour l'instant je ne parle qu'anglais"), the reply for the ex
    # at risk, not the person's own ("put some distance between you and anything...")
    openings = [" ".join(v.split())[:40] for v in CONTENT.variants("sos.ex_at_risk")]
    body = " ".join(heard.plain.split("\n\n", 1)[1].split())
    assert any(body.startswith(tghtml.to_plain(o)) for o in openings), heard.plain


async def test_a_no_that_tells_where_he_is_is_not_not_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    *_, far = await _talk(
        emu.user(39513), "my ex just texted saying he'll kill himself if i dont unblock him",
        "what do i do", "no he lives 2 hours away", zone="Australia/Sydney",
    )
    assert "call 000 now" not in far.plain.lower(), far.plain


async def test_ok_with_him_at_the_door_is_the_call_now(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    *_, door, ok = await _talk(
        emu.user(39514), "he's drunk again and throwing stuff. im in the bathroom",
        "he's banging on the door now", "ok", zone="America/New_York",
    )
    assert said(ok, "sos.ack_danger_here"), ok.plain
    assert "the moment they" not in ok.plain, ok.plain


# The everyday chats of the second pair (session 39).


async def test_pauses_asked_in_plain_words_are_done_to_the_day_said(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # the harness's clock: Wednesday 25 November 2026
    christmas, _, weekend, _, tenth = await _talk(
        emu.user(39515), "pause till after christmas", "/resume", "no messages this weekend",
        "/resume", "stop reminders until the 10th", zone="America/Los_Angeles",
    )
    assert said(christmas, "daily.paused_days"), christmas.plain
    assert "26 December" in christmas.plain, christmas.plain
    # the weekend is not "two days from now" (Wednesday and Thursday): back on Monday
    assert "Monday 30 November" in weekend.plain, weekend.plain
    assert "10 December" in tenth.plain, tenth.plain


async def test_questions_that_named_seeing_or_telling_him_are_answered_not_urges(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    party, tell, muted, kids = await _talk(
        emu.user(39516), "what if i see her at the party on saturday",
        "should i tell him i'm doing no contact", "ok i muted him", "after the kids are asleep",
    )
    for reply in (party, tell):
        assert not said(reply, "urge.free_text_offer"), reply.plain
        assert "📚 Other questions" in reply.button_texts(), reply.button_texts()
    assert "not a slip" in party.plain, party.plain
    assert "announcement" in tell.plain, tell.plain
    assert "Block:" not in muted.plain, muted.plain  # met as a step done, not the how-to
    assert "safe right now" not in kids.plain, kids.plain  # a time of day, not a worry
