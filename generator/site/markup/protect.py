"""Protected text: `{{…}}` marks text that no edition converts (a name OpenCC gets wrong, a quotation).

The same marks work in Markdown bodies (an inline rule in `markdown`) and in the displayed fields of
front matter and site.yml (titles, subtitles, summaries, names): every edition shows the text between
the braces as written, without the braces. Plain `{`/`}` and a `{{` without a closing `}}` on the same
line stay as they are; in Markdown `\\{{` writes the braces themselves.
"""

from __future__ import annotations

from collections.abc import Callable

OPEN = "{{"
CLOSE = "}}"


def marked_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every `{{…}}` mark in `text`, braces included: the leftmost first, each ending at
    the first `}}` after at least one character, on its line. Linear: once an opening has no closing
    after it on its line, no later opening on that line has one either."""
    spans = []
    line_start = 0
    while (opening := text.find(OPEN, line_start)) >= 0:
        line_end = text.find("\n", opening)
        line_end = len(text) if line_end < 0 else line_end
        position = opening
        while 0 <= position < line_end:
            closing = text.find(CLOSE, position + len(OPEN) + 1, line_end)
            if closing < 0:
                break
            spans.append((position, closing + len(CLOSE)))
            position = text.find(OPEN, closing + len(CLOSE), line_end)
        line_start = line_end + 1
    return spans


def convert_marked(text: str, convert: Callable[[str], str]) -> str:
    """`text` with the unmarked parts converted and the marked parts kept, marks removed."""
    if OPEN not in text:
        return convert(text)
    parts = []
    position = 0
    for start, end in marked_spans(text):
        if start > position:
            parts.append(convert(text[position:start]))
        parts.append(text[start + len(OPEN) : end - len(CLOSE)])
        position = end
    if position < len(text):
        parts.append(convert(text[position:]))
    return "".join(parts)
