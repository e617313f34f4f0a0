"""The thirty-eighth session, through the emulator: the list the last session's note left, and
two helpers' chats. "fuck off with the hotline shit" is heard as "no more numbers"; danger from
a flatmate never hears "No Contact is not a safety plan"; "i dont want to climb down yet" on a
roof is met with "step back from the edge"; "i'll leave his stuff with the doorman" is a
handover, not an urge; "a pic of the kids saying they miss you" is the children's words, not
his "I miss you"; "since august" at set-up is a date, said back."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator
from bot.services import tghtml
from tests.e2e.test_safety import said
from tests.harness import BotRunner, onboard

CONTENT = load_content()


async def _talk(user: SimUser, *messages: str, zone: str = "Europe/London") -> list[BotMessage]:
    """Set up in `zone`, then each message in turn: the first reply to each."""
    await onboard(user, zone=zone)
    replies = []
    for message in messages:
        await user.send(message)
        replies.append(await user.reply())
    return replies


async def test_swearing_at_the_hotline_is_heard_as_no_more_numbers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    first, heard = await _talk(
        emu.user(38001), "i want to kill myself", "fuck off with the hotline shit"
    )
    assert "999" in first.plain, first.plain
    assert said(heard, "sos.numbers_stopped"), heard.plain
    assert "999" not in heard.plain, heard.plain
    assert "116 123" not in heard.plain, heard.plain
    # the lines stay one tap away
    assert any("Crisis lines" in b for b in heard.button_texts()), heard.button_texts()


async def test_danger_from_a_flatmate_is_not_told_about_no_contact(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (danger,) = await _talk(emu.user(38101), "my flatmate has a knife and hes screaming at me")
    assert said(danger, "sos.danger_reply_not_ex"), danger.plain
    assert "No Contact" not in danger.plain, danger.plain
    assert "999" in danger.plain, danger.plain
    assert "0808 2000 247" in danger.plain, danger.plain
    # ...and danger from the ex still is
    (from_ex,) = await _talk(emu.user(38102), "my ex said he'd kill me if i dont answer tonight")
    assert said(from_ex, "sos.danger_reply"), from_ex.plain


async def test_staying_on_the_roof_is_met_with_step_back(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    asked, stays, still = await _talk(
        emu.user(38201),
        "im on the roof of my building",
        "i dont want to climb down yet",
        "i like it up here its quiet",
    )
    assert said(asked, "sos.harm_check"), asked.plain
    assert said(stays, "sos.height_now"), stays.plain
    assert said(still, "sos.height_now"), still.plain
    assert stays.plain != still.plain  # never the same words twice in a row
    assert "999" in stays.plain


async def test_a_handover_and_the_childrens_words_are_read_as_such(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    handover, kids = await _talk(
        emu.user(38301),
        "i'll leave his stuff with the doorman",
        "he texted a pic of the kids saying they miss you",
    )
    assert not said(handover, "urge.free_text_offer"), handover.plain
    assert any("things back" in b for b in handover.button_texts()), handover.button_texts()
    assert said(kids, "listen.ex_message_kids"), kids.plain
    assert not said(kids, "listen.ex_message_miss"), kids.plain
    # his own "i miss you" is still his
    (his,) = await _talk(emu.user(38302), "he texted me 'i miss you' at 3am")
    assert said(his, "listen.ex_message_miss"), his.plain


async def test_a_month_alone_at_set_up_is_a_date_said_back(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(38401)
    await user.send("/start")
    await user.reply()
    await user.send("since august")
    echo, zone = await user.replies(2)
    assert "1 August" in echo.plain, echo.plain
    assert "Day 117" in echo.plain, echo.plain
    assert any("Change" in b for b in echo.button_texts()), echo.button_texts()
    assert "time zone" in zone.plain, zone.plain


# ----------------------------------------------------------------- helpers' chats, session 38


async def test_a_dose_asked_then_owned_then_looked_up_is_never_let_go(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "fine. i'll just google it" got "I'm glad you're safe right now".
    asked, owned, elsewhere = await _talk(
        emu.user(38501),
        "how many paracetamol is too many? asking for reasons",
        "not for anyone else",
        "fine. i'll just google it",
    )
    assert said(asked, "sos.dose_question"), asked.plain
    assert said(owned, "sos.unsafe_now"), owned.plain
    assert said(elsewhere, "sos.look_it_up"), elsewhere.plain
    assert not said(elsewhere, "sos.safe_now"), elsewhere.plain
    assert "999" in elsewhere.plain, elsewhere.plain


async def test_a_call_nobody_answered_is_not_praised(emu: BotApiEmulator, bot: BotRunner) -> None:
    _, unanswered = await _talk(
        emu.user(38502), "i want to kill myself tonight", "i called 988 and nobody picked up",
        zone="America/New_York",
    )
    assert said(unanswered, "sos.unreachable"), unanswered.plain
    assert not said(unanswered, "sos.reached_help"), unanswered.plain


async def test_a_no_that_promises_is_believed(emu: BotApiEmulator, bot: BotRunner) -> None:
    # "no i wont do anything. i just feel sick" got "Please don't wait: call 999 or 112 now".
    _, heard = await _talk(
        emu.user(38503), "i just want to die honestly", "no i wont do anything. i just feel sick"
    )
    assert said(heard, "sos.promised_heavy"), heard.plain
    assert "999" not in heard.plain, heard.plain


async def test_walking_home_from_the_bridge_is_met_as_that(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, home = await _talk(
        emu.user(38504), "im on the bridge near my house", "ok im walking home now"
    )
    assert said(home, "sos.heading_home"), home.plain


async def test_the_ex_at_risk_doubted_and_going_back_for_him(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, doubted, back = await _talk(
        emu.user(38505),
        "he says he'll kill himself if i dont answer him tonight",
        "i dont know, he's said it before. twice",
        "maybe i should just go back to him for a while until he's better",
    )
    assert said(doubted, "sos.ex_doubted"), doubted.plain
    assert not said(doubted, "sos.unsure"), doubted.plain
    assert said(back, "sos.ex_go_back"), back.plain


async def test_someone_they_cannot_turn_to_is_not_pushed_on_them(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, parents = await _talk(
        emu.user(38506), "i want to die", "my parents dont know about him. i cant tell them"
    )
    assert said(parents, "sos.not_them"), parents.plain
    assert not said(parents, "sos.reach_person"), parents.plain


async def test_shaking_after_the_door_is_the_body_not_a_line_that_rang_out(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    _, _, shaking = await _talk(
        emu.user(38507),
        "my ex is at the front door drunk demanding to see the kids. they're asleep",
        "i called 999 they're coming",
        "he's gone quiet. kids still asleep. i'm shaking",
    )
    assert said(shaking, "sos.danger_shaken_waiting"), shaking.plain
    assert not said(shaking, "sos.unreachable"), shaking.plain


async def test_no_answer_after_a_slip_is_not_a_crisis(emu: BotApiEmulator, bot: BotRunner) -> None:
    # "like 20 min ago. he hasnt answered" after "i texted him" got "are you safe right now?"
    _, later = await _talk(
        emu.user(38508), "i texted him", "like 20 min ago. he hasnt answered",
        zone="America/New_York",
    )
    assert "988" not in later.plain, later.plain
    assert not said(later, "sos.harm_check"), later.plain


async def test_everyday_questions_and_statements_from_a_helpers_chat(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    keys, free, stored, pizza, counts = await _talk(
        emu.user(38509),
        "i replied ok about the keys",
        "is this free",
        "do you store my messages",
        "🍕",
        "i had to text her about returning her stuff. does that reset my count?",
    )
    assert said(keys, "listen.logistics_reply_ok"), keys.plain
    assert free.text in CONTENT.faq.smalltalk["cost"], free.plain
    assert "not kept" in stored.plain, stored.plain
    assert said(pizza, "listen.emoji_unclear"), pizza.plain
    assert counts.text == "\n\n".join(CONTENT.faq_entries["what-counts"].answer), counts.plain


async def test_a_pause_length_tapped_after_a_detour_is_kept(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "why would i pause" typed, then "For a week" got "out of date" and the
    # pause stayed open-ended.
    user = emu.user(38601)
    await onboard(user, zone="Europe/Berlin")
    await user.send("/pause")
    asked = await user.reply()
    await user.send("why would i pause")
    await user.reply()
    await user.press("For a week", message=asked)
    paused = await user.reply()
    assert said(paused, "daily.paused_days"), paused.plain
    assert "7 days" in paused.plain, paused.plain
    # ...and after /resume, the old button changes nothing
    await user.send("/resume")
    await user.reply()
    await user.press("For two weeks", message=asked)
    await user.send("/status")
    status = await user.reply()
    assert "paused" not in status.plain.lower(), status.plain


async def test_reasons_typed_and_not_yet_added_are_offered_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(38602)
    await onboard(user, zone="Europe/Berlin")
    await user.send("/reasons")
    await user.reply()
    await user.send("he never showed up when it mattered")
    await user.reply()
    await user.send("and he lied about the trip to porto")
    await user.reply()
    await user.send("/reasons")
    _, again = await user.replies(2)
    assert "he never showed up when it mattered" in again.plain, again.plain
    assert "he lied about the trip to porto" in again.plain, again.plain
    await user.press("✅ Add them", message=again)
    await user.reply()
    await user.send("/reasons")
    listed = await user.reply()
    assert "he never showed up when it mattered" in listed.plain, listed.plain


async def test_im_doing_it_in_the_urge_flow_is_the_moment_of_sending(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(38603)
    await onboard(user, zone="Europe/Berlin")
    await user.send("/urge")
    await user.reply()
    await user.press("10")
    await user.reply()
    await user.press("Feeling lonely")
    await user.reply()
    await user.send("im doing it")
    wait = await user.reply()  # the wait, and the step's tools under it, in one message
    assert said(wait, "urge.about_to_send"), wait.plain
    assert any("Wait it out" in b for b in wait.button_texts()), wait.button_texts()


@pytest.mark.parametrize(
    "message",
    [
        "i swear this pms is going to end me",
        "finished the haunting of hill house, there's a suicide storyline that hit hard but i'm"
        " okay, it's just a show",
        "paintball with the girls for my birthday, i'm covered in bruises and happy",
    ],
)
async def test_look_alikes_of_the_tuning_set_get_no_emergency_reply(
    emu: BotApiEmulator, bot: BotRunner, message: str
) -> None:
    (reply,) = await _talk(emu.user(38700 + len(message)), message)
    assert "999" not in reply.plain, reply.plain


async def test_self_harm_in_indonesian_is_asked_about_with_the_local_lines(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    (asked,) = await _talk(
        emu.user(38801),
        "aku nyakitin diri sendiri lagi semalam, tanganku penuh luka. gak ada yang tau",
        zone="Asia/Jakarta",
    )
    assert "112" in asked.plain, asked.plain
    assert any("Crisis lines" in b for b in asked.button_texts()), asked.button_texts()


async def test_pushing_back_on_an_answer_just_given_is_met_kindly_not_repeated(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    first, again = await _talk(
        emu.user(38901),
        "should i text him happy birthday",
        "can i at least send happy birthday, just that, nothing else",
    )
    assert said(again, "faq.same_again_pushback"), again.plain
    assert first.plain.split("\n")[0] not in again.plain, again.plain


async def test_control_told_plainly_takes_the_danger_path(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "he threw my phone once" had the urge answer.
    (phone,) = await _talk(emu.user(39001), "not really hurt me. he threw my phone once")
    assert said(phone, "sos.danger_reply"), phone.plain
    # ...and a question about replying about the children is the answer, not an urge
    (reply,) = await _talk(
        emu.user(39003), "i have to reply about the kids though right? how do i do no contact"
        " with kids",
    )
    assert not said(reply, "urge.free_text_offer"), reply.plain


# ------------------------------------------------------------- the second pair of helpers


async def test_the_second_pairs_safety_lines(emu: BotApiEmulator, bot: BotRunner) -> None:
    # The ex's threat in Hinglish is the ex at risk, not the person's own emergency reply.
    (hinglish,) = await _talk(
        emu.user(39101),
        "uski message aayi ki agar maine reply nahi kiya toh woh suicide kar legi",
        zone="Asia/Kolkata",
    )
    # (under a question in their own language, the reply about the ex at risk)
    plain = " ".join(hinglish.plain.split())
    openings = [
        " ".join(tghtml.to_plain(v.split("{", 1)[0]).split())[:40]
        for v in CONTENT.variants("sos.ex_at_risk")
    ]
    assert any(o in plain for o in openings), hinglish.plain
    # A cat at the railing is no emergency reply.
    (cat,) = await _talk(
        emu.user(39102), "my cat keeps trying to jump off the balcony railing, how do i stop her"
    )
    assert "999" not in cat.plain.split("\n")[0], cat.plain
    assert not said(cat, "sos.explicit_reply"), cat.plain
    # Kept from leaving is danger.
    (kept,) = await _talk(
        emu.user(39103), "last time i went he wouldn't let me leave and took my phone"
    )
    assert said(kept, "sos.danger_reply"), kept.plain
    # Parents who take the salary are not the ones to call.
    _, parents = await _talk(
        emu.user(39104),
        "i want to die",
        "i live with my parents, they take my salary and check my phone",
    )
    assert not said(parents, "sos.reach_person"), parents.plain


async def test_the_second_pairs_everyday_lines(emu: BotApiEmulator, bot: BotRunner) -> None:
    slept, rent = await _talk(
        emu.user(39105),
        "i kind of slept with him",
        "and then i called her to sort out the rent lol",
    )
    assert any("Count it as a slip" in b for b in slept.button_texts()), slept.button_texts()
    assert said(rent, "listen.logistics_reply_ok"), rent.plain
    user = emu.user(39106)
    await onboard(user, zone="Europe/Berlin")
    await user.send("/urge")
    await user.reply()
    await user.send("im doing it")
    hold = await user.reply()
    assert said(hold, "urge.strength_hold_on"), hold.plain


async def test_a_dose_talk_does_not_let_go_at_an_apology(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # The terminal chat, session 38: "ok ok. sorry" after "i'll just google it" ended the talk
    # ("On to that, then"), and "i called 116 123 and nobody picked up" got the slip's answer.
    *_, sorry, unanswered = await _talk(
        emu.user(39201),
        "how many paracetamol is too many? asking for reasons",
        "not for anyone else",
        "fine. i'll just google it",
        "ok ok. sorry",
        "i called 116 123 and nobody picked up",
    )
    assert not said(sorry, "sos.left_safely"), sorry.plain
    assert said(unanswered, "sos.unreachable"), unanswered.plain
