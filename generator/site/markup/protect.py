"""Protected text: `{{…}}` marks text that no edition converts (a name OpenCC gets wrong, a quotation).

The same marks work in Markdown bodies (an inline rule in `markdown`) and in the displayed fields of
front matter and site.yml (titles, subtitles, summaries, names): every edition shows the text between
the braces as written, without the braces. Plain `{`/`}` and a `{{` without a closing `}}` on the same
line stay as they are; in Markdown `\\{{` writes the braces themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable

OPEN = "{{"
CLOSE = "}}"
_MARKED_RE = re.compile(r"\{\{([^\n]+?)\}\}")


def convert_marked(text: str, convert: Callable[[str], str]) -> str:
    """`text` with the unmarked parts converted and the marked parts kept, marks removed."""
    if OPEN not in text:
        return convert(text)
    parts = []
    position = 0
    for match in _MARKED_RE.finditer(text):
        if match.start() > position:
            parts.append(convert(text[position : match.start()]))
        parts.append(match.group(1))
        position = match.end()
    if position < len(text):
        parts.append(convert(text[position:]))
    return "".join(parts)
