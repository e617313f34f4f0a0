"""The thirty-sixth session, through the emulator. In a safety talk: "i just want it to stop"
and "i dont want to wake her" are heard instead of met with the recycled "please call now"
line, and "ok i went and woke her up" is noticed as done. In a danger talk, the police on their
way get what to do while waiting (never the self-harm words "unlock the door so they can get
in"), and a locked room is noticed. The ex at risk told by what they did is help for them. A
long story with "proud of myself" in it is heard, not thanked as good news. "what do i do
instead" after an answer is a follow-up, and "i slipped" is a slip told."""

from __future__ import annotations

from bot.core.content import load_content
from bot.emulator.driver import BotMessage, SimUser
from bot.emulator.server import BotApiEmulator
from tests.e2e.test_safety import said
from tests.harness import BotRunner, onboard

CONTENT = load_content()
NOT_SAFE = CONTENT.label("faq.btn_not_safe")
SLIP_BUTTON = "🔁 Count it as a slip"


def _recycled(text: str) -> bool:
    """One of the recycled "please call now" lines (sos.stay_unsafe)."""
    plain = " ".join(text.split())
    return any(plain == " ".join(v.split()) for v in CONTENT.variants("sos.stay_unsafe"))


async def test_wanting_it_to_stop_and_not_wanting_to_wake_mum_are_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-36 chat (New York): pills lined up; "i just want it to stop" and "i dont want
    # to wake her" each got a recycled "please call 911" line, and "ok i went and woke her up"
    # got "if you haven't yet, please call 911 now".
    user = emu.user(36001)
    await onboard(user, zone="America/New_York")
    await user.send("i have all my pills lined up on the desk")
    assert "911" in (await user.reply()).plain
    await user.send("i just want it to stop")
    stop = await user.reply()
    assert said(stop, "sos.pain_stop"), stop.plain
    assert "911" in stop.plain, stop.plain
    assert "988" in stop.plain, stop.plain
    await user.send("my mom is asleep downstairs")
    wake = await user.reply()
    assert said(wake, "sos.wake_person_near"), wake.plain
    await user.send("i dont want to wake her")
    anyway = await user.reply()
    assert said(anyway, "sos.wake_anyway"), anyway.plain
    assert "988" in anyway.plain, anyway.plain
    await user.send("ok i went and woke her up")
    woke = await user.reply()
    assert said(woke, "sos.helper_here"), woke.plain
    for reply in (stop, anyway, woke):
        assert not _recycled(reply.plain), reply.plain


async def test_the_police_on_their_way_to_the_door_get_the_danger_words(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-36 chat (Dublin): "ok i called the guards" got "how are you feeling now, after
    # talking?"; "they said 20 minutes" got "please call 112 now"; "the police are on their
    # way" got the self-harm wait ("say so to the staff", or "unlock the door so they can get
    # in"); "i'm in the bathroom with the door locked" got "think about somewhere they don't
    # know".
    user = emu.user(36002)
    await onboard(user, zone="Europe/Dublin")
    await user.send("he's outside my flat again banging on the door")
    assert "112" in (await user.reply()).plain
    await user.send("ok i called the guards")
    called = await user.reply()
    assert said(called, "sos.reached_help_danger"), called.plain
    await user.send("they said 20 minutes")
    waiting = await user.reply()
    assert said(waiting, "sos.help_coming_danger"), waiting.plain
    await user.send("i'm in the bathroom with the door locked")
    locked = await user.reply()
    assert said(locked, "sos.danger_locked_in"), locked.plain
    await user.send("the police are on their way")
    coming = await user.reply()
    assert said(coming, "sos.help_coming_danger"), coming.plain
    for reply in (called, waiting, locked, coming):
        assert "unlock" not in reply.plain.lower(), reply.plain
        assert "staff" not in reply.plain.lower(), reply.plain


async def test_in_a_self_harm_talk_help_on_its_way_still_gets_the_wait_for_an_ambulance(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # The danger words above are for danger only: after pills taken, "they said 10 minutes"
    # is the ambulance's wait.
    user = emu.user(36003)
    await onboard(user, zone="Europe/London")
    await user.send("i took all my pills an hour ago")
    assert "999" in (await user.reply()).plain
    await user.send("i called 999")
    await user.reply()
    await user.send("they said 10 minutes")
    wait = await user.reply()
    assert said(wait, "sos.help_coming"), wait.plain


async def test_the_ex_shut_in_a_garage_with_the_engine_running_is_help_for_him(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Tuning set r49a: the ex at risk told by what he did (the engine running) was read as
    # the person's own crisis: "are you safe?" instead of how to get help to him.
    user = emu.user(36004)
    await onboard(user, zone="Europe/London")
    await user.send(
        "his brother just rang me. he's locked himself in the garage with the engine running"
        " and won't answer the door"
    )
    reply = await user.reply()
    assert said(reply, "sos.ex_at_risk"), reply.plain
    assert "999" in reply.plain, reply.plain


async def test_a_long_story_with_proud_of_myself_is_heard_with_help_in_reach(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Held-out round 48: a long message with a plan in it and "proud of myself" was read as
    # good news and thanked, with no "I'm not safe" button. A long story is heard as a story.
    user = emu.user(36005)
    await onboard(user)
    await user.send(
        "day 19 and proud of myself i guess, but honestly everything feels grey. work is a"
        " blur, i barely eat, my flat is a mess and i keep lying awake replaying the last thing"
        " he said to me before he left for good"
    )
    reply = await user.reply()
    assert NOT_SAFE in reply.button_texts(), reply.button_texts()
    short = emu.user(36006)
    await onboard(short)
    await short.send("day 14 no contact!! proud of myself")
    glad = await short.reply()
    assert NOT_SAFE not in glad.button_texts(), glad.button_texts()


async def test_what_do_i_do_instead_after_an_answer_is_that_answer_followed_up(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-36 chat: after the answer about birthdays, "ok what do i do instead" got
    # "Questions like that can go round and round".
    user = emu.user(36007)
    await onboard(user)
    await user.send("his birthday is tomorrow")
    answer = await user.reply()
    title = CONTENT.faq_entries["occasions"].title
    assert said(answer, "faq.feeling_heard") or "birthday" in answer.plain.lower(), answer.plain
    await user.send("ok what do i do instead")
    follow = await user.reply()
    assert said(follow, "listen.what_now_after"), follow.plain
    assert title in follow.button_texts(), follow.button_texts()


async def test_i_slipped_is_a_slip_told_and_slipping_on_ice_is_not(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-36 chat: "i slipped last week actually, texted him on tuesday" got "I'm glad
    # you said it instead of holding it in", the slip only among the buttons.
    user = emu.user(36008)
    await onboard(user)
    await user.send("i slipped last week actually, texted him on tuesday")
    slip = await user.reply()
    assert SLIP_BUTTON in slip.button_texts(), (slip.plain, slip.button_texts())
    await user.send("i slipped on the ice today lol, bruised my knee")
    ice = await user.reply()
    assert SLIP_BUTTON not in ice.button_texts(), (ice.plain, ice.button_texts())


async def test_after_yes_to_something_else_light_talk_stays_light(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-36 chat: "can we talk about something else" got "of course, anything at
    # all", then "im watching severance, its so good" got "That's a lot to carry", "have you
    # seen it" the answer on replying to the ex, "tell me a joke" "I don't know that one" and
    # the topic menu, "my cat just knocked my tea over lol" "I may not follow every part".
    user = emu.user(36009)
    await onboard(user)
    await user.send("can we talk about something else")
    assert said(await user.reply(), "listen.talk_else")
    await user.send("im watching severance, its so good")
    told = await user.reply()
    assert said(told, "listen.light_told"), told.plain
    await user.send("have you seen it")
    asked = await user.reply()
    assert said(asked, "listen.light_asked"), asked.plain
    await user.send("tell me a joke")
    joke = await user.reply()
    assert said(joke, "listen.joke"), joke.plain
    await user.send("my cat just knocked my tea over lol")
    cat = await user.reply()
    assert said(cat, "listen.light_told"), cat.plain
    # the ex, a feeling or harm leave light talk at once
    await user.send("i miss him so much though")
    missed = await user.reply()
    assert not said(missed, "listen.light_told"), missed.plain
    await user.send("honestly i want to die")
    assert "112" in (await user.reply()).plain  # Germany's emergency number, at once


async def test_without_the_offer_a_short_message_is_not_taken_for_light_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Light talk only follows the offer: "have you seen it" alone is read as ever.
    user = emu.user(36010)
    await onboard(user)
    await user.send("have you seen it")
    reply = await user.reply()
    assert not said(reply, "listen.light_asked"), reply.plain


async def _which_madrid(user: SimUser) -> BotMessage:
    """/start, "yesterday", then "madrid": the list of places by that name."""
    await user.send("/start")
    await user.reply()
    await user.send("yesterday")
    await user.replies(2)
    await user.send("madrid")
    return await user.reply()


async def test_at_which_madrid_the_country_or_the_same_city_again_picks_one(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-36 chat: at "Madrid, Spain / Madrid, Colombia", "madrid" typed again got the
    # same question, and "spain" offered Spain's zones instead of Madrid, Spain.
    for user_id, answer, zone in ((36011, "spain", "Madrid"), (36012, "colombia", "Bogota")):
        user = emu.user(user_id)
        pick = await _which_madrid(user)
        assert "Madrid, Colombia" in pick.button_texts(), pick.button_texts()
        await user.send(answer)
        done, ask_time = await user.replies(2)
        assert zone in done.plain, done.plain
        assert "daily message" in ask_time.plain, ask_time.plain
    user = emu.user(36013)
    await _which_madrid(user)
    await user.send("madrid")
    again = await user.reply()
    assert "Madrid, Spain" in again.plain, again.plain
    assert "Europe/Madrid" in again.plain, again.plain


async def test_what_should_i_do_with_nothing_before_it_is_asked_about_not_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A session-36 chat: "then what should i do", first thing, got the answer on what comes
    # after day 30, with confidence; "sorry english. i miss him so much" was offered "Should I
    # apologize for leaving?" and the answer about pets.
    user = emu.user(36014)
    await onboard(user)
    await user.send("then what should i do")
    asked = await user.reply()
    assert said(asked, "listen.what_now_open"), asked.plain
    assert CONTENT.faq_entries["urge"].title in asked.button_texts(), asked.button_texts()
    await user.send("sorry english. i miss him so much")
    missed = await user.reply()
    titles = set(missed.button_texts())
    assert CONTENT.faq_entries["apologize"].title not in titles, titles
    assert CONTENT.faq_entries["loneliness"].title in titles, titles


async def test_after_no_more_numbers_wanting_it_to_stop_is_heard_without_them(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # After "stop telling me to call people", "i just want it to stop" is heard without the
    # numbers they asked to stop (the buttons keep them).
    user = emu.user(36015)
    await onboard(user, zone="Europe/Dublin")
    await user.send("I can't do this anymore, I want to end my life")
    await user.reply()
    await user.send("stop telling me to call people")
    assert said(await user.reply(), "sos.numbers_stopped")
    await user.send("i just want it to stop")
    quiet = await user.reply()
    assert said(quiet, "sos.pain_stop_quiet"), quiet.plain
    assert "112" not in quiet.plain, quiet.plain
    assert "116 123" not in quiet.plain, quiet.plain


# --- from two helpers' 57 chats (session 36) -------------------------------------------------


async def test_a_denial_refused_call_and_no_more_numbers_are_each_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # "not really going to do anything. just tired of everything" got "please call 911 now";
    # "no im not calling samaritans..." got "your safety comes first, call 999"; "and dont
    # tell me to call 999 either" opened the domestic-abuse reply.
    user = emu.user(36016)
    await onboard(user, zone="America/New_York")
    await user.send("i dont see the point anymore")
    await user.reply()
    await user.send("not really going to do anything. just tired of everything")
    denial = await user.reply()
    assert said(denial, "sos.safe_now"), denial.plain
    other = emu.user(36017)
    await onboard(other, zone="Europe/London")
    await other.send("i have a plan to end it this weekend")
    assert "999" in (await other.reply()).plain
    await other.send("no im not calling samaritans. i've called before, they read a script")
    refused = await other.reply()
    assert said(refused, "sos.text_instead"), refused.plain
    await other.send("and dont tell me to call 999 either")
    stopped = await other.reply()
    assert said(stopped, "sos.numbers_stopped"), stopped.plain
    assert "Domestic" not in stopped.plain, stopped.plain


async def test_at_a_height_each_step_down_is_noticed(emu: BotApiEmulator, bot: BotRunner) -> None:
    # "its high enough" got the recycled line, "i stepped back a bit" "the most important
    # thing right now is a person", and "Keep going if you want to" was among the talk's
    # listening lines.
    user = emu.user(36018)
    await onboard(user, zone="Europe/London")
    await user.send("im on the bridge near my flat and i want to jump")
    assert "999" in (await user.reply()).plain
    await user.send("its high enough")
    pull = await user.reply()
    assert said(pull, "sos.height_now"), pull.plain
    await user.send("i stepped back a bit")
    step = await user.reply()
    assert said(step, "sos.stepped_back"), step.plain
    await user.send("im inside now")
    inside = await user.reply()
    assert said(inside, "sos.came_back_inside"), inside.plain
    for key in ("sos.listen", "sos.still_here"):
        for variant in CONTENT.variants(key):
            assert "Keep going" not in variant, variant
            assert "Go on" not in variant, variant


async def test_a_follow_on_social_media_is_no_danger(emu: BotApiEmulator, bot: BotRunner) -> None:
    # "his mom follows me too should i unfollow her" got the domestic-violence reply.
    user = emu.user(36019)
    await onboard(user)
    await user.send("his mom follows me too should i unfollow her")
    reply = await user.reply()
    assert "112" not in reply.plain, reply.plain
    assert said(reply, "faq.feeling_heard") or "mute" in reply.plain.lower(), reply.plain


async def test_settings_said_in_words_are_done(emu: BotApiEmulator, bot: BotRunner) -> None:
    # "can you send the daily thing at 7 in the morning instead" got "what's behind it?", "i
    # want to pause for a bit" "I may not follow every part", "actually make it 10pm" "what's
    # it stirring up for you?".
    user = emu.user(36020)
    await onboard(user)
    await user.send("can you send the daily thing at 7 in the morning instead")
    assert "07:00" in (await user.reply()).plain
    await user.send("actually make it 10pm")
    assert "22:00" in (await user.reply()).plain
    await user.send("i want to pause for a bit")
    paused = await user.reply()
    assert "For a week" in paused.button_texts(), paused.button_texts()


async def test_set_up_takes_a_question_a_vague_month_a_time_early_and_no_reason(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # "do i have to do 30 days?" at the start date was read as 30 days ago ("today is Day
    # 31"); "last month sometime" was not a date; "around noon i guess" at "which London?"
    # was heard as a feeling; "i dont have a reason" was saved as the reason.
    user = emu.user(36021)
    await user.send("/start")
    await user.reply()
    await user.send("do i have to do 30 days?")
    asked = await user.reply()
    assert "Day 31" not in asked.plain, asked.plain
    assert any("Back to" in b for b in asked.button_texts()), asked.button_texts()
    await user.send("last month sometime")
    said_back, _zone_question = await user.replies(2)
    assert "October" in said_back.plain, said_back.plain
    await user.send("london")
    await user.reply()
    await user.send("around noon i guess")
    zone, reason_question = await user.replies(2)
    assert "Europe/London" in zone.plain, zone.plain
    assert "12:00" in zone.plain, zone.plain
    await user.send("i dont have a reason")
    await user.reply()
    await user.send("/reasons")
    listed = await user.reply()
    assert said(listed, "reasons.list_empty"), listed.plain


async def test_still_want_to_is_a_strength_and_forgetting_why_shows_the_reasons(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # "still want to" at "how strong?" let the urge flow go; "i forgot why im doing this tbh"
    # got a listening line and three topics, not their own reason.
    user = emu.user(36022)
    await onboard(user, reason="i want to sleep again")
    await user.send("/urge")
    await user.reply()
    await user.send("still want to")
    trigger = await user.reply()
    assert "I saw their post" in trigger.button_texts(), trigger.button_texts()
    await user.send("/cancel")
    await user.reply()
    await user.send("i forgot why im doing this tbh")
    reasons = await user.reply()
    assert "i want to sleep again" in reasons.plain, reasons.plain


async def test_relief_is_answered_as_relief(emu: BotApiEmulator, bot: BotRunner) -> None:
    # "is it normal that part of me feels relieved" got the answer on shared friends.
    user = emu.user(36023)
    await onboard(user)
    await user.send("is it normal that part of me feels relieved")
    reply = await user.reply()
    assert "relie" in reply.plain.lower(), reply.plain


async def test_after_pills_not_wanting_to_wake_her_gets_the_body_first(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: after 15 sleeping pills, "i dont want to wake her shes got work" got
    # "start with a person on the phone", a line to talk to, not the medical call.
    user = emu.user(36024)
    await onboard(user, zone="America/Sao_Paulo")
    await user.send("i took 15 sleeping pills")
    assert "192" in (await user.reply()).plain
    await user.send("my roommate is asleep")
    await user.reply()
    await user.send("i dont want to wake her shes got work")
    first = await user.reply()
    assert said(first, "sos.wake_anyway_taken"), first.plain
    assert "192" in first.plain, first.plain


async def test_thanks_and_chitchat_in_the_talk_are_answered_not_recycled(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chats: "thanks for not freaking out" and "what do you think about dogs" in
    # the talk each got a recycled "please call 000 now".
    user = emu.user(36025)
    await onboard(user, zone="Australia/Sydney")
    await user.send("i want to kill myself")
    await user.reply()
    await user.send("no i dont have a plan or anything")
    await user.reply()
    await user.send("thanks for not freaking out")
    thanks = await user.reply()
    assert said(thanks, "sos.thanks_in_talk"), thanks.plain
    await user.send("what do you think about dogs")
    dogs = await user.reply()
    assert said(dogs, "sos.light_in_talk_asked"), dogs.plain
    assert "000" in dogs.plain, dogs.plain
    for reply in (thanks, dogs):
        assert not _recycled(reply.plain), reply.plain


async def test_a_bare_why_is_never_answered_with_closure(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Helpers' chats: a bare "why" got the answer on closure with confidence, after an answer,
    # at set-up, and in the safety talk after "i want to kill myself".
    closure = " ".join(CONTENT.faq_entries["clarity"].answer[0].split())[:60]
    user = emu.user(36026)
    await onboard(user)
    await user.send("how long until it stops hurting")
    await user.reply()
    await user.send("why")
    asked = await user.reply()
    assert closure not in " ".join(asked.plain.split()), asked.plain
    talk = emu.user(36027)
    await onboard(talk)
    await talk.send("i want to kill myself")
    await talk.reply()
    await talk.send("why")
    explained = await talk.reply()
    assert said(explained, "sos.check_explained"), explained.plain
