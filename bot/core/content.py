"""Load and validate content/ once at start-up into typed objects.

Texts live in `content/texts/*.yaml`: a flat mapping of key -> a string, a list of variants,
or a mapping of labels. A text is addressed as "<file>.<key>" (e.g. "core.welcome") and
rendered with `str.format` fields; values passed in are HTML-escaped unless wrapped in Markup.
A broken file fails at start-up with its path and line.
"""

from __future__ import annotations

import random
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.services import tghtml
from bot.services.encouragement import DailyContent, parse_daily
from bot.services.faq import FaqContent, FaqEntry, FaqTopic, entries_from_content
from bot.services.helplines import Helplines, HelplinesError, load_helplines

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
MAX_TEXT_CHARS = 4096
# Keys of structured files (daily, faq) whose values are data, not texts.
STRUCTURE_KEYS = frozenset({"id", "themes", "phrasings", "next", "topic", "kind"})


class ContentError(Exception):
    """A content file is broken: the message starts with "path:line:"."""


class Markup(str):
    """A string that is already Telegram HTML and must not be escaped again."""


def _line_of(node: yaml.Node | None, path: tuple[object, ...]) -> int:
    """Line (1-based) of the YAML node at `path`, or of the deepest ancestor found."""
    line = node.start_mark.line + 1 if node is not None else 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = None
            for key_node, value_node in node.value:
                if str(key_node.value) == str(step):
                    found = value_node
                    break
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step] if step < len(node.value) else None
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


@dataclass
class YamlFile:
    """A parsed YAML file that can say where a value came from."""

    path: Path
    data: Any
    root: yaml.Node | None

    def error(self, where: tuple[object, ...], message: str) -> ContentError:
        shown = _display_path(self.path)
        return ContentError(f"{shown}:{_line_of(self.root, where)}: {message}")


def _display_path(path: Path) -> str:
    try:
        return str(path.relative_to(CONTENT_DIR.parent))
    except ValueError:
        return str(path)


# libyaml's safe loader when PyYAML has it: the same result, several times faster.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> YamlFile:
    try:
        source = path.read_text(encoding="utf-8")
        root = yaml.compose(source, Loader=_LOADER)
        data = yaml.load(source, Loader=_LOADER)  # noqa: S506 - a safe loader (C or Python)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise ContentError(f"{_display_path(path)}:{line}: {exc}") from None
    except OSError as exc:
        raise ContentError(f"{_display_path(path)}:1: cannot read ({exc.strerror})") from None
    return YamlFile(path=path, data=data, root=root)


def field_names(template: str) -> set[str]:
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            if not name or not name.isidentifier():
                raise ValueError(f"placeholder {{{name}}} must be a plain name")
            names.add(name)
    return names


def check_html(template: str) -> None:
    """Raise ValueError if the template, filled with harmless values, breaks Telegram's rules."""
    names = field_names(template)
    rendered = template.format(**dict.fromkeys(names, "0"))
    try:
        tghtml.validate(rendered)
    except tghtml.TelegramHtmlError as exc:
        raise ValueError(f"invalid Telegram HTML: {exc}") from None
    if tghtml.visible_length(rendered) > MAX_TEXT_CHARS - 200:
        raise ValueError("text is too long for one Telegram message")
    if not tghtml.to_plain(rendered).strip():
        raise ValueError("text is empty")


def validate_texts(
    doc: YamlFile,
    value: Any,
    where: tuple[object, ...],
    skip: frozenset[str] = frozenset(),
) -> None:
    """Check every string under `value` as a text template (mapping keys in `skip` aside)."""
    if isinstance(value, str):
        try:
            check_html(value)
        except ValueError as exc:
            raise doc.error(where, str(exc)) from None
    elif isinstance(value, list):
        if not value:
            raise doc.error(where, "empty list of variants")
        for index, item in enumerate(value):
            validate_texts(doc, item, (*where, index), skip)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if str(key) not in skip:
                validate_texts(doc, item, (*where, key), skip)
    elif isinstance(value, bool) or value is None or not skip:
        raise doc.error(where, "expected text")


@dataclass
class Content:
    """Every user-facing text, loaded once."""

    texts: dict[str, Any]
    extra: dict[str, YamlFile] = field(default_factory=dict)
    daily: DailyContent | None = None
    faq: FaqContent | None = None
    faq_entries: dict[str, FaqEntry] = field(default_factory=dict)
    faq_topics: dict[str, FaqTopic] = field(default_factory=dict)
    helplines: Helplines | None = None
    rng: random.Random = field(default_factory=random.Random)
    # The variant each list of variants gave last: the next pick from it is another one, so
    # two replies of the same kind in a row ("i feel better", then "didn't text him today")
    # never read word for word the same.
    _last: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False)

    def pick(self, variants: list[str] | tuple[str, ...]) -> str:
        """One of several variants of a structured text, not the one this list gave last."""
        options = tuple(variants)
        last = self._last.get(options)
        fresh = [v for v in options if v != last] or list(options)
        chosen = self.rng.choice(fresh)
        self._last[options] = chosen
        return chosen

    def has(self, key: str) -> bool:
        return key in self.texts

    def variants(self, key: str) -> list[str]:
        value = self.texts[key]
        if isinstance(value, str):
            return [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise KeyError(f"{key} is not a text")

    def mapping(self, key: str) -> dict[str, str]:
        value = self.texts[key]
        if not isinstance(value, dict):
            raise KeyError(f"{key} is not a mapping")
        return {str(k): str(v) for k, v in value.items()}

    def text(self, key: str, **params: object) -> str:
        """A variant of `key` filled with escaped params."""
        return render(self.pick(self.variants(key)), **params)

    def label(self, key: str) -> str:
        """A button label: the first variant, as plain text."""
        return tghtml.to_plain(self.variants(key)[0])


def render(template: str, **params: object) -> str:
    safe = {
        name: value if isinstance(value, Markup) else tghtml.escape(str(value))
        for name, value in params.items()
    }
    return template.format(**safe)


def load_texts(directory: Path) -> dict[str, Any]:
    texts: dict[str, Any] = {}
    for path in sorted((directory / "texts").glob("*.yaml")):
        doc = read_yaml(path)
        if not isinstance(doc.data, dict):
            raise doc.error((), "expected a mapping of key -> text")
        for key, value in doc.data.items():
            if not isinstance(key, str) or not key.replace("_", "").isalnum():
                raise doc.error((key,), f"bad key {key!r}: use letters, digits and _")
            validate_texts(doc, value, (key,))
            _add_flat(texts, f"{path.stem}.{key}", value)
    return texts


def _add_flat(texts: dict[str, Any], key: str, value: Any) -> None:
    """`key` and, for a mapping, each of its keys below it ("language.heard.es.miss")."""
    texts[key] = value
    if isinstance(value, dict):
        for sub, item in value.items():
            _add_flat(texts, f"{key}.{sub}", item)


def load_content(directory: Path = CONTENT_DIR) -> Content:
    """Read every content file, or raise ContentError naming the file and line."""
    if not directory.is_dir():
        raise ContentError(f"{directory}: content folder not found")
    content = Content(texts=load_texts(directory))
    for name in ("daily", "faq"):
        path = directory / f"{name}.yaml"
        if path.exists():
            doc = read_yaml(path)
            validate_texts(doc, doc.data, (), STRUCTURE_KEYS)
            content.extra[name] = doc
    if "daily" in content.extra:
        doc = content.extra["daily"]
        try:
            content.daily = parse_daily(doc.data)
        except (ValueError, KeyError, TypeError) as exc:
            raise doc.error((), f"daily.yaml: {exc}") from None
    if "faq" in content.extra:
        content.faq = _validated(content.extra["faq"], FaqContent)
        entries = entries_from_content(content.faq)
        content.faq_entries = {e.id: e for e in entries}
        content.faq_topics = {
            t.id: FaqTopic(t.id, t.title, tuple(q.id for q in t.questions))
            for t in content.faq.topics
        }
    helplines = directory / "helplines.yaml"
    if helplines.exists():
        try:
            content.helplines = load_helplines(helplines)
        except HelplinesError as exc:
            raise ContentError(str(exc)) from None
    return content


M = TypeVar("M", bound=BaseModel)


def _validated(doc: YamlFile, model: type[M]) -> M:
    """Validate a structured file; the first error names its line."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = tuple(first["loc"])
        path = ".".join(str(p) for p in where) or "<root>"
        raise doc.error(where, f"{path}: {first['msg']}") from None
