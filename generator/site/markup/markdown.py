"""Markdown to HTML for article bodies, safe and fit for Chinese text.

* Raw HTML is shown as text, never rendered; only http(s), mailto and scheme-less links are kept
  (`javascript:`, `data:`, `vbscript:` … links are dropped and their text stays plain).
* A line break between two CJK characters is no space: hand-edited files may wrap lines.
* Emphasis works next to CJK punctuation: `**“重点”**后` is bold (CommonMark's flanking rules alone
  reject it, because `”` is punctuation and `后` is a letter; here a CJK letter next to the run counts
  like whitespace for that test, as in the CJK-friendly amendment to CommonMark).
* Headings get deterministic ids from their source text (pinyin for Chinese), so anchors are the same in
  every edition; tables are wrapped for scrolling and aligned by class (the theme's CSP bans inline styles).
* `{{text}}` is protected text: shown as written (without the braces) in every edition.
* A body is parsed once (`parse`) and rendered once per edition (`render_parsed`): `transform` is applied
  to displayed text only, never to code, protected text, URLs or attributes.
* A body of plain paragraphs and headings skips markdown-it (`plain`): same HTML, far less time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any, Protocol

from generator.site.markup import plain
from generator.site.markup.tokens import identity, inline_text, unique_id
from generator.text.slugs import slugify

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


@dataclass(frozen=True)
class ParsedBody:
    """A body's tokens (or its plain blocks), the same for every edition; rendering never changes them."""

    tokens: list[Token]
    relative_links: bool  # whether any link or image URL is relative
    plain: tuple[plain.PlainBlock, ...] | None = None  # instead of tokens, for a plain body

    @cached_property
    def text(self) -> str:
        """The plain text as written, one line per block: what every edition's reading time counts."""
        if self.plain is not None:
            return "\n".join(block.text for block in self.plain)
        return "\n".join(text for _, text in _blocks(self.tokens, identity))


class Body(Protocol):
    """A body as one edition shows it: what pages, feeds and the search index read."""

    @property
    def html(self) -> str: ...
    @property
    def headings(self) -> tuple[Heading, ...]: ...
    @property
    def text(self) -> str: ...  # plain text: one line per block
    @property
    def lead(self) -> str: ...  # plain text of the first paragraph
    @property
    def relative_links(self) -> bool: ...  # whether any link or image URL is relative


@dataclass(frozen=True)
class RenderedBody:
    html: str
    headings: tuple[Heading, ...]
    text: str  # plain text: one line per block
    lead: str  # plain text of the first paragraph
    relative_links: bool  # whether any link or image URL is relative


def _blocks(tokens: list[Token], transform: Callable[[str], str]) -> Iterator[tuple[Token | None, str]]:
    """(opening token, plain text) of each block with text, in order; code blocks have no opener."""
    for index, token in enumerate(tokens):
        if token.type == "inline":
            yield tokens[index - 1], inline_text(token.children or [], transform)
        elif token.type in ("fence", "code_block"):
            yield None, token.content.rstrip("\n")


class MarkdownRenderer:
    """One configured markdown-it parser (made when a body first needs it); reuse it for every body.

    `slugify` names headings (the build passes its own, which remembers pinyin between builds)."""

    def __init__(self, slugify: Callable[[str], str] = slugify) -> None:
        self._parser: Any = None
        self._heading_id = partial(unique_id, slugify=slugify)

    @property
    def _md(self) -> Any:
        if self._parser is None:
            from generator.site.markup.mdparser import new_parser

            self._parser = new_parser(self._heading_id)
        return self._parser

    def parse(self, source: str) -> ParsedBody:
        blocks = plain.parse(source, self._heading_id)
        if blocks is not None:
            return ParsedBody([], False, blocks)
        env: dict = {}
        tokens = self._md.parse(source, env)
        return ParsedBody(tokens, bool(env.get("relative_links")))

    def render(self, source: str, transform: Callable[[str], str] = identity, link_base: str | None = None) -> RenderedBody | PlainBody:
        """Parse and render `source` for one edition (see `render_parsed`)."""
        return self.render_parsed(self.parse(source), transform, link_base)

    def render_parsed(self, parsed: ParsedBody, transform: Callable[[str], str] = identity, link_base: str | None = None) -> RenderedBody | PlainBody:
        """HTML and text of a parsed body with `transform` applied to its displayed text.

        `link_base` makes relative link and image URLs absolute (for feeds).
        """
        if parsed.plain is not None:
            return _render_plain(parsed.plain, transform)
        headings: list[Heading] = []
        lines: list[str] = []
        lead = ""
        for opener, text in _blocks(parsed.tokens, transform):
            lines.append(text)
            if opener is not None and opener.type == "heading_open":
                headings.append(Heading(int(opener.tag[1]), str(opener.attrGet("id")), text))
            elif opener is not None and opener.type == "paragraph_open" and not lead:
                lead = text
        html = self._md.renderer.render(parsed.tokens, self._md.options, {"transform": transform, "link_base": link_base})
        return RenderedBody(html, tuple(headings), "\n".join(lines), lead, parsed.relative_links)


def _escape(text: str) -> str:
    """What markdown-it's `escapeHtml` makes of text (whose module this one does not load)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class PlainBody:
    """A `RenderedBody` of plain blocks that keeps only its text: the HTML is made from it when read
    (each paragraph or heading is one line of the text), so an archive's bodies are held once."""

    __slots__ = ("text", "headings", "lead", "_levels")
    relative_links = False

    def __init__(self, text: str, headings: tuple[Heading, ...], lead: str, levels: bytes):
        self.text, self.headings, self.lead, self._levels = text, headings, lead, levels  # a level per line, 0 for a paragraph

    @property
    def html(self) -> str:
        """What markdown-it renders: a paragraph, or a heading with its id, per line."""
        ids = iter(heading.id for heading in self.headings)
        html = []
        for level, line in zip(self._levels, self.text.split("\n")):
            if level:
                html.append(f'<h{level} id="{_escape(next(ids))}">{_escape(line)}</h{level}>\n')
            else:
                html.append(f"<p>{_escape(line)}</p>\n")
        return "".join(html)

    def __getstate__(self) -> tuple:
        return self.text, self.headings, self.lead, self._levels

    def __setstate__(self, state: tuple) -> None:
        self.text, self.headings, self.lead, self._levels = state


def _render_plain(blocks: tuple[plain.PlainBlock, ...], transform: Callable[[str], str]) -> PlainBody:
    """A plain body for one edition: its blocks' text transformed, a line each."""
    lines = [transform(block.text) for block in blocks]
    headings = tuple(Heading(block.level, block.id, text) for block, text in zip(blocks, lines) if block.level)
    lead = next((text for block, text in zip(blocks, lines) if not block.level and text), "")
    return PlainBody("\n".join(lines), headings, lead, bytes(block.level for block in blocks))
