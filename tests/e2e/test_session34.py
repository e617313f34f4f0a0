"""The thirty-fourth session, through the emulator: in a safety talk, a young person afraid
that their mum finds out is told the line is confidential (not the way to a hospital), and
"whatever" is heard as tiredness, not as "not knowing"; the ex at the gate in Nigerian Pidgin,
being followed in Tagalog and a death threat reported in Spanish open the talk about danger
from someone, with the abuse lines, not the suicide line alone."""

from __future__ import annotations

import re

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import DANGER_PLAN, PLAN, SAFE_YES, said
from tests.harness import BotRunner, onboard, to_the_reason

CONTENT = load_content()


async def test_a_young_person_afraid_their_mum_finds_out_is_told_the_line_is_confidential(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat, aged 15: "my mum would kill me if she found out i was talking about
    # this" got "You don't need an ambulance to be seen", then "call 999 now".
    user = emu.user(34001)
    await onboard(user, zone="Europe/London")
    await user.send("im 15 btw")
    await user.reply()
    await user.send("i just want to disappear. like not be here")
    await user.reply()
    await user.send("my mum would kill me if she found out i was talking about this")
    reply = await user.reply()
    assert said(reply, "sos.kept_from_them"), reply.plain
    assert "Childline" in reply.plain, reply.plain  # the line for young people, named
    assert not said(reply, "sos.objection"), reply.plain
    await user.send("i cant tell a teacher either")
    again = await user.reply()
    assert said(again, "sos.kept_from_them"), again.plain
    assert again.plain != reply.plain  # another wording, never the same text twice in a row


async def test_whatever_to_are_you_safe_is_heard_as_tiredness_with_the_number(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat: "whatever" got "Not knowing is a real answer" and the lines again.
    user = emu.user(34002)
    await onboard(user, zone="America/Phoenix")
    await user.send("i dont see the point of anything anymore")
    await user.reply()
    await user.send("whatever")
    reply = await user.reply()
    assert said(reply, "sos.resigned"), reply.plain
    assert "911" in reply.plain, reply.plain
    assert "988" in reply.plain, reply.plain
    await user.send("who cares lol")
    again = await user.reply()
    assert said(again, "sos.resigned"), again.plain
    assert again.plain != reply.plain
    await user.send("idk")  # not knowing is still answered as such
    unsure = await user.reply()
    assert said(unsure, "sos.unsure") or said(unsure, "sos.unsure_again"), unsure.plain


async def test_the_ex_at_the_gate_in_pidgin_opens_the_danger_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat (Lagos): "my ex dey for my gate now dey shout" got "I may not follow
    # every part", "he say make i open or e go show me" a topic menu.
    user = emu.user(34003)
    await onboard(user, zone="Africa/Lagos")
    await user.send("my ex dey for my gate now dey shout")
    reply = await user.reply()
    assert "112" in reply.plain, reply.plain
    buttons = reply.button_texts()
    assert DANGER_PLAN in buttons, buttons
    assert PLAN not in buttons, buttons
    await user.send("he say make i open or e go show me")
    more = await user.reply()
    assert DANGER_PLAN in more.button_texts() or "112" in more.plain, more.plain
    topics = {t.title for t in CONTENT.faq_topics.values()}
    assert not topics & set(more.button_texts()), more.button_texts()


async def test_being_followed_said_in_tagalog_gets_the_danger_path_not_the_suicide_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat (Manila): "parang sinusundan ako ng ex ko" got "If you might hurt
    # yourself" and the self-harm buttons.
    user = emu.user(34004)
    await onboard(user, zone="Asia/Manila")
    await user.send("parang sinusundan ako ng ex ko")
    reply = await user.reply()
    buttons = reply.button_texts()
    assert DANGER_PLAN in buttons, buttons
    assert PLAN not in buttons, buttons
    assert "hurt yourself" not in reply.plain, reply.plain


async def test_a_death_threat_reported_in_spanish_gets_the_abuse_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-33 chat (Mexico City): "mi ex me dijo que si me ve con otro me mata" got the
    # suicide line and "Make a safety plan" for self-harm.
    user = emu.user(34005)
    await onboard(user, zone="America/Mexico_City")
    await user.send("mi ex me dijo que si me ve con otro me mata")
    reply = await user.reply()
    buttons = reply.button_texts()
    assert DANGER_PLAN in buttons, buttons
    assert PLAN not in buttons, buttons
    assert "911" in reply.plain, reply.plain


async def test_i_dont_want_to_die_gets_the_gentle_check_not_call_911_now(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "i dont want to die, i just want this to stop hurting" got "Call 911
    # now"; then "does the like from 2019 count as a slip" got "I'll stay while you call".
    user = emu.user(34006)
    await onboard(user, zone="America/New_York")
    await user.send("i dont want to die, i just want this to stop hurting")
    reply = await user.reply()
    assert "Call 911 now" not in reply.plain, reply.plain
    assert SAFE_YES in reply.button_texts(), reply.button_texts()  # asked, gently
    # said alongside a wound, the wound still counts
    other = emu.user(34007)
    await onboard(other, zone="America/New_York")
    await other.send("i dont want to die, i just need the pain to go somewhere. i cut again")
    wound = await other.reply()
    assert "911" in wound.plain, wound.plain


async def test_driving_into_the_next_truck_gets_the_number_at_once(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat (Australia): "thinking about just driving into the next truck" got a
    # topic menu; none of six replies had 000 or Lifeline.
    user = emu.user(34008)
    await onboard(user, zone="Australia/Sydney")
    await user.send("thinking about just driving into the next truck")
    reply = await user.reply()
    assert "000" in reply.plain, reply.plain
    assert "Lifeline" in reply.plain, reply.plain


async def test_maybe_in_german_is_not_sure_never_a_name_to_call(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "vielleicht" to "are you safe?" got "Call Vielleicht"; "no sé" got
    # "please call 911 now".
    user = emu.user(34009)
    await onboard(user, zone="Europe/Berlin")
    await user.send("i just dont want to wake up tomorrow")
    await user.reply()
    await user.send("vielleicht")
    reply = await user.reply()
    assert "Vielleicht" not in reply.plain, reply.plain
    assert said(reply, "sos.unsure") or said(reply, "sos.unsure_again"), reply.plain


async def test_the_friend_arriving_after_stay_with_me_is_welcomed_not_locked_out(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "can you stay with me till she gets here" came between "my friend
    # jess is on her way" and "she's here now", which got "lock the door" and the DV hotline.
    user = emu.user(34010)
    await onboard(user, zone="America/Los_Angeles")
    await user.send("i don't want to be alive anymore")
    await user.reply()
    await user.send("i'm not safe")
    await user.reply()
    await user.send("my friend jess is on her way, she'll be here in 15 min")
    await user.reply()
    await user.send("can you stay with me till she gets here")
    await user.reply()
    await user.send("she's here now")
    here = await user.reply()
    assert said(here, "sos.helper_here"), here.plain
    assert "lock" not in here.plain.lower()
    assert DANGER_PLAN not in here.button_texts()


async def test_sos_tried_out_is_explained_not_met_with_a_made_up_worry(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: /sos, then "i'm ok i just wanted to see what that does" got "a little
    # while ago you told me something that worried me".
    user = emu.user(34011)
    await onboard(user, zone="Europe/London")
    await user.send("/sos")
    await user.reply()
    await user.send("i'm ok i just wanted to see what that does")
    reply = await user.reply()
    assert said(reply, "sos.just_testing"), reply.plain
    assert "worried me" not in reply.plain


async def test_a_message_typed_out_at_nine_of_ten_is_told_not_to_send_it(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: in /urge at 9, "i have the message typed out already" got "feelings
    # come in waves" and "They want to stay friends" as the first button.
    user = emu.user(34012)
    await onboard(user, zone="Europe/London")
    await user.send("/urge")
    await user.reply()
    await user.press("9")
    await user.reply()
    await user.send("i have the message typed out already")
    reply = await user.reply()
    assert said(reply, "urge.drafted"), reply.plain
    stay_friends = CONTENT.faq_entries["friends-now"].title
    assert stay_friends not in reply.button_texts(), reply.button_texts()


async def test_after_day_30_is_a_question_and_going_to_bed_is_not_a_yes(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "so after day 30 can i text her" got the urge offer; "ok. im gonna go
    # to bed" then started the urge flow ("how strong, 1 to 10?").
    user = emu.user(34013)
    await onboard(user, zone="Europe/London")
    await user.send("so after day 30 can i text her")
    reply = await user.reply()
    after = CONTENT.faq_entries["nc-ends"].title
    assert after in reply.button_texts(), reply.button_texts()
    await user.send("can i text him tonight")
    offer = await user.reply()
    assert CONTENT.label("urge.free_text_labels.accept") in offer.button_texts()
    await user.send("ok. im gonna go to bed")
    night = await user.reply()
    assert "1 to 10" not in night.plain, night.plain
    assert not night.button_texts() or "10" not in night.button_texts()


async def test_a_start_date_corrected_at_the_reason_question_changes_the_date(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "wait actually i messed up, it wasnt today. i stopped texting him on
    # the 1st" at the reason question was saved as the reason, the date kept.
    user = emu.user(34014)
    await to_the_reason(user, zone="Europe/Dublin", at="09:00")
    await user.send("wait actually i messed up, it wasnt today. i stopped texting him on the 1st")
    said_back = await user.reply()
    assert re.search(r"\b1 (?:November|December)\b", said_back.plain), said_back.plain  # the 1st
    assert "Saved" not in said_back.plain


async def test_harassment_told_in_the_danger_talk_is_not_met_with_call_911_now(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat (Manila): "he made fake accounts to message my friends" and "i'm
    # scared but i don't want to make a big deal" each got "Call 911 now".
    user = emu.user(34015)
    await onboard(user, zone="Asia/Manila")
    await user.send("my ex keeps following me, i see his motor outside my office every day")
    await user.reply()
    for text in ("he made fake accounts to message my friends",
                 "i'm scared but i don't want to make a big deal"):
        await user.send(text)
        reply = await user.reply()
        assert said(reply, "sos.danger_not_now"), reply.plain
        assert "Call 911 now" not in reply.plain
        assert DANGER_PLAN in reply.button_texts() or "911" in reply.plain, reply.plain


async def test_their_birthday_is_wished_happy_first(emu: BotApiEmulator, bot: BotRunner) -> None:
    # A session-34 chat: "it's my birthday today btw" got "That makes sense, given everything"
    # and the occasions topic.
    user = emu.user(34016)
    await onboard(user, zone="Europe/London")
    await user.send("its my birthday today btw")
    reply = await user.reply()
    assert said(reply, "listen.birthday"), reply.plain
    assert "Happy birthday" in reply.plain


async def test_only_wifi_gets_the_free_call_and_chat_not_call_or_ask_someone(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat, aged 15: "i dont have a phone plan just wifi" got "911, or anyone
    # nearby who can call for you".
    user = emu.user(34017)
    await onboard(user, zone="America/Chicago")
    await user.send("i want to kill myself")
    await user.reply()
    await user.send("i dont have a phone plan just wifi")
    reply = await user.reply()
    assert said(reply, "sos.no_credit"), reply.plain


async def test_a_call_that_did_not_help_is_heard_and_they_are_asked_how_they_are(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "they were nice but it didn't really help", after calling Samaritans,
    # got "please call 999 now" and the full list.
    user = emu.user(34018)
    await onboard(user, zone="Europe/London")
    await user.send("i want to kill myself")
    await user.reply()
    await user.send("i already called samaritans an hour ago")
    await user.reply()
    await user.send("they were nice but it didn't really help")
    reply = await user.reply()
    assert said(reply, "sos.call_not_enough"), reply.plain
    assert "please call" not in reply.plain.lower()


async def test_asked_to_say_it_gets_better_the_talk_says_so(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "can you just tell me it gets better" in the talk got the FAQ's "there's
    # no fixed date".
    user = emu.user(34019)
    await onboard(user, zone="America/Chicago")
    await user.send("i just dont want to wake up tomorrow")
    await user.reply()
    await user.send("can you just tell me it gets better")
    reply = await user.reply()
    assert said(reply, "sos.hope"), reply.plain
    topics = {t.title for t in CONTENT.faq_topics.values()}
    assert not topics & set(reply.button_texts()), reply.button_texts()


async def test_a_sore_throat_after_being_choked_gets_a_doctor_not_the_self_harm_check(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat (Australia): "i didn't pass out i don't think. my throat hurts", a
    # minute after "i'm ok now, i'm at my sister's", got "If you might hurt yourself".
    user = emu.user(34020)
    await onboard(user, zone="Australia/Sydney")
    await user.send("last night my ex choked me when i went to get my stuff")
    await user.reply()
    await user.send("i'm ok now, i'm at my sister's")
    await user.reply()
    await user.send("i didn't pass out i don't think. my throat hurts")
    reply = await user.reply()
    assert said(reply, "sos.choke_signs"), reply.plain
    assert "000" in reply.plain
    assert "hurt yourself" not in reply.plain


async def test_at_time_mornings_are_better_sets_the_morning(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: at /time, "actually mornings are better, like after chai" got "That's
    # a lot to carry"; at /timezone, "actually i moved back to london last week" got "I hear
    # you".
    user = emu.user(34021)
    await onboard(user, zone="Asia/Kolkata")
    await user.send("/time")
    await user.reply()
    await user.send("actually mornings are better, like after chai")
    changed = await user.reply()
    assert "08:00" in changed.plain, changed.plain
    await user.send("/timezone")
    await user.reply()
    await user.send("actually i moved back to london last week")
    pick = await user.reply()
    assert "London, UK" in pick.button_texts(), pick.plain


async def test_ugh_at_the_time_question_is_not_met_with_the_same_line_each_time(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-34 chat: "ugh" three times at the time question got the same "I couldn't read
    # 'ugh' as a time" three times.
    user = emu.user(34022)
    await user.send("/start")
    await user.reply()
    await user.send("today")
    await user.replies(2)
    await user.send("Europe/London")
    await user.replies(2)
    seen = []
    for _ in range(3):
        await user.send("ugh")
        seen.append((await user.reply()).plain)
    assert seen[0] != seen[1], seen
    assert seen[1] != seen[2], seen


async def test_define_safe_is_explained_and_a_typed_im_safe_is_not_an_faq_answer(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session-34 chats: "define safe" got "Are you safe right now?" again, unexplained; "I'm
    # safe right now" typed with no talk open got the answer about being afraid of the ex.
    user = emu.user(34023)
    await onboard(user, zone="America/Chicago")
    await user.send("i keep thinking about not waking up")
    await user.reply()
    await user.send("define safe")
    explained = await user.reply()
    assert said(explained, "sos.check_explained"), explained.plain
    other = emu.user(34024)
    await onboard(other, zone="Europe/London")
    await other.send("I'm safe right now")
    typed = await other.reply()
    assert said(typed, "listen.safe_said"), typed.plain
    assert "No Contact is not a safety plan" not in typed.plain


async def test_if_he_finds_me_in_the_danger_talk_is_never_a_secret_kept_from_family(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found on re-reading session 34's change: "if he finds me i dont know what he will do"
    # in the danger talk got "That's yours to decide, and you can keep it private".
    user = emu.user(34025)
    await onboard(user, zone="Europe/London")
    await user.send("my ex keeps following me home from work")
    await user.reply()
    await user.send("if he finds me i dont know what he will do")
    reply = await user.reply()
    assert not said(reply, "sos.kept_from_them"), reply.plain
