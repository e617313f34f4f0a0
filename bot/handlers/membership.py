"""Changes of the bot's own membership: blocked or unblocked by a user, added to a group."""

from __future__ import annotations

from telegram import ChatMember, Update
from telegram.constants import ChatType

from bot.conversation.context import BotContext
from bot.conversation.turn import runtime
from bot.handlers.fallback import added_to_group
from bot.services import comeback, people


async def on_my_chat_member(update: Update, context: BotContext) -> None:
    """Track blocking in private chats; in groups, say where the bot works."""
    member = update.my_chat_member
    if member is None:
        return
    if member.chat.type != ChatType.PRIVATE:
        await added_to_group(update, context)
        return
    active = member.new_chat_member.status not in (ChatMember.BANNED, ChatMember.LEFT)
    rt = runtime(context)
    now = rt.clock.now()
    async with rt.db.session() as session:
        if not active:
            await people.set_active(session=session, user_id=member.chat.id, active=False, now=now)
            return
        user = await people.get(session=session, user_id=member.chat.id)
        if user is not None:
            await comeback.unblocked(session=session, user=user, now=now)
