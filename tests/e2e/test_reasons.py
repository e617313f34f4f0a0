"""/reasons: the user's own list, one reason per message, kind limits, only their own rows."""

from __future__ import annotations

from sqlmodel import select

from bot.core.content import load_content
from bot.emulator.server import BotApiEmulator
from bot.services.reasons import MAX_REASONS
from bot.store.models import Reason
from tests.e2e.userdata import opens_with
from tests.harness import BotRunner, onboard

CONTENT = load_content()


async def reasons_of(runner: BotRunner, user_id: int) -> list[str]:
    async with runner.runtime.db.session() as session:
        rows = await session.exec(select(Reason).where(Reason.user_id == user_id))
        return [r.text for r in rows.all()]


async def test_list_add_one_per_message_and_remove(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(5001)
    await user.send("/reasons")
    empty = await user.reply()
    assert empty.text in CONTENT.variants("reasons.list_empty")
    assert empty.button_texts() == ["Add a reason", "Done"]
    await user.press("Add a reason")
    assert (await user.reply()).text in CONTENT.variants("reasons.add_prompt")
    await user.send("I want to sleep again")
    assert "1" in (await user.reply()).plain
    await user.send("  They never   listened  ")
    added = await user.reply()
    assert "2" in added.plain
    await user.press("Done", message=added)
    await user.reply()
    assert await reasons_of(bot, 5001) == ["I want to sleep again", "They never listened"]

    await user.send("/reasons")
    listing = await user.reply()
    assert "1. I want to sleep again" in listing.plain
    assert "2. They never listened" in listing.plain
    await user.press("Remove one")
    which = await user.reply()
    assert which.button_texts() == ["I want to sleep again", "They never listened", "Done"]
    await user.press("They never listened")
    removed = await user.reply()  # said, then the list as it is now, as one message
    assert opens_with(removed, CONTENT.variants("reasons.removed"))
    assert "They never listened" not in removed.plain
    assert await reasons_of(bot, 5001) == ["I want to sleep again"]
    await user.press("They never listened", message=which)  # an old button: refused
    await user.silence(0.3)
    assert user.callback_answers[-1][0]


async def test_length_limit_is_kind_and_saves_nothing(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(5002)
    await user.send("/reasons")
    await user.reply()
    await user.press("Add a reason")
    await user.reply()
    await user.send("x" * 301)
    refused = await user.reply()
    assert "300" in refused.plain
    await user.send("y" * 300)
    await user.reply()
    assert await reasons_of(bot, 5002) == ["y" * 300]


async def test_count_limit_is_kind(emu: BotApiEmulator, bot: BotRunner) -> None:
    user = emu.user(5003)
    await user.send("/reasons")
    await user.reply()
    await user.press("Add a reason")
    await user.reply()
    for n in range(MAX_REASONS):
        await user.send(f"reason number {n}")
        await user.reply()
    await user.send("one too many")
    full = await user.reply()
    assert full.text == CONTENT.text("reasons.too_many", max=MAX_REASONS)
    assert len(await reasons_of(bot, 5003)) == MAX_REASONS


async def test_another_users_reason_cannot_be_removed(emu: BotApiEmulator, bot: BotRunner) -> None:
    owner, other = emu.user(5004), emu.user(5005)
    await onboard(owner, reason="my own reason")
    await onboard(other, reason="their reason")
    async with bot.runtime.db.session() as session:
        rows = await session.exec(select(Reason).where(Reason.user_id == 5004))
        owner_reason_id = rows.one().id
    await other.send("/reasons")
    await other.reply()
    await other.press("Remove one")
    which = await other.reply()
    own = which.find_button("their reason")
    assert own is not None
    assert own.callback_data is not None
    forged = own.callback_data.rsplit(":", 1)[0] + f":{owner_reason_id}"
    await other.press_data(forged, message_id=which.message_id)
    await other.silence(0.3)
    assert other.callback_answers[-1][0]
    assert await reasons_of(bot, 5004) == ["my own reason"]
    assert await reasons_of(bot, 5005) == ["their reason"]


async def test_typed_text_outside_adding_points_at_the_buttons(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5006)
    await user.send("/reasons")
    await user.reply()
    await user.send("hello")
    hint = await user.reply()  # the hint, then the menu, as one message
    assert opens_with(hint, CONTENT.variants("reasons.use_buttons"))
    assert "Add a reason" in hint.button_texts()
    assert await reasons_of(bot, 5006) == []


async def test_a_reason_typed_at_the_menu_is_offered_not_lost(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "because i deserve better" typed at an empty list got
    # "Tap Add a reason to write one" and was lost.
    user = emu.user(5007)
    await user.send("/reasons")
    await user.reply()
    await user.send("because i deserve better")
    offer = await user.reply()
    assert "because i deserve better" in offer.plain
    assert await reasons_of(bot, 5007) == []  # nothing saved before they say so
    await user.press(CONTENT.label("reasons.buttons.add_this"), message=offer)
    added = await user.reply()
    assert _is_added(added.text, 1), added.text
    assert await reasons_of(bot, 5007) == ["because i deserve better"]
    # Now adding: the next one typed is saved at once.
    await user.send("my peace matters")
    assert _is_added((await user.reply()).text, 2)
    assert await reasons_of(bot, 5007) == ["because i deserve better", "my peace matters"]


async def test_two_reasons_typed_before_the_offer_is_answered_are_offered_together(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: a second reason typed while "Add this as a reason?" waited
    # replaced the first, which was lost.
    user = emu.user(5009)
    await user.send("/reasons")
    await user.reply()
    await user.send("he cheated twice")
    await user.reply()
    await user.send("i deserve better")
    offer = await user.reply()
    assert "he cheated twice" in offer.plain
    assert "i deserve better" in offer.plain
    assert await reasons_of(bot, 5009) == []
    await user.press(CONTENT.label("reasons.buttons.add_these"), message=offer)
    added = await user.reply()
    assert _is_added(added.text, 2), added.text
    assert await reasons_of(bot, 5009) == ["he cheated twice", "i deserve better"]


async def test_a_typed_label_is_left_out_and_good_news_is_heard_not_offered(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Terminal chat: "add: she never respected my time" was offered with its "add:", and "i
    # think im doing better actually", typed next, was offered as a second reason.
    user = emu.user(5011)
    await user.send("/reasons")
    await user.reply()
    await user.send("add: she never respected my time")
    offer = await user.reply()
    assert "add:" not in offer.plain, offer.plain
    assert "she never respected my time" in offer.plain
    await user.send("i think im doing better actually")
    heard = await user.reply()
    assert "doing better" not in heard.plain, heard.plain
    await user.press(CONTENT.label("reasons.buttons.add_this"), message=offer)
    await user.reply()
    assert await reasons_of(bot, 5011) == ["she never respected my time"]


def _is_added(text: str, count: int) -> bool:
    return text in {v.replace("{count}", str(count)) for v in CONTENT.variants("reasons.added")}


async def test_a_reason_offered_and_declined_is_not_saved(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(5008)
    await user.send("/reasons")
    await user.reply()
    await user.send("my cat needs me")
    offer = await user.reply()
    await user.press(CONTENT.label("reasons.buttons.not_this"), message=offer)
    back = await user.reply()
    assert back.plain.startswith(CONTENT.text("reasons.not_added"))
    assert "Add a reason" in back.button_texts()
    assert await reasons_of(bot, 5008) == []
    await user.press(CONTENT.label("reasons.buttons.add_this"), message=offer)  # stale now
    await user.silence(0.3)
    assert await reasons_of(bot, 5008) == []


async def test_twenty_long_reasons_are_shown_in_parts_and_their_buttons_work(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    user = emu.user(3501)
    await onboard(user)
    now = bot.clock.now()
    async with bot.runtime.db.session() as session:
        for i in range(MAX_REASONS):
            session.add(Reason(user_id=3501, text=f"{i + 1:02d} " + "because I matter " * 17,
                               created_at=now))
    await user.send("/reasons")
    first, second = await user.replies(2)
    assert first.button_texts() == []
    assert "01 because" in first.plain
    assert "20 because" in second.plain
    assert "Remove" in " ".join(second.button_texts())
    await user.press(next(t for t in second.button_texts() if "Remove" in t), message=second)
    which = await user.reply()
    await user.press(which.button_texts()[0], message=which)
    replies = await user.replies(2)
    # Said, joined to the first part of the list as it is now.
    assert any(opens_with(r, CONTENT.variants("reasons.removed")) for r in replies), [
        r.plain[:80] for r in replies]
    async with bot.runtime.db.session() as session:
        left = (await session.exec(select(Reason).where(Reason.user_id == 3501))).all()
    assert len(left) == MAX_REASONS - 1


async def test_a_reason_typed_after_the_command_is_added_at_once(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # Found in the terminal chat: "/reasons add i deserve better" showed the empty list.
    user = emu.user(5020)
    await user.send("/reasons add i deserve better")
    added = await user.reply()
    assert "1" in added.plain
    assert added.button_texts() == ["Done"]
    await user.send("/reasons I want my sleep back")
    await user.reply()
    assert await reasons_of(bot, 5020) == ["i deserve better", "I want my sleep back"]
    await user.send("/reasons add")  # nothing after it: the list, as plain /reasons
    listed = await user.reply()
    assert "i deserve better" in listed.plain
    await user.send("/reasons remove 2")  # a menu word is not a reason: the list again
    again = await user.reply()
    assert "I want my sleep back" in again.plain
    assert await reasons_of(bot, 5020) == ["i deserve better", "I want my sleep back"]


async def test_edits_typed_in_words_are_done(emu: BotApiEmulator, bot: BotRunner) -> None:
    # A helper's terminal chat: "remove the first one" got an answer about blocking, and "i
    # want to change my reason" was offered as a reason to add.
    user = emu.user(5010)
    await onboard(user, reason="i want my peace back")
    await user.send("/reasons")
    await user.reply()
    await user.send("add: i deserve better")
    offer = await user.reply()
    assert "i deserve better" in offer.plain
    await user.press(CONTENT.label("reasons.buttons.add_this"))
    await user.reply()
    assert await reasons_of(bot, 5010) == ["i want my peace back", "i deserve better"]
    await user.send("i want to change my reason")
    how = await user.reply()
    assert how.plain.startswith(CONTENT.text("reasons.change_how")), how.plain
    assert how.button_texts() == ["i want my peace back", "i deserve better", "Done"]
    await user.send("remove the first one")
    removed = await user.reply()
    assert any(
        removed.plain.startswith(v.format(reason="i want my peace back").split("{")[0][:30])
        for v in CONTENT.variants("reasons.removed_typed")
    ), removed.plain
    assert await reasons_of(bot, 5010) == ["i deserve better"]
    await user.send("delete the 5th one")
    unsure = await user.reply()
    assert unsure.plain.startswith("Your list has 1 reason"), unsure.plain
    assert await reasons_of(bot, 5010) == ["i deserve better"]


async def test_a_setting_typed_at_the_list_is_done_and_a_bare_number_is_not_kept(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's terminal chats: "change my time to 8pm" at /reasons was offered as a reason,
    # and "2" typed while adding was saved as one.
    user = emu.user(5011)
    await onboard(user)
    await user.send("/reasons")
    await user.reply()
    await user.send("change my time to 8pm")
    changed = await user.reply()
    assert "20:00" in changed.plain, changed.plain
    await user.send("/reasons")
    await user.reply()
    await user.press("Add a reason")
    await user.reply()
    await user.send("2")
    number = await user.reply()
    assert number.text == CONTENT.text("reasons.number_typed"), number.plain
    assert await reasons_of(bot, 5011) == []


async def test_a_hopeful_reason_about_the_kids_is_saved_not_asked_about(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "my kids deserve a dad who isn't a wreck" at set-up got "are you safe
    # right now?" with 911 and six crisis buttons.
    user = emu.user(5012)
    await onboard(user, reason="my kids deserve a dad who isn't a wreck")
    await user.send("/reasons")
    listed = await user.reply()
    assert "my kids deserve a dad who isn" in listed.plain, listed.plain
    assert "safe" not in listed.plain.lower()


async def test_add_one_typed_at_the_list_asks_for_the_reason_and_keeps_the_next_message(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "add one" was offered as the reason itself; the real reason typed next
    # went to general chat and was lost.
    user = emu.user(5013)
    await onboard(user, reason="to be free")
    await user.send("/reasons")
    await user.reply()
    await user.send("add one")
    prompt = await user.reply()
    assert prompt.text in CONTENT.variants("reasons.add_prompt"), prompt.plain
    await user.send("he never once asked how my day was")
    await user.reply()
    await user.send("/reasons")
    listed = await user.reply()
    assert "he never once asked how my day was" in listed.plain, listed.plain
    assert "add one" not in listed.plain


async def test_blame_turned_on_oneself_is_not_added_as_a_reason(
    emu: BotApiEmulator, bot: BotRunner
) -> None:
    # A helper's chat: "she said i was too much. she was right" was saved, to be shown back
    # on hard days
    user = emu.user(25021)
    await onboard(user)
    await user.send("/reasons")
    await user.reply()
    await user.press("Add a reason")
    await user.reply()
    await user.send("she said i was too much. she was right")
    heard = await user.reply()
    assert heard.text == CONTENT.text("reasons.self_blame"), heard.plain
    await user.send("i deserve someone who is kind to me")
    await user.reply()
    assert await reasons_of(bot, 25021) == ["i deserve someone who is kind to me"]
