"""Free text that no flow takes: an urge is offered the urge flow, the rest is answered."""

from __future__ import annotations

from datetime import timedelta

from bot.conversation.keyboards import inline
from bot.conversation.turn import Turn
from bot.handlers import (
    daily,
    faq,
    onboarding,
    privacy,
    reasons,
    settings,
    slip,
    startdate,
    urge,
)
from bot.handlers.progress import render_status
from bot.handlers.safety import ask_if_safe, start_tool
from bot.services import daily as daily_service
from bot.services import journey, slips, weekly
from bot.services.commands import command_asked
from bot.services.durations import asks_daily_on, asks_to_resume
from bot.services.language import asked_language, has_english, little_english, reply_code
from bot.services.listening import drink_drive, practical_draft, write_for_me
from bot.services.message_asks import daily_ask
from bot.services.privacy_asks import privacy_asked
from bot.services.reading import (
    Reading,
    asks_daily_time,
    asks_for_a_joke,
    asks_pause_length,
    command_word,
    how_to_settings,
    light_talk,
    mood_told,
    pause_for,
    quits_the_bot,
    reasons_asked,
    setting_asked,
    weekly_off,
)
from bot.services.safety_answers import (
    asks_about_tracker,
    asks_tech_safety,
    can_they_read_this,
    no_more_numbers,
    safety_tool_asked,
    stops_asking,
    talks_of_else,
)
from bot.views.next_daily import describe_next

ENGLISH_ONLY = "english-only"  # the notice given, remembered so it is not sent twice running
ENGLISH_ONLY_AGAIN = timedelta(minutes=30)
# "can we talk about something else" said yes to: what follows is light talk for a while
LIGHT = "light-talk"
LIGHT_WITHIN = timedelta(minutes=30)
# what is kept and who can read it, answered in full: asked again soon, the part asked
PRIVACY_AGAIN = timedelta(minutes=30)


def _command_asked(turn: Turn, text: str) -> str | None:
    """ "how does /urge work" -> "urge": one of the commands the content describes (the menu's,
    and those explained on their own, /sos)."""
    content = turn.rt.content
    known = {*content.mapping("core.commands"), *content.mapping("listen.command_about")}
    return command_asked(text, known)


async def answer(turn: Turn, reading: Reading) -> None:
    """Answer a typed message as what it is (registered as the flows' free-text handler)."""
    if privacy.awaiting_delete(turn) and privacy.answer_typed(turn, reading.text):
        return  # "no, keep it" or "what does this delete" at "Erase everything?"
    if reading.harm is None and (spoken := asked_language(reading.text)) is not None:
        # "hablas español?": answered in that language where we have the words (ninth probe)
        faq.say_english_only(turn, spoken)
        return
    if reading.harm is None and (weak := little_english(reading.text)) is not None:
        # "no hablo bien ingles, sorry", "por favor en español" (a helper's chat, session 41:
        # "no entiendo bien el español" three times): said kindly back, in their language
        not_safe = [[(turn.label("faq.btn_not_safe"), faq.NOT_SAFE)]]
        turn.say(turn.fresh(f"language.little_english.{weak}"), inline(not_safe))
        return
    if reading.language is not None and not reading.urge:
        # (the crisis check ran first, in any language it knows; an urge read in its words,
        # "main usse abhi text karne wala hoon", gets the urge's reply, not the notice)
        code = reply_code(reading.language, reading.text)
        said_before = turn.rt.last_answers.repeats(
            turn.user.id, ENGLISH_ONLY, turn.now, ENGLISH_ONLY_AGAIN
        )
        if reading.harm == "strong":  # words of crisis in their language: asked
            key = f"language.safe_check.{code}"
            lead = turn.t(key) if turn.rt.content.has(key) else None
            ask_if_safe(turn, reading.text, lead=lead, other_language=True)
            return
        if not said_before:
            offer = reading.match.ids if reading.match.kind == "suggest" else ()
            faq.say_english_only(turn, code, reading.text, offer)
            turn.rt.last_answers.note(turn.user.id, ENGLISH_ONLY, turn.now, faq=True)
            return
        if reading.match.kind == "none" and not reading.urge and reading.told_topic is None:
            # Said a minute ago, and nothing of this one can be read: said honestly, not a
            # listening line that pretends to have understood
            faq.say_still_other(turn, code, reading.text)
            return
        if reading.match.kind == "suggest" and not reading.urge and not has_english(reading.text):
            # "cuanto tiempo dura el contacto cero?": still said honestly, in their language,
            # with the answers its words point to (glossary.py) one tap away
            faq.say_still_other(turn, code, reading.text, reading.match.ids)
            return
        # Said a minute ago: not again. Mixed with English ("is it normal na iyak ako"), the
        # rest of the reading may still fit; answered as well as it can be.
    if reading.harm is None and (tool := safety_tool_asked(reading.text)) is not None:
        await start_tool(turn, tool)  # "make a safety plan", "help me calm down"
        return
    if (
        reading.harm != "strong"
        and not (reading.asks and reading.match.answered)  # a question of its own
        and await urge.answer_offer_typed(turn, reading.text)
    ):
        return  # "like so bad", "just once" under "shall we get through it together?"
    if reading.harm is None and (about := _command_asked(turn, reading.text)):
        # "how does /urge work": what it does, and how to start it (else the menu's line)
        key = f"listen.command_about.{about}"
        if turn.rt.content.has(key):
            turn.say(turn.t(key))
        else:
            menu_line = turn.t(f"core.commands.{about}")
            turn.say(turn.t("listen.command_about_any", name=about, about=menu_line))
        return
    if turn.user.onboarded and reading.harm is None and (typed := command_word(reading.text)):
        await _as_command(turn, *typed)  # "pause for a week", "status": done, not heard
        return
    if (
        turn.user.onboarded
        and reading.harm is None
        and slips.takes_back_a_slip(reading.text)
        and await slip.undo(turn)
    ):
        return  # "wait i pressed that by accident": today's slip taken back
    if reading.harm is None and (length := pause_for(reading.text)) is not None:
        await daily.pause_typed(turn, length)  # "stop the daily messages for a week"
        return
    if reading.harm is None and asks_pause_length(reading.text):
        # "how long can i pause for" (a session-29 chat: "Questions like that can go round and
        # round"): the lengths /pause takes
        turn.say(turn.t("daily.pause_usage", max=daily_service.MAX_PAUSE_DAYS))
        return
    if reading.harm is None and how_to_settings(reading.text):
        turn.say(turn.t("listen.how_to_settings"))  # "how do i pause"
        return
    if reading.harm is None and turn.user.onboarded and weekly_off(reading.text):
        # "turn off the weekly summary": done, said once (a helper's terminal chat: typed in
        # /settings, it got "switched in your settings, here" and the same menu again)
        if turn.user.weekly_summary:
            await weekly.set_weekly(session=turn.session, user=turn.user, on=False, now=turn.now)
            turn.say(turn.t("listen.weekly_turned_off"))
        else:
            turn.say(turn.t("listen.weekly_already_off"))
        return
    if turn.user.onboarded and reading.harm is None and asks_daily_time(reading.text):
        # "when will you message me next": the time itself, and how to change it
        time_set = turn.user.daily_time.strftime("%H:%M") if turn.user.daily_time else "—"
        turn.say(turn.t("daily.when_next", time=time_set, next=describe_next(turn)))
        return
    if (
        turn.user.onboarded
        and reading.harm is None
        and (
            turn.user.paused_until is not None and asks_to_resume(reading.text)
            or asks_daily_on(reading.text)
        )
    ):
        # "actually im back, changed my mind" while paused (a session-28 chat: a listening
        # line, the pause kept)
        await daily.resume_now(turn)
        return
    if turn.user.onboarded and reading.harm is None and reasons_asked(reading.text):
        await reasons.show_in(turn)  # "remind me why im doing this": their own words
        return
    if reading.harm is None and quits_the_bot(reading.text):
        # "i want to stop using this", "how do i make it stop" (a session-29 chat: "That's a
        # heavy thing to sit with"): /pause and /delete, plainly, no guilt
        turn.say(turn.t("daily.quit_asked"))
        return
    if reading.stop_messages and reading.harm is None:
        turn.say(turn.t("daily.stop_asked"))  # "stop messaging me": /pause, said plainly
        if turn.user.onboarded:  # and the switch itself, one tap away (seventh probe M22)
            turn.say(*await settings.render_menu(turn))
        return
    if reading.harm is None and can_they_read_this(reading.text):
        # "can he see what i write here?": answered first, honestly (seventh probe M8); asked
        # again ("ok but could HE see this"), the part about him, not the whole answer twice
        again = turn.rt.last_answers.last(turn.user.id, turn.now, PRIVACY_AGAIN)
        turn.say(
            turn.fresh("privacy.ex_sees")
            if again == faq.PRIVACY_ASKED
            else turn.t("privacy.asked")
        )
        turn.rt.last_answers.note(turn.user.id, faq.PRIVACY_ASKED, turn.now)
        return
    if reading.harm is None and (kept := privacy_asked(reading.text)) is not None:
        # "like every msg i send?? all of them saved somewhere", "if i delete is it actually
        # gone or just hidden" (session 46's play-test: "Questions like that can go round")
        turn.say(turn.fresh(f"privacy.{kept}_asked"))
        return
    if reading.harm is None and asks_about_tracker(reading.text):
        # "how do i know if theres stalkerware on my phone": how to look, and plan first
        not_safe = [[(turn.label("faq.btn_not_safe"), faq.NOT_SAFE)]]
        turn.say(turn.fresh("listen.tracker"), inline(not_safe))
        return
    if reading.harm is None and talks_of_else(reading.text):
        # "can you just talk to me about something else": yes (a helper's terminal chat: "What
        # would knowing change for you right now?")
        turn.say(turn.fresh("listen.talk_else"))
        turn.rt.last_answers.note(turn.user.id, LIGHT, turn.now)
        return
    if reading.harm is None and asks_for_a_joke(reading.text):
        # "tell me a joke" (a session-36 chat, just after "of course" to talking of something
        # else: "I don't know that one" and the topic menu): one, gently
        turn.say(turn.fresh("listen.joke"))
        turn.rt.last_answers.note(turn.user.id, LIGHT, turn.now)
        return
    if (
        turn.rt.last_answers.last(turn.user.id, turn.now, LIGHT_WITHIN) == LIGHT
        and light_talk(reading)
    ):
        # "im watching severance, its so good", "have you seen it", "my cat just knocked my
        # tea over lol", after "of course" to something else (the same chat: "That's a lot to
        # carry", the answer on replying to the ex, "I may not follow every part"): kept light
        turn.say(turn.fresh("listen.light_asked" if reading.asks else "listen.light_told"))
        turn.rt.last_answers.note(turn.user.id, LIGHT, turn.now)
        return
    if reading.harm is None and no_more_numbers(reading.text):
        # "stop with the hotline stuff": heard, no numbers listed (eighth probe M6)
        turn.say(turn.fresh("listen.numbers_stopped"))
        return
    if reading.harm is None and asks_tech_safety(reading.text):
        # "he can see where i am on snapchat", "he has my icloud password": steps, said plainly
        turn.say(turn.t("listen.tech_safety"))
        return
    if reading.harm is None and stops_asking(reading.text):
        # "stop asking if im safe" after the talk ended: heard, no answer about danger
        turn.say(turn.t("listen.stopped_asking"))
        return
    if (
        turn.user.onboarded
        and reading.harm is None
        and (mood := mood_told(reading.text))
        and await daily_service.log_typed_mood(
            session=turn.session, user_id=turn.user.id, mood=mood, now=turn.now
        )
    ):
        # "not great tbh" under today's daily message: as the button would have been
        daily.answer_mood(turn, mood)
        return
    if turn.user.onboarded and (asked := setting_asked(reading.text)) is not None:
        # "change my daily message to 8am": the /time (or /timezone) question, answered at
        # once when the new value was said
        step = onboarding.TIME if asked[0] == "time" else onboarding.TZ
        await onboarding.ask_single(turn, step, asked[1])
        return
    if turn.user.onboarded and reading.harm is None and (ask := daily_ask(reading.text)):
        # "can u stop the daily msgs while im away? back on the 20th", "how do i make the
        # daily msg come earlier" (session 46's play-test: "Questions like that can go round")
        await daily.answer_ask(turn, ask, reading.text)
        return
    if (
        reading.harm is None
        and reading.smalltalk != "on_my_behalf"  # "write a text to my ex telling her i want
        and write_for_me(reading.text)  # her back": declined warmly, never a shape for it
    ):
        # "can u write it for me, something short and not needy": a shape to make their own,
        # never a refusal nor the urge exercise (helpers' chats, six people)
        turn.say(turn.fresh("listen.write_for_me"))
        return
    if reading.urge and reading.harm == "strong":
        # "im going to see him tonight and make him pay": asked about first, not an urge
        ask_if_safe(turn, reading.text)
        return
    if reading.harm != "strong" and drink_drive(reading.text):
        # "had 6 beers, grabbing my keys, going to her place": don't drive, first (eighth probe)
        not_safe = [[(turn.label("faq.btn_not_safe"), faq.NOT_SAFE)]]
        turn.say(turn.fresh("listen.drink_drive"), inline(not_safe))
        return
    if reading.urge and reading.asks and faq.in_pregnancy_talk(turn):
        # "do i have to tell him?" right after a pregnancy was told: a real question, not an
        # urge to ride out (seventh probe)
        turn.say(turn.fresh("listen.pregnant_tell"))
        return
    if reading.harm != "strong" and practical_draft(reading.text):
        # "can i send this: 'hi, i need my things, can you leave them at the front desk
        # friday?'": logistics, fine to send (a session-28 chat: "That sounds like an urge")
        turn.say(turn.fresh("listen.draft_practical"))
        return
    if reading.urge and turn.convo.find(urge.NAME) is None:
        urge.offer(turn)
        return
    if reading.smalltalk == "status" and turn.user.onboarded:
        await render_status(turn)  # "what day am i on": the count itself
        return
    if reading.smalltalk == "status" and (so_far := onboarding.day_so_far(turn)) is not None:
        turn.say(so_far)  # in the middle of set-up, the date given: the day it makes
        return
    if reading.start_correction and turn.user.onboarded:
        startdate.begin(turn, journey.date_in(reading.text, turn.today))
        return
    if reading.count_to is not None and turn.user.onboarded:
        # "can you put my count back to 18": the start date that makes Day 18, to confirm
        startdate.begin(turn, turn.today - timedelta(days=reading.count_to - 1))
        return
    if reading.restart_asked and turn.user.onboarded:
        slip.begin(turn)  # "yes restart today", typed with no question pending
        return
    faq.answer_free_text(turn, reading)


async def _as_command(turn: Turn, command: str, typed: str) -> None:
    """A command's name typed without its slash, done as the command would be."""
    if command == "pause":
        await daily.pause_typed(turn, typed)
    elif command == "resume":
        await daily.resume_now(turn)
    elif command == "status":
        await render_status(turn)
    elif command == "settings":
        turn.say(*await settings.render_menu(turn))
    else:
        await reasons.show_in(turn)
