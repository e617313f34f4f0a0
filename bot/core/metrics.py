"""Counters and gauges for /metrics, in Prometheus' text format. Counts only, no content."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

HELP = {
    "updates_handled": ("counter", "Updates from Telegram handled"),
    "replies_sent": ("counter", "Messages sent or edited in answer to updates"),
    "errors": ("counter", "Errors raised while handling updates or jobs"),
    "daily_messages_sent": ("counter", "Daily encouragements delivered"),
    "weekly_summaries_sent": ("counter", "Weekly summaries delivered"),
    "send_queue_depth": ("gauge", "Scheduled messages claimed and waiting to be sent"),
    "update_queue_depth": ("gauge", "Updates received and not yet handled"),
    "webhook_refused": ("counter", "Webhook requests refused for a wrong or missing secret token"),
    "updates_repeated": ("counter", "Copies of a handled update, acknowledged and dropped"),
    "updates_without_sender": ("counter", "Updates with no sender (nothing to answer), dropped"),
    "send_refused": ("counter", "Messages Telegram refused for a fault of the bot's (not sent)"),
    "outbox_recovered": ("counter", "Owed replies sent by the outbox sweep after their sender"),
    "db_busy": ("counter", "Updates answered 'try again' because the database was held"),
}
# Observed durations: rendered as <name>_count, <name>_sum and <name>_max (seconds).
OBSERVED = {
    "outbox_window_seconds": "Time from Telegram accepting a reply to its outbox row settled",
}


class Metrics:
    """In-process counters; each instance reports its own."""

    def __init__(self) -> None:
        self._counters: Counter[str] = Counter()
        self._gauges: dict[str, Callable[[], float]] = {}
        self._observed: dict[str, list[float]] = {}  # name -> [count, sum, max]

    def inc(self, name: str, amount: int = 1) -> None:
        self._counters[name] += amount

    def value(self, name: str) -> int:
        return self._counters[name]

    def gauge(self, name: str, read: Callable[[], float]) -> None:
        self._gauges[name] = read

    def add(self, name: str, amount: int) -> None:
        """Move a gauge kept as a counter (e.g. queue depth up and down)."""
        self._counters[name] += amount

    def observe(self, name: str, seconds: float) -> None:
        kept = self._observed.setdefault(name, [0.0, 0.0, 0.0])
        kept[0] += 1
        kept[1] += seconds
        kept[2] = max(kept[2], seconds)

    def observed(self, name: str) -> tuple[int, float, float]:
        """(count, sum, max) of what was observed under `name`."""
        count, total, top = self._observed.get(name, [0.0, 0.0, 0.0])
        return int(count), total, top

    def render(self) -> str:
        lines = []
        for name, (kind, text) in HELP.items():
            full = f"steadfast_{name}" + ("_total" if kind == "counter" else "")
            value = self._gauges[name]() if name in self._gauges else self._counters[name]
            lines += [f"# HELP {full} {text}", f"# TYPE {full} {kind}", f"{full} {value:g}"]
        for name, text in OBSERVED.items():
            count, total, top = self.observed(name)
            full = f"steadfast_{name}"
            lines += [
                f"# HELP {full} {text}",
                f"# TYPE {full} summary",
                f"{full}_count {count}",
                f"{full}_sum {total:g}",
                f"{full}_max {top:g}",
            ]
        return "\n".join(lines) + "\n"
