"""The documentation: a short README, links that lead somewhere, and references that name everything
the code knows (commands, settings, fields)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from build_helpers import ROOT
from generator.cli import COMMANDS
from generator.site.content.config import EditionConfig, SiteConfig
from generator.text.frontmatter import ARTICLE, ISSUE

DOCS = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    return {_anchor(line.lstrip("#")) for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")}


def test_the_readme_is_short():
    assert len((ROOT / "README.md").read_bytes()) <= 8 * 1024


@pytest.mark.parametrize("document", DOCS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_link_leads_somewhere(document: Path):
    broken = []
    for target in LINK.findall(document.read_text(encoding="utf-8")):
        if "://" in target or target.startswith("mailto:"):
            continue
        file, _, anchor = target.partition("#")
        path = (document.parent / file).resolve() if file else document
        if not path.exists() or (anchor and path.suffix == ".md" and anchor not in _anchors(path)):
            broken.append(target)
    assert broken == []


def _reference(name: str) -> str:
    return (ROOT / "docs" / "reference" / name).read_text(encoding="utf-8")


def test_the_cli_reference_has_every_command():
    text = _reference("cli.md")
    assert [command for command in COMMANDS if f"## `bulletin {command}`" not in text] == []


def test_the_site_yml_reference_has_every_setting():
    text = _reference("site-yml.md")
    names = [field.name for field in (*dataclasses.fields(SiteConfig), *dataclasses.fields(EditionConfig))]
    assert [name for name in names if f"| `{name}` |" not in text] == []


def test_the_front_matter_reference_has_every_field():
    text = _reference("front-matter.md")
    assert [name for name in (*ARTICLE.names, *ISSUE.names) if f"| `{name}` |" not in text] == []
