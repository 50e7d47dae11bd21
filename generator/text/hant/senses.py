"""Which use of a two-use word a context calls for (支持: backing 支持, or a product's support 支援).

`written(word, before, after)` reads the cues of `senses.yml`: `before` is the text before the word
in its clause, `after` the text after it.
"""

from __future__ import annotations

import re

from generator.text.hant import lexicon

CLAUSE_END = re.compile(r"[，。；：！？、,;:!?\n（）()「」“”《》]")


def clause_before(text: str, start: int | None = None) -> str:
    """The text of the clause before position `start` (the end of the text by default)."""
    start = len(text) if start is None else start
    ends = [match.end() for match in CLAUSE_END.finditer(text, 0, start)]
    return text[ends[-1] if ends else 0 : start]


def written(word: str, before: str, after: str, table: dict | None = None) -> str:
    """`word` as its clause calls for; `table`: the senses with cues for converted text."""
    default, uses = (table or lexicon.senses())[word]
    for use in uses:
        if (use.after and use.after.search(before)) or (use.before and use.before.match(after)):
            return use.written
    return default
