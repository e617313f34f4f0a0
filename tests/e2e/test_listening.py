"""Never cold: anything a person shares is listened to; only clear requests for something else
are declined, kindly; and whatever the bot cannot place has "I'm not safe" one tap away."""

from __future__ import annotations

import pytest

from bot.core.content import load_content, render
from bot.emulator.server import BotApiEmulator
from tests.harness import BotRunner, onboard

CONTENT = load_content()
FAQ = CONTENT.faq
assert FAQ is not None
NOT_SAFE = CONTENT.label("faq.btn_not_safe")
REFUSALS = list(FAQ.out_of_scope)
JOIN = "\n\n"  # an answer's parts reach the person as one message


def _said_as(text: str, kind: str) -> bool:
    """Whether a reply opens like one of the small-talk replies of this kind."""
    return any(text.startswith(v[:30]) for v in FAQ.smalltalk[kind])


@pytest.mark.parametrize(
    "text",
    ["😭😭😭💔", "he keeps begging me to come back and sending long paragraphs",
     "today i drove past the cafe where we met and just sat in the car for an hour",
     "ugh", "whatever happens happens i guess"],
)
async def test_what_a_person_shares_is_heard_not_refused(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(8901)
    await onboard(user)
    await user.send(text)
    await user.replies(1)
    await user.silence(0.3)
    reply = user.last()
    assert reply.text not in REFUSALS
    assert "can't help" not in reply.plain.lower()
    assert "outside what i know" not in reply.plain.lower()


async def test_emoji_only_gets_a_listening_reply_with_help_one_tap_away(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8902)
    await onboard(user)
    await user.send("😭😭😭💔")
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.emoji")
    assert NOT_SAFE in reply.button_texts()


@pytest.mark.parametrize("text", ["🙂👍", "🎉🎉"])
async def test_glad_emoji_are_met_gladly_not_as_a_hard_moment(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    # Found in the terminal chat: "🙂👍" got "That looks like a hard moment".
    user = emu.user(8907)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.emoji_bright"), reply.plain
    await user.send("😂😭")  # a sad one among them: heard as a feeling
    assert (await user.reply()).text in CONTENT.variants("listen.emoji")


async def test_a_feeling_the_faq_is_unsure_of_is_heard_not_asked_did_you_mean(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "I miss her" got "I want to get this right. Which of
    # these is closest?" with one button.
    user = emu.user(8908)
    await onboard(user)
    text = "I miss her"
    assert bot.runtime.matcher.match(text).kind == "suggest"
    await user.send(text)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("faq.feeling_heard"), reply.plain
    assert CONTENT.faq_entries["loneliness"].title in reply.button_texts()


async def test_a_bare_question_mark_says_what_the_bot_can_do(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8903)
    await onboard(user)
    await user.send("?")
    assert (await user.reply()).text in CONTENT.variants("listen.what_i_do")


async def test_an_unplaced_message_is_listened_to_with_the_not_safe_button(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8904)
    await onboard(user)
    await user.send("the rain today feels like the whole city is sad with me")
    reply = await user.reply()
    assert NOT_SAFE in reply.button_texts()
    assert reply.text not in REFUSALS


async def test_a_question_the_bot_cannot_place_is_not_thanked_for_telling(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "what should i do tonight" got "Thank you for telling me".
    user = emu.user(8905)
    await onboard(user)
    await user.send("what should i do tonight")
    reply = await user.reply()
    # (since session 36 a next step asked with nothing before it is asked about, the urge one
    # tap away: listen.what_now_open)
    asked = (*CONTENT.variants("listen.asked"), *CONTENT.variants("listen.what_now_open"))
    assert reply.text in asked, reply.plain
    assert NOT_SAFE in reply.button_texts()
    await user.send("he unfollowed me today")  # told, not asked: heard
    assert (await user.reply()).text in CONTENT.variants("listen.heard")


async def test_an_answer_to_a_message_that_asks_nothing_keeps_help_in_reach(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Round 12's three crisis messages that no check caught were statements that matched a
    # question's words ("that's when. i've worked it all out" got the work answer), with no
    # way to help beside it. A statement answered keeps the button; a question does not.
    user = emu.user(8906)
    await onboard(user)
    await user.send("my ex and i work in the same office")
    told = await user.reply()
    assert CONTENT.faq_entries["work-together"].answer[0] in told.text
    assert NOT_SAFE in told.button_texts()
    await user.send("how long does no contact last")
    asked = await user.reply()
    assert CONTENT.faq_entries["how-long"].answer[0] in asked.text
    assert NOT_SAFE not in asked.button_texts()


@pytest.mark.parametrize(
    "text", ["write me a python script to sort a list", "what is the capital of france",
             # not the ex, however "block" and "x" read: a drain, maths homework
             "how do i unblock a kitchen drain", "whats the derivative of x^2 sin x",
             # another part of life (terminal chat, FAQ set 24a): a son's studies, what to
             # text someone new, an instrument to buy
             "my son wants to quit uni, what do i say to him",
             "what should i text this new guy i met, he said wyd",
             "since she left i need a hobby, whats a good beginner guitar"]
)
async def test_clear_requests_for_something_else_are_declined_kindly(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(8905)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text in REFUSALS
    assert NOT_SAFE not in reply.button_texts()


async def test_another_language_is_told_kindly_in_it_with_help_in_reach(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8906)
    await onboard(user)
    await user.send("mi ex me escribió anoche, debería responderle o no?")
    reply = await user.reply()
    assert any(reply.text.startswith(v) for v in CONTENT.variants("language.english_only.es"))
    assert NOT_SAFE in reply.button_texts()
    # said once: the next message in that language is not met with the same wall again
    await user.send("no sé qué hacer, lo extraño mucho todos los días")
    again = await user.reply()
    assert again.text not in CONTENT.variants("language.english_only.es"), again.text


async def test_a_crisis_in_spanish_is_still_answered_first(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8907)
    await onboard(user)
    await user.send("ya no quiero vivir, quiero morirme")
    reply = await user.reply()
    assert reply.text not in CONTENT.variants("language.english_only.es")
    assert CONTENT.label("sos.buttons.safe_no") in reply.button_texts()


@pytest.mark.parametrize("text", ["i feel a bit better now", "i didnt text him today",
                                  "made it through the whole weekend without checking his page",
                                  # a milestone told is a win, not "how long should it last?"
                                  "one month no contact as of today!!!",
                                  "day 10 today. didnt check his insta once",
                                  # a step taken, told: not the blocking answer again
                                  "i did it. blocked", "finally muted her",
                                  # not replying, decided
                                  "ok i wont", "not going to text him back",
                                  # steps and milestones told in other words
                                  "unfollowed him on insta this morning",
                                  # round 16: a step held, told in a longer breath
                                  "unfollowed her today. hands were shaking but i did it",
                                  "he texted me and i DIDNT reply!!! day 22 still going",
                                  "first weekend without checking his insta",
                                  # set 23a: a hard day got through
                                  "made it through her birthday without a single text",
                                  "2 weeks no contact", "one month clean from her lol",
                                  "just reached 3 weeks no contact",
                                  "slept through the night for the first time in ages"])
async def test_good_news_is_met_with_gladness_not_sympathy(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(8910)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    # a choice not to reply is met as the strong choice it is (sixth probe), gladly too
    glad = [*FAQ.smalltalk["good_news"], *CONTENT.variants("listen.not_replying")]
    assert reply.text in glad, reply.plain
    assert "sounds really hard" not in reply.plain


async def test_two_pieces_of_good_news_in_a_row_get_different_words(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8911)
    await onboard(user)
    await user.send("i feel a bit better now")
    first = await user.reply()
    await user.send("i didnt text him today!!")
    second = await user.reply()
    assert first.text in FAQ.smalltalk["good_news"]
    assert second.text in FAQ.smalltalk["good_news"]
    assert first.text != second.text


async def test_a_feeling_told_is_heard_first_and_the_answer_offered_not_given(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8910)
    await onboard(user)
    await user.send("i miss him so much")  # no question: a feeling the FAQ could answer
    heard = await user.reply()
    assert heard.text in CONTENT.variants("faq.feeling_heard")
    lonely = CONTENT.faq_entries["loneliness"]
    assert heard.button_texts()[0] == lonely.title
    await user.press(lonely.title, message=heard)
    assert (await user.reply()).text == JOIN.join(lonely.answer)
    # Asked, the same subject gets its answer at once.
    await user.send("how do i cope with missing him so much?")
    assert (await user.reply()).text == JOIN.join(lonely.answer)



async def test_a_feeling_told_plainly_about_one_subject_is_heard_with_its_answer_offered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Round 21 (tuning since round 22): told, not asked, and placed by no answer; the word
    # model reads it clearly as anger. Heard, "I'm so angry at them" one tap away.
    user = emu.user(8911)
    await onboard(user)
    await user.send("im so angry at him i could scream. he cheated and acts like the victim")
    heard = await user.reply()
    assert heard.text in CONTENT.variants("faq.feeling_heard")
    anger = CONTENT.faq_entries["anger"]
    assert heard.button_texts()[0] == anger.title
    assert NOT_SAFE in heard.button_texts()
    await user.press(anger.title, message=heard)
    assert (await user.reply()).text == JOIN.join(anger.answer)


@pytest.mark.parametrize("text", ["what day am i on", "how many days has it been",
                                  "how long have i been in no contact?"])
async def test_asking_for_the_count_in_words_shows_it(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    # Found in the terminal chat: "what day am i on" got "Okay. I'm still here".
    user = emu.user(8920)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert "Day 1" in reply.plain, reply.plain
    newcomer = emu.user(8921)
    await newcomer.send(text)
    first = await newcomer.reply()
    assert first.text in FAQ.smalltalk["status"], first.plain


@pytest.mark.parametrize(("text", "kind"), [
    ("i need help", "help_bid"), ("please help me", "help_bid"),
    ("do you actually care", "bot_care"), ("is anyone there", "bot_care"),
    ("you dont understand", "not_understood"), ("that didnt help", "not_understood"),
])
async def test_a_call_for_help_or_a_miss_named_is_heard_with_help_in_reach(
    emu: BotApiEmulator, bot: BotRunner, text: str, kind: str
) -> None:
    # Found in the terminal chat: "do you actually care" got "I'm not sure I can answer that
    # one well", and "you dont understand" the answer about closure.
    user = emu.user(8920)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text in FAQ.smalltalk[kind], reply.plain
    assert NOT_SAFE in reply.button_texts()
    assert CONTENT.label("listen.btn_topics") in reply.button_texts()


async def test_the_answer_just_given_is_not_sent_again_word_for_word(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "we have a kid together so i cant do full nc", then "he
    # keeps using our son to talk to me", got the same answer twice in a row.
    user = emu.user(8930)
    await onboard(user)
    await user.send("we have a kid together so i cant do full nc")
    first = await user.reply()
    kids = CONTENT.faq_entries["kids"]
    assert first.plain.startswith(kids.answer[0][:30])
    await user.send("he keeps using our son to talk to me")
    second = await user.reply()
    # Not the whole answer again: the part of it that speaks to this (ninth session), or
    # "close to what I said" when no part does
    assert not second.plain.startswith(kids.answer[0][:30]) or len(second.plain) < len(
        first.plain
    ), second.plain
    assert second.plain != first.plain
    assert kids.title in second.button_texts()
    await user.press(kids.title, message=second)  # still one tap away
    again = await user.reply()
    assert again.plain.startswith(kids.answer[0][:30])


@pytest.mark.parametrize("text", [
    # no rule of the check knows these; the net's words in other languages do
    "hab heute alles geregelt, testament und passwörter für meinen bruder",
    "siento que soy una carga para todos, estarían mejor sin mí",
    "я больше не могу, хочу умереть",
])
async def test_words_of_crisis_in_another_language_are_asked_about_not_told_english_only(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(8908)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text not in CONTENT.variants("language.english_only.es")
    assert reply.text not in CONTENT.variants("language.english_only.de")
    assert "are you safe" in reply.plain.lower(), reply.plain
    assert CONTENT.label("sos.buttons.safe_no") in reply.button_texts()
    # asked first in their own language
    lead = {"hab": "language.safe_check.de", "sie": "language.safe_check.es",
            "я б": "language.safe_check.ru"}[text[:3]]
    assert reply.plain.startswith(CONTENT.text(lead)), reply.plain


async def test_an_idiom_of_dying_in_another_language_is_not_asked_about(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8909)
    await onboard(user)
    await user.send("jajaja me muero de risa con los memes de mi hermana, tenías que verlos")
    reply = await user.reply()
    assert reply.text in CONTENT.variants("language.english_only.es")


async def test_hindi_typed_in_latin_letters_is_answered_in_latin_letters(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8912)
    await onboard(user)
    await user.send("yaar mujhe uski bahut yaad aa rahi hai aaj raat, kya karun samajh nahi aata")
    reply = await user.reply()
    # the missing heard first, in Hinglish (session 29), then the notice (and, since session
    # 40, the answer on missing someone at night offered: "kya karun", what do I do)
    assert reply.text.startswith(CONTENT.text("language.heard.hi_latn.miss")), reply.plain
    assert CONTENT.text("language.english_only.hi_latn") in reply.text, reply.plain
    await user.send("mera mann nahi karta jeene ka")
    asked = await user.reply()
    assert asked.plain.startswith(CONTENT.text("language.safe_check.hi_latn")), asked.plain
    assert CONTENT.label("sos.buttons.safe_no") in asked.button_texts()


async def test_news_that_the_ex_has_died_is_met_as_grief(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found by a helper playing users: it got "If the pull to contact them is loud, /urge".
    user = emu.user(8913)
    await onboard(user)
    await user.send("my ex passed away last night in a car crash")
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.bereaved"), reply.plain
    assert "/urge" not in reply.plain
    assert NOT_SAFE in reply.button_texts()
    await user.send("my ex is dead to me honestly")
    other = await user.reply()
    assert other.text not in CONTENT.variants("listen.bereaved")


async def test_a_big_disclosure_is_heard_not_asked_did_you_mean(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found by a helper playing users: "Did you mean one of these? [Mutual friends] ...".
    user = emu.user(8914)
    await onboard(user)
    await user.send("he cheated on me with my best friend")
    reply = await user.reply()
    assert reply.text not in FAQ.did_you_mean, reply.plain
    # heard as what it is: a partner and a friend lost at once (a later helper's chat)
    assert reply.text in CONTENT.variants("listen.betrayed_twice"), reply.plain


async def test_contact_they_have_to_have_for_a_child_is_not_an_urge(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8915)
    await onboard(user)
    await user.send("we have a 4 year old together so i have to talk to him")
    reply = await user.reply()
    assert reply.text not in CONTENT.variants("urge.free_text_offer"), reply.plain
    kids = CONTENT.faq_entries["kids"]
    assert reply.text == JOIN.join(kids.answer) or kids.title in reply.button_texts(), \
        reply.plain


@pytest.mark.parametrize(("text", "kind"), [
    ("can my ex see that im using this", "privacy"),
    ("will he be notified", "privacy"),
    ("are you chatgpt", "about"),
    ("thank you, you actually helped", "thanks"),
    ("do you actually care or are you just a bot", "bot_care"),
    ("i just need someone to talk to", "help_bid"),
])
async def test_questions_about_the_bot_and_thanks_get_their_own_reply(
    emu: BotApiEmulator, bot: BotRunner, text: str, kind: str
) -> None:
    user = emu.user(8920)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    # Privacy is answered honestly from content/texts/privacy.yaml (who can read this chat).
    expected = CONTENT.variants("privacy.asked") if kind == "privacy" else FAQ.smalltalk[kind]
    assert reply.text in expected, reply.plain


async def test_a_setting_asked_for_in_words_is_done_or_asked(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(8930)
    await onboard(user, zone="Berlin")
    await user.send("change my daily message to 8am")
    done = await user.reply()
    assert "08:00" in done.plain, done.plain
    await user.send("/settings")
    await user.reply()
    await user.send("change my time")
    asked = await user.reply()
    assert "21:30" in asked.plain or "9pm" in asked.plain, asked.plain  # /time's question
    await user.send("7am")
    assert "07:00" in (await user.reply()).plain


async def test_a_long_story_ending_in_a_question_is_heard_before_any_did_you_mean(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(2950)
    await onboard(user)
    await user.send(
        "hello, i am sorry for my english. my boyfriend leave me two weeks ago and i am not"
        " eat and not sleep. every day i check his instagram. is it normal? when it will be"
        " better?"
    )
    reply = await user.reply()
    openings = [v[:30] for v in CONTENT.variants("faq.long_heard")]
    assert any(reply.plain.startswith(o) for o in openings), reply.plain
    assert CONTENT.faq is not None
    for v in CONTENT.faq.did_you_mean:
        assert not reply.plain.startswith(v[:20])
    assert len(reply.button_texts()) >= 2  # the closest answers, one tap away


@pytest.mark.parametrize(
    "text",
    ["can you text him for me",
     # fifteenth session: longer than small talk reads, it got "I don't know that one"
     "compose a funny birthday message i can send my ex wife, she loves puns"],
)
async def test_asking_the_bot_to_message_the_ex_is_answered_honestly(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(2951)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert _said_as(reply.plain, "on_my_behalf"), reply.plain


@pytest.mark.parametrize(
    "text",
    ["my friend just broke up with her boyfriend, how can i help her",
     "my sister got cheated on and she cant stop crying. what do i say to her?",
     # FAQ tuning set 23a: a relative's heartbreak had "Telling friends and family"
     "my sister's boyfriend is cheating on her, how do i tell her",
     "my son's girlfriend broke up with him, how can i cheer him up"],
)
async def test_help_asked_for_someone_elses_breakup_is_answered_kindly_not_as_theirs(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    # FAQ tuning set 22b: "my friend got dumped... what do i say to her" was answered with
    # "Mutual friends", as if the breakup were the person's own.
    user = emu.user(2952)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert _said_as(reply.plain, "someone_else"), reply.plain
    # the ex named: theirs after all ("my friend is still friends with my ex")
    await user.send("my friend is still friends with my ex, what do i do?")
    mutual = await user.reply()
    assert not _said_as(mutual.plain, "someone_else"), mutual.plain


@pytest.mark.parametrize("text", ["he hasnt even replied", "she left me on read",
                                  "my ex hasnt replied in 3 days what does that mean"])
async def test_their_silence_after_ones_own_message_is_heard_not_answered_with_should_i_reply(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(7301)
    await onboard(user)
    await user.send("i texted him last night")
    await user.reply()
    await user.send(text)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.no_reply"), reply.plain
    assert reply.button_texts() == [CONTENT.label("faq.btn_not_safe")]


@pytest.mark.parametrize("text", ["i want to post his nudes online, he deserves it",
                                  "im going to send her intimate pics to her new boyfriend"])
async def test_wanting_to_share_their_intimate_pictures_is_named_and_stopped_kindly(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    # Fifth probe: met with "it makes sense to feel this way" and a social-media answer.
    user = emu.user(7302)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.shares_images"), reply.plain
    assert "crime" in reply.plain


@pytest.mark.parametrize(("text", "topic"), [
    ("i really thought she was the one", "doubt-decision"),
    ("still sleeping in her tshirt", "delete-photos"),
])
async def test_a_statement_the_word_model_reads_as_telling_is_heard_not_answered(
    emu: BotApiEmulator, bot: BotRunner, text: str, topic: str
) -> None:
    # FAQ round 22 and tuning set 23a: told, not asked, yet answered outright ("Was breaking
    # up a mistake?" to "i really thought she was the one"). When the word model's best
    # reading is "asks nothing", the person is heard and the answer offered one tap away.
    user = emu.user(8930)
    await onboard(user)
    await user.send(text)
    heard = await user.reply()
    entry = CONTENT.faq_entries[topic]
    assert heard.text != JOIN.join(entry.answer)
    heard_texts = (*CONTENT.variants("faq.feeling_heard"), *CONTENT.variants("listen.heard"))
    assert heard.text in heard_texts, heard.plain
    assert entry.title in heard.button_texts()
    await user.press(entry.title, message=heard)
    assert (await user.reply()).text == JOIN.join(entry.answer)


async def test_a_long_day_told_with_no_question_is_heard_without_guessed_answers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: a long vent that asked nothing got "Here's what I have that fits
    # closest" with "We work or study together" and "I broke No Contact" (they had not).
    user = emu.user(7390)
    await onboard(user)
    await user.send(
        "so today was awful. i woke up and checked if he'd posted anything, which he had, some"
        " stupid gym selfie, and then i spent the whole commute thinking about lisbon and how he"
        " held my hand on the tram. work was a blur, my manager asked if i was ok and i nearly"
        " cried in the kitchen. then i came home and his hoodie was still on the chair. i havent"
        " texted him. i wont. but god i miss him so much and i dont know what to do with all of it"
    )
    reply = await user.reply()
    assert reply.text in CONTENT.variants("faq.long_told"), reply.plain
    titles = {e.title for e in CONTENT.faq_entries.values()}
    assert not titles & set(reply.button_texts())
    assert "📚 Topics" in reply.button_texts()


@pytest.mark.parametrize("typed", ["i saw his car outside the gym", "bumped into her at tesco"])
async def test_seeing_them_in_person_is_heard_not_answered_with_belongings_or_a_slip(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # Terminal chat: "i saw his car outside the gym" was offered "Lease, bills, living
    # together", "Getting my things back" and "I broke No Contact".
    user = emu.user(7391)
    await onboard(user)
    await user.send(typed)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.saw_them"), reply.plain
    titles = {e.title for e in CONTENT.faq_entries.values()} - {CONTENT.faq_entries["urge"].title}
    assert not titles & set(reply.button_texts())


@pytest.mark.parametrize(
    "typed", ["honestly still kinda strong but i wont do it", "the pull is bad but im holding on"]
)
async def test_the_pull_felt_and_not_acted_on_is_heard_as_such(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # Terminal chat: "honestly still kinda strong but i wont do it" got "It sounds like that
    # landed hard. What's it stirring up for you?"
    user = emu.user(7392)
    await onboard(user)
    await user.send(typed)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.resisting"), reply.plain


@pytest.mark.parametrize("typed", ["what if he's changed tho", "but what if she's different now"])
async def test_what_if_they_changed_is_answered_honestly(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # A helper's terminal chat: "what if he's changed tho" got "I can't answer that one".
    user = emu.user(9501 if "he's" in typed else 9502)
    await onboard(user)
    await user.send(typed)
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.ex_changed"), reply.plain


async def test_a_feeling_told_at_length_that_matches_nothing_is_heard_with_a_question(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: a vent of some twenty words that matched no answer got the
    # short stock line and the whole topic menu; then "sorry that was a lot" was read as a
    # yes and offered "Should I apologize for leaving?".
    user = emu.user(7391)
    await onboard(user)
    await user.send(
        "i miss him so much, every song reminds me of him and i cant stop crying at work, my"
        " manager noticed today and i had to pretend it was allergies"
    )
    reply = await user.reply()
    assert reply.text in CONTENT.variants("faq.long_told"), reply.plain
    assert reply.plain.rstrip().endswith("?")
    await user.send("sorry that was a lot")
    sorry = await user.reply()
    assert sorry.text in CONTENT.variants("listen.sorry_to_me"), sorry.plain


async def test_he_hurt_me_said_of_the_heart_is_no_danger_alarm(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # The same chat: "tell him how much he hurt me" (a shared dog, handovers every weekend)
    # got the danger reply with the abuse lines and "are you somewhere safe?".
    user = emu.user(7392)
    await onboard(user)
    await user.send(
        "we share a dog so i see him every weekend for the handover and every time he acts"
        " like nothing happened and i just want to scream and tell him how much he hurt me"
        " but i dont"
    )
    reply = await user.reply()
    assert "safe" not in reply.plain.lower(), reply.plain
    assert "112" not in reply.plain


async def test_a_long_story_with_no_feeling_words_is_heard_too(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat (an older writer): it got "I may not follow every part".
    user = emu.user(7393)
    await onboard(user)
    await user.send(
        "We were married 26 years. He moved out in October. I still set two cups out in the"
        " morning without thinking, and the solicitor keeps copying both of us into the emails"
        " about the house sale, so his name turns up in my inbox every other day."
    )
    reply = await user.reply()
    assert reply.text in CONTENT.variants("faq.long_told"), reply.plain


async def test_sorry_after_the_urge_offer_is_no_yes_to_it(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Last session's helper chats: "sorry that was a lot" under the offer started the flow.
    user = emu.user(7394)
    await onboard(user)
    await user.send("whatever. i'm calling him")
    offer = await user.reply()
    assert len(offer.button_texts()) == 2, offer.plain  # ride it out together? yes / not now
    await user.send("sorry that was a lot")
    sorry = await user.reply()
    assert sorry.text in CONTENT.variants("listen.sorry_to_me"), sorry.plain


async def test_sleepless_and_checking_their_profile_gets_the_checking_answer_offered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "its 2am and i cant sleep. i keep opening his instagram" got the nights
    # reply ending "What's keeping you awake tonight?", though they had said.
    user = emu.user(7395)
    await onboard(user)
    await user.send("its 2am and i cant sleep. i keep opening his instagram")
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.sleep_checking"), reply.plain
    assert CONTENT.faq_entries["stop-checking"].title in reply.button_texts()
    assert CONTENT.faq_entries["lonely-night"].title not in reply.button_texts()
    assert NOT_SAFE in reply.button_texts()


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("is it ok to date someone else on day 10", "listen.dating_again"),
        ("his mom died, can i go to the funeral", "listen.their_loss"),
        ("im 14 is this app even for kids", "listen.young_user"),
        ("i replied only about the kids play. is that a slip?", "listen.logistics_not_slip"),
    ],
)
async def test_questions_no_answer_covered_get_their_own_reply_not_a_wrong_answer(
    emu: BotApiEmulator, bot: BotRunner, typed: str, key: str
) -> None:
    # A helper's chats: "They're with someone new", "Telling friends and family", the
    # co-parenting answer and a restart offered, in turn.
    user = emu.user(7396)
    await onboard(user)
    await user.send(typed)
    reply = await user.reply()
    assert reply.text in CONTENT.variants(key), reply.plain
    assert "Count it as a slip" not in " ".join(reply.button_texts())


async def test_day_40_now_what_gets_what_comes_after_the_30_days(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(7397)
    await onboard(user, date="40 days ago")
    await user.send("im on day 40, now what?")
    reply = await user.reply()
    entry = CONTENT.faq_entries["nc-ends"]
    assert reply.text.startswith(entry.answer[0][:30]), reply.plain


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("this bot is useless", "not_understood"),
        ("what are you even for", "about"),
        ("you're a bot you don't get it", "bot_care"),
        ("sorry for yelling", "apology"),
    ],
)
async def test_an_angry_users_words_to_the_bot_get_small_talk_replies_not_stock_ones(
    emu: BotApiEmulator, bot: BotRunner, typed: str, kind: str
) -> None:
    # A helper's chat (an angry user): "Thank you for telling me", "Questions like that can go
    # round and round", "Is this more about missing them?" and the answer about apologising
    # to the ex, in turn.
    user = emu.user(7398)
    await onboard(user)
    await user.send(typed)
    reply = await user.reply()
    assert reply.text in CONTENT.faq.smalltalk[kind], reply.plain  # type: ignore[union-attr]


async def test_a_double_betrayal_and_sworn_anger_are_heard_as_such(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(7399)
    await onboard(user)
    await user.send("she cheated on me with my best friend")
    assert (await user.reply()).text in CONTENT.variants("listen.betrayed_twice")
    await user.send("im serious im so fucking angry")
    angry = await user.reply()
    assert CONTENT.faq_entries["anger"].title in angry.button_texts(), angry.button_texts()


async def test_frustration_sworn_at_the_date_question_is_met_with_patience(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(7400)
    await user.send("/start")
    await user.reply()
    await user.send("fuck this")
    reply = await user.reply()
    assert reply.text in CONTENT.variants("onboarding.date_frustrated"), reply.plain
    await user.send("today")
    assert "Day 1" in (await user.reply()).plain


async def test_what_do_i_say_right_after_their_message_is_answered_about_that_message(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "omg what do i say" a moment after pasting his text got "Questions
    # like that can go round and round".
    user = emu.user(7401)
    await onboard(user)
    await user.send("he said 'hey stranger, been thinking about u'")
    await user.reply()
    await user.send("omg what do i say")
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.what_to_say"), reply.plain
    assert CONTENT.faq_entries["should-reply"].title in reply.button_texts()


async def test_the_same_answer_asked_again_after_an_urge_offer_is_not_sent_whole_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "hes calling me right now" got the "they texted" answer word for word
    # a minute after "HE TEXTED ME", an urge offer between them.
    user = emu.user(7402)
    await onboard(user)
    await user.send("HE TEXTED ME")
    first = await user.reply()
    await user.send("i already typed a reply should i send it")
    await user.reply()
    await user.send("no")
    await user.reply()
    await user.send("hes calling me right now")
    again = await user.reply()
    assert again.text != first.text, again.plain


@pytest.mark.parametrize(
    ("typed", "expect"),
    [
        ("the kids have a football match saturday and we'll both be there. what do i say to her",
         "answered"),
        ("how do i hide this bot", "privacy"),
        ("is 15 too young for this bot", "young"),
    ],
)
async def test_a_fathers_match_hiding_the_chat_and_a_teens_age_get_fitting_replies(
    emu: BotApiEmulator, bot: BotRunner, typed: str, expect: str
) -> None:
    # A helper's chats: the first was declined ("I can't help with that one"), the second got
    # the block-or-mute menu, the third "Questions like that can go round and round".
    user = emu.user(7403)
    await onboard(user)
    await user.send(typed)
    reply = await user.reply()
    if expect == "answered":
        assert reply.text not in FAQ.out_of_scope, reply.plain
        assert "kids" in " ".join(reply.button_texts()).lower() or "child" in reply.plain.lower()
    elif expect == "privacy":
        assert reply.text == CONTENT.text("privacy.asked"), reply.plain
    else:
        assert reply.text in CONTENT.variants("listen.young_user"), reply.plain


async def test_letting_the_ex_in_is_answered_and_the_door_held_is_a_win(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "should i let her in for 5 min?" got "I don't want to guess at it";
    # "she left. i didn't open" a topic menu.
    user = emu.user(7404)
    await onboard(user)
    await user.send("should i let her in for 5 min?")
    assert (await user.reply()).text in CONTENT.variants("listen.door_let_in")
    await user.send("she left. i didn't open")
    assert (await user.reply()).text in CONTENT.variants("listen.door_held")


@pytest.mark.parametrize("typed", ["no puedo respirar", "ich krieg keine luft"])
async def test_panic_told_in_another_language_gets_the_panic_steps(
    emu: BotApiEmulator, bot: BotRunner, typed: str
) -> None:
    # A helper's chat: "no puedo respirar" got "Say as much or as little as you like".
    user = emu.user(7405)
    await onboard(user)
    await user.send(typed)
    reply = await user.reply()
    assert "breathe out" in reply.plain.lower() or "breath" in reply.plain.lower(), reply.plain


async def test_swearing_at_the_bot_is_met_not_read_as_missing_them(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(7406)
    await onboard(user)
    await user.send("f*** you")
    reply = await user.reply()
    assert reply.text in CONTENT.faq.smalltalk["not_understood"], reply.plain  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("why do i keep doing this", "listen.keeps_relapsing"),
        ("she cheated and I'm the one who has to do 'no contact'?? f*** that", "listen.unfair_nc"),
    ],
)
async def test_relapsing_again_and_the_unfairness_of_it_are_heard_as_such(
    emu: BotApiEmulator, bot: BotRunner, typed: str, key: str
) -> None:
    # A helper's chats: the answer about grief, and the one for the person who left.
    user = emu.user(7407)
    await onboard(user)
    await user.send(typed)
    assert (await user.reply()).text in CONTENT.variants(key)


async def test_a_slip_told_with_self_blame_gets_the_slip_answer_not_a_stock_line(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(7408)
    await onboard(user, date="5 days ago")
    await user.send("i texted her AGAIN. i'm pathetic")
    reply = await user.reply()
    assert "Count it as a slip" in " ".join(reply.button_texts()), reply.button_texts()
    assert reply.text not in CONTENT.variants("faq.feeling_heard")


async def test_questions_about_the_bot_itself_are_answered_as_such(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "are you AI? like chatgpt?", "is a human reading this?", "who is
    # behind this bot?" got "Questions like that can go round and round" and menus
    user = emu.user(25010)
    await onboard(user, zone="Europe/London")
    for text in ("are you AI? like chatgpt?", "is a human reading this?",
                 "who is behind this bot? a company?"):
        await user.send(text)
        reply = await user.reply()
        assert _said_as(reply.text, "about"), (text, reply.plain)
    await user.send("do you actually care or is it just code")
    care = await user.reply()
    assert _said_as(care.text, "bot_care"), care.plain


async def test_thirty_days_done_is_what_comes_after_and_a_win_is_no_yes_to_the_urge_offer(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "so can i text him now? the 30 days are done" got the urge offer, and
    # "i made it!! 30 days" typed under it started the urge flow; "ok. i won't" too
    user = emu.user(25011)
    await onboard(user, zone="Europe/London")
    await user.send("so can i text him now? the 30 days are done")
    after = await user.reply()
    assert "Day 30" in after.plain, after.plain
    assert "Yes, help me" not in after.button_texts()
    await user.send("should i unblock him just to make sure hes alive tomorrow")
    offer = await user.reply()
    assert "Yes, help me" in offer.button_texts(), offer.plain
    await user.send("i made it!! 30 days")
    glad = await user.reply()
    assert "10" not in glad.button_texts(), glad.plain  # no strength scale
    other = emu.user(25013)
    await onboard(other, zone="Europe/London")
    await other.send("should i unblock him just to make sure hes alive tomorrow")
    again = await other.reply()
    assert "Yes, help me" in again.button_texts(), again.plain
    await other.send("ok. i won't")
    wont = await other.reply()
    assert "10" not in wont.button_texts(), wont.plain


async def test_worth_asked_and_the_safety_question_objected_to_get_their_own_replies(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "am i a failure" got "I can't answer that one for you"; "why do you
    # keep asking if im safe, im just pissed off" got the answer about fearing the ex
    user = emu.user(25012)
    await onboard(user, zone="Europe/London")
    await user.send("am i a failure")
    worth = await user.reply()
    assert worth.text in CONTENT.variants("listen.asks_if_failure"), worth.plain
    await user.send("why do you keep asking if im safe, im just pissed off")
    why = await user.reply()
    assert why.text in CONTENT.variants("listen.asks_why_safe"), why.plain
    await user.send("you're a fucking bot you don't understand anything")
    missed = await user.reply()
    assert _said_as(missed.text, "not_understood"), missed.plain


async def test_work_messages_a_practical_message_and_the_ex_at_the_door_to_talk(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Helpers' chats: "she messaged me on slack about a deadline. do i have to reply?" got the
    # urge offer; "can you pick up luna saturday?" got "you don't have to answer it at all";
    # "he's knocking on my door rn wanting to talk" got "call 911 right now"
    user = emu.user(25014)
    await onboard(user, zone="Europe/London")
    await user.send("she messaged me on slack about a deadline. do i have to reply?")
    work = await user.reply()
    assert work.text in CONTENT.variants("listen.logistics_work"), work.plain
    await user.send("he texted 'can you pick up luna saturday?' what do i reply")
    practical = await user.reply()
    assert any(
        practical.text == v.format(them="him")
        for v in CONTENT.variants("listen.ex_message_practical")
    ), practical.plain
    await user.send("he's knocking on my door rn wanting to talk")
    door = await user.reply()
    assert door.text in CONTENT.variants("listen.door_let_in"), door.plain
    assert "911" not in door.plain
    assert "112" not in door.plain


async def test_after_the_ex_died_the_funeral_and_what_the_bot_is_for_now_are_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: the funeral question got a generic grief line, and "there's no one to
    # not contact" a crisis line
    user = emu.user(25018)
    await onboard(user, zone="Australia/Sydney")
    await user.send("my ex died two weeks ago. car accident")
    await user.reply()
    await user.send("the funeral is on thursday. his family hates me. should i go?")
    funeral = await user.reply()
    assert funeral.text in CONTENT.variants("listen.bereaved_funeral"), funeral.plain
    await user.send("is it my fault? i ended it two months before")
    guilt = await user.reply()
    assert guilt.text in CONTENT.variants("listen.bereaved_guilt"), guilt.plain
    await user.send("what do i even do with this app now. there's no one to not contact")
    app = await user.reply()
    assert app.text in CONTENT.variants("listen.bereaved_app"), app.plain


async def test_what_to_tell_the_children_is_answered(emu: BotApiEmulator, bot: BotRunner) -> None:
    # A helper's chat (a father): "my son asked why mommy and daddy dont talk anymore. what do
    # i tell a 6 year old" got "a shared calendar helps", then menus
    user = emu.user(25022)
    await onboard(user, zone="Europe/London")
    await user.send(
        "my son asked why mommy and daddy dont talk anymore. what do i tell a 6 year old"
    )
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.kids_ask_why"), reply.plain


async def test_a_returning_persons_small_questions_get_straight_answers(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, a helper's chats: "remember my reason?" got "I can't answer that one for
    # you"; "day 1 right?" "I don't want to guess at it"; "is this chatgpt" and "wat?"
    # "Questions like that can go round and round"; "im ok now i promise" was told in Polish
    # that the bot speaks English; "going to try to sleep" got a feelings question
    user = emu.user(26007)
    await onboard(user, zone="Europe/London", reason="i deserve peace")
    await user.send("remember my reason?")
    reasons = await user.reply()
    assert "i deserve peace" in reasons.plain, reasons.plain
    await user.send("day 1 right?")
    status = await user.reply()
    assert "Day 1" in status.plain, status.plain
    await user.send("is this chatgpt")
    about = await user.reply()
    assert about.text in FAQ.smalltalk["about"], about.plain
    await user.send("wat?")
    unclear = await user.reply()
    assert unclear.text in FAQ.smalltalk["confused"], unclear.plain
    assert NOT_SAFE in unclear.button_texts()
    await user.send("im ok now i promise")
    okay = await user.reply()
    assert "angielsku" not in okay.plain, okay.plain
    assert "English" not in okay.plain, okay.plain
    await user.send("going to try to sleep")
    night = await user.reply()
    assert night.text in FAQ.smalltalk["bye"], night.plain


async def test_the_ex_in_hospital_and_asking_for_money_are_answered_not_met_with_the_check(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, a helper's chat: "he messaged. says hes in hospital" got "are you safe right
    # now?", and "and now he wants me to send him 2000 rand for meds" "please call 112"
    user = emu.user(26009)
    await onboard(user, zone="Africa/Johannesburg")
    await user.send("he messaged. says hes in hospital")
    hospital = await user.reply()
    assert hospital.text in CONTENT.variants("listen.ex_in_hospital"), hospital.plain
    assert "112" not in hospital.plain
    await user.send("and now he wants me to send him 2000 rand for meds")
    money = await user.reply()
    assert money.text in CONTENT.variants("listen.ex_asks_money"), money.plain
    assert "112" not in money.plain


def _ex_message(them: str) -> list[str]:
    return [render(v, them=them) for v in CONTENT.variants("listen.ex_message")]


async def test_a_message_from_the_ex_pasted_whole_in_quotes_is_heard_as_theirs(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, a helper's chat: "'it was nice seeing you. coffee sometime?'" got "I can't
    # help with that one. I only know about No Contact"
    user = emu.user(26011)
    await onboard(user, zone="Europe/London")
    await user.send("'it was nice seeing you. coffee sometime?'")
    heard = await user.reply()
    assert heard.text not in REFUSALS, heard.plain
    assert heard.text in _ex_message("them"), heard.plain
    assert CONTENT.faq_entries["should-reply"].title in heard.button_texts()
    await user.send("he texted 'coffee sometime?'")
    again = await user.reply()
    assert again.text in _ex_message("him"), again.plain


async def test_asked_to_write_the_reply_a_shape_is_given_not_a_refusal(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, helpers' chats (six people): "can u write it for me", "give me the actual
    # words", "help me word a no" got "I can't help with that one" or the urge exercise;
    # "ok. day 2 still right?" and "whats my longest streak" got "I don't know that one"
    user = emu.user(26016)
    await onboard(user, zone="Europe/London")
    for text in ("can u write it for me then, something short and not needy",
                 "ok but like give me the actual words", "can u help me word a no"):
        await user.send(text)
        reply = await user.reply()
        assert reply.text in CONTENT.variants("listen.write_for_me"), reply.plain
        assert reply.text not in REFUSALS
    await user.send("write me a poem about my ex")
    poem = await user.reply()
    assert poem.text not in CONTENT.variants("listen.write_for_me"), poem.plain
    for text in ("ok. day 1 still right?", "whats my longest streak"):
        await user.send(text)
        status = await user.reply()
        assert "Day 1" in status.plain, status.plain


async def test_a_charger_asked_back_is_about_belongings_and_a_repeat_is_owned(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26, a helper's chat: "can i unblock him just to ask for my charger back" got the
    # urge offer; "you already said that" got "Feelings like this come in waves"
    user = emu.user(27001)
    await onboard(user)
    await user.send("can i unblock him just to ask for my charger back")
    things = await user.reply()
    assert "Yes, help me" not in things.button_texts(), things.plain
    assert "Getting my things back" in things.plain + " ".join(things.button_texts())
    await user.send("you already said that")
    owned = await user.reply()
    assert owned.text in FAQ.smalltalk["not_understood"], owned.plain
    await user.send("you keep saying the same thing")
    again = await user.reply()
    assert again.text in FAQ.smalltalk["not_understood"], again.plain


async def test_wins_told_are_celebrated_and_the_count_asked_is_shown(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, helpers' chats: "i didnt text him even tho it was his bday today!!!" got
    # "that's a heavy thing to sit with", "he called 3 times and i didnt pick up!!" "I'm
    # listening", "proud of me?" "questions like that go round"; "whats my longest" and "how
    # many days do i have" "I don't know that one"; a mum quoted ("you'll regret this when
    # you're alone at 40") got the danger talk and a refuge
    user = emu.user(27013)
    await onboard(user)
    for win in (
        "i didnt text him even tho it was his bday today!!!",
        "he called 3 times and i didnt pick up!!",
        "proud of me?",
    ):
        await user.send(win)
        glad = await user.reply()
        assert glad.text in FAQ.smalltalk["good_news"], (win, glad.plain)
    for asked in ("whats my longest", "how many days do i have"):
        await user.send(asked)
        count = await user.reply()
        assert "Longest streak" in count.plain, (asked, count.plain)
    await user.send("my mum said 'you'll regret this when you're alone at 40'")
    mum = await user.reply()
    assert "are you safe" not in mum.plain.lower(), mum.plain
    assert "refuge" not in mum.plain.lower(), mum.plain


async def test_a_draft_shown_a_yes_or_no_asked_a_mums_text_and_a_handover_are_each_heard(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, helpers' chats: a draft to the ex shown in quotes got a pet's answer; "just
    # tell me yes or no" "I can't answer that one for you"; a mum's text quoted and a handover
    # that hurt were each offered "Count it as a slip"
    user = emu.user(27014)
    await onboard(user)
    said_back = {
        "ok i wrote this: 'hey i know we said no contact but i miss the dog'": "draft_shown",
        "just tell me yes or no": "yes_or_no",
        "my mum just texted me this: 'darling just call him, life is too short'": (
            "family_quoted"
        ),
        "did the handover myself. he was nice and it messed me up": "handover_hurt",
    }
    for typed, key in said_back.items():
        await user.send(typed)
        reply = await user.reply()
        assert reply.text in CONTENT.variants(f"listen.{key}"), (typed, reply.plain)
        assert "Count it as a slip" not in " ".join(reply.button_texts()), reply.plain


async def test_how_to_check_for_tracking_is_answered_with_the_lines_one_tap_away(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 27, a helper's chat: "how do i check if my phone is being tracked" got "I don't
    # want to guess at it... /urge is right here"
    user = emu.user(27025)
    await onboard(user)
    await user.send("how do i check if my phone is being tracked")
    reply = await user.reply()
    assert reply.text in CONTENT.variants("listen.tracker"), reply.plain
    assert NOT_SAFE in reply.button_texts(), reply.plain


async def test_the_blame_taken_on_and_self_hate_are_met_fairly_never_agreed_with(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: "i think im the toxic one honestly. i used to yell" got
    # "That makes sense, given everything" and a button asking whether No Contact is
    # manipulative; "i hate myself for this" got a topic menu
    user = emu.user(28017)
    await onboard(user)
    for text, key in (
        ("i think im the toxic one honestly. i used to yell", "listen.my_fault"),
        ("was it my fault", "listen.my_fault"),
        ("i hate myself for this", "listen.self_hate"),
    ):
        await user.send(text)
        reply = await user.reply()
        assert reply.text in CONTENT.variants(key), (text, reply.plain)
        assert NOT_SAFE in reply.button_texts(), reply.plain


@pytest.mark.parametrize(
    ("uid", "text"),
    [(28018, "also i got the job!!!!"), (28019, "guess what i passed my driving test")],
)
async def test_good_news_about_life_is_met_with_gladness(
    emu: BotApiEmulator, bot: BotRunner, uid: int, text: str
) -> None:
    # Session 28, a helper's chat: "i got the job!!!!" got "That's a lot to carry", twice
    user = emu.user(uid)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert _said_as(reply.text, "good_news"), reply.plain


async def test_a_second_message_in_a_language_it_cannot_read_is_said_honestly(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: after the English-only notice, Polish got "It sounds like
    # that landed hard", as if understood; a Hinglish "about to text her" got "I may not follow
    # every part"
    user = emu.user(28020)
    await onboard(user)
    await user.send("nie wiem co mam teraz zrobić ze sobą")
    notice = await user.reply()
    assert notice.text in CONTENT.variants("language.english_only.pl"), notice.plain
    await user.send("jest mi bardzo ciężko dzisiaj wieczorem")
    honest = await user.reply()
    assert honest.text in CONTENT.variants("language.still_other.pl"), honest.plain
    assert NOT_SAFE in honest.button_texts(), honest.plain
    other = emu.user(28021)
    await onboard(other)
    await other.send("main usse abhi text karne wala hoon")
    urge = await other.reply()
    assert urge.text in CONTENT.variants("urge.free_text_offer"), urge.plain  # not the notice
    assert urge.text not in CONTENT.variants("language.english_only.hi_latn"), urge.plain


async def test_numbness_and_no_menu_are_answered_in_words(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: "i feel kinda... nothing? is that normal" got eight topic
    # buttons; "no i dont want a menu i want you to say something" got another menu; "are you
    # there" opened with "I'm a bot, so I can't care"
    user = emu.user(28023)
    await onboard(user)
    await user.send("i feel kinda... nothing? is that normal")
    numb = await user.reply()
    assert numb.text in CONTENT.variants("listen.numb"), numb.plain
    assert numb.button_texts() == [NOT_SAFE], numb.button_texts()
    await user.send("no i dont want a menu i want you to say something")
    words = await user.reply()
    assert words.text in CONTENT.variants("listen.no_menu"), words.plain
    assert words.button_texts() == [NOT_SAFE], words.button_texts()
    await user.send("are you there")
    here = await user.reply()
    assert here.plain.startswith(("I'm here", "Still here")), here.plain


async def test_meaning_it_after_words_of_hurting_someone_is_taken_seriously(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: after "i hope she dies", "honestly i know where she lives"
    # got a topic menu and "not kidding" the answer about children ("kidding" read as kids)
    user = emu.user(28024)
    await onboard(user)
    await user.send("i hope she dies tbh. the new gf")
    anger = await user.reply()
    assert anger.text in CONTENT.variants("listen.anger_violent"), anger.plain
    for text in ("honestly i know where she lives", "not kidding"):
        await user.send(text)
        serious = await user.reply()
        assert serious.text in CONTENT.variants("listen.anger_serious"), (text, serious.plain)
        assert NOT_SAFE in serious.button_texts(), serious.plain


async def test_a_practical_draft_is_fine_to_send_and_a_feeling_one_is_held(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: a co-parent's "should I send this: 'Fine. They need to be
    # back Sunday by 6 for school.'" got "Keep it unsent for now"
    user = emu.user(28027)
    await onboard(user)
    await user.send("should I send this: 'Fine. They need to be back Sunday by 6 for school.'")
    practical = await user.reply()
    assert practical.text in CONTENT.variants("listen.draft_practical"), practical.plain
    await user.send("should i send this: 'i miss you so much, can we talk sunday'")
    held = await user.reply()
    assert held.text not in CONTENT.variants("listen.draft_practical"), held.plain


async def test_the_ex_asking_for_no_contact_is_respected_with_no_apology(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 28, a helper's chat: "she said 'please stop'" got "you don't have to answer it",
    # then "shud i say sorry for texting" got "a short, sincere apology can be right: once"
    user = emu.user(28028)
    await onboard(user)
    await user.send("she said 'please stop'")
    stop = await user.reply()
    assert stop.text in [render(v, them="her") for v in CONTENT.variants("listen.ex_message_stop")]
    await user.send("shud i say sorry for texting")
    sorry = await user.reply()
    assert sorry.text in CONTENT.variants("listen.ex_stop_sorry"), sorry.plain
