"""The tag taxonomy (content/tags.yml): each tag with the keywords that suggest it and its aliases."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import BulletinError
from generator.text.yamlfile import Mapping, closest, parse_mapping, read_text_file


@dataclass(frozen=True)
class Tag:
    name: str
    keywords: tuple[str, ...]  # words whose presence suggests the tag (the name always counts)
    aliases: tuple[str, ...]  # other names editors may write for the same tag
    fallback: bool = False  # given when no other tag fits

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.keywords, *self.aliases)))


@dataclass(frozen=True)
class Taxonomy:
    tags: tuple[Tag, ...]

    def canonical(self, name: str) -> str:
        """The taxonomy's name for `name` (an alias maps to its tag); unknown names stay as they are."""
        for tag in self.tags:
            if name == tag.name or name in tag.aliases:
                return tag.name
        return name

    def __contains__(self, name: str) -> bool:
        return any(name == tag.name or name in tag.aliases for tag in self.tags)


TAG_FIELDS = ("keywords", "aliases", "fallback")


def _words(mapping: Mapping, name: str, value: object, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in value):
        raise mapping.error(name, f"tag {name}: {field} must be a list of words")
    return tuple(str(item) for item in value)


def load_taxonomy(path: str | Path, unknown: list[BulletinError] | None = None) -> Taxonomy:
    """The taxonomy in `path` (none when there is no such file); fields of a tag it does not know are
    added to `unknown` (when given)."""
    path = Path(path)
    if not path.exists():
        return Taxonomy(())
    mapping = parse_mapping(read_text_file(path, "taxonomy"), path, what="the taxonomy")
    tags = []
    for name, spec in mapping.data.items():
        spec = spec or {}
        if isinstance(spec, list):
            spec = {"keywords": spec}
        if not isinstance(spec, dict):
            raise mapping.error(name, f"tag {name}: expected keywords and aliases")
        if unknown is not None:
            unknown += [mapping.error(name, f"tag {name}: {key}: unknown field" + (f"; did you mean {match}?" if (match := closest(str(key), TAG_FIELDS)) else ""))
                        for key in spec if key not in TAG_FIELDS]
        tags.append(Tag(
            name=name,
            keywords=_words(mapping, name, spec.get("keywords"), "keywords"),
            aliases=_words(mapping, name, spec.get("aliases"), "aliases"),
            fallback=bool(spec.get("fallback", False)),
        ))
    return Taxonomy(tuple(tags))
