"""Bounded records of recent things: the updates this process has taken in, the last FAQ
answer each person was given (and whether they said they are young), and the last few
listening texts each person read."""

from __future__ import annotations

from datetime import datetime, timedelta


class RecentIds:
    """Remembers the last `size` ids added; older ones are forgotten first."""

    def __init__(self, size: int = 100_000) -> None:
        self._size = size
        self._ids: dict[int, None] = {}

    def add(self, key: int) -> bool:
        """Remember `key`; False if it was already remembered."""
        if key in self._ids:
            return False
        self._ids[key] = None
        if len(self._ids) > self._size:
            del self._ids[next(iter(self._ids))]
        return True

    def __contains__(self, key: object) -> bool:
        return key in self._ids


class LastAnswers:
    """The last FAQ answer given to each person (the last `size` people), so that the same
    answer is not sent twice in a row. Per process: a best effort, not a record."""

    def __init__(self, size: int = 50_000) -> None:
        self._size = size
        self._last: dict[int, tuple[str, datetime]] = {}
        # The last FAQ answer itself, kept apart from the notes other replies leave (an urge
        # offered, a slip told): "hes calling me right now" a minute after "HE TEXTED ME",
        # with the urge offer between, is still the same answer asked again
        self._faq: dict[int, tuple[str, datetime]] = {}
        self._young: dict[int, datetime] = {}  # when each said they are young, lately

    def repeats(self, user_id: int, answer_id: str, now: datetime, within: timedelta) -> bool:
        """Whether `answer_id` was the last FAQ answer `user_id` got, less than `within` ago."""
        last = self._faq.get(user_id)
        return last is not None and last[0] == answer_id and now - last[1] < within

    def last(self, user_id: int, now: datetime, within: timedelta) -> str | None:
        """The last answer `user_id` got, if less than `within` ago."""
        last = self._last.get(user_id)
        return last[0] if last is not None and now - last[1] < within else None

    def note_young(self, user_id: int, now: datetime) -> None:
        """They said they are young ("im 15 and my bf broke up with me"): a safety talk that
        opens later gives them the lines for young people."""
        self._young.pop(user_id, None)
        self._young[user_id] = now
        if len(self._young) > self._size:
            del self._young[next(iter(self._young))]

    def told_young(self, user_id: int, now: datetime, within: timedelta) -> bool:
        """Whether `user_id` said they are young less than `within` ago."""
        said = self._young.get(user_id)
        return said is not None and now - said < within

    def note(self, user_id: int, answer_id: str, now: datetime, *, faq: bool = False) -> None:
        """Remember the last reply of note; `faq`: an FAQ answer, which `repeats` looks at."""
        for kept in (self._last, self._faq) if faq else (self._last,):
            kept.pop(user_id, None)
            kept[user_id] = (answer_id, now)
            if len(kept) > self._size:
                del kept[next(iter(kept))]


class RecentTexts:
    """The last `keep` texts (templates from a list of variants) each person was given (the
    last `size` people), so that a listening reply is not the one they just read. Per
    process: a best effort, not a record."""

    def __init__(self, size: int = 50_000, keep: int = 4) -> None:
        self._size = size
        self._keep = keep
        self._recent: dict[int, tuple[str, ...]] = {}

    def recent(self, user_id: int) -> tuple[str, ...]:
        """What `user_id` was given lately, oldest first."""
        return self._recent.get(user_id, ())

    def note(self, user_id: int, text: str) -> None:
        kept = self._recent.pop(user_id, ())
        self._recent[user_id] = (*kept, text)[-self._keep :]
        if len(self._recent) > self._size:
            del self._recent[next(iter(self._recent))]
