"""Coming back after blocking the bot: messages flow again, and the next turn says hello."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services import daily
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
    if not any(frame.get("flow") == WELCOME_FLOW for frame in stack):
        stack.insert(0, {"flow": WELCOME_FLOW, "step": "pending", "data": {}, "nonce": ""})
        await flow_store.save_stack(
            session=session, user_id=user.id, stack=stack, version=version, now=now
        )
