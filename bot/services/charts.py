"""The /progress picture. Pure: chart data and labels in, PNG bytes out.

Matplotlib's object-oriented API only (Figure + the Agg canvas, never pyplot): no global
state, safe to run in a worker thread or process (the handler calls it through
bot/core/drawing.py).
Drawn for a phone: one tall image, large type, calm colours on a dark-neutral background
that reads the same in Telegram's light and dark themes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

# Pixels: 1080 x 1440 (a phone-width image, 3:4).
WIDTH_IN, HEIGHT_IN, DPI = 7.2, 9.6, 150
MAX_DAYS = 366

BACKGROUND = "#1f2329"
PANEL = "#272c33"
GRID = "#3a414a"
TEXT = "#e8e6e1"
MUTED = "#a9b0b8"
STREAK = "#7fb8a4"  # sage
STREAK_FILL = "#7fb8a4"
SLIP = "#e08a7a"  # soft coral
MILESTONE = "#f0c674"  # warm sand
STRENGTH_COLOURS = ("#9cc3e0", "#d9b26f", "#d9826f")  # mild, middling, strong
MOOD_COLOURS = {"struggling": "#d9826f", "okay": "#9cc3e0", "good": "#8fcf9a"}
MOOD_ORDER = ("struggling", "okay", "good")


@dataclass(frozen=True)
class ChartLabels:
    """Every word drawn in the picture (from content/, plain text)."""

    title: str
    streak_axis: str
    slip: str
    milestone: str
    urges_axis: str
    strength_bands: tuple[str, str, str]  # mild (1-3), middling (4-7), strong (8-10)
    mood_axis: str
    moods: Mapping[str, str]  # struggling / okay / good -> label
    no_urges: str
    no_moods: str


@dataclass(frozen=True)
class ChartData:
    """What the picture shows, one value per local date from `first` to `last`."""

    first: date
    last: date
    streak: Sequence[int]  # day number of No Contact on each date (0: not counting)
    slips: Sequence[date] = ()
    milestones: Sequence[tuple[date, int]] = ()  # (date reached, full days)
    urges: Mapping[date, Sequence[int]] = field(default_factory=dict)  # strengths per day
    moods: Mapping[date, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("last before first")
        if len(self.streak) != (self.last - self.first).days + 1:
            raise ValueError("one streak value per day expected")


def band_of(strength: int) -> int:
    """0 mild (1-3), 1 middling (4-7), 2 strong (8-10)."""
    return 0 if strength <= 3 else 1 if strength <= 7 else 2


def clip(data: ChartData, max_days: int = MAX_DAYS) -> ChartData:
    """Keep the most recent `max_days` days."""
    days = (data.last - data.first).days + 1
    if days <= max_days:
        return data
    first = data.last - timedelta(days=max_days - 1)
    return ChartData(
        first=first,
        last=data.last,
        streak=list(data.streak)[days - max_days :],
        slips=[d for d in data.slips if d >= first],
        milestones=[(d, n) for d, n in data.milestones if d >= first],
        urges={d: s for d, s in data.urges.items() if d >= first},
        moods={d: m for d, m in data.moods.items() if d >= first},
    )


def render_progress(data: ChartData, labels: ChartLabels) -> bytes:
    """Draw the three panels (days, urges, mood) and return a PNG."""
    data = clip(data)
    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor=BACKGROUND)
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(
        3,
        1,
        height_ratios=(3.2, 2.0, 1.4),
        hspace=0.55,
        left=0.2,
        right=0.95,
        top=0.84,
        bottom=0.07,
    )
    ax_days = fig.add_subplot(grid[0])
    ax_urges = fig.add_subplot(grid[1], sharex=ax_days)
    ax_mood = fig.add_subplot(grid[2], sharex=ax_days)
    fig.text(
        0.5,
        0.955,
        labels.title,
        ha="center",
        va="center",
        color=TEXT,
        fontsize=20,
        fontweight="bold",
    )

    origin = np.datetime64(data.first.isoformat(), "D")
    n_days = (data.last - data.first).days + 1
    xs = origin + np.arange(n_days)

    _draw_days(ax_days, data, labels, xs)
    _draw_urges(ax_urges, data, labels)
    _draw_moods(ax_mood, data, labels)

    pad = np.timedelta64(max(1, n_days // 40), "D")
    ax_days.set_xlim(xs[0] - pad, xs[-1] + pad)
    for ax in (ax_days, ax_urges, ax_mood):
        _style(ax)
    for ax in (ax_days, ax_urges):
        ax.tick_params(labelbottom=False)
    _date_ticks(ax_mood, data.first, data.last)

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", facecolor=BACKGROUND)
    return buffer.getvalue()


def full_days_line(data: ChartData) -> np.ndarray:
    """The line's height per date: full days held (Day 15 is 14 full days), the unit
    milestones are counted in, so a milestone's star sits at its own number."""
    return np.maximum(np.asarray(data.streak, dtype=float) - 1, 0)


def star_points(data: ChartData) -> list[tuple[date, int, float]]:
    """Each milestone drawn: (date reached, full days, height on the line)."""
    line = full_days_line(data)
    # Over a long span the first days' stars would sit on top of each other.
    shown = [(d, n) for d, n in data.milestones if n >= 7 or len(data.streak) <= 60]
    return [(d, n, float(line[(d - data.first).days])) for d, n in shown]


def _draw_days(ax: Axes, data: ChartData, labels: ChartLabels, xs: np.ndarray) -> None:
    streak = full_days_line(data)
    ax.fill_between(xs, streak, 0, color=STREAK_FILL, alpha=0.22, linewidth=0)
    ax.plot(xs, streak, color=STREAK, linewidth=2.6, solid_joinstyle="round")
    top = max(float(streak.max()), 3.0)
    ax.set_ylim(0, top * 1.22)
    handles: list[object] = [Line2D([], [], color=STREAK, linewidth=3, label=labels.streak_axis)]
    if data.slips:
        slip_x = [np.datetime64(d.isoformat(), "D") for d in data.slips]
        ax.vlines(slip_x, 0, top * 1.12, colors=SLIP, linewidth=1.6, linestyles=(0, (3, 3)))
        ax.scatter(slip_x, [top * 1.12] * len(slip_x), marker="v", s=110, color=SLIP, zorder=4)
        handles.append(
            Line2D(
                [], [], color=SLIP, marker="v", linestyle="none", markersize=10, label=labels.slip
            )
        )
    stars = star_points(data)
    if stars:
        shown = [(d, n) for d, n, _ in stars]
        m_x = [np.datetime64(d.isoformat(), "D") for d, _ in shown]
        m_y = [y for _, _, y in stars]
        ax.scatter(
            m_x,
            m_y,
            marker="*",
            s=300,
            color=MILESTONE,
            edgecolors=BACKGROUND,
            linewidths=0.8,
            zorder=5,
        )
        # Label the biggest few so the numbers never crowd each other.
        for (day, n), y in sorted(zip(shown, m_y, strict=True), key=lambda item: item[0][1])[-4:]:
            ax.annotate(
                str(n),
                (np.datetime64(day.isoformat(), "D"), y),
                xytext=(0, 11),
                textcoords="offset points",
                ha="center",
                color=MILESTONE,
                fontsize=13,
                fontweight="bold",
            )
        handles.append(
            Line2D(
                [],
                [],
                color=MILESTONE,
                marker="*",
                linestyle="none",
                markersize=15,
                label=labels.milestone,
            )
        )
    ax.legend(
        handles=handles,
        loc="upper left",
        frameon=False,
        fontsize=12,
        labelcolor=TEXT,
        ncols=len(handles),
        handlelength=1.4,
        columnspacing=1.0,
        bbox_to_anchor=(-0.02, 1.25),
    )
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))


def _draw_urges(ax: Axes, data: ChartData, labels: ChartLabels) -> None:
    ax.set_title(labels.urges_axis, loc="left", color=TEXT, fontsize=14, pad=8)
    if not data.urges:
        ax.set_ylim(0, 3)
        ax.text(
            0.5,
            0.5,
            labels.no_urges,
            transform=ax.transAxes,
            ha="center",
            va="center",
            color=MUTED,
            fontsize=13,
        )
        ax.set_yticks([])
        return
    by_band: list[tuple[list[np.datetime64], list[int]]] = [([], []) for _ in range(3)]
    highest = 1
    for day, strengths in data.urges.items():
        if not strengths:
            continue
        band = band_of(max(strengths))
        by_band[band][0].append(np.datetime64(day.isoformat(), "D"))
        by_band[band][1].append(len(strengths))
        highest = max(highest, len(strengths))
    n_days = (data.last - data.first).days + 1
    width = max(1.2, min(9.0, 420 / n_days))
    for band, (days, counts) in enumerate(by_band):
        if days:
            ax.vlines(days, 0, counts, colors=STRENGTH_COLOURS[band], linewidth=width)
    ax.set_ylim(0, highest * 1.15 + 0.2)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=3))
    handles = [
        Patch(color=c, label=text)
        for c, text in zip(STRENGTH_COLOURS, labels.strength_bands, strict=True)
    ]
    ax.legend(
        handles=handles,
        loc="upper right",
        frameon=False,
        fontsize=11,
        labelcolor=MUTED,
        ncols=3,
        handlelength=1.0,
        columnspacing=0.8,
        bbox_to_anchor=(1.0, 1.32),
    )


def _draw_moods(ax: Axes, data: ChartData, labels: ChartLabels) -> None:
    ax.set_title(labels.mood_axis, loc="left", color=TEXT, fontsize=14, pad=8)
    ax.set_ylim(-0.7, 2.7)
    ax.set_yticks(range(3), [labels.moods.get(m, m) for m in MOOD_ORDER])
    if not data.moods:
        ax.text(
            0.5,
            0.5,
            labels.no_moods,
            transform=ax.transAxes,
            ha="center",
            va="center",
            color=MUTED,
            fontsize=13,
            bbox={"facecolor": PANEL, "edgecolor": "none", "pad": 4},
        )
        return
    n_days = (data.last - data.first).days + 1
    size = max(14.0, min(120.0, 9000 / n_days))
    for level, mood in enumerate(MOOD_ORDER):
        days = [np.datetime64(d.isoformat(), "D") for d, m in data.moods.items() if m == mood]
        if days:
            ax.scatter(
                days,
                [level] * len(days),
                s=size,
                marker="o",
                color=MOOD_COLOURS[mood],
                linewidths=0,
                zorder=3,
            )


def _style(ax: Axes) -> None:
    ax.set_facecolor(PANEL)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(colors=MUTED, labelsize=12, length=0, pad=6)


def _date_ticks(ax: Axes, first: date, last: date) -> None:
    """A handful of readable dates ("3 Mar") along the bottom, never crowded."""
    span = (last - first).days
    count = min(5, span + 1)
    if count <= 1:
        ticks = [first]
    else:
        step = span / (count - 1)
        ticks = [first + timedelta(days=round(i * step)) for i in range(count)]
    ax.set_xticks(
        [np.datetime64(d.isoformat(), "D") for d in ticks],
        [f"{d.day} {d.strftime('%b')}" for d in ticks],
    )
