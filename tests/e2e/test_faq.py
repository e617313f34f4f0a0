"""Questions: the /faq menu, free text in any phrasing, small talk, out of scope."""

from __future__ import annotations

import pytest

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from bot.services import tghtml
from tests.harness import BotRunner, onboard

CONTENT = load_content()
JOIN = "\n\n"  # an answer's parts reach the person as one message, a blank line between them


async def test_menu_goes_topic_question_answer_and_back(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(4001)
    await user.send("/faq")
    menu = await user.reply()
    first_topic = next(iter(CONTENT.faq_topics.values()))
    assert menu.button_texts() == [t.title for t in CONTENT.faq_topics.values()]
    await user.press(first_topic.title)
    topic = await user.wait_for(lambda m: m.message_id == menu.message_id and m.edited)
    question = CONTENT.faq_entries[first_topic.question_ids[0]]
    assert question.title in topic.button_texts()
    await user.press(question.title, message=topic)
    answer = await user.reply()
    assert answer.text == JOIN.join(question.answer)
    assert "📚 Other questions" in answer.button_texts()
    await user.press("⬅️ All topics", message=topic)
    back = await user.wait_for(lambda m: m.message_id == menu.message_id)
    assert first_topic.title in back.button_texts()


async def test_free_text_question_gets_the_right_answer(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(4002)
    await onboard(user)
    await user.send("my ex just texted me out of nowhere, what do i do??")
    expected = CONTENT.faq_entries["they-texted"].answer
    assert (await user.reply()).text == JOIN.join(expected)


async def test_an_answer_about_safety_keeps_the_way_to_help_beside_it(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Round 32 (counts only): a threat answered with "I'm afraid of them" had no button; the
    # answer says "write I'm not safe", the button does it in one tap
    user = emu.user(4011)
    await onboard(user)
    for text, entry in (
        ("my ex scares me sometimes, what should i do", "in-danger"),
        ("how do i know when to get professional help", "get-help"),
    ):
        await user.send(text)
        reply = await user.reply()
        assert reply.text == JOIN.join(CONTENT.faq_entries[entry].answer), reply.plain
        assert CONTENT.label("faq.btn_not_safe") in reply.button_texts()
    await user.send("my ex just texted me out of nowhere, what do i do??")
    other = await user.reply()
    assert other.text == JOIN.join(CONTENT.faq_entries["they-texted"].answer)
    assert CONTENT.label("faq.btn_not_safe") not in other.button_texts()


async def test_a_follow_up_on_the_answer_just_given_is_not_the_whole_answer_again(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: "how do i stop" right after the answer on checking their profile got
    # that whole answer again, word for word
    user = emu.user(4012)
    await onboard(user)
    await user.send("i cant stop looking at her insta, how do i stop checking")
    first = await user.reply()
    assert first.text == JOIN.join(CONTENT.faq_entries["stop-checking"].answer)
    await user.send("how do i stop")
    again = await user.reply()
    assert again.text != first.text
    parts = CONTENT.variants("faq.same_again_part")
    assert again.text in CONTENT.variants("faq.same_again") or any(
        again.text.startswith(v.split("{part}")[0]) for v in parts
    ), again.plain
    assert CONTENT.faq_entries["stop-checking"].title in again.button_texts()


async def test_question_works_before_onboarding_too(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(4003)
    await user.send("how long should no contact last")
    expected = CONTENT.faq_entries["how-long"].answer
    assert (await user.reply()).text == JOIN.join(expected)


async def test_out_of_scope_is_honest_and_offers_the_menu(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(4004)
    await onboard(user)
    await user.send("what's the weather like in paris tomorrow")
    reply = await user.reply()
    assert reply.text in CONTENT.faq.out_of_scope  # type: ignore[union-attr]
    assert len(reply.button_texts()) == len(CONTENT.faq_topics)


async def test_a_feeling_gets_heard_not_told_it_is_out_of_scope(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(4008)
    await onboard(user)
    for text in ("i feel so stupid", "i feel so lost today"):
        await user.send(text)
        reply = await user.reply()
        assert reply.text not in CONTENT.faq.out_of_scope  # type: ignore[union-attr]
        # (a feeling is never placed with confidence) the way to help
        assert CONTENT.label("faq.btn_not_safe") in reply.button_texts()
        if text == "i feel so stupid":  # calling oneself names: kindness, not a menu
            assert reply.text in CONTENT.variants("listen.self_blame")
            continue
        assert reply.text in CONTENT.variants("faq.feeling_heard")
        assert len(reply.button_texts()) == len(CONTENT.faq_topics) + 1  # and the topics


async def test_questions_about_the_bot_say_what_it_is(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(4009)
    await onboard(user)
    await user.send("what can you do?")
    reply = await user.reply()
    assert reply.text in CONTENT.faq.smalltalk["about"]  # type: ignore[union-attr]
    assert "/urge" in reply.plain


async def test_small_talk_gets_a_short_natural_reply(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(4005)
    await onboard(user)
    await user.send("thanks!!")
    assert (await user.reply()).text in CONTENT.faq.smalltalk["thanks"]  # type: ignore[union-attr]


async def test_unsure_question_offers_did_you_mean_buttons(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(4006)
    await onboard(user)
    ambiguous = "will we ever be friends again"
    match = bot.runtime.matcher.match(ambiguous)
    assert match.kind == "suggest"
    await user.send(ambiguous)
    reply = await user.reply()
    assert reply.text in CONTENT.faq.did_you_mean  # type: ignore[union-attr]
    titles = [CONTENT.faq_entries[i].title for i in match.ids]
    # not placed with confidence: the way to help comes with the question back
    assert reply.button_texts() == [*titles, "📚 Other questions", "🚨 I'm not safe right now"]
    await user.press(titles[0], message=reply)
    expected = CONTENT.faq_entries[match.ids[0]].answer
    assert (await user.reply()).text == JOIN.join(expected)


async def test_forged_faq_buttons_are_refused(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(4007)
    await user.send("/faq")
    menu = await user.reply()
    await user.press_data("faq:-:q:no-such-question", message_id=menu.message_id)
    await user.press_data("faq:-:t:../../etc", message_id=menu.message_id)
    await user.silence(0.3)
    assert all(text for text, _ in user.callback_answers)


def test_every_answer_fits_telegram() -> None:
    for entry in CONTENT.faq_entries.values():
        for part in entry.answer:
            tghtml.validate(part)
            assert 0 < tghtml.visible_length(part) <= 1000, entry.id


async def test_anger_gets_its_own_answer_not_a_word_it_shares(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(4020)
    await onboard(user)
    await user.send("im gonna key his car lol")  # "key" is not the keys to a shared flat
    reply = await user.reply()
    # the answer about anger, or (since the ninth session) the reply to revenge planned
    answers = {JOIN.join(CONTENT.faq_entries["anger"].answer), *CONTENT.variants("listen.revenge")}
    assert reply.text in answers, reply.plain


async def test_a_question_buried_in_a_long_story_is_asked_back_not_dropped(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Round 6 (tuning material): most of the message is the story, so no answer covers it;
    # it used to get no question back at all. Now the nearest answers are offered.
    user = emu.user(4020)
    await onboard(user)
    text = ("its been 6 weeks and i still cry every single morning before work, i thought i'd "
            "be better by now. how long does this usually take to fade")
    match = bot.runtime.matcher.match(text)
    assert match.kind == "suggest"
    assert "pain_easing" in match.ids
    await user.send(text)
    reply = await user.reply()
    assert reply.text in CONTENT.faq.did_you_mean  # type: ignore[union-attr]
    assert CONTENT.faq_entries["pain_easing"].title in reply.button_texts()


async def test_a_close_runner_up_is_offered_under_the_answer(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(4021)
    await onboard(user)
    # (until session 36 "not sure nc is right for my situation"; an answer added then moved
    # the words' weights, and it is now asked back between its two answers)
    text = "why does a breakup hurt this much"
    match = bot.runtime.matcher.match(text)
    assert match.kind == "answer"
    assert match.also is not None
    await user.send(text)
    reply = await user.reply()
    assert reply.text == JOIN.join(CONTENT.faq_entries[match.ids[0]].answer)
    also = CONTENT.faq_entries[match.also]
    button = f"🔎 Or: {also.title}"
    assert button in reply.button_texts()
    await user.press(button, message=reply)
    assert (await user.reply()).text == JOIN.join(also.answer)


async def test_a_plain_question_has_no_runner_up_button(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(4022)
    await onboard(user)
    text = "how long should no contact last"
    assert bot.runtime.matcher.match(text).also is None
    await user.send(text)
    reply = await user.reply()
    assert not any(b.startswith("🔎") for b in reply.button_texts())


@pytest.mark.parametrize(
    "text",
    ["make me a workout plan for next week", "explain how a mortgage works",
     "can you recommend a good movie for tonight", "how do i sell my old bike on ebay"],
)
async def test_a_request_for_a_task_or_a_product_is_declined_kindly(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(4023)
    await onboard(user)
    await user.send(text)
    assert (await user.reply()).text in CONTENT.faq.out_of_scope  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "answer"), [
    # round 9's phrase rules, in words of my own
    ("we've got a 2 year old together so how would no contact even work", "kids"),
    ("she doesnt want to be together but still texts me every night. what is this",
     "mixed-signals"),
    ("my counsellor said i should try no contact, what does that actually involve", "what-is-nc"),
    ("how do i draw a line with him and actually stick to it", "boundaries"),
])
async def test_round_9_phrasings_are_answered_right(
    emu: BotApiEmulator, bot: BotRunner, text: str, answer: str
) -> None:
    user = emu.user(4020)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    entry = CONTENT.faq_entries[answer]
    assert reply.text == JOIN.join(entry.answer) or entry.title in reply.button_texts(), \
        reply.plain


async def test_the_i_want_to_text_them_button_starts_the_urge_flow_itself(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found by a helper playing users: the button only said "tap /urge".
    user = emu.user(4021)
    await onboard(user)
    await user.send("my ex just posted a story with his new gf")
    answer = await user.reply()
    button = CONTENT.label("faq.btn_next_urge")
    assert button in answer.button_texts()
    await user.press(button, message=answer)
    opener = await user.reply()
    assert any(opener.plain.startswith(v[:30]) for v in CONTENT.variants("urge.opener")), \
        opener.plain
    assert "10" in opener.button_texts()


async def test_a_slip_told_offers_to_count_it_and_the_button_restarts_the_count(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found by a helper playing users: "i texted her" got the slip answer, and /status then
    # went on celebrating the full streak.
    user = emu.user(4022)
    await onboard(user, date="2 weeks ago")
    await user.send("i texted her last night")
    answer = await user.reply()
    button = CONTENT.label("faq.btn_next_slip")
    assert button in answer.button_texts(), answer.plain
    await user.press(button, message=answer)
    confirm = await user.reply()
    await user.press(CONTENT.label("slip.confirm_labels.restart"), message=confirm)
    await user.reply()
    await user.send("/status")
    status = await user.reply()
    assert "Day 1" in status.plain, status.plain


@pytest.mark.parametrize("text", [
    "how do i recover deleted photos from my iphone",
    "what should i get my mum for her birthday",
    "convert 30 days to hours",
    "write a birthday message for my coworker",
    "my roommate never pays her share of the electric bill, how do i bring it up with her",
])
async def test_a_request_from_another_part_of_life_is_declined_kindly(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    user = emu.user(4016)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text in CONTENT.faq.out_of_scope, reply.plain  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "qid"), [
    ("should i delete our photos from my iphone", "delete-photos"),  # tied to them: answered
    ("can i ask her to give back my laptop", "getting_things_back"),
])
async def test_the_same_things_tied_to_the_ex_are_answered(
    emu: BotApiEmulator, bot: BotRunner, text: str, qid: str
) -> None:
    user = emu.user(4017)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text not in CONTENT.faq.out_of_scope, reply.plain  # type: ignore[union-attr]
    assert reply.text == "\n\n".join(CONTENT.faq_entries[qid].answer), reply.plain


@pytest.mark.parametrize("text", ["i think i am not enough", "was i not good enough for him"])
async def test_feeling_not_enough_is_met_as_worth_not_as_how_long_no_contact_lasts(
    emu: BotApiEmulator, bot: BotRunner, text: str
) -> None:
    # "enough" used to pull in "is 30 days enough": a day count for someone doubting their worth.
    user = emu.user(4018)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text == "\n\n".join(CONTENT.faq_entries["self-worth"].answer), reply.plain
    await user.send("is a month not enough")  # a duration stays a question about the duration
    assert (await user.reply()).text == "\n\n".join(CONTENT.faq_entries["how-long"].answer)


async def test_asking_whether_a_logistics_reply_breaks_the_streak_is_not_a_slip_card(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(4019)
    await onboard(user)
    await user.send("i replied to him about the rent money does that break my streak")
    reply = await user.reply()
    # Answered directly (sixth probe, M12): a message only about the rent money is fine, the
    # whole answer about what counts one tap away.
    assert "only about the rent money" in reply.plain, reply.plain
    assert "No Contact" in reply.plain
    assert CONTENT.faq_entries["what-counts"].title in reply.button_texts()
    assert all("slip" not in b.lower() for b in reply.button_texts())


@pytest.mark.parametrize(("text", "entries"), [
    # A helper's terminal chats: "what if he texts me first" got "Will they come back?";
    # "i want to be happy again" got the birthdays answer
    ("what if he texts me first", ("they-texted", "should-reply")),
    ("i just want to be happy again", ("pain_easing",)),
])
async def test_what_to_do_when_they_text_and_a_wish_to_be_happy_get_fitting_answers(
    emu: BotApiEmulator, bot: BotRunner, text: str, entries: tuple[str, ...]
) -> None:
    user = emu.user(4013 if "texts" in text else 4014)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text in {JOIN.join(CONTENT.faq_entries[e].answer) for e in entries}, reply.plain


async def test_what_counts_asked_with_an_example_is_the_rule_not_an_urge(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: it got "It sounds like you want to reach out to them".
    user = emu.user(4015)
    await onboard(user)
    await user.send("what counts as contact? can i like his post")
    reply = await user.reply()
    assert reply.text == JOIN.join(CONTENT.faq_entries["what-counts"].answer), reply.plain


@pytest.mark.parametrize(("user_id", "text", "entry"), [
    # A helper's terminal chats: read as a feeling, with the urge and closure letters offered
    (4016, "hes sending more. now hes calling", "they-texted"),
    (4017, "she keeps ringing, what do i do", "they-texted"),
    # ... and "i keep rereading our old convo" matched nothing
    (4018, "how do i stop rereading our old messages", "stop-checking"),
])
async def test_them_still_calling_and_rereading_old_chats_get_their_answers(
    emu: BotApiEmulator, bot: BotRunner, user_id: int, text: str, entry: str
) -> None:
    user = emu.user(user_id)
    await onboard(user)
    await user.send(text)
    reply = await user.reply()
    assert reply.text == JOIN.join(CONTENT.faq_entries[entry].answer), reply.plain


async def test_rereading_old_chats_told_is_heard_with_its_answer_offered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(4019)
    await onboard(user)
    await user.send("i keep rereading our old convo")
    reply = await user.reply()
    assert CONTENT.faq_entries["stop-checking"].title in reply.button_texts(), reply.plain


async def test_a_slip_told_with_being_left_on_read_is_met_as_a_slip(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat: it got "if you reached out, that's okay" and no restart.
    user = emu.user(4020)
    await onboard(user, date="18 days ago")
    await user.send("I texted him at 3am last night. he left me on read. 18 days down the drain")
    reply = await user.reply()
    assert reply.text == JOIN.join(CONTENT.faq_entries["slip"].answer), reply.plain


async def test_opening_their_instagram_again_and_again_reaches_the_checking_answer(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chat matched it to nothing (alone) or to the nights answer only.
    user = emu.user(4021)
    await onboard(user)
    await user.send("i keep opening his instagram")
    reply = await user.reply()
    entry = CONTENT.faq_entries["stop-checking"]
    assert reply.text == JOIN.join(entry.answer) or entry.title in reply.button_texts(), (
        reply.plain
    )


async def test_an_event_both_are_asked_to_and_a_question_after_be_honest_are_answered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Session 26: "wedding invite from his sister, should i go" got the answer about telling
    # family; "should i congratulate him on his wedding" one about birthdays only; "be honest
    # is there any chance she comes back" was heard as a feeling (no question word first)
    user = emu.user(26004)
    await onboard(user)
    await user.send("wedding invite from his sister, should i go")
    event = await user.reply()
    assert event.text == JOIN.join(CONTENT.faq_entries["run-into"].answer), event.plain
    assert "wedding" in event.plain
    await user.send("should i congratulate him on his wedding")
    wish = await user.reply()
    assert wish.text == JOIN.join(CONTENT.faq_entries["occasions"].answer), wish.plain
    assert "wedding" in wish.plain
    await user.send("be honest is there any chance she comes back")
    back = await user.reply()
    assert back.text == JOIN.join(CONTENT.faq_entries["come-back"].answer), back.plain
