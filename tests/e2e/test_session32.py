"""The thirty-second session, through the emulator: settings asked for in everyday words, a
complaint about buttons, an apology for being tired, "am i too much?", a voicemail and news
of their family, going to sleep, the rest of a slip told twice, and their reply on its way
at the slip's note: each met as what it is (re-run chats of session 31)."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import said
from tests.e2e.test_slip import RESTART
from tests.harness import BotRunner, onboard

CONTENT = load_content()


async def test_settings_asked_in_everyday_words_are_done(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat: "i moved to mexico city last week btw, can u change my timezone" got
    # "It sounds like that landed hard"; "what time will ur message come now" "What would
    # knowing change for you"; "i dont want the sunday summary thing" "I may not follow".
    user = emu.user(32001)
    await onboard(user, date="2 weeks ago", at="09:00")
    await user.send("i moved to mexico city last week btw, can u change my timezone")
    moved = await user.reply()
    assert "America/Mexico" in moved.plain, moved.plain
    await user.send("what time will ur message come now")
    when = await user.reply()
    assert "09:00" in when.plain, when.plain
    await user.send("i dont want the sunday summary thing")
    weekly = await user.reply()
    assert said(weekly, "listen.weekly_turned_off"), weekly.plain
    await user.send("/settings")
    shown = await user.reply()
    assert "Weekly summary: off" in shown.plain, shown.plain


async def test_a_start_told_again_with_settings_open_is_offered_to_confirm(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat with /settings open: "wait actually i started on nov 28 not dec 1"
    # got "It sounds like that landed hard".
    user = emu.user(32002)
    await onboard(user, date="yesterday")
    await user.send("/settings")
    await user.reply()
    await user.send("wait actually i started on the 1st not yesterday")
    confirm = await user.reply()
    assert said(confirm, "startdate.confirm"), confirm.plain
    assert "1 " in confirm.plain  # the first of the month, said back
    await user.press(confirm.button_texts()[0])
    assert "Day" in (await user.reply()).plain
    await user.send("i actually started therapy on monday")  # not a start date
    other = await user.reply()
    assert not said(other, "startdate.confirm"), other.plain


async def test_a_pause_asked_with_a_reason_after_it_pauses(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat: "can you stop the daily messages for a week, im going camping with no
    # signal" got a menu of "How long should it last?" and more.
    user = emu.user(32003)
    await onboard(user, date="2 weeks ago")
    await user.send("can you stop the daily messages for a week, im going camping with no signal")
    paused = await user.reply()
    assert "Paused" in paused.plain, paused.plain
    assert "7 days" in paused.plain


async def test_buttons_complained_of_tiredness_and_too_much_are_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(32004)
    await onboard(user, date="2 weeks ago")
    # "you literally just keep giving me buttons" got "Is this more about missing them?" and
    # two more buttons
    await user.send("you literally just keep giving me buttons")
    buttons = await user.reply()
    assert CONTENT.faq is not None
    assert " ".join(buttons.plain.split()) in CONTENT.faq.smalltalk["too_many_buttons"]
    assert buttons.button_texts() == []
    # "sorry. im just tired. its been a long week" was offered "Should I apologize for leaving?"
    await user.send("sorry. im just tired. its been a long week")
    tired = await user.reply()
    assert said(tired, "listen.sorry_tired"), tired.plain
    assert "apologize for leaving" not in " ".join(tired.button_texts())
    # "he said i was too much. am i too much?" was offered "Was I not enough?"
    await user.send("he said i was too much. am i too much?")
    much = await user.reply()
    assert said(much, "listen.too_much"), much.plain
    assert "Was I not enough?" not in much.button_texts()
    # "ok. i think i might sleep now" got "What would help most in the next few minutes?"
    await user.send("ok. i think i might sleep now")
    night = await user.reply()
    assert " ".join(night.plain.split()) in CONTENT.faq.smalltalk["bye"], night.plain


async def test_a_voicemail_and_news_of_their_family_are_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat: "should i listen to it" (a voicemail) got "Questions like that can go
    # round and round"; "he says his mom is in the hospital" "Telling friends and family".
    user = emu.user(32005)
    await onboard(user, date="2 weeks ago")
    await user.send("he called and left a voicemail")
    called = await user.reply()
    assert "name light up" in called.plain or "message from them" in called.plain, called.plain
    await user.send("should i listen to it")
    listen = await user.reply()
    assert said(listen, "listen.open_theirs"), listen.plain
    assert listen.button_texts() == ["Should I reply?"]
    await user.send("i listened. he says his mom is in the hospital")
    ill = await user.reply()
    assert said(ill, "listen.their_family_ill"), ill.plain
    assert "Telling friends and family" not in ill.button_texts()


async def test_the_rest_of_a_slip_is_heard_not_answered_twice(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat: "i messed up", then "i called him. twice. he didnt pick up thank god"
    # got the same ninety-word answer twice running.
    user = emu.user(32006)
    await onboard(user, date="2 weeks ago")
    await user.send("i messed up. i texted him")
    first = await user.reply()
    assert "🔁 Count it as a slip" in first.button_texts(), first.plain
    await user.send("i called him too. twice. he didnt pick up thank god")
    again = await user.reply()
    assert said(again, "listen.slip_told_again"), again.plain
    assert again.button_texts() == ["🔁 Count it as a slip"]
    await user.press("🔁 Count it as a slip")
    assert (await user.reply()).button_texts()  # the restart, asked


async def test_their_reply_on_its_way_at_the_note_is_met_not_kept(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-31 chat: "he saw it. he's typing" at the note after a slip got "Saved, just for
    # you. Put the kettle on".
    user = emu.user(32007)
    await onboard(user, date="2 weeks ago")
    await user.send("/slip")
    await user.reply()
    await user.press(RESTART)
    await user.reply()  # restarted, and the note asked
    await user.send("he saw it. he's typing")
    live = await user.reply()
    assert said(live, "slip.reply_live"), live.plain
    await user.send("/history")
    history = await user.reply()
    assert "typing" not in history.plain, history.plain


async def test_pills_taken_told_plainly_get_the_urgent_reply(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session-32 chats as people in danger: "i took pills earlier, like a lot" got "missing them
    # or wanting to reach out?"; "i drank a lot and took some sleeping pills, i feel fine" the
    # answer on drunk texting. Pills for a headache stay an everyday message.
    for uid, told in (
        (32010, "i took pills earlier, like a lot"),
        (32011, "i took pills. feel ok tho"),
        (32012, "i drank a lot and took some sleeping pills, i feel fine"),
    ):
        user = emu.user(uid)
        await onboard(user, zone="New York")
        await user.send(told)
        first = await user.reply()
        assert "911" in first.plain, (told, first.plain)
        await user.send("i feel fine honestly")
        fine = await user.reply()
        assert "911" in fine.plain, (told, fine.plain)
        assert not said(fine, "sos.safe_recheck")
    user = emu.user(32013)
    await onboard(user, zone="New York")
    await user.send("took some pills for my headache, feel fine now")
    everyday = await user.reply()
    assert "911" not in everyday.plain, everyday.plain


async def test_a_threat_played_down_keeps_the_danger_path(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session-32 chats, three of three: after "if he cant have me no one can", "he hasn't
    # actually hurt me" got "My mistake... You were sad, not in danger from him", and the talk
    # went on with the self-harm talk's words.
    user = emu.user(32014)
    await onboard(user, zone="Australia/Sydney")
    await user.send("my ex showed up at my door and said if he cant have me no one can")
    first = await user.reply()
    assert "000" in first.plain
    await user.send("he hasn't actually hurt me")
    played_down = await user.reply()
    assert said(played_down, "sos.danger_played_down"), played_down.plain
    assert "1800RESPECT" in played_down.plain or "1800 737 732" in played_down.plain
    assert not said(played_down, "sos.not_abuse")
    # A misreading said as one is still owned: "why the domestic violence number"
    other = emu.user(32015)
    await onboard(other, zone="Australia/Sydney")
    await other.send("my ex showed up at my door and said if he cant have me no one can")
    await other.reply()
    await other.send("he never threatened me, why did you give me the domestic violence number")
    owned = await other.reply()
    assert not said(owned, "sos.danger_played_down"), owned.plain
    assert said(owned, "sos.not_danger") or said(owned, "sos.not_abuse"), owned.plain


async def test_fine_just_tired_after_not_being_around_is_asked_once_plainly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session-32 chats: "i wont be around to bother anyone soon", the check, then "i'm fine
    # just tired" closed the talk ("I'm glad you're safe for now"); nobody asked directly.
    user = emu.user(32016)
    await onboard(user, zone="New York")
    await user.send(
        "honestly i dont see the point in being here anymore. i wont be around to bother anyone"
        " soon"
    )
    await user.reply()
    await user.send("i'm fine just tired")
    asked = await user.reply()
    assert said(asked, "sos.future_recheck"), asked.plain
    assert "988" in asked.plain
    await user.send("i'm fine really")
    settled = await user.reply()
    assert not said(settled, "sos.future_recheck"), settled.plain  # asked once, not again


async def test_a_knife_and_on_the_way_is_told_not_to_wait(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-32 chat: "he has a knife and he texted that hes coming over. im scared" got the
    # general danger reply ("Nobody should have to live with threats"), no "don't wait for him".
    user = emu.user(32017)
    await onboard(user, zone="New York")
    await user.send("he has a knife and he texted that hes coming over. im scared")
    first = await user.reply()
    assert said(first, "sos.danger_on_way"), first.plain
    # (until session 43 the key was shared with the reply to going somewhere safe, whose text
    # won: "Good. Keep your phone in your hand" to someone he was on his way to)
    assert "Good." not in first.plain, first.plain
    assert "911" in first.plain
    await user.send("i dont want to call the police")
    police = await user.reply()
    assert "911" in police.plain, police.plain


async def test_a_story_at_the_date_question_sets_the_date_from_it(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-32 chat: a long first answer ("...it ended three Saturdays ago, the night of my
    # cousin's wedding...") got a topic menu and set-up was left; her grandmother's ring "the
    # one she gave me before she died" was then answered as the ex's death.
    user = emu.user(32018)
    await user.send("/start")
    await user.reply()
    await user.send(
        "Okay so this is going to be long, sorry. We were together for six years and it ended"
        " three Saturdays ago, the night of my cousin's wedding actually, which is a whole other"
        " story. I haven't messaged him since that night even though I've wanted to about a"
        " hundred times a day."
    )
    said_back = await user.reply()
    # the third Saturday back from the test clock's day, said back with its day number
    assert "Saturday" in said_back.plain, said_back.plain
    assert "Day" in said_back.plain
    await user.reply()  # the zone question
    await user.send("Toronto")
    await user.replies(2)
    await user.send("21:00")
    await user.reply()
    await user.press("Skip for now")
    await user.reply()
    await user.send(
        "he still has my grandmother's ring, the one she gave me before she died, and i need it"
        " back. how do i get it without breaking no contact?"
    )
    ring = await user.reply()
    assert not said(ring, "listen.bereaved"), ring.plain


async def test_asked_to_stop_in_the_urge_flow_it_stops(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-32 chat: "can we stop, i dont want to do this right now" in the urge flow got
    # "Let's look at that" and the answer about urges.
    user = emu.user(32019)
    await onboard(user, date="2 weeks ago")
    await user.send("/urge")
    await user.reply()
    await user.send("can we stop, i dont want to do this right now")
    stopped = await user.reply()
    assert said(stopped, "urge.cancelled"), stopped.plain


async def test_is_it_normal_to_still_cry_is_answered_yes(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session-32 chats: "is it normal to still cry on day 20" got "That makes sense, given
    # everything" and an eight-topic menu; a man of seventy asking the same got "Drunk texting"
    # among the topics.
    user = emu.user(32020)
    await onboard(user, date="20 days ago")
    for asked in (
        "is it normal to still cry on day 20",
        "Is it customary for a man of my age to weep in the evenings? I am seventy.",
    ):
        await user.send(asked)
        answer = await user.reply()
        assert said(answer, "listen.normal_to_cry"), (asked, answer.plain)
        assert "Drunk texting" not in answer.button_texts()


async def test_whenever_i_wake_up_is_the_morning(emu: BotApiEmulator, bot: BotRunner) -> None:
    # Session-32 chats: "whenever i wake up" at the daily time got "Then the evening it is".
    user = emu.user(32021)
    await user.send("/start")
    await user.reply()
    await user.send("2 weeks ago")
    await user.replies(2)
    await user.send("Berlin")
    await user.replies(2)
    await user.send("whenever i wake up")
    time = await user.reply()
    assert "07:00" in time.plain, time.plain


async def test_a_thumbs_up_gets_no_emergency_button(emu: BotApiEmulator, bot: BotRunner) -> None:
    # A session-32 chat: every reply to "👍" carried "🚨 I'm not safe right now".
    user = emu.user(32022)
    await onboard(user, date="2 weeks ago")
    await user.send("👍")
    glad = await user.reply()
    assert said(glad, "listen.emoji_bright"), glad.plain
    assert not any("🚨" in b for b in glad.button_texts())
    await user.send("😭😭")  # a hard one keeps it
    heavy = await user.reply()
    assert any("🚨" in b for b in heavy.button_texts())


async def test_goodnight_at_the_slip_note_is_not_kept(emu: BotApiEmulator, bot: BotRunner) -> None:
    # A session-32 chat: "goodnight" at the optional note was "saved privately, only for you".
    user = emu.user(32023)
    await onboard(user, date="2 weeks ago")
    await user.send("/slip")
    await user.reply()
    await user.press(RESTART)
    await user.reply()
    await user.send("goodnight")
    skipped = await user.reply()
    assert said(skipped, "slip.note_skipped"), skipped.plain
