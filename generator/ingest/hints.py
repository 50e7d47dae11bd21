"""Hints: an editor's corrections to the automatic structure, in a small YAML file.

```yaml
titles: [电信业务收入增长动力足, {line: 3461}]   # these headings start articles
subheadings: [晶方基金再投资]                  # these headings stay inside their article
body: [{line: 1618}]                           # these lines are paragraph text
merge: [第三代半导体概念火热 封测巨头晶方科技入局]  # this article joins the one before it
split:                                         # a new article starts at this paragraph
  - {at: "8月9日，晶方科技发布公告称", title: 晶方科技入局第三代半导体}
sections: {产业环境: 行业环境}                  # rename a section
```

A line is named by its text (the whole heading, spaces ignored) or `{line: N}` (its line number in
the raw file); `split` takes the start of a paragraph (`at:`) or a line number. Every hint that
matches nothing is reported, so a hint file never fails silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import BulletinError
from generator.ingest.layout import Block
from generator.ingest.rules import Kind, Labeled, heading_shaped
from generator.text.yamlfile import Mapping, describe_value, parse_mapping, read_text_file

KNOWN_KEYS = ("titles", "subheadings", "body", "merge", "split", "sections")


@dataclass(frozen=True)
class LineRef:
    text: str | None = None
    line: int | None = None

    def matches(self, block: Block, text: str) -> bool:
        if self.line is not None:
            return block.first <= self.line <= block.last
        squeezed = "".join(text.split())
        wanted = "".join((self.text or "").split())
        return squeezed == wanted

    def describe(self) -> str:
        return f"line {self.line}" if self.line is not None else f"“{self.text}”"


@dataclass(frozen=True)
class Split:
    at: LineRef
    title: str | None


@dataclass
class Hints:
    titles: list[LineRef] = field(default_factory=list)
    subheadings: list[LineRef] = field(default_factory=list)
    body: list[LineRef] = field(default_factory=list)
    merge: list[LineRef] = field(default_factory=list)
    split: list[Split] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)


def _ref(value, mapping: Mapping, key: str) -> LineRef:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return LineRef(line=value) if isinstance(value, int) else LineRef(text=value)
    if isinstance(value, dict) and isinstance(value.get("line"), int):
        return LineRef(line=value["line"])
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        return LineRef(text=value["text"])
    raise mapping.error(key, f"`{key}`: each entry must be a heading text or {{line: N}}, not {describe_value(value)}")


def load_hints(path: str | Path, unknown: list[BulletinError] | None = None) -> Hints:
    """The hints in `path`. A key that is no hint is an error, unless `unknown` is given: then it is
    added there (what `bulletin check` reports) and left out."""
    path = Path(path)
    if not path.is_file():
        raise BulletinError("hints file not found", path)
    mapping = parse_mapping(read_text_file(path, "hints file"), path, what="hints file")
    data = mapping.data
    problems = mapping.unknown(KNOWN_KEYS, "hint")
    if problems and unknown is None:
        raise problems[0]
    if unknown is not None:
        unknown.extend(problems)

    def refs(key: str) -> list[LineRef]:
        value = data.get(key) or []
        if not isinstance(value, list):
            raise mapping.error(key, f"`{key}` must be a list")
        return [_ref(item, mapping, key) for item in value]

    splits = []
    for item in data.get("split") or []:
        if not isinstance(item, dict) or not ("at" in item or "line" in item):
            raise mapping.error("split", "`split`: each entry needs `at: <paragraph start>` or `line: N`")
        at = _ref({"line": item["line"]} if "line" in item else {"text": str(item["at"])}, mapping, "split")  # a line is a number
        splits.append(Split(at=at, title=str(item["title"]) if item.get("title") else None))
    sections = data.get("sections") or {}
    if not isinstance(sections, dict):
        raise mapping.error("sections", "`sections` must map an old name to a new one")
    return Hints(titles=refs("titles"), subheadings=refs("subheadings"), body=refs("body"),
                 merge=refs("merge"), split=splits, sections={str(k): str(v) for k, v in sections.items()})


def apply_hints(labeled: list[Labeled], hints: Hints) -> tuple[list[Labeled], list[str]]:
    """Force labels as the hints say; return the new labels and a note per hint that matched nothing."""
    used: set[int] = set()
    result: list[Labeled] = []
    for item in labeled:
        result.extend(_apply_to(item, hints, used))
    result = [_rename(item, hints.sections) for item in result]
    unmatched = []
    everything = ([("titles", r) for r in hints.titles] + [("subheadings", r) for r in hints.subheadings]
                  + [("body", r) for r in hints.body] + [("merge", r) for r in hints.merge]
                  + [("split", s.at) for s in hints.split])
    for key, ref in everything:
        if id(ref) not in used:
            unmatched.append(f"hint `{key}` {ref.describe()} matched no line")
    present = {item.text for item in result if item.kind is Kind.SECTION}
    for old, new in hints.sections.items():
        if new not in present:
            unmatched.append(f"hint `sections` {old} matched no section")
    return result, unmatched


def _first_match(refs: list, item: Labeled, used: set[int]):
    for ref in refs:
        target = ref.at if isinstance(ref, Split) else ref
        if target.matches(item.block, item.text) or (
            isinstance(ref, Split) and target.text is not None and "".join(item.text.split()).startswith(
                "".join(target.text.split()))
        ):
            used.add(id(target))
            return ref
    return None


def _apply_to(item: Labeled, hints: Hints, used: set[int]) -> list[Labeled]:
    if _first_match(hints.body, item, used):
        return [replace(item, kind=Kind.BODY, text=item.block.text, forced=None)]
    if _first_match(hints.titles, item, used):
        return [replace(item, kind=Kind.HEADING, forced="title")]
    if _first_match(hints.subheadings, item, used) or _first_match(hints.merge, item, used):
        return [replace(item, kind=Kind.HEADING, forced="subheading")]
    split = _first_match(hints.split, item, used)
    if split is None:
        return [item]
    if split.title is None and heading_shaped(item.block):
        return [replace(item, kind=Kind.HEADING, forced="title")]
    title = split.title or item.text[:20]
    heading = Labeled(item.block, Kind.HEADING, title, forced="title", synthetic=True)
    return [heading, replace(item, kind=Kind.BODY)]


def _rename(item: Labeled, renames: dict[str, str]) -> Labeled:
    if item.kind is Kind.SECTION and item.text in renames:
        return replace(item, text=renames[item.text])
    return item
