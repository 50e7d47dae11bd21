"""The editions of a site: the default one at the output root, then each converted one in its sub-folder.

A converted edition's text goes through a `Converter`: OpenCC with the built-in fixes for its
configuration (`opencc_fixes`) and the site's override file over them. The override file maps source
phrases to what the edition shows:

    # content/hant-overrides.yml
    发布会: 發布會
    余晓晖: 余曉暉      # a name OpenCC would turn into 餘曉暉
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from collections.abc import Mapping as MappingOf
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BulletinError
from generator.site.content.config import OPENCC_CONFIGS, EditionConfig, SiteConfig
from generator.site.editions.convert import Conversion, Converter
from generator.site.editions.opencc_fixes import FIX_SPLITS, FIXES
from generator.site.markup.protect import convert_marked
from generator.site.markup.tokens import identity
from generator.text.yamlfile import Mapping, describe_value, parse_mapping, read_text_file

OVERRIDES_FILES = {"Hant": "hant-overrides.yml", "Hans": "hans-overrides.yml"}  # in content/, by target script


@dataclass(frozen=True)
class Edition:
    """A language edition: its language tag, its output sub-folder, and its text transform."""

    language: str
    prefix: str = ""  # '' for the default edition, else a folder such as 'zh-hant/'
    transform: Callable[[str], str] = identity
    text_key: str = ""  # names the transform (its conversion's key): text made with it can be kept

    def text(self, value: str) -> str:
        """A displayed field (a title, a name): transformed, but `{{protected}}` parts kept as written."""
        return convert_marked(value, self.transform)


def _override_mapping(path: Path) -> Mapping:
    mapping = parse_mapping(read_text_file(path, "override file"), path, what="override file")
    for phrase, converted in mapping.data.items():
        if not phrase or "\n" in phrase:
            raise mapping.error(phrase, "an override phrase must be text on one line")
        if not isinstance(converted, str) or not converted or "\n" in converted:
            raise mapping.error(phrase, f"override {describe_value(phrase)} must map to text on one line, got {describe_value(converted)}")
    return mapping


def read_overrides(path: Path) -> dict[str, str]:
    """An override file: a mapping of source phrases to converted phrases, each on one line."""
    return _override_mapping(path).data


def unused_overrides(path: Path, texts: Iterable[str]) -> list[BulletinError]:
    """The phrases of an override file that none of `texts` holds (with the line of each): a name
    misspelt, or a phrase the built-in conversion now gets right and the content no longer uses."""
    mapping = _override_mapping(path)
    texts = list(texts)
    unused_by_length: dict[int, set[str]] = {}
    for phrase in mapping.data:
        unused_by_length.setdefault(len(phrase), set()).add(phrase)
    # Each text cut into the pieces as long as some phrase, once per length (searching each phrase in
    # each text took minutes for thousands of phrases over thousands of articles).
    for length, unused in unused_by_length.items():
        for text in texts:
            if not unused:
                break
            unused -= {text[start:start + length] for start in range(len(text) - length + 1)}
    return [mapping.error(phrase, f"override {describe_value(phrase)} is used by no text of the site") for phrase in mapping.data if phrase in unused_by_length[len(phrase)]]


def overrides_path(edition: EditionConfig, project: Path, content: Path) -> tuple[Path, bool]:
    """The edition's override file and whether it must exist (it must when site.yml names it)."""
    if edition.overrides:
        return project / edition.overrides, True
    return content / OVERRIDES_FILES[OPENCC_CONFIGS[edition.opencc]], False


def conversion(edition: EditionConfig, project: Path, content: Path) -> Conversion:
    path, required = overrides_path(edition, project, content)
    if required and not path.is_file():
        raise BulletinError("override file not found (named by an edition in site.yml)", path)
    phrases = FIXES[edition.opencc] | (read_overrides(path) if path.is_file() else {})
    splits = tuple(split for split in FIX_SPLITS[edition.opencc] if split.replace("|", "") not in phrases)
    return Conversion(edition.opencc, tuple(sorted(phrases.items())), splits)


def folder_prefix(edition: EditionConfig) -> str:
    return edition.folder + "/"


def all_editions(config: SiteConfig) -> list[Edition]:
    """Every configured edition, default first, without their converters: what pages link to."""
    return [Edition(config.language), *(Edition(edition.language, folder_prefix(edition)) for edition in config.editions)]


def selected(config: SiteConfig, variants: Sequence[str]) -> list[EditionConfig | None]:
    """The editions to build (None standing for the default one): all of them when `variants` is empty.

    A variant names an edition by its language tag or its folder, in any case.
    """
    known: dict[str, EditionConfig | None] = {config.language.lower(): None}
    for edition in config.editions:
        known[edition.language.lower()] = known[edition.folder] = edition
    if not variants:
        return list(dict.fromkeys(known.values()))
    chosen = []
    for variant in variants:
        if variant.lower() not in known:
            names = ", ".join([config.language, *(edition.language for edition in config.editions)])
            raise BulletinError(f"unknown variant {variant!r}: this site's editions are {names} (see 'editions' in site.yml)")
        chosen.append(known[variant.lower()])
    return list(dict.fromkeys(chosen))


def load_edition(config: SiteConfig, edition: EditionConfig | None, project: Path, content: Path, known: Callable[[str, Conversion], MappingOf[str, str]]) -> Edition:
    """The edition ready to build: with its converter for a converted edition, which starts from the
    results `known(folder, conversion)` gives (kept from earlier builds)."""
    if edition is None:
        return Edition(config.language)
    spec = conversion(edition, project, content)
    return Edition(edition.language, folder_prefix(edition), Converter(spec, known(edition.folder, spec)), spec.key)
