"""RecentTexts: the last few listening texts each person read, so the next one is another."""

from __future__ import annotations

from bot.core.seen import RecentTexts


def test_keeps_the_last_few_per_person_oldest_first() -> None:
    recent = RecentTexts(keep=2)
    for text in ("a", "b", "c"):
        recent.note(1, text)
    recent.note(2, "x")
    assert recent.recent(1) == ("b", "c")
    assert recent.recent(2) == ("x",)
    assert recent.recent(3) == ()


def test_forgets_the_person_not_heard_from_longest() -> None:
    recent = RecentTexts(size=2)
    recent.note(1, "a")
    recent.note(2, "b")
    recent.note(1, "c")  # 1 is now the most recent
    recent.note(3, "d")
    assert recent.recent(2) == ()
    assert recent.recent(1) == ("a", "c")
