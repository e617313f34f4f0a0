"""Drawing one /progress picture: a year of history against a week of it, in one run.

    .venv/bin/python bench/chart_render.py            # 7 draws of each
    .venv/bin/python bench/chart_render.py --draws 15

Prints the median time to draw the picture from a week and from a year of history (three
attempts, urges most days, moods), the year's ratio to the week (the baseline, measured in
the same run), and the size of the year's PNG. Issue target: a year drawn in about 300 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.services import history  # noqa: E402
from bot.services.charts import ChartData, ChartLabels, render_progress  # noqa: E402
from bot.services.history import UrgeRecord  # noqa: E402
from bot.services.progress import Span  # noqa: E402

LABELS = ChartLabels(
    title="Your No Contact so far", streak_axis="Days of No Contact", slip="Slip",
    milestone="Milestone", urges_axis="Urges per day", strength_bands=("mild", "4-7", "strong"),
    mood_axis="Mood", moods={"struggling": "struggling", "okay": "okay", "good": "good"},
    no_urges="No urges yet", no_moods="No moods yet",
)
TODAY = date(2026, 11, 25)


def year_of_data(days: int = 365, seed: int = 7) -> ChartData:
    """``days`` of history ending TODAY: three attempts (slips at a seventh and at two
    fifths of the way), 0 to 3 urges a day, a mood on seven days in ten."""
    rng = random.Random(seed)
    first = TODAY - timedelta(days=days - 1)
    spans = [Span(first, first + timedelta(days=days // 7)),
             Span(first + timedelta(days=days // 7), first + timedelta(days=days * 2 // 5)),
             Span(first + timedelta(days=days * 2 // 5), None)]
    urges = [UrgeRecord(first + timedelta(days=i), rng.randint(1, 10), "night", "passed", 12.0)
             for i in range(days) for _ in range(rng.choice((0, 0, 1, 2, 3)))]
    moods = {first + timedelta(days=i): rng.choice(("struggling", "okay", "good"))
             for i in range(days) if rng.random() < 0.7}
    data = history.chart_data(spans, urges, moods, TODAY)
    assert data is not None
    return data


def median_ms(data: ChartData, draws: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(draws):
        started = time.perf_counter()
        size = len(render_progress(data, LABELS))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draws", type=int, default=7)
    draws = parser.parse_args().draws
    week, year = year_of_data(7), year_of_data(365)
    render_progress(week, LABELS)  # the first draw loads fonts
    week_ms, _ = median_ms(week, draws)
    year_ms, size = median_ms(year, draws)
    print(f"/progress picture, median of {draws}: a week {week_ms:.0f} ms, a year "
          f"{year_ms:.0f} ms ({year_ms / week_ms:.2f}x the week), {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
