"""An issue as one self-contained HTML file (`single.html` in the theme): every article, a contents
list linking inside the file, the styles inline (`single.css`), no script and nothing else to load, so
that it reads the same from a mail attachment, a chat or a USB stick, and prints as a booklet.

Its Content-Security-Policy allows only its own stylesheet (by hash), images from the web and nothing
else: a file opened from anywhere runs nothing and calls nowhere.
"""

from __future__ import annotations

import base64
import hashlib

from generator.site.model.objects import Issue, Site
from generator.site.render.issue_document import IssueDocument
from generator.site.render.reads import Reads
from generator.site.render.theme import Theme


def single_file(site: Site, issue: Issue, document: IssueDocument, theme: Theme, reads: Reads) -> bytes:
    strings = theme.strings_for(site.language)
    css = theme.render("single.css", reads).strip()
    style_hash = "sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return theme.render(
        "single.html", reads, site=site, issue=issue, sections=document.sections, sections_html=document.section_html(),
        count=len(issue.articles), css=css, style_hash=style_hash, t=strings, date=strings.date, site_root=site.url(""),
    ).encode("utf-8")
