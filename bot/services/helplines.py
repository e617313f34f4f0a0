"""content/helplines.yaml: the emergency number and the crisis and abuse lines for every
country ``bot.services.timezones.country_for_zone`` can return, plus the worldwide fallback
and the directories appended to every list.

``load_helplines`` reads and validates the file (Telegram HTML, lengths, ISO codes, https
sources, dates) and raises ``HelplinesError`` naming the file and the field. ``lines_for``
picks a user's lines; the worldwide directory is always the last line of both lists."""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from bot.services.faq import check_telegram_html, visible_length

__all__ = [
    "DEFAULT_PATH",
    "MAX_LINE_CHARS",
    "CountryHelplines",
    "Directories",
    "Fallback",
    "HelplineLine",
    "Helplines",
    "HelplinesError",
    "LinesForUser",
    "lines_for",
    "load_helplines",
]

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "content" / "helplines.yaml"
MAX_LINE_CHARS = 300  # visible characters of one helpline line
_ISO_RE = re.compile(r"[A-Z]{2}")


class HelplinesError(ValueError):
    """content/helplines.yaml is missing or malformed; the message names the file and field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HelplineLine(_Strict):
    """One line as the user sees it, and where an editor can re-check it."""

    text: str = Field(min_length=1)
    source: str = Field(min_length=1, max_length=300)

    @field_validator("text")
    @classmethod
    def _text(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("line is empty")
        check_telegram_html(text)
        n = visible_length(text)
        if n > MAX_LINE_CHARS:
            raise ValueError(f"{n} visible chars, more than {MAX_LINE_CHARS}")
        return text

    @field_validator("source")
    @classmethod
    def _source(cls, source: str) -> str:
        parts = urlsplit(source)
        if parts.scheme != "https" or not parts.hostname or "." not in parts.hostname:
            raise ValueError(f"source {source!r} must be an https:// address")
        if any(c.isspace() for c in source):
            raise ValueError(f"source {source!r} contains whitespace")
        return source


def _plain(text: str, what: str) -> str:
    """Names and emergency numbers are filled into messages: valid HTML, no blank text."""
    if not text.strip():
        raise ValueError(f"{what} is empty")
    check_telegram_html(text)
    return text


class _Place(_Strict):
    """What every entry has: the name that reads after "in", and the emergency number."""

    name: str = Field(min_length=1, max_length=40)
    emergency: str = Field(min_length=1, max_length=60)

    @field_validator("name", "emergency")
    @classmethod
    def _plain_text(cls, text: str, info: ValidationInfo) -> str:
        return _plain(text, str(info.field_name))


class CountryHelplines(_Place):
    """A country's entry."""

    crisis: list[HelplineLine] = Field(default_factory=list)
    abuse: list[HelplineLine] = Field(default_factory=list)
    young: list[HelplineLine] = Field(default_factory=list)  # for children and teenagers
    checked: date


class Fallback(_Place):
    """For users whose country is unknown or not listed."""

    crisis: list[HelplineLine] = Field(min_length=1)
    abuse: list[HelplineLine] = Field(min_length=1)


class Directories(_Strict):
    """Worldwide directories, always the last lines of every list."""

    crisis: list[HelplineLine] = Field(min_length=1)
    abuse: list[HelplineLine] = Field(min_length=1)


class Helplines(_Strict):
    """The whole of content/helplines.yaml."""

    countries: dict[str, CountryHelplines] = Field(min_length=1)
    fallback: Fallback
    directories: Directories

    @field_validator("countries", mode="before")
    @classmethod
    def _codes(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for code in value:
                if not isinstance(code, str) or not _ISO_RE.fullmatch(code):
                    hint = (
                        ' (quote "NO": unquoted, YAML reads it as false)' if code is False else ""
                    )
                    raise ValueError(
                        f"country code {code!r} must be ISO 3166 alpha-2, upper case{hint}"
                    )
        return value


_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SAFE_LOADER):  # type: ignore[valid-type,misc]
    """A safe loader (libyaml's when there) that refuses duplicate mapping keys (a second
    "PH:" would silently win)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: set[Hashable] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if isinstance(key, Hashable) and key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        if isinstance(key, Hashable):
            seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def load_helplines(path: Path = DEFAULT_PATH) -> Helplines:
    """Read and validate ``path``; raise HelplinesError naming the file and the field."""
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise HelplinesError(f"{path}: {exc}") from None
    if not isinstance(data, dict):
        raise HelplinesError(f"{path}: <root>: expected a mapping")
    try:
        return Helplines.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"{path}: {'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}"
            for err in exc.errors()
        ]
        raise HelplinesError("\n".join(lines)) from None


@dataclass(frozen=True)
class LinesForUser:
    country: str | None  # ISO code, None for the fallback
    name: str  # "the Philippines" / "your country"
    emergency: str
    crisis: list[str]  # texts, the country's own then the directories
    abuse: list[str]  # texts, the country's own then the directories
    known: bool
    young: tuple[str, ...] = ()  # the country's lines for children and teenagers, if any


def _with_directories(own: list[HelplineLine], directories: list[HelplineLine]) -> list[str]:
    tail = [line.text for line in directories]
    head: list[str] = []
    for line in own:
        if line.text not in tail and line.text not in head:
            head.append(line.text)
    return head + list(dict.fromkeys(tail))


def lines_for(helplines: Helplines, country_code: str | None) -> LinesForUser:
    """The lines for ``country_code`` (ISO alpha-2, any case); the fallback when unknown.

    The worldwide directories always end both lists, once, so a number that fails still
    leaves a way forward."""
    code = (country_code or "").strip().upper()
    dirs = helplines.directories
    entry = helplines.countries.get(code)
    if entry is None:
        fb = helplines.fallback
        return LinesForUser(
            country=None,
            name=fb.name,
            emergency=fb.emergency,
            crisis=_with_directories(fb.crisis, dirs.crisis),
            abuse=_with_directories(fb.abuse, dirs.abuse),
            known=False,
        )
    return LinesForUser(
        country=code,
        name=entry.name,
        emergency=entry.emergency,
        crisis=_with_directories(entry.crisis, dirs.crisis),
        abuse=_with_directories(entry.abuse, dirs.abuse),
        known=True,
        young=tuple(line.text for line in entry.young),
    )
