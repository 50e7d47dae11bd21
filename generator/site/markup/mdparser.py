"""markdown-it configured for bulletin bodies: the rules of `markdown` that need a real parser.

Loaded only when a body is not plain (see `plain`): parsing a plain body needs none of this.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from urllib.parse import urljoin, urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml, isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Delimiter
from markdown_it.token import Token

from generator.site.markup.protect import CLOSE, OPEN
from generator.site.markup.tokens import PROTECTED, TEXT_TYPES, UsedIds, inline_text
from generator.text.cjk import is_cjk_letter, is_wide

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def _scheme(url: str) -> str | None:
    scheme = urlsplit(url).scheme
    return scheme.lower() if scheme else None


def validate_link(url: str) -> bool:
    return _scheme(url.strip()) in SAFE_SCHEMES or (_scheme(url.strip()) is None and not url.startswith("//"))


def _scan_delims(state: StateInline, start: int, can_split_word: bool) -> tuple[bool, bool, int]:
    """CommonMark's delimiter-run scan, where a CJK letter beside the run satisfies the punctuation test."""
    src, maximum = state.src, state.posMax
    marker = src[start]
    pos = start
    while pos < maximum and src[pos] == marker:
        pos += 1
    last_char = src[start - 1] if start > 0 else " "
    next_char = src[pos] if pos < maximum else " "
    last_punct = isMdAsciiPunct(ord(last_char)) or isPunctChar(last_char)
    next_punct = isMdAsciiPunct(ord(next_char)) or isPunctChar(next_char)
    last_space = isWhiteSpace(ord(last_char))
    next_space = isWhiteSpace(ord(next_char))
    left_flanking = not next_space and (not next_punct or last_space or last_punct or is_cjk_letter(last_char))
    right_flanking = not last_space and (not last_punct or next_space or next_punct or is_cjk_letter(next_char))
    can_open = left_flanking and (can_split_word or not right_flanking or last_punct)
    can_close = right_flanking and (can_split_word or not left_flanking or next_punct)
    return can_open, can_close, pos - start


def _emphasis(state: StateInline, silent: bool) -> bool:
    """markdown-it's emphasis tokenizer, with the CJK-aware delimiter scan."""
    marker = state.src[state.pos]
    if silent or marker not in "*_":
        return False
    can_open, can_close, length = _scan_delims(state, state.pos, marker == "*")
    for _ in range(length):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(Delimiter(ord(marker), length, len(state.tokens) - 1, -1, can_open, can_close))
    state.pos += length
    return True


def _edge_char(tokens: list[Token], index: int, step: int) -> str:
    """The text character next to position `index` in an inline token list, looking in direction `step`."""
    index += step
    while 0 <= index < len(tokens):
        token = tokens[index]
        if token.type in TEXT_TYPES:
            if token.content:
                return token.content[-1] if step < 0 else token.content[0]
        elif token.type not in ("strong_open", "strong_close", "em_open", "em_close", "link_open", "link_close"):
            return ""
        index += step
    return ""


def _drop_cjk_softbreaks(children: list[Token]) -> list[Token]:
    return [
        token
        for index, token in enumerate(children)
        if not (token.type == "softbreak" and is_wide(_edge_char(children, index, -1)) and is_wide(_edge_char(children, index, 1)))
    ]


def _next(state: StateInline, sub: str, start: int) -> int:
    """`state.src.find(sub, start, state.posMax)`, remembered: the rule is tried at every `{` of a text,
    always further on, so searching again only past the last find keeps a line of 300,000 `{{` linear."""
    memo = state.env.setdefault("protected_finds", {})
    kept = memo.get(sub)
    if kept and kept[0] is state.src and kept[1] == state.posMax and kept[2] <= start and (kept[3] < 0 or kept[3] >= start):
        return kept[3]
    found = state.src.find(sub, start, state.posMax)
    memo[sub] = (state.src, state.posMax, start, found)
    return found


def _protected(state: StateInline, silent: bool) -> bool:
    """`{{text}}` on one line: a token whose text no edition converts."""
    start = state.pos
    if not state.src.startswith(OPEN, start):
        return False
    end = _next(state, CLOSE, start + len(OPEN))
    if end < 0 or 0 <= _next(state, "\n", start) < end:
        return False
    content = state.src[start + len(OPEN) : end]
    if not content.strip():
        return False
    if not silent:
        state.push(PROTECTED, "", 0).content = content
    state.pos = end + len(CLOSE)
    return True


def _bulletin_core(state: StateCore, heading_id: Callable[[str, UsedIds], str]) -> None:
    """After inline parsing: soft breaks, heading ids, table alignment, whether links are relative."""
    used_ids = UsedIds()
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type == "inline" and token.children is not None:
            token.children = _drop_cjk_softbreaks(token.children)
            if any(_relative_url(child) for child in token.children):
                state.env["relative_links"] = True
            if tokens[index - 1].type == "heading_open":
                tokens[index - 1].attrSet("id", heading_id(inline_text(token.children), used_ids))
        elif token.type in ("th_open", "td_open") and token.attrGet("style"):
            align = str(token.attrGet("style")).partition(":")[2]
            token.attrs = {"class": f"align-{align}"}


def _relative_url(token: Token) -> str | None:
    """The attribute ('href' or 'src') of a link or image token holding a relative URL, if any."""
    for attr in ("href", "src"):
        url = token.attrGet(attr)
        if isinstance(url, str) and _scheme(url) is None:
            return attr
    return None


# Render rules read the edition's `transform` and `link_base` from `env`; tokens stay unchanged.
def _text(self, tokens, idx, options, env) -> str:  # noqa: ANN001 - markdown-it render rule signature
    return escapeHtml(env["transform"](tokens[idx].content))


def _protected_text(self, tokens, idx, options, env) -> str:  # noqa: ANN001
    return escapeHtml(tokens[idx].content)


def _with_absolute_url(token: Token, env: dict, **attrs: str) -> Token:
    """A copy of `token` with `attrs` set and a relative URL made absolute against `env['link_base']`."""
    attr = _relative_url(token)
    if attr and env["link_base"]:
        attrs[attr] = urljoin(env["link_base"], str(token.attrGet(attr)))
    return token.copy(attrs={**token.attrs, **attrs}) if attrs else token


def _link_open(self, tokens, idx, options, env) -> str:  # noqa: ANN001
    return self.renderToken([_with_absolute_url(tokens[idx], env)], 0, options, env)


def _image(self, tokens, idx, options, env) -> str:  # noqa: ANN001
    alt = inline_text(tokens[idx].children or [], env["transform"])
    return self.renderToken([_with_absolute_url(tokens[idx], env, alt=alt)], 0, options, env)


def _table_open(self, tokens, idx, options, env) -> str:  # noqa: ANN001 - markdown-it render rule signature
    return '<div class="table-wrap" tabindex="0">\n' + self.renderToken(tokens, idx, options, env)


def _table_close(self, tokens, idx, options, env) -> str:  # noqa: ANN001
    return self.renderToken(tokens, idx, options, env) + "</div>\n"


def new_parser(heading_id: Callable[[str, UsedIds], str]) -> MarkdownIt:
    """CommonMark and tables, raw HTML shown as text, safe links, and the bulletin rules above;
    `heading_id(text, ids used)` names each heading."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    md.validateLink = validate_link  # type: ignore[method-assign]  # how markdown-it-py takes a link policy
    md.inline.ruler.at("emphasis", _emphasis)
    md.inline.ruler.before("text", "protected", _protected)
    md.core.ruler.push("bulletin", partial(_bulletin_core, heading_id=heading_id))
    for name, rule in (("text", _text), (PROTECTED, _protected_text), ("link_open", _link_open), ("image", _image),
                       ("table_open", _table_open), ("table_close", _table_close)):
        md.add_render_rule(name, rule)
    return md
