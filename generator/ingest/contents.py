"""A contents page as evidence: it lists the bulletin's titles and its sections.

The contents page itself is furniture (never article text); what it lists decides headings: a
heading it lists is a title, and once it has shown that it lists the bulletin's headings (three
matches or more), a heading it leaves out is a subheading, unless it stands right under a banner,
where only a title can stand. Entries are compared without spaces, numbering or brackets, and an
entry cut short by the page (`……`) matches a heading it begins.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.ingest.boilerplate import Furniture, contents_entries, contents_groups
from generator.ingest.rules import CHINESE_NUMBERED, Kind, Labeled, banner_name, enumerator

MIN_PREFIX = 8  # an entry this long matches a heading it begins
PROOF = 3  # listed headings needed before unlisted ones are taken as subheadings


def _bare(text: str) -> str:
    mark = enumerator(text)
    if mark == "【】":
        text = text.strip()[1:-1]
    elif mark:
        text = text.strip()[len(mark):]
    return "".join(text.split()).rstrip("…")


@dataclass(frozen=True)
class Contents:
    entries: frozenset[str]  # titles as listed, bare
    sections: frozenset[str]  # section names as listed

    def lists(self, heading: str) -> bool:
        bare = _bare(heading)
        return any(bare == entry or (len(entry) >= MIN_PREFIX and bare.startswith(entry)) for entry in self.entries)


def read_contents(furniture: list[Furniture]) -> Contents:
    sections = set()
    for line in contents_groups(furniture):
        numbered = CHINESE_NUMBERED.match(line)
        name = banner_name(numbered.group("name") if numbered else line)
        if name:
            sections.add(name)
    return Contents(frozenset(_bare(entry) for entry in contents_entries(furniture)), frozenset(sections))


def titles_from_contents(labeled: list[Labeled], contents: Contents) -> list[Labeled]:
    """Headings marked with what the contents page says they are (`listed`)."""
    headings = [item for item in labeled if item.kind is Kind.HEADING and not item.forced]
    matched = sum(1 for item in headings if contents.lists(item.text))
    if not matched:
        return labeled
    result = []
    for index, item in enumerate(labeled):
        if item.kind is Kind.HEADING and not item.forced:
            under_banner = index > 0 and labeled[index - 1].kind in (Kind.SECTION, Kind.PART)
            if contents.lists(item.text):
                item = replace(item, listed="title")
            elif matched >= PROOF and not under_banner:
                item = replace(item, listed="subheading")
        result.append(item)
    return result
