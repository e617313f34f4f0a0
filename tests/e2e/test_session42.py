"""The forty-second session, through the emulator: news that something awful happened to the
ex (in hospital, a death in the family) is answered, not refused; "tired" said alone is heard
with one gentle question, not the topic menu; "remind me why i started this" opens the
person's reasons; Japanese and Ukrainian are told the bot speaks English in their own
language (Ukrainian was told in Russian)."""

from __future__ import annotations

from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import CONTENT, said
from tests.e2e.test_session38 import _talk
from tests.harness import BotRunner

_HARD_NEWS = "Something awful happened to them"


async def test_the_ex_in_hospital_is_answered_not_refused(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(emu.user(42001), "my ex is in icu after a car crash, should i visit")
    offered = _HARD_NEWS in reply.button_texts()
    answered = any(
        " ".join(reply.plain.split()).startswith(" ".join(v.split())[:40])
        for v in CONTENT.faq_entries["hard_news"].answer
    )
    assert offered or answered, (reply.plain, reply.button_texts())
    assert "I don't know that one" not in reply.plain, reply.plain
    assert "outside what I know" not in reply.plain, reply.plain


async def test_tired_alone_gets_a_question_back_not_the_topic_menu(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    tired, im_tired = await _talk(emu.user(42002), "tired", "im tired")
    for reply in (tired, im_tired):
        assert said(reply, "listen.low_mood"), reply.plain
        assert "🧭 No Contact basics" not in reply.button_texts(), reply.button_texts()
        assert "🚨 I'm not safe right now" in reply.button_texts(), reply.button_texts()
    assert tired.plain != im_tired.plain  # never the same words twice in a row


async def test_remind_me_why_i_started_opens_the_reasons(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(emu.user(42003), "can you remind me why i started this")
    assert said(reply, "reasons.list_empty"), reply.plain
    assert "Add a reason" in reply.button_texts(), reply.button_texts()


async def test_japanese_and_ukrainian_are_told_in_their_own_language(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (japanese,) = await _talk(emu.user(42004), "元彼に連絡したくてたまらない、どうしよう")
    # the wish to contact him heard first, then the notice
    assert CONTENT.variants("language.english_only.ja")[0][:12] in japanese.plain, (
        japanese.plain
    )
    assert "🚨 I'm not safe right now" in japanese.button_texts(), japanese.button_texts()
    (ukrainian,) = await _talk(emu.user(42005), "Чи повернеться він, якщо я мовчатиму?")
    assert ukrainian.plain.startswith(CONTENT.variants("language.english_only.uk")[0][:12]), (
        ukrainian.plain
    )
    assert "по-английски" not in ukrainian.plain, ukrainian.plain  # not told in Russian


# -- from the session's play-test (fourteen users, written by a helper) -------------------


async def test_two_weeks_ago_not_today_offers_the_date_two_weeks_back(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # the clock stands at Wednesday 25 November: two weeks back is Wednesday 11 November
    (reply,) = await _talk(emu.user(42010), "i started no contact 2 weeks ago btw, not today")
    assert said(reply, "startdate.confirm"), reply.plain
    assert "11 November" in reply.plain, reply.plain
    assert "Day 15" in reply.plain, reply.plain


async def test_goodnight_at_the_urge_number_lets_them_go(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(42011)
    strength, night = await _talk(user, "/urge", "ok thanks. night")
    assert "1" in strength.button_texts(), strength.button_texts()
    assert said(night, "urge.goodnight"), night.plain
    await user.send("7")  # the check was closed: a number now is no answer to it
    after = await user.reply()
    assert not said(after, "urge.goodnight"), after.plain
    assert "What set it off" not in after.plain, after.plain


async def test_bye_at_the_urge_number_in_the_day_is_no_goodnight(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, bye = await _talk(emu.user(42012), "/urge", "ok bye for now")
    assert said(bye, "urge.bye_mid"), bye.plain


async def test_hinglish_wish_to_message_him_gets_the_urge_reply_not_the_notice(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(
        emu.user(42013), "bro usko message karne ka mann kar raha hai abhi, 2 baje hai",
        zone="Asia/Kolkata",
    )
    assert not said(reply, "language.english_only.hi_latn"), reply.plain
    assert "Yes, help me" in reply.button_texts(), (reply.plain, reply.button_texts())


async def test_a_slip_told_in_tagalog_is_heard_then_the_notice(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(
        emu.user(42014), "nag chat ako sa kanya kagabi hehe sorry", zone="Asia/Manila"
    )
    heard = CONTENT.variants("language.heard.tl.slipped")[0]
    assert reply.plain.startswith(heard[:30]), reply.plain
    assert "/slip" in reply.plain, reply.plain


async def test_their_own_illness_is_heard_as_theirs(emu: BotApiEmulator, bot: BotRunner) -> None:
    (reply,) = await _talk(emu.user(42015), "i have cancer and my ex doesnt know")
    assert said(reply, "listen.own_illness"), reply.plain
    assert "happened to them" not in reply.plain, reply.plain


async def test_an_answer_never_offers_its_own_next_question_twice(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(emu.user(42016), "how do i stop thinking about her")
    labels = [b.split(": ", 1)[-1].lstrip("➡️ ").strip() for b in reply.button_texts()]
    assert len(labels) == len(set(labels)), reply.button_texts()


async def test_remind_me_at_seven_in_the_morning_changes_the_time(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(emu.user(42017), "can you remind me at 7 in the morning instead")
    assert "07:00" in reply.plain, reply.plain


async def test_moved_to_chicago_with_the_times_wrong_changes_the_zone(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (moved,) = await _talk(
        emu.user(42018), "i moved to chicago last week so my times all wrong now"
    )
    assert "America/Chicago" in moved.plain, moved.plain
    assert "couldn't find" not in moved.plain, moved.plain


async def test_a_friends_verdict_on_no_contact_is_answered_as_theirs(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(
        emu.user(42019), "my best friend says NC is childish and i should just be friends with him"
    )
    assert said(reply, "listen.others_doubt"), reply.plain
    assert "Isn't No Contact manipulative?" in reply.button_texts(), reply.button_texts()


async def test_drafts_written_and_not_sent_are_good_news(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(emu.user(42020), "i didnt text him. but i drafted like 4 msgs lol")
    smalltalk = CONTENT.faq.smalltalk  # type: ignore[union-attr]
    assert reply.text in smalltalk["good_news"], reply.plain


async def test_are_you_chatgpt_and_do_you_remember_is_about_the_bot(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(
        emu.user(42021), "are you chatgpt? do you remember what i told you yesterday"
    )
    smalltalk = CONTENT.faq.smalltalk  # type: ignore[union-attr]
    assert reply.text in smalltalk["about"], reply.plain


async def test_mums_advice_in_hinglish_is_not_asked_are_you_safe(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(
        emu.user(42022), "mummy bolti hai usse baat kar le, sab theek ho jayega",
        zone="Asia/Kolkata",
    )
    assert "safe" not in reply.plain.lower(), reply.plain


async def test_a_short_wish_to_contact_him_in_japanese_is_heard_with_urge(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(emu.user(42023), "彼に連絡したいです", zone="Asia/Tokyo")
    heard = CONTENT.variants("language.heard.ja.urge")[0]
    assert reply.plain.startswith(heard[:20]), reply.plain
    assert "/urge" in reply.plain, reply.plain


async def test_the_new_partner_in_touch_is_no_reply_owed(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (reply,) = await _talk(
        emu.user(42024),
        'his new gf messaged me on fb saying "no hard feelings hope we can be friends" wtf',
    )
    assert said(reply, "listen.new_partner_contact"), reply.plain


async def test_what_do_i_even_do_with_that_after_their_text_is_the_answers_next_step(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, after = await _talk(
        emu.user(42025), 'he just texted me at 1am "hey stranger"', "what do i even do with that"
    )
    assert said(after, "listen.what_now_after"), after.plain
