import logging
import time as _time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services import timezones
from bot.services.timezones import (
    TzCandidate,
    country_for_zone,
    pick_among,
    resolve_timezone,
    timezone_from_location,
    utc_offset_label,
)


@pytest.fixture(scope="module", autouse=True)
def _warm_index() -> None:
    resolve_timezone("Berlin")  # builds the lazy city index once


def zones(text: str) -> list[str]:
    return [c.zone for c in resolve_timezone(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berlin", "Europe/Berlin"),
        ("berlin", "Europe/Berlin"),
        ("Berln", "Europe/Berlin"),
        ("Barcelnoa", "Europe/Madrid"),
        ("Frankfrut", "Europe/Berlin"),
        ("São Paulo", "America/Sao_Paulo"),
        ("sao paulo", "America/Sao_Paulo"),
        ("SAO PAULO", "America/Sao_Paulo"),
        ("München", "Europe/Berlin"),
        ("Munich", "Europe/Berlin"),
        ("Zürich", "Europe/Zurich"),
        ("zurich", "Europe/Zurich"),
        ("Kyiv", "Europe/Kyiv"),
        ("Kiev", "Europe/Kyiv"),
        ("Москва", "Europe/Moscow"),
        ("NYC", "America/New_York"),
        ("new york city", "America/New_York"),
        ("New York", "America/New_York"),
        ("LA", "America/Los_Angeles"),
        ("SF", "America/Los_Angeles"),
        ("Portland, Oregon", "America/Los_Angeles"),
        ("portland me", "America/New_York"),
        ("Paris France", "Europe/Paris"),
        ("Paris, Texas", "America/Chicago"),
        ("austin, tx", "America/Chicago"),
        ("London, Ontario", "America/Toronto"),
        ("Munich, Bavaria", "Europe/Berlin"),
        ("Germany", "Europe/Berlin"),
        ("Germny", "Europe/Berlin"),
        ("de", "Europe/Berlin"),
        ("DE", "Europe/Berlin"),
        ("UK", "Europe/London"),
        ("India", "Asia/Kolkata"),
        ("europe/berlin", "Europe/Berlin"),
        ("America/New_York", "America/New_York"),
        ("asia/kolkata", "Asia/Kolkata"),
        ("UTC+2", "Etc/GMT-2"),
        ("utc +2", "Etc/GMT-2"),
        ("GMT-5", "Etc/GMT+5"),
        ("+02:00", "Etc/GMT-2"),
        ("UTC−3", "Etc/GMT+3"),
        ("UTC+14", "Etc/GMT-14"),
        ("UTC-12", "Etc/GMT+12"),
        ("UTC+5:30", "Asia/Kolkata"),
        ("UTC+0530", "Asia/Kolkata"),
        ("+5:45", "Asia/Kathmandu"),
        ("UTC-3:30", "America/St_Johns"),
        ("UTC+12:45", "Pacific/Chatham"),
        ("UTC", "UTC"),
        ("Z", "UTC"),
        ("UTC+0", "UTC"),
        ("CET", "Europe/Berlin"),
        ("EST", "America/New_York"),
        ("PST", "America/Los_Angeles"),
        ("AEST", "Australia/Sydney"),
        ("MSK", "Europe/Moscow"),
        ("JST", "Asia/Tokyo"),
        ("pacific time", "America/Los_Angeles"),
        ("I'm in Berlin", "Europe/Berlin"),
        ("i live in sao paulo", "America/Sao_Paulo"),
        ("berlin time", "Europe/Berlin"),
        ("my timezone is UTC+2", "Etc/GMT-2"),
        ("utc+5.5", "Asia/Kolkata"),
        ("I live near Berlin, Germany", "Europe/Berlin"),
        ("NZ", "Pacific/Auckland"),
        ("Japan", "Asia/Tokyo"),
        ("Ontario", "America/Toronto"),
        ("Arizona", "America/Phoenix"),
        ("Texas", "America/Chicago"),
        ("Washington", "America/New_York"),
        ("Moscow, Idaho", "America/Los_Angeles"),
        ("Москва, Россия", "Europe/Moscow"),
        ("Philadelpia", "America/New_York"),
        ("im in nyc now", "America/New_York"),  # words around the place
        ("i just moved to lisbon", "Europe/Lisbon"),
        ("im in tokyo rn", "Asia/Tokyo"),
    ],
)
def test_first_candidate(text: str, expected: str) -> None:
    assert zones(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Berlin",
        "Berln",
        "Munich",
        "Kiev",
        "NYC",
        "Germany",
        "UTC+2",
        "UTC+5:30",
        "europe/berlin",
        "Portland, Oregon",
        "Paris France",
        "I'm in Berlin",
        "Tokyo",
        "EST",
    ],
)
def test_confident(text: str) -> None:
    assert len(resolve_timezone(text)) == 1


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Paris", "Europe/Paris", "America/Chicago"),
        ("Portland", "America/Los_Angeles", "America/New_York"),
        ("London", "Europe/London", "America/Toronto"),
        ("IST", "Asia/Kolkata", "Europe/Dublin"),
        ("CST", "America/Chicago", "Asia/Shanghai"),
        ("GMT", "UTC", "Europe/London"),
        ("Brazil", "America/Sao_Paulo", "America/Manaus"),
        ("USA", "America/New_York", "America/Chicago"),
        ("Georgia", "Asia/Tbilisi", "America/New_York"),
    ],
)
def test_ambiguous_order(text: str, first: str, second: str) -> None:
    assert zones(text)[:2] == [first, second]


def test_usa_main_zones() -> None:
    assert set(zones("USA")) == {
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
    }
    assert set(zones("united states")) == set(zones("usa"))


def test_labels() -> None:
    assert resolve_timezone("Paris")[:2] == [
        TzCandidate("Europe/Paris", "Paris, France"),
        TzCandidate("America/Chicago", "Paris, Texas, US"),
    ]
    assert resolve_timezone("UTC+5:30") == [TzCandidate("Asia/Kolkata", "UTC+05:30")]
    assert resolve_timezone("utc +2") == [TzCandidate("Etc/GMT-2", "UTC+02:00")]
    assert resolve_timezone("Germany") == [TzCandidate("Europe/Berlin", "Germany")]
    for text in ["Paris", "USA", "IST", "Brazil", "Washington", "san francisco", "Russia"]:
        for cand in resolve_timezone(text):
            assert 0 < len(cand.label) <= 40
            ZoneInfo(cand.zone)


def test_limit_and_dedup() -> None:
    result = resolve_timezone("Paris", limit=1)
    assert result == [TzCandidate("Europe/Paris", "Paris, France")]
    many = zones("san francisco")
    assert len(many) == len(set(many)) <= 4


@pytest.mark.parametrize(
    "text",
    [
        "asdfgh",
        "123",
        "",
        "   ",
        "qwertyuiop",
        "hello",
        "time",
        "UTC+15",
        "UTC+5:15",
        "x",
        "zz",
        "a" * 5000,
        "!!!",
    ],
)
def test_unknown(text: str) -> None:
    assert resolve_timezone(text) == []


def test_fast_after_load() -> None:
    queries = [
        "Berlin",
        "Berln",
        "Paris",
        "sao paulo",
        "USA",
        "UTC+2",
        "Barcelnoa",
        "asdfgh",
        "i live in portland, oregon",
        "Philadelpia",
        "Brazil",
        "qwertyuiop",
    ]
    start = _time.perf_counter()
    for _ in range(5):
        for q in queries:
            resolve_timezone(q)
    mean = (_time.perf_counter() - start) / (5 * len(queries))
    assert mean < 0.005


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (52.52, 13.405, "Europe/Berlin"),
        (-23.55, -46.633, "America/Sao_Paulo"),
        (40.7128, -74.006, "America/New_York"),
        (22.5726, 88.3639, "Asia/Kolkata"),
        (0.0, -30.0, "Etc/GMT+2"),
        (91.0, 0.0, None),
        (0.0, 181.0, None),
        (float("nan"), 0.0, None),
    ],
)
def test_timezone_from_location(lat: float, lon: float, expected: str | None) -> None:
    assert timezone_from_location(lat, lon) == expected


@pytest.mark.parametrize(
    ("zone", "at", "expected"),
    [
        ("Europe/Berlin", datetime(2026, 3, 29, 0, 59, tzinfo=UTC), "UTC+01:00"),
        ("Europe/Berlin", datetime(2026, 3, 29, 1, 0, tzinfo=UTC), "UTC+02:00"),
        ("America/New_York", datetime(2026, 1, 15, 12, tzinfo=UTC), "UTC-05:00"),
        ("America/New_York", datetime(2026, 7, 15, 12, tzinfo=UTC), "UTC-04:00"),
        ("Asia/Kolkata", datetime(2026, 7, 15, 12, tzinfo=UTC), "UTC+05:30"),
        ("America/St_Johns", datetime(2026, 1, 15, 12, tzinfo=UTC), "UTC-03:30"),
        ("Etc/GMT-2", datetime(2026, 1, 15, 12, tzinfo=UTC), "UTC+02:00"),
        ("UTC", datetime(2026, 1, 15, 12, tzinfo=UTC), "UTC+00:00"),
    ],
)
def test_utc_offset_label(zone: str, at: datetime, expected: str) -> None:
    assert utc_offset_label(zone, at) == expected


def test_utc_offset_label_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="naive_datetime"):
        utc_offset_label("Europe/Berlin", datetime(2026, 1, 1))  # noqa: DTZ001
    with pytest.raises(ValueError, match="unknown_zone"):
        utc_offset_label("Mars/Olympus", datetime(2026, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Europe/Berlin", "DE"),
        ("America/Sao_Paulo", "BR"),
        ("Asia/Kolkata", "IN"),
        ("America/New_York", "US"),
        ("Europe/Kyiv", "UA"),
        ("Australia/Sydney", "AU"),
        ("Etc/GMT-2", None),
        ("UTC", None),
        ("Mars/Olympus", None),
    ],
)
def test_country_for_zone(zone: str, expected: str | None) -> None:
    assert country_for_zone(zone) == expected


@settings(max_examples=300, deadline=timedelta(milliseconds=200))
@given(st.text(max_size=5000))
def test_resolve_never_raises(text: str) -> None:
    result = resolve_timezone(text)
    assert len(result) <= 4
    assert len({c.zone for c in result}) == len(result)


@settings(max_examples=200, deadline=timedelta(milliseconds=200))
@given(
    st.lists(
        st.sampled_from(
            [
                "paris",
                "texas",
                ",",
                "utc",
                "+",
                "-",
                "5",
                ":30",
                "i'm",
                "in",
                "new",
                "york",
                "berln",
                "de",
                "us",
                "time",
                "GMT",
                "IST",
                "city",
                "portland",
                "oregon",
                "/",
                "europe",
            ]
        ),
        max_size=6,
    )
)
def test_token_soup(words: list[str]) -> None:
    for cand in resolve_timezone(" ".join(words)):
        assert 0 < len(cand.label) <= 40
        ZoneInfo(cand.zone)


def _berlin_found() -> bool:
    return any(c.zone == "Europe/Berlin" for c in resolve_timezone("Berlin"))


def test_preload_builds_the_tables_in_a_child_process(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(timezones, "_DATA", None)
    timezones.preload()
    assert timezones._DATA is not None
    assert "in-process" not in caplog.text  # the fallback below says so when it is used
    assert _berlin_found()


def test_preload_builds_in_process_when_no_child_can_start(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def no_children(*_args: object, **_kwargs: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(timezones, "_DATA", None)
    monkeypatch.setattr(timezones.subprocess, "run", no_children)
    with caplog.at_level(logging.WARNING, logger="bot.services.timezones"):
        timezones.preload()
    assert "built in-process (OSError)" in caplog.text
    assert timezones._DATA is not None
    assert _berlin_found()


def test_a_city_named_as_itself_is_not_offered_after_a_city_with_that_old_name() -> None:
    # A helper's chat: "Porto" offered "Bordeaux, France" first (an old name of Bordeaux).
    assert [c.zone for c in resolve_timezone("Porto")] == ["Europe/Lisbon"]
    # a far bigger city known by the name is still found ("Bombay", "Saigon")
    assert resolve_timezone("Bombay")[0].zone == "Asia/Kolkata"


_GMT = ["UTC", "Europe/London"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a yes or a hedge before the place, and thanks after it (session 35: "fine. GMT" was
        # "I couldn't find 'fine. GMT'"); GMT as bare GMT is read
        ("fine. GMT", _GMT),
        ("fine GMT", _GMT),
        ("okay GMT", _GMT),
        ("ok. GMT", _GMT),
        ("yeah GMT", _GMT),
        ("um GMT", _GMT),
        ("its GMT", _GMT),
        ("it's GMT", _GMT),
        ("GMT, thanks", _GMT),
        ("GMT please", _GMT),
        ("fine. gmt+1", ["Etc/GMT-1"]),
        ("okay utc-5", ["Etc/GMT+5"]),
        ("yeah its -3", ["Etc/GMT+3"]),
        ("fine. PT", ["America/Los_Angeles"]),
        ("okay, berlin", ["Europe/Berlin"]),
        ("yeah, its berlin thanks", ["Europe/Berlin"]),
        ("well, berlin i think", ["Europe/Berlin"]),
        ("uh berlin", ["Europe/Berlin"]),
        ("i'm in berlin", ["Europe/Berlin"]),
        ("im in berlin", ["Europe/Berlin"]),
        ("i live in berlin please", ["Europe/Berlin"]),
        ("i am in berlin", ["Europe/Berlin"]),
        ("sure. tokyo", ["Asia/Tokyo"]),
        ("yep tokyo thanks", ["Asia/Tokyo"]),
        # places whose names start or end as a filler does are still themselves
        ("Wellington", ["Pacific/Auckland"]),
        ("Okayama", ["Asia/Tokyo"]),
        ("So Uk", ["Asia/Hong_Kong"]),
    ],
)
def test_fillers_around_a_place_are_left_out(text: str, expected: list[str]) -> None:
    assert [c.zone for c in resolve_timezone(text)][: len(expected)] == expected


@pytest.mark.parametrize(
    "text", ["fine", "fine.", "okay", "yeah", "yes", "yep", "well", "um", "fine thanks", "ok ok"]
)
def test_fillers_alone_are_no_place(text: str) -> None:
    assert resolve_timezone(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spain", 0),
        ("Spain!", 0),
        ("colombia", 1),
        ("in spain", 0),
        ("madrid spain", 0),
        ("the first one", 0),
        ("2nd", 1),
        ("last", 1),
        ("madrid", None),  # the city's name alone picks none of them
        ("the uk", None),
        ("", None),
    ],
)
def test_a_typed_answer_picks_among_the_places_offered(text: str, expected: int | None) -> None:
    # a session-36 chat: "spain" at "Madrid, Spain / Madrid, Colombia" offered Spain's zones
    assert pick_among(["Madrid, Spain", "Madrid, Colombia"], text) == expected
