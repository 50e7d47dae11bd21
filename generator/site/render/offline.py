"""The site as an app that works offline on the web: a web app manifest and a service worker per edition,
both at the edition's root (the worker's scope is the edition, under any URL prefix).

`static/js/offline.js` registers the worker and links the manifest, only when the site is served over
http(s): a site opened from disk is left exactly as it is. The worker (the theme's `sw.js`) keeps the
newest issue (its page, its articles, the home page, the offline page and the theme's static files)
when it installs, and every page the reader opens as it goes; with the network cut it answers from
what it kept, and shows `offline.html` for a page it never kept.

The worker names the build it belongs to (`build_id`): a digest of everything the edition's files are
made from (content, settings, theme, program), so that a new build with any change publishes a new
worker, which the browser installs in place of the old one, keeping the new newest issue. The same
input gives the same digest on any machine, whatever kind of build made it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

from generator import source_digest
from generator.site import urls
from generator.site.content.reader import SourceArticle
from generator.site.model.objects import Site
from generator.site.render.reads import STATIC, TEMPLATE, Reads
from generator.site.render.strings import STRINGS_FILE
from generator.site.render.targets import RenderOptions, Target
from generator.site.render.theme import STATIC_FOLDER, Theme

WEB_MANIFEST, SERVICE_WORKER = "web-manifest", "service-worker"
KINDS = (WEB_MANIFEST, SERVICE_WORKER)
TEMPLATES = {WEB_MANIFEST: "manifest.webmanifest", SERVICE_WORKER: "sw.js"}
PATHS = {WEB_MANIFEST: urls.WEB_MANIFEST, SERVICE_WORKER: urls.SERVICE_WORKER}
_SOURCE_FIELDS = [field.name for field in dataclasses.fields(SourceArticle) if field.name != "path"]  # the path is the machine's


def _theme_files(theme: Theme) -> list[str]:
    """The templates of the theme (its static files and UI strings apart)."""
    return [name for name in theme.env.list_templates() if not name.startswith(f"{STATIC_FOLDER}/") and name != STRINGS_FILE]


def build_id(site: Site, theme: Theme, reads: Reads) -> str:
    """A digest of what every file of the edition is made from; noted in `reads` as what it read."""
    reads.card.add(site)
    reads.card.update([*site.sections, *site.tags])
    reads.text.update([*site.issues, *site.articles])
    templates = _theme_files(theme)
    reads.keys.update(TEMPLATE + name for name in templates)
    reads.keys.update(STATIC + path for path in theme.static_files)
    digest = hashlib.blake2b(digest_size=8)
    strings = theme.strings_for(site.language)
    digest.update(repr((source_digest(), site.config, site.edition.language, site.edition.prefix, site.edition.text_key,
                        sorted(strings.table.items()))).encode("utf-8"))
    digest.update(repr([(name, theme.template_digest(name)) for name in templates]).encode("utf-8"))
    digest.update(repr([(path, theme.static_digest(path)) for path in theme.static_files]).encode("utf-8"))
    for issue in site.issues:
        digest.update(repr((issue.id, issue.slug, issue.date, issue.publication, issue.number,
                            [(group.section.key, [article.key for article in group.articles]) for group in issue.groups])).encode("utf-8"))
    for article in site.articles:  # what each article's file says (its body the bulk of it, hashed as it is)
        source = article.source
        digest.update(repr([getattr(source, name) for name in _SOURCE_FIELDS if name != "body"]).encode("utf-8", "surrogatepass"))
        digest.update(source.body.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def kept_on_install(site: Site, theme: Theme) -> list[str]:
    """What the worker keeps when it installs, edition-relative: the newest issue and what it needs."""
    paths = [urls.HOME, urls.OFFLINE, urls.WEB_MANIFEST, *theme.static_files]
    if site.latest is not None:
        paths += [site.latest.path, *(article.path for article in site.latest.articles)]
    return paths


def plan(site: Site, theme: Theme) -> list[Target]:
    return [Target(PATHS[kind], kind) for kind in KINDS]


def make(target: Target, site: Site, theme: Theme, options: RenderOptions, reads: Reads) -> bytes:
    strings = theme.strings_for(site.language)
    context: dict[str, Any] = {"site": site, "t": strings, "start": urls.HOME, "static": theme.static_files}
    if target.kind == SERVICE_WORKER:
        reads.full.add(site)  # the newest issue
        if site.latest is not None:
            reads.card.add(site.latest)
            reads.card.update(site.latest.articles)
        context |= {"build": build_id(site, theme, reads), "keep": kept_on_install(site, theme), "offline": urls.OFFLINE}
    text = theme.render(TEMPLATES[target.kind], reads, **context)
    return text.encode("utf-8")

