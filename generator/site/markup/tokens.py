"""What the Markdown renderer and its markdown-it rules share: token types, inline text, heading ids."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

PROTECTED = "protected_text"  # the token type of `{{text}}`
TEXT_TYPES = ("text", "code_inline", PROTECTED)

# Ids the default theme uses for its own elements; a heading never takes one of them.
RESERVED_IDS = frozenset(
    {"main", "top", "toc", "site-header", "site-nav", "site-search", "site-search-form", "edition-list", "search-form", "search-input",
     "search-status", "search-results"}
)


def identity(text: str) -> str:
    return text


def inline_text(children: list[Token], transform: Callable[[str], str] = identity) -> str:
    parts = []
    for token in children:
        if token.type == "text":
            parts.append(transform(token.content))
        elif token.type in TEXT_TYPES:
            parts.append(token.content)
        elif token.type == "softbreak":
            parts.append(" ")
        elif token.type == "hardbreak":
            parts.append("\n")
        elif token.children:
            parts.append(inline_text(token.children, transform))
    return "".join(parts)


class UsedIds(set):
    """The ids taken in one body, and the next number to try for each base id: 40,000 headings with the
    same text take linear time, not quadratic."""

    def __init__(self) -> None:
        super().__init__()
        self.numbers: dict[str, int] = {}


def unique_id(text: str, used: UsedIds, slugify: Callable[[str], str]) -> str:
    """A heading's id: the slug of its text, numbered when `used` already has it."""
    base = slugify(text) if text.strip() else "section"
    candidate, number = base, used.numbers.get(base, 1)
    if number > 1:
        candidate = f"{base}-{number}"
    while candidate in used or candidate in RESERVED_IDS:
        number += 1
        candidate = f"{base}-{number}"
    used.numbers[base] = number
    used.add(candidate)
    return candidate
