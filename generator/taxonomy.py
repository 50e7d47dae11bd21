"""The tag taxonomy (content/tags.yml): each tag with the keywords that suggest it and its aliases."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import BulletinError


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


def _strings(value, path: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) for item in value):
        raise BulletinError(f"{where} must be a list of words", path)
    return tuple(str(item) for item in value)


def load_taxonomy(path: str | Path) -> Taxonomy:
    path = str(path)
    if not Path(path).exists():
        return Taxonomy(())
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BulletinError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path,
                            mark.line + 1 if mark else None) from None
    except UnicodeDecodeError:
        raise BulletinError("not UTF-8 text", path) from None
    if data is None:
        return Taxonomy(())
    if not isinstance(data, dict):
        raise BulletinError("the taxonomy maps each tag name to its keywords and aliases", path)
    tags = []
    for name, spec in data.items():
        spec = spec or {}
        if isinstance(spec, list):
            spec = {"keywords": spec}
        if not isinstance(spec, dict):
            raise BulletinError(f"tag {name}: expected keywords and aliases", path)
        tags.append(Tag(
            name=str(name),
            keywords=_strings(spec.get("keywords"), path, f"tag {name}: keywords"),
            aliases=_strings(spec.get("aliases"), path, f"tag {name}: aliases"),
            fallback=bool(spec.get("fallback", False)),
        ))
    return Taxonomy(tuple(tags))
