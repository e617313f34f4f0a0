"""The forty-fifth session, through the emulator (from a play-test written blind): asking in
the danger talk whether not opening the door breaks No Contact is answered as that, never with
"someone who hit you" when nobody said so; "pm" after "9" was read as the morning moves the
daily message to 21:00 and is no reason; "day 28!! almost there" at the reason is news, not a
reason; a hello that says a daughter installed the bot is told what it is; "whos actually
reading this", "how long do u keep all this stuff" and "delete everything im done" reach the
privacy answers; /progress in the middle of set-up goes back to set-up's question; a city
told with the start date, or typed alone where the date was asked, sets the time zone; a
draft deleted at the urge's first question ends the urge as ridden out; and "i dont have a
plan", said outside any talk, is asked about gently, not given the emergency reply."""

from __future__ import annotations

from bot.emulator.server import BotApiEmulator
from bot.services import tghtml
from tests.e2e.test_safety import CONTENT, said
from tests.e2e.test_session38 import _talk
from tests.e2e.test_session44 import _small_talk
from tests.harness import BotRunner, to_the_reason


async def test_asking_if_keeping_the_door_shut_breaks_no_contact_assumes_no_violence(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    door, counts = await _talk(
        emu.user(45001),
        "he was outside my door again tonight",
        "does it count as breaking nc if i open the door? i didnt but",
    )
    assert "999" in door.plain, door.plain
    assert said(counts, "sos.safety_not_a_slip"), counts.plain
    assert "hit you" not in counts.plain, counts.plain
    assert "violence" not in counts.plain, counts.plain
    # still in the danger talk: the safety buttons stay
    assert "I'm not safe" in counts.button_texts(), counts.button_texts()


async def test_no_contact_and_abuse_never_assumes_what_was_not_told(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    """Every wording of the answer to "is no contact even the right word for this" fits
    someone who was frightened as well as someone who was hurt."""
    for text in CONTENT.variants("sos.nc_and_abuse"):
        assert "hit you" not in text, text
        assert "was abuse" not in text, text


async def test_pm_after_a_morning_hour_moves_the_daily_time_and_is_no_reason(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(45002)
    morning = await to_the_reason(user, at="9")
    assert "09:00" in morning.plain, morning.plain
    assert "21:00" in morning.plain, morning.plain
    await user.send("pm")
    evening = await user.reply()
    assert "21:00" in evening.plain, evening.plain
    assert not said(evening, "onboarding.reason_saved"), evening.plain
    await user.send("day 28!! almost there")
    news = await user.reply()
    assert _small_talk(news, "good_news"), news.plain
    assert not said(news, "onboarding.reason_saved"), news.plain
    await user.send("i want my peace back")
    saved = await user.reply()
    assert said(saved, "onboarding.reason_saved"), saved.plain
    assert "21:00" in saved.plain, saved.plain  # the daily time that stands
    await user.send("/reasons")
    shown = await user.reply()
    assert "i want my peace back" in shown.plain, shown.plain
    assert "almost there" not in shown.plain, shown.plain
    assert "\npm" not in shown.plain, shown.plain


async def test_a_hello_saying_a_daughter_installed_it_is_told_what_the_bot_is(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(45003)
    await user.send(
        "Good evening. My daughter installed this for me and I am not certain how it works."
    )
    reply = await user.reply()
    assert _small_talk(reply, "about"), reply.plain


async def test_who_reads_how_long_it_is_kept_and_delete_everything_reach_privacy(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    who, how_long, delete = await _talk(
        emu.user(45004),
        "so whos actually reading this then",
        "wait how long do u keep all this stuff about me",
        "ok delete everything im done",
    )
    for reply in (who, how_long):
        assert said(reply, "privacy.asked"), reply.plain
    assert said(delete, "privacy.erase_asked"), delete.plain
    assert "/delete" in delete.plain, delete.plain


async def test_progress_in_the_middle_of_set_up_goes_back_to_its_question(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(45005)
    await user.send("/start")
    await user.reply()
    await user.send("idk like 2 weeks ago? maybe 3")
    await user.replies(2)
    await user.send("/progress")
    reply = await user.reply()
    assert said(reply, "onboarding.setup_first_progress"), reply.plain
    assert not said(reply, "progress.not_started"), reply.plain
    assert "time zone" in reply.plain.lower(), reply.plain  # the question that was waiting


async def test_a_city_told_with_the_start_date_sets_the_time_zone(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(45006)
    await user.send("/start")
    await user.reply()
    await user.send("We separated on the 3rd of March. I live in Toronto.")
    date, zone, time_question = await user.replies(3)
    assert "3 March" in date.plain, date.plain
    assert "Toronto" in zone.plain, zone.plain
    assert "daily message" in time_question.plain, time_question.plain


async def test_a_city_typed_where_the_date_was_asked_is_kept_and_the_date_asked_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(45007)
    await user.send("/start")
    await user.reply()
    await user.send("mexico city")
    place = await user.reply()
    assert said(place, "onboarding.date_got_a_place"), place.plain
    assert "Mexico" in place.plain, place.plain
    await user.send("2 weeks ago")
    date, time_question = await user.replies(2)
    assert "Day 15" in date.plain, date.plain
    assert "daily message" in time_question.plain, time_question.plain  # no zone asked


async def test_a_town_named_like_a_word_is_still_no_date_and_no_zone(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(45008)
    await user.send("/start")
    await user.reply()
    await user.send("nice")
    reply = await user.reply()
    assert not said(reply, "onboarding.date_got_a_place"), reply.plain


async def test_a_deleted_draft_at_the_urges_first_question_is_an_urge_ridden_out(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, hold_on, done = await _talk(
        emu.user(45009),
        "/urge",
        "i just wanna text her happy bday thats not a crime",
        "fine. deleted the draft. happy?",
    )
    assert "1 to 10" in hold_on.plain, hold_on.plain
    assert said(done, "urge.outcome_passed"), done.plain


async def test_no_plan_said_outside_any_talk_is_asked_about_gently(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(emu.user(45010), "i dont have a plan")
    assert not said(reply, "sos.explicit_reply"), reply.plain
    assert "safe" in reply.plain.lower(), reply.plain  # still asked, never let go
    assert "I'm not safe" in reply.button_texts(), reply.button_texts()


async def test_asking_for_another_language_is_told_english_only_kindly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(emu.user(45011), "wait can u talk to me in spanish o solo ingles?")
    assert _small_talk(reply, "languages"), reply.plain
    assert "/sos" in reply.plain, reply.plain  # help in reach whatever the language


async def test_hard_news_about_the_ex_at_the_urges_first_question_is_heard_as_that(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, news = await _talk(
        emu.user(45012), "/urge", "my ex has cancer. her sister posted it tonight"
    )
    assert said(news, "urge.strength_hard_news"), news.plain
    assert "10" in news.button_texts(), news.button_texts()  # the number is still asked


async def test_news_about_the_ex_told_at_the_reason_is_not_kept_as_one(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(45013)
    await to_the_reason(user)
    await user.send(
        "I must be honest with you. I learned today that he is living with someone else. "
        "We were married 31 years."
    )
    heard = await user.reply()
    assert not said(heard, "onboarding.reason_saved"), heard.plain
    assert any("setting you up" in b for b in heard.button_texts()), heard.button_texts()
    await user.send("/reasons")
    shown = await user.reply()
    assert "married 31 years" not in shown.plain, shown.plain


async def test_a_legal_question_beside_the_topics_is_declined_not_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(
        emu.user(45014),
        "custody hearing next week, what should i say to the judge so i get the kids more",
    )
    kids = CONTENT.faq_entries["kids"]
    assert not reply.plain.startswith(tghtml.to_plain(kids.answer[0])[:40]), reply.plain
    # declined with where such help is found (session 46)
    assert said(reply, "faq.declined_professional"), reply.plain
