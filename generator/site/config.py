"""site.yml: the site's settings, validated, with defaults for everything."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.errors import BulletinError
from generator.site.text import clean_text
from generator.site.yamlfile import Mapping, parse_mapping, read_text_file

DEFAULT_BASE_URL = "http://localhost:8000/"
_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_THEME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class NavLink:
    title: str
    url: str  # a path inside the site (relative to its root) or an absolute http(s) URL

    @property
    def external(self) -> bool:
        return "://" in self.url or self.url.startswith("mailto:")


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
    feed_size: int = 20
    publication: str = ""
    default_section: str = "综合"
    sections: tuple[str, ...] = ()
    navigation: tuple[NavLink, ...] = (
        NavLink("往期", "issues/index.html"),
        NavLink("栏目", "sections/index.html"),
        NavLink("标签", "tags/index.html"),
    )

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


def _check_base_url(value: str, where: Mapping | None) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        message = f"base_url must be an absolute http(s) URL such as https://user.github.io/repo/, got {value!r}"
        raise where.error("base_url", message) if where else BulletinError(message)
    return value if value.endswith("/") else value + "/"


def _check_theme(value: str, where: Mapping | None) -> str:
    if not _THEME_RE.match(value):
        message = f"theme must be the name of a folder under themes/, got {value!r}"
        raise where.error("theme", message) if where else BulletinError(message)
    return value


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
        if scheme not in ("", "http", "https", "mailto") or url.startswith("//"):
            raise mapping.error("navigation", f"navigation url must be a path in the site or an http(s) URL, got {url!r}")
        links.append(NavLink(clean_text(item["title"]).strip(), url.lstrip("/")))
    return tuple(links)


def config_from_mapping(mapping: Mapping) -> SiteConfig:
    defaults = SiteConfig()
    language = mapping.text("language", defaults.language)
    if not _LANGUAGE_RE.match(language):
        raise mapping.error("language", f"language must be a language tag such as zh-Hans, got {language!r}")
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
        publication=clean_text(mapping.text("publication", "")),
        default_section=clean_text(mapping.text("default_section", defaults.default_section)),
        sections=tuple(clean_text(name) for name in mapping.text_list("sections")),
        navigation=_navigation(mapping),
    )


def load_config(path: Path, *, required: bool) -> SiteConfig:
    """Read site.yml; a missing file gives the defaults unless the user named it explicitly."""
    if not path.exists():
        if required:
            raise BulletinError("configuration file not found", path)
        return SiteConfig(author=SiteConfig.title)
    text = read_text_file(path, "configuration")
    return config_from_mapping(parse_mapping(text, path, what="site.yml"))
