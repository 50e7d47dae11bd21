"""site.yml: the site's settings, validated, with defaults for everything; settings it does not know
are reported with the one they look like (a warning in build, an error in check)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.errors import BulletinError
from generator.site import urls
from generator.text.normalize import clean_text
from generator.text.yamlfile import Mapping, closest, describe_value, parse_mapping, read_text_file

DEFAULT_BASE_URL = "http://localhost:8000/"
_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_THEME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_FOLDER_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")
_TRADITIONAL_TAGS = ("hant", "tw", "hk", "mo")
_URL_TRAP_RE = re.compile(r"[\\\x00-\x1f\x7f]")  # a backslash or a control character

# OpenCC configurations an edition may use (its `opencc` setting), with the script each one writes.
OPENCC_CONFIGS = {
    "s2t": "Hant",  # Traditional characters (OpenCC standard)
    "s2tw": "Hant",  # Taiwan standard characters
    "s2twp": "Hant",  # Taiwan standard characters and Taiwan vocabulary (软件 -> 軟體)
    "s2hk": "Hant",  # Hong Kong standard characters
    "t2s": "Hans",  # a Traditional source converted to Simplified
}


@dataclass(frozen=True)
class NavLink:
    title: str
    url: str  # a path inside the site (relative to its root) or an absolute http(s) URL


@dataclass(frozen=True)
class EditionConfig:
    """A converted edition: its language tag, its output sub-folder and how its text is converted."""

    language: str
    folder: str  # a sub-folder of the output: 'zh-hant'
    opencc: str  # an OpenCC configuration name, one of OPENCC_CONFIGS
    overrides: str | None = None  # override file as written in site.yml, relative to its folder; None: the default


@dataclass(frozen=True)
class SiteConfig:
    title: str = "Bulletin Digest"
    description: str = ""
    author: str = ""
    base_url: str = DEFAULT_BASE_URL
    language: str = "zh-Hans"
    timezone: str = "Asia/Shanghai"
    theme: str = "default"
    per_page: int = 20
    feed_size: int = 20  # entries of each section, tag and issues feed
    feed_issues: int = 2  # newest issues the site feed holds whole
    publication: str = ""
    default_section: str = "综合"
    sections: tuple[str, ...] = ()
    navigation: tuple[NavLink, ...] = (
        NavLink("往期", "issues/index.html"),
        NavLink("栏目", "sections/index.html"),
        NavLink("标签", "tags/index.html"),
    )
    editions: tuple[EditionConfig, ...] = ()  # besides the default edition, in the `language` of the content
    custom_domain: str = ""  # the domain GitHub Pages serves the site on, written to CNAME

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def with_overrides(self, *, theme: str | None = None, base_url: str | None = None) -> SiteConfig:
        changed = self
        if theme is not None:
            changed = replace(changed, theme=_check_theme(theme, None))
        if base_url is not None:
            changed = replace(changed, base_url=_check_base_url(base_url, None))
        return changed



SETTINGS = tuple(field.name for field in dataclasses.fields(SiteConfig))  # what site.yml may set
EDITION_FIELDS = tuple(field.name for field in dataclasses.fields(EditionConfig))


def _check_base_url(value: str, where: Mapping | None) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        message = f"base_url must be an absolute http(s) URL such as https://user.github.io/repo/, got {describe_value(value)}"
        raise where.error("base_url", message) if where else BulletinError(message)
    return value if value.endswith("/") else value + "/"


def _check_theme(value: str, where: Mapping | None) -> str:
    if not _THEME_RE.match(value):
        message = f"theme must be the name of a folder under themes/, got {describe_value(value)}"
        raise where.error("theme", message) if where else BulletinError(message)
    return value


def _unknown_navigation_fields(mapping: Mapping) -> list[BulletinError]:
    items = mapping.data.get("navigation")
    entries = [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
    known = ("title", "url")
    return [mapping.error("navigation", f"navigation: {key}: unknown field of an entry" + (f"; did you mean {match}?" if (match := closest(str(key), known)) else ""))
            for item in entries for key in item if key not in known]


def _navigation(mapping: Mapping) -> tuple[NavLink, ...]:
    if "navigation" not in mapping.data:
        return SiteConfig.navigation
    items = mapping.data["navigation"] or []
    if not isinstance(items, list):
        raise mapping.error("navigation", "navigation must be a list of {title, url} entries")
    links = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("title"), str) or not isinstance(item.get("url"), str):
            raise mapping.error("navigation", "each navigation entry needs a 'title' and a 'url' (text)")
        url = item["url"].strip()
        scheme = urlsplit(url).scheme
        # Browsers read `\` as `/` and drop tabs and newlines: `\\evil.example/x`, `\/evil.example/x` and
        # `/\t/evil.example/x` all lead to another site, like `//evil.example/x`.
        if scheme not in ("", "http", "https", "mailto") or url.startswith("//") or _URL_TRAP_RE.search(url):
            raise mapping.error("navigation", f"navigation url must be a path in the site or an http(s) URL, got {describe_value(url)}")
        links.append(NavLink(clean_text(item["title"]).strip(), url.lstrip("/")))
    return tuple(links)


def script(language: str) -> str:
    """'Hant' for a Traditional Chinese language tag (zh-Hant, zh-TW, zh-HK, zh-MO), else 'Hans'."""
    return "Hant" if any(part in _TRADITIONAL_TAGS for part in language.lower().split("-")[1:]) else "Hans"


def _edition(mapping: Mapping, item: object, language: str) -> EditionConfig:
    if not isinstance(item, dict) or not all(isinstance(item.get(key, ""), str) for key in ("language", "opencc", "folder", "overrides")):
        raise mapping.error("editions", "each edition needs a 'language' and an 'opencc' configuration (text), e.g. {language: zh-Hant, opencc: s2twp}")
    unknown = sorted(set(item) - set(EDITION_FIELDS))
    if unknown:
        match = closest(unknown[0], EDITION_FIELDS)
        hint = f"did you mean {match}?" if match else f"known: {', '.join(EDITION_FIELDS)}"
        raise mapping.error("editions", f"unknown edition field {unknown[0]!r} ({hint})")
    tag, config = item.get("language", "").strip(), item.get("opencc", "").strip()
    if not _LANGUAGE_RE.match(tag):
        raise mapping.error("editions", f"edition language must be a language tag such as zh-Hant, got {describe_value(tag)}")
    if config not in OPENCC_CONFIGS:
        raise mapping.error("editions", f"edition {tag}: opencc must be one of {', '.join(OPENCC_CONFIGS)}, got {describe_value(config)}")
    source = "Hant" if config.startswith("t") else "Hans"
    if script(language) != source or script(tag) != OPENCC_CONFIGS[config]:
        raise mapping.error("editions", f"edition {tag}: opencc {config} does not convert the site's language {language} into {tag}")
    folder = item.get("folder", "").strip() or tag.lower()
    if not _FOLDER_RE.match(folder) or folder in urls.TOP_LEVEL_NAMES:
        raise mapping.error("editions", f"edition {tag}: folder must be a plain name (a-z, 0-9, -) not used by the site itself, got {describe_value(folder)}")
    return EditionConfig(tag, folder, config, item.get("overrides", "").strip() or None)


def _editions(mapping: Mapping, language: str) -> tuple[EditionConfig, ...]:
    items = mapping.data.get("editions") or []
    if not isinstance(items, list):
        raise mapping.error("editions", "editions must be a list of {language, opencc} entries")
    editions = [_edition(mapping, item, language) for item in items]
    for key in ("language", "folder"):
        seen = [language.lower()] if key == "language" else []
        for edition in editions:
            value = getattr(edition, key).lower()
            if value in seen:
                raise mapping.error("editions", f"two editions have the {key} {getattr(edition, key)!r}")
            seen.append(value)
    return tuple(editions)


def _custom_domain(mapping: Mapping) -> str:
    domain = (mapping.text("custom_domain", "") or "").lower().rstrip(".")
    if domain and not _DOMAIN_RE.match(domain):
        raise mapping.error("custom_domain", f"custom_domain must be a domain name such as digest.example.org (no https://, no path), got {describe_value(domain)}")
    return domain


def config_from_mapping(mapping: Mapping, unknown: list[BulletinError] | None = None) -> SiteConfig:
    """The settings `mapping` holds; settings it does not know are added to `unknown` (when given)."""
    if unknown is not None:
        unknown += mapping.unknown(SETTINGS, "setting") + _unknown_navigation_fields(mapping)
    defaults = SiteConfig()
    language = mapping.text("language", defaults.language)
    if not _LANGUAGE_RE.match(language):
        raise mapping.error("language", f"language must be a language tag such as zh-Hans, got {describe_value(language)}")
    timezone = mapping.text("timezone", defaults.timezone)
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise mapping.error("timezone", f"unknown timezone {timezone!r} (use a name such as Asia/Shanghai)") from None
    title = clean_text(mapping.text("title", defaults.title))
    return SiteConfig(
        title=title,
        description=clean_text(mapping.text("description", "")),
        author=clean_text(mapping.text("author", "") or title),
        base_url=_check_base_url(mapping.text("base_url", defaults.base_url), mapping),
        language=language,
        timezone=timezone,
        theme=_check_theme(mapping.text("theme", defaults.theme), mapping),
        per_page=mapping.integer("per_page", defaults.per_page, minimum=1),
        feed_size=mapping.integer("feed_size", defaults.feed_size, minimum=1),
        feed_issues=mapping.integer("feed_issues", defaults.feed_issues, minimum=1),
        publication=clean_text(mapping.text("publication", "")),
        default_section=clean_text(mapping.text("default_section", defaults.default_section)),
        sections=tuple(clean_text(name) for name in mapping.text_list("sections")),
        navigation=_navigation(mapping),
        editions=_editions(mapping, language),
        custom_domain=_custom_domain(mapping),
    )


def load_config(path: Path, *, required: bool, unknown: list[BulletinError] | None = None) -> SiteConfig:
    """Read site.yml; a missing file gives the defaults unless the user named it explicitly. Settings
    it does not know are added to `unknown` (when given)."""
    if not path.exists():
        if required:
            raise BulletinError("configuration file not found", path)
        return SiteConfig(author=SiteConfig.title)
    text = read_text_file(path, "configuration")
    return config_from_mapping(parse_mapping(text, path, what="site.yml"), unknown)
