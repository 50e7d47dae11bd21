"""An issue as an EPUB 3 book: a text cover, the contents by section (down to subheadings), one document
per section holding its articles, metadata for a reader's library, and no fonts (the reader's own).

The documents come from the theme's `epub/` templates; this module packs them. Written with the
standard `zipfile` module rather than a library: an EPUB is a handful of fixed files, and its bytes
must be the same on every build (fixed entry order, times and attributes; no clock, no random id: the
identifier is a UUID named by the issue's address), which EPUB libraries do not promise.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import uuid
import zipfile
from typing import Any

from generator.site.model.objects import Issue, Site
from generator.site.render.issue_document import IssueDocument
from generator.site.render.reads import Reads
from generator.site.render.theme import Theme

FOLDER = "EPUB/"
COMPRESSION = 1  # deflate's fastest level: on the sample 9% larger than its default, in less than half the time
CONTAINER = b"""<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""
# Characters XML 1.0 forbids (text extracted from a PDF may hold form feeds and the like).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# An image in a body (markdown-it's output): an EPUB may not show a remote one, so its description stands in.
_IMAGE = re.compile(r'<img src="[^"]*" alt="([^"]*)"[^>]*>')


def section_file(number: int) -> str:
    return f"section-{number:02d}.xhtml"


def identifier(site: Site, issue: Issue) -> str:
    """The book's identifier: the same for every build of this issue in this edition, different from any other."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, site.url(issue.path))}"


def _entry(name: str, when: dt.date, compress: bool = True) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(when.year, when.month, when.day, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.create_system = 3  # Unix, whatever system builds it
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    return info


def _local_href(number: int, target: int, anchor: str) -> str:
    """A link from the section numbered `number` to `anchor` in the section numbered `target`."""
    return f"#{anchor}" if target == number else f"{section_file(target)}#{anchor}"


def _documents(site: Site, issue: Issue, theme: Theme, reads: Reads, document: IssueDocument) -> dict[str, str]:
    """The book's documents by file name (in the `FOLDER`), in the package's order."""
    strings = theme.strings_for(site.language)

    def describe(image: re.Match) -> str:
        alt = html.unescape(image.group(1))
        return html.escape(strings("image_described", alt=alt) if alt else strings("image"), quote=False)

    context: dict[str, Any] = {
        "site": site, "issue": issue, "sections": document.sections, "count": len(issue.articles), "section_file": section_file,
        "t": strings, "date": strings.date, "title": strings("issue_title", publication=issue.publication, date=strings.date(issue.date)),
        "identifier": identifier(site, issue), "issue_url": site.url(issue.path),
        "modified": f"{issue.date.isoformat()}T00:00:00Z",  # EPUB requires one; the issue's date keeps the bytes stable
    }
    documents = {name: theme.render(f"epub/{name}", reads, **context) for name in ("package.opf", "nav.xhtml", "cover.xhtml", "style.css")}
    for section, body in zip(document.sections, document.section_html(_local_href)):
        body = _IMAGE.sub(describe, body) if "<img " in body else body
        documents[section_file(section.number)] = theme.render("epub/section.xhtml", reads, section=section, html=body, **context)
    return documents


def epub(site: Site, issue: Issue, document: IssueDocument, theme: Theme, reads: Reads) -> bytes:
    """The EPUB of `issue` in the edition of `site`, from its `document` (rendered)."""
    book = io.BytesIO()
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr(_entry("mimetype", issue.date, compress=False), "application/epub+zip")  # first, stored: how readers know the format
        archive.writestr(_entry("META-INF/container.xml", issue.date), CONTAINER, compresslevel=COMPRESSION)
        for name, text in _documents(site, issue, theme, reads, document).items():
            archive.writestr(_entry(FOLDER + name, issue.date), _NOT_XML.sub("", text).encode("utf-8"), compresslevel=COMPRESSION)
    return book.getvalue()
