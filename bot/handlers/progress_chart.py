"""/progress: the user's No Contact as a picture."""

from __future__ import annotations

from telegram import Update

from bot.conversation.context import BotContext
from bot.conversation.turn import Turn, open_turn
from bot.handlers import onboarding
from bot.services import charts, history


async def show_progress(update: Update, context: BotContext) -> None:
    """Send the progress picture, or say kindly that it needs a few more days."""
    async with open_turn(update, context) as turn:
        if not turn.user.onboarded:
            if not onboarding.setup_first(turn, "/progress", "onboarding.setup_first_progress"):
                turn.say(turn.t("progress.not_started"))
            return
        data, spans, _ = await history.load_chart(
            session=turn.session,
            user_id=turn.user.id,
            zone=turn.user.tz or "UTC",
            today=turn.today,
        )
        if data is None:
            left = history.days_until_chart(spans, turn.today)
            turn.say(turn.t("progress.chart_not_enough", left=turn.days(left)))
            return
        caption = turn.t(
            "progress.chart_caption",
            days=turn.days(len(data.streak)),
            slips=len(data.slips),
            urges=sum(len(s) for s in data.urges.values()),
            milestones=len(data.milestones),
        )
        labels = chart_labels(turn)

        async def draw() -> None:
            # Drawing takes a tenth of a second: after the database is released, in a worker
            # process, so other chats wait neither for the database nor for the drawing.
            png = await turn.rt.drawing.run(charts.render_progress, data, labels)
            turn.send_photo(png, caption)

        turn.after_commit.append(draw)


def chart_labels(turn: Turn) -> charts.ChartLabels:
    """Every word of the picture, from content/."""
    bands = turn.rt.content.mapping("progress.chart_bands")
    return charts.ChartLabels(
        title=turn.label("progress.chart_title"),
        streak_axis=turn.label("progress.chart_streak"),
        slip=turn.label("progress.chart_slip"),
        milestone=turn.label("progress.chart_milestone"),
        urges_axis=turn.label("progress.chart_urges"),
        strength_bands=(bands["mild"], bands["middling"], bands["strong"]),
        mood_axis=turn.label("progress.chart_mood"),
        moods=turn.rt.content.mapping("progress.chart_moods"),
        no_urges=turn.label("progress.chart_no_urges"),
        no_moods=turn.label("progress.chart_no_moods"),
    )
