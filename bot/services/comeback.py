"""Coming back after blocking the bot: messages flow again, and the next turn says hello."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services import daily
from bot.services.conversation import Conversation, Frame
from bot.store import flows as flow_store
from bot.store.models import User

# A marker frame at the bottom of the stack: "welcome them back on their next message".
WELCOME_FLOW = "back"


async def unblocked(*, session: AsyncSession, user: User, now: datetime) -> None:
    """The user unblocked the bot: resume their schedule and leave the welcome for later.

    Nothing is sent now: the welcome comes with the answer to whatever they send next.
    """
    if not await daily.reactivate(session=session, user=user, now=now):
        return
    stack, version = await flow_store.load_stack(session=session, user_id=user.id)
    convo = Conversation.from_json(stack)
    if convo.find(WELCOME_FLOW) is None:
        convo.frames.insert(0, Frame(flow=WELCOME_FLOW, step="pending"))
        await flow_store.save_stack(
            session=session, user_id=user.id, stack=convo.to_json(), version=version, now=now
        )


def take_welcome(convo: Conversation) -> bool:
    """True (once) when the user came back and has not been welcomed yet."""
    return convo.pop(WELCOME_FLOW) is not None
