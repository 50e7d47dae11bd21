"""Themes: Jinja templates, UI strings per language, and static files.

A site's own `themes/<name>/` is searched first and the built-in `themes/default/` last, template by
template, string by string and static file by static file: an override theme holds only what it changes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from generator.errors import BulletinError
from generator.fsutil import printable, unreadable
from generator.resources import builtin_themes
from generator.site.render.reads import Reads
from generator.site.render.strings import STRINGS_FILE, Strings
from generator.site.render.templating import TEMPLATE_EXTENSIONS, PageLinks, SiteEnvironment, template_error
from generator.text.cjk import phrases
from generator.text.yamlfile import parse_mapping, read_text_file

DEFAULT_THEME = "default"
STATIC_FOLDER = "static"


def _strings(dirs: list[Path]) -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = {}
    for folder in reversed(dirs):  # lowest priority first, so overrides win
        path = folder / STRINGS_FILE
        if not path.is_file():
            continue
        mapping = parse_mapping(read_text_file(path, STRINGS_FILE), path, what=STRINGS_FILE)
        for language, entries in mapping.data.items():
            if not isinstance(entries, dict) or not all(isinstance(v, str) for v in entries.values()):
                raise mapping.error(language, f"{language}: each UI string must be text")
            tables.setdefault(language, {}).update({str(k): v for k, v in entries.items()})
    return tables


def _static_files(dirs: list[Path]) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for folder in reversed(dirs):
        static = folder / STATIC_FOLDER
        if static.is_dir():
            for path in sorted(static.rglob("*")):
                if path.is_file() and not any(part.startswith(".") for part in path.relative_to(static).parts):
                    files[f"{STATIC_FOLDER}/{path.relative_to(static).as_posix()}"] = path
    return dict(sorted(files.items()))


def headline(text: str) -> Markup:
    """`{{ title|headline }}`: a headline whose phrases each stay on one line where they fit (CSS `.phrase`),
    so that it breaks between them, never inside a word."""
    parts = phrases(text)
    if len(parts) < 2:
        return escape(text)
    return Markup(" ").join(Markup('<span class="phrase">%s</span>') % part for part in parts)


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs (Jinja checks each against its source); never an error.

    Compiled templates are code: they are kept in the user's own cache folder, never in the project,
    where a copied or cloned `.cache/` could bring code that every build would run."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def compiled_templates_folder() -> Path | None:
    """The user's private folder for compiled templates (`$XDG_CACHE_HOME/bulletin/templates`, else
    `~/.cache/...`), made if needed; None where there is no such folder only this user can write to."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base, "bulletin", "templates")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
    except OSError:
        return None
    if not os.path.isabs(base) or info.st_uid != getattr(os, "getuid", lambda: info.st_uid)() or info.st_mode & 0o022:
        return None  # someone else could plant code there
    return folder


class Theme:
    """Templates compiled once per process (Jinja caches them), UI strings and static files.

    `card_fields`: the fields of each model class that lists show (see `templating`); `compiled`: a
    folder where compiled templates are kept between processes."""

    def __init__(self, dirs: list[Path], card_fields: Mapping[type, frozenset[str]], compiled: Path | None = None):
        self.dirs = dirs
        self.env = SiteEnvironment(
            card_fields,
            loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(folder)) for folder in dirs]),
            autoescape=jinja2.select_autoescape(TEMPLATE_EXTENSIONS, default_for_string=True),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=_CompiledTemplates(str(compiled)) if compiled else None,
        )
        self.env.filters["headline"] = headline
        self.strings = _strings(dirs)
        self.static_files = _static_files(dirs)

    @staticmethod
    def builtin() -> Path:
        return builtin_themes() / DEFAULT_THEME

    @cache  # noqa: B019 - a theme lives for one build, or until its files change
    def template_digest(self, name: str) -> str:
        """A digest of the template `name` as the theme has it (its override, or the built-in one)."""
        loader = self.env.loader
        assert loader is not None  # made with one
        source, _, _ = loader.get_source(self.env, name)
        return hashlib.blake2b(source.encode("utf-8"), digest_size=16).hexdigest()

    @cache  # noqa: B019
    def static_digest(self, path: str) -> str | None:
        file = self.static_files.get(path)
        return hashlib.blake2b(file.read_bytes(), digest_size=16).hexdigest() if file else None

    def render(self, name: str, reads: Reads | None, links: PageLinks | None = None, **context: Any) -> str:
        """The template `name` rendered with `context`: what it reads noted in `reads`, pure macros kept
        when it is a page linking by `links`. An error in a template is reported with its file and line."""
        try:
            with self.env.rendering(links, reads):
                return self.env.get_template(name).render(**context)
        except Exception as exc:  # a theme's template can raise anything; report where, not a traceback
            error = template_error(exc)
            if error is None:
                raise
            raise error from None

    def strings_for(self, language: str) -> Strings:
        """The UI strings of `language`, or of the nearest broader tag the theme has (zh-Hant-TW: zh-Hant)."""
        parts = language.split("-")
        for length in range(len(parts), 0, -1):
            table = self.strings.get("-".join(parts[:length]))
            if table is not None:
                return Strings(language, table)
        known = ", ".join(sorted(self.strings)) or "none"
        raise BulletinError(f"the theme has no UI strings for language {language!r} (it has {known}): use one of those in "
                            f"site.yml, or give your theme (a folder under themes/) an {STRINGS_FILE} with a '{language}:' table")


def _refuse_unsafe_files(folder: Path, project: Path) -> None:
    """A theme's files are published (static) or shown (templates): a symbolic link leading out of the
    theme and the project (to /etc/passwd, a private folder) is refused, as is a file that cannot be read
    without blocking or erring (a FIFO, a link to nothing or to itself, a name that is not UTF-8)."""
    for root, dirs, files in os.walk(folder):
        for name in sorted(files + [name for name in dirs if os.path.islink(os.path.join(root, name))]):
            path = os.path.join(root, name)
            target = Path(os.path.realpath(path))
            if os.path.islink(path) and not any(target == inside or inside in target.parents for inside in (folder, project)):
                raise BulletinError(f"is a symbolic link to {printable(target)}, outside the project: a theme may "
                                    "only use files inside it (copy the file in instead)", path)
            why = None if os.path.isdir(path) else unreadable(path)
            if why:
                raise BulletinError(f"cannot use this theme file: {why}", path)


def load_theme(project_root: Path, name: str, card_fields: Mapping[type, frozenset[str]], compiled: Path | None = None) -> Theme:
    """The theme called `name`: the project's `themes/<name>/` over the built-in default theme."""
    dirs = []
    own = project_root / "themes" / name
    if own.is_dir():
        dirs.append(own.resolve())
        _refuse_unsafe_files(own.resolve(), project_root.resolve())
    elif name != DEFAULT_THEME:
        raise BulletinError(f"theme {name!r} not found (looked for the folder {own})")
    builtin = Theme.builtin().resolve()
    if builtin not in dirs:
        dirs.append(builtin)
    return Theme(dirs, card_fields, compiled)
