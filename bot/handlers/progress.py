"""/status: the day count, the bar to the next milestone, the longest streak.

Two numbers are easy to confuse: the day number (the start date is Day 1) and the full days
held (Day 31 means 30 full days). Every length of No Contact is shown as full days, with the
word "full", so "Day 11" sits beside "10 full days" and never beside a bare "10 days".
"""

from __future__ import annotations

from datetime import timedelta

from bot.conversation.turn import Turn
from bot.handlers.safety import still_worried
from bot.services import journey
from bot.services.progress import milestone_progress
from bot.services.schedule import PAUSED_INDEFINITELY, resumes_on
from bot.views.dates import long_date


def full_days(turn: Turn, n: int) -> str:
    """ "1 full day" / "10 full days": a length of No Contact, never a day number."""
    return turn.count("full_days", n)


async def show_status_in(turn: Turn) -> None:
    """/status in an open turn: the count, or how to start it."""
    if not turn.user.onboarded:
        turn.say(turn.t("progress.not_started"))
        return
    await render_status(turn)


async def render_status(turn: Turn) -> None:
    """Queue the status message for an onboarded user."""
    rec = await journey.load_record(session=turn.session, user_id=turn.user.id, today=turn.today)
    bar = milestone_progress(rec.current_days)
    if rec.current_days == 0:
        lines = [turn.t("progress.day_first", day=rec.day)]
    else:
        lines = [turn.t("progress.day", day=rec.day, held=full_days(turn, rec.current_days))]
        # "when did i start again?" is answered here too
        start = turn.today - timedelta(days=rec.current_days)
        lines.append(turn.t("progress.since", date=long_date(start, turn.today)))
    if bar.next is None:
        lines.append(
            turn.t(
                "progress.beyond_milestones",
                bar=bar.bar,
                days=full_days(turn, rec.current_days),
            )
        )
    else:
        # past a milestone the bar runs from it to the next one, said beside it (a session-34
        # chat: an empty bar under "Today marks 21 full days" looked like no progress at all)
        lines.append(
            turn.t(
                "progress.bar_from" if bar.previous else "progress.bar",
                bar=bar.bar,
                previous=str(bar.previous),
                upto=str(bar.next),
                next=full_days(turn, bar.next),
                left=turn.days(bar.next - rec.current_days),
            )
        )
    worried = still_worried(turn)  # asked in a talk where they said they were not safe
    if bar.previous and bar.previous == rec.current_days:
        # no 🎉 beside "I haven't forgotten tonight" (a helper's terminal chat)
        key = "progress.milestone_today_quiet" if worried else "progress.milestone_today"
        lines.append(turn.t(key, days=full_days(turn, bar.previous)))
    lines.append(
        turn.t(
            "progress.longest",
            longest=full_days(turn, rec.longest),
            attempts=turn.count("attempts", rec.attempts),
        )
    )
    if turn.user.paused_until is not None and turn.user.paused_until >= turn.today:
        if turn.user.paused_until >= PAUSED_INDEFINITELY:
            lines.append(turn.t("progress.paused_open"))
        else:
            resumes = resumes_on(turn.user.paused_until)
            lines.append(turn.t("progress.paused", resumes=long_date(resumes)))
    turn.say("\n".join(lines))
    if worried is not None:
        turn.say(worried)
