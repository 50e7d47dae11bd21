"""The tag taxonomy (content/tags.yml): each tag with the keywords that suggest it and its aliases,
and the settings of the tagger that applies it at ingest."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.errors import BulletinError
from generator.text.yamlfile import Mapping, closest, parse_mapping, read_text_file

MAX_TAGS = 4  # tags an article gets at most, unless tags.yml says `max_tags: N`
MIN_CONFIDENCE = 0.5  # how sure the tagger must be of a tag, unless tags.yml says `min_confidence: X`
KINDS = ("topic", "name")


@dataclass(frozen=True)
class Tag:
    name: str
    keywords: tuple[str, ...]  # words whose presence suggests the tag (the name always counts)
    aliases: tuple[str, ...]  # other names editors may write for the same tag (not looked for in text)
    fallback: bool = False  # given when no other tag fits
    # `name`: the keywords are names (a company, the places of 地方动态): the tag is given only when
    # one of them is what the article is about, not for a mention in passing or in a list
    kind: str = "topic"

    @property
    def terms(self) -> tuple[str, ...]:
        """What the tagger looks for in an article's text: the name and the keywords."""
        return tuple(dict.fromkeys((self.name, *self.keywords)))


@dataclass(frozen=True)
class Taxonomy:
    tags: tuple[Tag, ...]
    max_tags: int = MAX_TAGS
    min_confidence: float = MIN_CONFIDENCE

    def canonical(self, name: str) -> str:
        """The taxonomy's name for `name` (an alias maps to its tag); unknown names stay as they are."""
        return self._canonical.get(name, name)

    def __contains__(self, name: str) -> bool:
        return name in self._canonical

    @cached_property
    def _canonical(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for tag in reversed(self.tags):  # the first tag to claim an alias keeps it
            table.update(dict.fromkeys(tag.aliases, tag.name))
        table.update({tag.name: tag.name for tag in self.tags})
        return table


TAG_FIELDS = ("keywords", "aliases", "fallback", "kind")
SETTINGS = {"max_tags": (int, MAX_TAGS, 1, 20), "min_confidence": (float, MIN_CONFIDENCE, 0, 1)}


def _words(mapping: Mapping, name: str, value: object, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in value):
        raise mapping.error(name, f"tag {name}: {field} must be a list of words")
    return tuple(str(item) for item in value)


def _setting(mapping: Mapping, key: str) -> float:
    """A tagger setting: a number from `low` to `high` (a whole one for `int` settings)."""
    kind, default, low, high = SETTINGS[key]
    value = mapping.data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high \
            or (kind is int and value != int(value)):
        whole = "whole " if kind is int else ""
        raise mapping.error(key, f"{key} must be a {whole}number from {low} to {high}, got {value!r}")
    return value


def load_taxonomy(path: str | Path, unknown: list[BulletinError] | None = None) -> Taxonomy:
    """The taxonomy in `path` (none when there is no such file); fields of a tag it does not know are
    added to `unknown` (when given)."""
    path = Path(path)
    if not path.exists():
        return Taxonomy(())
    mapping = parse_mapping(read_text_file(path, "taxonomy"), path, what="the taxonomy")
    tags = []
    for name, spec in mapping.data.items():
        if name in SETTINGS:
            continue
        spec = spec or {}
        if isinstance(spec, list):
            spec = {"keywords": spec}
        if not isinstance(spec, dict):
            raise mapping.error(name, f"tag {name}: expected keywords and aliases")
        if unknown is not None:
            unknown += [mapping.error(name, f"tag {name}: {key}: unknown field" + (f"; did you mean {match}?" if (match := closest(str(key), TAG_FIELDS)) else ""))
                        for key in spec if key not in TAG_FIELDS]
        kind = spec.get("kind", "topic")
        if kind not in KINDS:
            raise mapping.error(name, f"tag {name}: kind must be topic or name, got {kind!r}")
        tags.append(Tag(
            name=name,
            keywords=_words(mapping, name, spec.get("keywords"), "keywords"),
            aliases=_words(mapping, name, spec.get("aliases"), "aliases"),
            fallback=bool(spec.get("fallback", False)),
            kind=kind,
        ))
    return Taxonomy(tuple(tags), int(_setting(mapping, "max_tags")), float(_setting(mapping, "min_confidence")))
