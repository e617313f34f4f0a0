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
}


class Metrics:
    """In-process counters; each instance reports its own."""

    def __init__(self) -> None:
        self._counters: Counter[str] = Counter()
        self._gauges: dict[str, Callable[[], float]] = {}

    def inc(self, name: str, amount: int = 1) -> None:
        self._counters[name] += amount

    def value(self, name: str) -> int:
        return self._counters[name]

    def gauge(self, name: str, read: Callable[[], float]) -> None:
        self._gauges[name] = read

    def add(self, name: str, amount: int) -> None:
        """Move a gauge kept as a counter (e.g. queue depth up and down)."""
        self._counters[name] += amount

    def render(self) -> str:
        lines = []
        for name, (kind, text) in HELP.items():
            full = f"steadfast_{name}" + ("_total" if kind == "counter" else "")
            value = self._gauges[name]() if name in self._gauges else self._counters[name]
            lines += [f"# HELP {full} {text}", f"# TYPE {full} {kind}", f"{full} {value:g}"]
        return "\n".join(lines) + "\n"
