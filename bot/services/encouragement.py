"""Choosing today's encouragement: by stage, milestones on their day, no repeats per user."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bot.services.progress import MILESTONES

Stage = Literal["early", "middle", "growth"]
STAGES: tuple[Stage, ...] = ("early", "middle", "growth")
MOODS = {"s": "struggling", "o": "okay", "g": "good"}


@dataclass(frozen=True)
class Encouragement:
    id: str
    text: str
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class DailyContent:
    pools: Mapping[Stage, tuple[Encouragement, ...]]
    milestones: Mapping[int, tuple[Encouragement, ...]]
    mood_replies: Mapping[str, tuple[str, ...]]
    weekly: Mapping[str, tuple[str, ...]]

    def __post_init__(self) -> None:
        index = {
            e.id: e for group in (*self.pools.values(), *self.milestones.values()) for e in group
        }
        object.__setattr__(self, "_by_id", index)

    def get(self, content_id: str) -> Encouragement | None:
        by_id: dict[str, Encouragement] = getattr(self, "_by_id")  # noqa: B009
        return by_id.get(content_id)


def stage_for(full_days: int) -> Stage:
    """First week, the long middle, then growth after 30 full days."""
    if full_days < 7:
        return "early"
    if full_days < 30:
        return "middle"
    return "growth"


def choose(
    daily: DailyContent, full_days: int, used: Mapping[str, int], rng: random.Random
) -> Encouragement:
    """A milestone text on a milestone day, else the least-sent message of the user's stage."""
    if full_days in daily.milestones:
        candidates: Sequence[Encouragement] = daily.milestones[full_days]
    else:
        candidates = daily.pools[stage_for(full_days)]
    fewest = min(used.get(e.id, 0) for e in candidates)
    return rng.choice([e for e in candidates if used.get(e.id, 0) == fewest])


def text_of(daily: DailyContent, content_id: str) -> str:
    """The text of an encouragement by id (a content edit may have removed it: fall back)."""
    entry = daily.get(content_id)
    return entry.text if entry is not None else daily.pools["early"][0].text


def parse_daily(data: Any) -> DailyContent:
    """Build DailyContent from daily.yaml; ValueError names what is missing."""
    if not isinstance(data, dict):
        raise ValueError("daily.yaml must be a mapping")
    pools: dict[Stage, tuple[Encouragement, ...]] = {}
    seen: set[str] = set()
    for stage in STAGES:
        items = (data.get("pools") or {}).get(stage)
        if not items:
            raise ValueError(f"pools.{stage} is missing or empty")
        entries = []
        for item in items:
            entry = Encouragement(
                id=str(item["id"]), text=str(item["text"]), themes=tuple(item.get("themes", ()))
            )
            if entry.id in seen:
                raise ValueError(f"duplicate id {entry.id}")
            seen.add(entry.id)
            entries.append(entry)
        pools[stage] = tuple(entries)
    milestones: dict[int, tuple[Encouragement, ...]] = {}
    raw_milestones = data.get("milestones") or {}
    for days in MILESTONES:
        texts = raw_milestones.get(days) or raw_milestones.get(str(days))
        if not texts:
            raise ValueError(f"milestones.{days} is missing")
        milestones[days] = tuple(
            Encouragement(id=f"m{days}.{i}", text=str(t)) for i, t in enumerate(texts)
        )
    return DailyContent(
        pools=pools,
        milestones=milestones,
        mood_replies=_variants(data, "mood_replies"),
        weekly=_variants(data, "weekly"),
    )


def _variants(data: Mapping[str, Any], key: str) -> dict[str, tuple[str, ...]]:
    raw = data.get(key) or {}
    return {
        str(k): tuple(str(v) for v in (vs if isinstance(vs, list) else [vs]))
        for k, vs in raw.items()
    }
