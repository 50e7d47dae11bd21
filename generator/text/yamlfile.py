"""YAML files: mappings read with the line of each key, errors that name the file and line, unknown keys
reported with the known one they look like; and YAML written as ingest writes it."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, overload

import yaml

from generator.errors import BulletinError
from generator.fsutil import read_file
from generator.text.normalize import clean_text


@dataclass
class Mapping:
    """A parsed YAML mapping; `line(key)` is the 1-based line of the key in its file."""

    data: dict[str, Any]
    lines: dict[str, int]
    path: Path
    first_line: int
    item_lines: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # a list's text items and their lines

    def line(self, key: str) -> int:
        return self.lines.get(key, self.first_line)

    def item_line(self, key: str, text: str) -> int:
        """The line of the item `text` in the list under `key` (a tag of `tags: [a, b]` or of a block list)."""
        return next((line for item, line in self.item_lines.get(key, ()) if " ".join(item.split()) == text), self.line(key))

    def error(self, key: str, message: str) -> BulletinError:
        return BulletinError(message, self.path, self.line(key))

    def unknown(self, known: Iterable[str], noun: str = "field") -> list[BulletinError]:
        """A problem for each key that is not one of `known`, naming the known key it looks like:
        'per_pgae: unknown setting; did you mean per_page?'."""
        known = list(known)
        return [self.error(key, f"{key}: unknown {noun}" + (f"; did you mean {match}?" if (match := closest(key, known)) else ""))
                for key in self.data if key not in known]

    @overload
    def text(self, key: str, default: str, *, required: bool = False) -> str: ...
    @overload
    def text(self, key: str, default: None = None, *, required: Literal[True]) -> str: ...
    @overload
    def text(self, key: str, default: None = None, *, required: bool = False) -> str | None: ...

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> str | None:
        """A scalar field as text (numbers are accepted and written as text)."""
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                raise self.error(key, f"missing required field '{key}'")
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.error(key, f"field '{key}' must be text, got {describe_value(value)}")
        return " ".join(str(value).split()) or default

    @overload
    def integer(self, key: str, default: int, *, minimum: int | None = None) -> int: ...
    @overload
    def integer(self, key: str, default: None = None, *, minimum: int | None = None) -> int | None: ...

    def integer(self, key: str, default: int | None = None, *, minimum: int | None = None) -> int | None:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"field '{key}' must be a whole number, got {describe_value(value)}")
        if minimum is not None and value < minimum:
            raise self.error(key, f"field '{key}' must be at least {minimum}, got {value}")
        return value

    def text_list(self, key: str) -> list[str]:
        """A list of text (a single text is a one-item list); blank items are dropped."""
        value = self.data.get(key)
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        result = []
        for item in items:
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                raise self.error(key, f"field '{key}' must be a list of text, got {describe_value(item)} in it")
            text = " ".join(str(item).split())
            if text:
                result.append(text)
        return result

    def date(self, key: str, *, required: bool = False) -> dt.date | dt.datetime | None:
        """A date (`2021-08-12`) or a date and time (`2021-08-12 09:30:00+08:00`)."""
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                raise self.error(key, f"missing required field '{key}'")
            return None
        if isinstance(value, str):
            value = value.strip()
            try:
                return dt.datetime.fromisoformat(value) if len(value) > 10 else dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.error(key, f"field '{key}' must be a date like 2021-08-12, got {describe_value(value)}")


def closest(word: str, known: Iterable[str]) -> str | None:
    """The one of `known` that `word` most looks like (a typo of it), if any looks enough like it."""
    matches = difflib.get_close_matches(word.lower(), list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def read_text_file(path: Path, what: str) -> str:
    """A UTF-8 text file (BOM allowed), cleaned of control characters; errors name the file and line."""
    raw = read_file(path, what)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BulletinError(f"{what} is not valid UTF-8", path, raw[: exc.start].count(b"\n") + 1) from None
    return clean_text(text)


def describe_value(value: Any) -> str:
    """A value for a message: its kind, or itself cut short (a whole file must never be shown back)."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "…"


_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: much faster


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]  # a base chosen at import time
    """Safe YAML that leaves dates as text, so a bad date is reported by field with its line."""


_RESOLVED: dict[tuple[object, tuple[bool, bool]], str] = {}


def _resolve(self: _Loader, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
    """The tag of a node, remembered for scalars: front matters repeat the same dates, tags, sections."""
    if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
        return yaml.resolver.Resolver.resolve(self, kind, value, implicit)
    key = (value, implicit)
    tag = _RESOLVED.get(key)
    if tag is None:
        tag = _RESOLVED[key] = yaml.resolver.Resolver.resolve(self, kind, value, implicit)
    return tag


_Loader.resolve = _resolve
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"


def _construct(loader: _Loader, node: yaml.Node) -> Any:
    """What `loader.construct_document(node)` gives, quicker for the usual front matter: a mapping of
    text keys to text, or to lists of text (text nodes are their value: PyYAML's constructor is
    Python, and five thousand front matters a build add up). Anything else goes to PyYAML."""
    if not isinstance(node, yaml.MappingNode) or any(not isinstance(key, yaml.ScalarNode) or key.tag != _STR for key, _ in node.value):
        return loader.construct_document(node)
    data = {}
    for key, value in node.value:
        if isinstance(value, yaml.ScalarNode) and value.tag == _STR:
            data[key.value] = value.value
        elif isinstance(value, yaml.SequenceNode) and value.tag == _SEQ and all(isinstance(item, yaml.ScalarNode) and item.tag == _STR for item in value.value):
            data[key.value] = [item.value for item in value.value]
        else:
            try:
                data[key.value] = loader.construct_object(value, deep=True)
            except (ValueError, OverflowError) as exc:  # an integer of 5,000 digits: Python refuses to read it
                raise yaml.MarkedYAMLError(problem=f"{key.value}: {exc}".split(";")[0], problem_mark=value.start_mark) from None
    return data


MAX_DEPTH = 32  # levels of nesting: a site.yml needs 4; deeper is a mistake or an attack (Python recursion)


def _refuse_deep_nesting(root: yaml.Node | None, path: Path, first_line: int, what: str) -> None:
    """A BulletinError at the first node nested deeper than MAX_DEPTH; an alias inside itself counts as
    endlessly deep. Iterative, and a node shared through aliases is walked again only when reached
    deeper than before, so the work stays bounded whatever the document."""
    deepest: dict[int, int] = {}
    stack = [(root, 1)] if root is not None else []
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BulletinError(f"{what} is nested more than {MAX_DEPTH} levels deep (or an alias contains itself)",
                                path, first_line + node.start_mark.line)
        if deepest.get(id(node), 0) >= depth or isinstance(node, yaml.ScalarNode):
            continue
        deepest[id(node)] = depth
        children = node.value if isinstance(node, yaml.SequenceNode) else [item for pair in node.value for item in pair]
        stack.extend((child, depth + 1) for child in children)


def parse_mapping(text: str, path: Path, first_line: int = 1, *, what: str = "file") -> Mapping:
    """Parse `text` (which starts on line `first_line` of `path`) as a YAML mapping.

    An empty document is an empty mapping; anything else that is not a mapping is an error.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        _refuse_deep_nesting(node, path, first_line, what)
        data = _construct(loader, node) if node is not None else {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        if ": {{" in text:  # protected text opening a value reads as a YAML mapping
            problem += ' (a value that starts with {{ must be quoted: title: "{{…}}…")'
        raise BulletinError(f"invalid YAML in {what}: {problem}", path, line) from None
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        raise BulletinError(f"invalid YAML in {what}: {str(exc).split(';')[0]}", path, first_line) from None
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise BulletinError(f"{what} must be a mapping of fields (key: value), got {describe_value(data)}", path, first_line)
    lines, item_lines = {}, {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                lines[str(key_node.value)] = first_line + key_node.start_mark.line
                if isinstance(value_node, yaml.SequenceNode):
                    item_lines[str(key_node.value)] = [(item.value, first_line + item.start_mark.line) for item in value_node.value
                                                       if isinstance(item, yaml.ScalarNode)]
    return Mapping({str(k): v for k, v in data.items()}, lines, path, first_line, item_lines)


class _PlainDumper(yaml.SafeDumper):
    """No `&id001` anchors when two fields share a value (the date and the issue)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: dict) -> str:
    """`data` as block YAML, keys in the order given, Chinese as it is, one line per value."""
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, default_flow_style=None, width=10_000)
